// Statistics straight from a motcua database, on any connection (the
// server's read-only ones: WAL lets them read while the engine commits).
// Three ways in, all giving the same figures:
//
//   FactsFromEvents        the exact fold of the `events` table up to an
//                          instant (fact_sources.h FactsFromLog).
//   FactsFromDossiersTable the committed states as the `dossiers`
//                          projection holds them (the same as the live
//                          engine's: it is written from the state after
//                          each event), read as of any period end.
//   StatisticsFromStore    picks: a period that ends in the past is folded
//                          from the events (exact); one that ends after
//                          `now` reads the current states, and without
//                          codes takes its additive figures from the
//                          per-day counters (a range sum) and only the
//                          stock figures from the states, of the open
//                          dossiers alone (carried over then follows from
//                          the report's identity).
//
// Not thread-safe with respect to the connection (one owner at a time).
#ifndef MOTCUA_ADAPTERS_COUNTERS_STORE_STATISTICS_H_
#define MOTCUA_ADAPTERS_COUNTERS_STORE_STATISTICS_H_

#include <functional>
#include <optional>

#include "adapters/metrics/dossier_facts.h"
#include "adapters/metrics/period.h"
#include "adapters/metrics/statistics.h"
#include "adapters/sqlite/database.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"
#include "motcua/v1/event.pb.h"

namespace motcua::counters {

// Every event of `db` in seq order (EventLog::ReadAll over any connection).
Status ReadEvents(sqlite::Database& db, const std::function<Status(const v1::Event&)>& visit);

Result<metrics::FactsTable> FactsFromEvents(sqlite::Database& db, const catalog::Catalog& catalog,
                                   Instant as_of);

// With `window`, only the dossiers that matter to its stock figures:
// received before its end and not ended before its start.
Result<metrics::FactsTable> FactsFromDossiersTable(sqlite::Database& db, const catalog::Catalog& catalog,
                                          std::optional<metrics::Period> window = std::nullopt);

// `options.source` is set to "log", "live" or "counters" (the path taken).
Result<v1::Statistics> StatisticsFromStore(sqlite::Database& db, const catalog::Catalog& catalog,
                                           const metrics::Period& period, Instant now,
                                           metrics::StatisticsOptions options);

}  // namespace motcua::counters

#endif  // MOTCUA_ADAPTERS_COUNTERS_STORE_STATISTICS_H_
