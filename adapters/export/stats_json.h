// Statistics (and any other export message) as JSON, through protobuf's JSON
// mapping: the keys are the fields' json_names (stats.proto), zero counts are
// printed rather than omitted, and nothing is assembled by hand.
//
// Pure; safe from any thread.
#ifndef MOTCUA_ADAPTERS_EXPORT_STATS_JSON_H_
#define MOTCUA_ADAPTERS_EXPORT_STATS_JSON_H_

#include <string>

#include <google/protobuf/message.h>

#include "engine/base/status.h"
#include "motcua/v1/stats.pb.h"

namespace motcua::exporter {

// kInternal if protobuf refuses (only for malformed UTF-8 in a string).
Result<std::string> ToJson(const google::protobuf::Message& message, bool pretty = true);

// {"from": ..., "resolved_on_time": {"num": 2, "den": 5, "ratio": 0.4}, ...,
//  "report": {"rows": [...], "total": {...}}, "targets": [...], ...}
Result<std::string> StatisticsToJson(const v1::Statistics& stats);

}  // namespace motcua::exporter

#endif  // MOTCUA_ADAPTERS_EXPORT_STATS_JSON_H_
