// Where DossierFacts come from.
//
// FactsFromLog is exact for any period end: it folds the event log in seq
// order with the engine's own fold (StateFold), skipping every event dated
// at or after `as_of`. A dossier's own events are in time order (the
// lifecycle refuses one older than its predecessor), so what is skipped is
// the tail of each dossier's history, and each state is the dossier as it
// stood at `as_of`. It reads the whole log: use it for past periods.
//
// FactsFromEngine is fast: a copy of the states the live engine already
// holds. CountFigures reads them as of any period end; the only figures that
// can then differ from FactsFromLog are listed in count_figures.h (dossiers
// in progress at a past period end whose appointment or pause changed
// since). For a period that ends now or later it is exact.
//
// FactsFromLog sorts the dossiers by code; FactsFromEngine keeps the
// engine's order (creation). Codes in any output are sorted either way.
#ifndef MOTCUA_ADAPTERS_METRICS_FACT_SOURCES_H_
#define MOTCUA_ADAPTERS_METRICS_FACT_SOURCES_H_

#include <functional>

#include "adapters/metrics/dossier_facts.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"
#include "engine/engine.h"
#include "engine/ports/event_log.h"

namespace motcua::metrics {

// Calls its argument for every event in seq order, stopping at an error
// (EventLog::ReadAll's shape, so any reader of the log will do).
using EventReader =
    std::function<Status(const std::function<Status(const v1::Event&)>& visit)>;

// kCorrupt (naming the seq) if the log contradicts the lifecycle; the log's
// own read errors as they come.
Result<FactsTable> FactsFromLog(const EventReader& read_all, const catalog::Catalog& catalog,
                                Instant as_of);
Result<FactsTable> FactsFromLog(EventLog& log, const catalog::Catalog& catalog, Instant as_of);

// Must run where the engine may be read (its strand).
FactsTable FactsFromEngine(const engine::Engine& engine);

}  // namespace motcua::metrics

#endif  // MOTCUA_ADAPTERS_METRICS_FACT_SOURCES_H_
