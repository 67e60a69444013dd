#include "adapters/export/stats_json.h"

#include <google/protobuf/util/json_util.h>

namespace motcua::exporter {

Result<std::string> ToJson(const google::protobuf::Message& message, bool pretty) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = pretty;
  // A zero count is a figure, not a missing one.
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = false;  // the json_names are the keys
  std::string out;
  auto status = google::protobuf::util::MessageToJsonString(message, &out, options);
  if (!status.ok()) {
    return Status(Error::kInternal, "không chuyển được sang JSON: " + std::string(status.message()));
  }
  return out;
}

Result<std::string> StatisticsToJson(const v1::Statistics& stats) { return ToJson(stats, true); }

}  // namespace motcua::exporter
