// Statistics: the ten rates of the plan and the periodic report for a
// period, as a v1::Statistics message (stats.proto), built from FigureCounts.
//
// The rates (numerator / denominator, figures.h for each figure):
//   resolved_on_time           resolved_on_time / resolved
//   resolved_early             resolved_early / resolved
//   electronic_transfer        completed_all_electronic / completed_handed_over
//                              (dossiers whose circulation ended in the period
//                              and that were handed over at least once)
//   online_payment             ended_paid_online / ended_with_fee
//   documents_reused           ended_reused / ended
//   fully_online               completed_fully_online / completed
//   remote_online_use          received_online / received (all channels)
//   electronic_result          resolved_electronic_result / resolved
//   digitized                  ended_digitized / ended
//   internal_process_published receivable procedures with an internal process
//                              in force on the period's last day
//                              (internal_process.h) / receivable procedures;
//                              its codes are procedure codes.
// The national score's late rate is (resolved - resolved_on_time) / resolved
// and its dissatisfied rate rated_dissatisfied / rated (national_score.h).
//
// Pure functions of their arguments; safe to call concurrently.
#ifndef MOTCUA_ADAPTERS_METRICS_STATISTICS_H_
#define MOTCUA_ADAPTERS_METRICS_STATISTICS_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/metrics/dossier_facts.h"
#include "adapters/metrics/figures.h"
#include "adapters/metrics/period.h"
#include "engine/catalog/catalog.h"
#include "motcua/v1/stats.pb.h"

namespace motcua::metrics {

// The rates' names in the order the plan lists them (and the JSON keys).
inline constexpr std::array<std::string_view, 10> kRateNames = {
    "resolved_on_time",  "resolved_early",    "electronic_transfer", "online_payment",
    "documents_reused",  "fully_online",      "remote_online_use",   "electronic_result",
    "digitized",         "internal_process_published"};

// The rate called `name` in `stats`; nullptr for an unknown name.
const v1::RateFigure* FindRate(const v1::Statistics& stats, std::string_view name);
v1::RateFigure* FindMutableRate(v1::Statistics& stats, std::string_view name);

struct StatisticsOptions {
  // List the dossier codes behind every figure (needs counts with codes).
  bool with_codes = false;
  std::string unit;    // the unit's name, for the header
  std::string source;  // "log", "live", "counters"
  Instant generated_at{};
};

// The rates, the report and the national score. `codes[i]` names dossier i
// of the counts (may be null when counts keep no codes).
v1::Statistics BuildStatistics(const FigureCounts& counts, const std::vector<std::string>* codes,
                               const catalog::Catalog& catalog, const Period& period,
                               const StatisticsOptions& options);

// The full recompute: CountFigures over `facts`, then BuildStatistics.
v1::Statistics ComputeStatistics(const FactsTable& facts, const catalog::Catalog& catalog,
                                 const Period& period, const StatisticsOptions& options);

}  // namespace motcua::metrics

#endif  // MOTCUA_ADAPTERS_METRICS_STATISTICS_H_
