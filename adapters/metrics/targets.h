// The plan's targets (data/targets/*.json, motcua.v1.Targets through
// protobuf's JSON mapping) and each rate judged against its target.
//
// A target's id names one of the ten rates (statistics.h). "digitized_result"
// (the Ngọc Sơn plan's "Tỷ lệ TTHC số hoá kết quả giải quyết") is read as
// "digitized": the rate whose numerator requires the result to be
// electronic, together with digitised documents. Any other id is an error
// naming it, so a misspelt target cannot silently vanish from the report.
//
// Pure functions; safe to call concurrently.
#ifndef MOTCUA_ADAPTERS_METRICS_TARGETS_H_
#define MOTCUA_ADAPTERS_METRICS_TARGETS_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "motcua/v1/stats.pb.h"

namespace motcua::metrics {

// The rate a target id refers to, or empty for an unknown id.
std::string_view RateOfTarget(std::string_view id);

// Parses and validates (ids, ops, values in [0, 1]); kConfig naming `what`
// and the target on error.
Result<v1::Targets> ParseTargets(const std::string& json, const std::string& what);
Result<v1::Targets> LoadTargets(const std::filesystem::path& path);

// Whether `actual` satisfies `op value` (ops as validated above).
bool TargetMet(double actual, std::string_view op, double value);

// Fills stats.targets (and targets_plan) from the rates already in `stats`.
// A rate with no denominator is not evaluable (and not met).
void EvaluateTargets(const v1::Targets& targets, v1::Statistics& stats);

}  // namespace motcua::metrics

#endif  // MOTCUA_ADAPTERS_METRICS_TARGETS_H_
