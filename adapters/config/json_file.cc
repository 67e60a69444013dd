#include "adapters/config/json_file.h"

#include <fstream>
#include <sstream>

#include <google/protobuf/util/json_util.h>

#include "engine/base/quote.h"

namespace motcua::config {

namespace {

// The parser's message up to its first line break (what follows points into
// the text with a caret), quoted: it names a key or a value from the file.
std::string ParserReason(std::string_view text) {
  return QuoteForMessage(text.substr(0, text.find_first_of("\r\n")), 160);
}

}  // namespace

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Error::kConfig, "không đọc được tệp " + QuoteForMessage(path.string(), kQuotedPathMaxBytes));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return Status(Error::kConfig, "lỗi khi đọc tệp " + QuoteForMessage(path.string(), kQuotedPathMaxBytes));
  return content.str();
}

Status ParseJson(const std::string& json, const std::string& what,
                 google::protobuf::Message& message) {
  message.Clear();
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(json, &message, options);
  if (!status.ok()) {
    return Status(Error::kConfig, what + ": " + ParserReason(std::string(status.message())));
  }
  return Status::Ok();
}

Status ReadJsonFile(const std::filesystem::path& path, google::protobuf::Message& message) {
  MOTCUA_ASSIGN_OR_RETURN(std::string json, ReadFile(path));
  return ParseJson(json, QuoteForMessage(path.string(), kQuotedPathMaxBytes), message);
}

}  // namespace motcua::config
