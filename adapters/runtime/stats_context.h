// StatsContext: what every statistics report is stamped and judged with,
// from the server's configuration: the unit it is about and the plan's
// targets. Shared by the statistics endpoints and the daily export timer.
// A plain value; safe to copy between threads.
#ifndef MOTCUA_ADAPTERS_RUNTIME_STATS_CONTEXT_H_
#define MOTCUA_ADAPTERS_RUNTIME_STATS_CONTEXT_H_

#include <optional>
#include <string>

#include "motcua/v1/stats.pb.h"

namespace motcua::runtime {

struct StatsContext {
  std::string unit_code;
  std::string unit_name;
  std::optional<v1::Targets> targets;  // the configured targets file, if any
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_STATS_CONTEXT_H_
