// Reading the per-day counters (daily_counters_projection.h): a period's
// additive figures, per procedure, as one range sum over the table. The
// stock figures (carried over, in progress ...) are not there; count them
// from the states (CountFigures with only `stock`) and add them in.
//
// Reads through the caller's connection, which the caller serialises.
#ifndef MOTCUA_ADAPTERS_COUNTERS_DAILY_COUNTERS_READER_H_
#define MOTCUA_ADAPTERS_COUNTERS_DAILY_COUNTERS_READER_H_

#include "adapters/metrics/figures.h"
#include "adapters/metrics/period.h"
#include "adapters/sqlite/database.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"

namespace motcua::counters {

// Rows follow `catalog`; a procedure code the catalog does not know goes to
// the unknown row. Counter names this version does not know are skipped.
Result<metrics::FigureCounts> SumDailyCounters(sqlite::Database& db, const catalog::Catalog& catalog,
                                      const metrics::Period& period);

// Adds the stock figures of `stock` into `into` (same catalog).
void AddStockFigures(const metrics::FigureCounts& stock, metrics::FigureCounts& into);

}  // namespace motcua::counters

#endif  // MOTCUA_ADAPTERS_COUNTERS_DAILY_COUNTERS_READER_H_
