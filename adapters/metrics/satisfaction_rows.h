// The citizens' ratings of a period by level, per procedure and in total
// (stats.proto SatisfactionRow), from the rated_level_* figures (figures.h):
// the leader's view of how the desk's service was received.
//
// Pure; safe to call concurrently.
#ifndef MOTCUA_ADAPTERS_METRICS_SATISFACTION_ROWS_H_
#define MOTCUA_ADAPTERS_METRICS_SATISFACTION_ROWS_H_

#include "adapters/metrics/figures.h"
#include "engine/catalog/catalog.h"
#include "motcua/v1/stats.pb.h"

namespace motcua::metrics {

// Fills stats.satisfaction (a row per procedure with any rating, catalog
// order; the unknown procedures' row last) and stats.satisfaction_total.
void BuildSatisfactionRows(const FigureCounts& counts, const catalog::Catalog& catalog,
                           v1::Statistics& stats);

}  // namespace motcua::metrics

#endif  // MOTCUA_ADAPTERS_METRICS_SATISFACTION_ROWS_H_
