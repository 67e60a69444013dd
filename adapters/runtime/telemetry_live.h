// The figures /metrics reads from the running server at each scrape
// (telemetry.h LiveFigures): the engine's queue, the open dossiers by
// status and the overdue ones (counted on the engine thread, where the
// states live: one pass over them, linear in the dossiers held), the
// readiness, and the database's, WAL's and disk's sizes.
//
// Call it on a query thread: it waits up to `engine_wait` for the engine
// thread, and leaves the dossier figures out when the engine is too busy
// to answer in time (the scrape still answers).
#ifndef MOTCUA_ADAPTERS_RUNTIME_TELEMETRY_LIVE_H_
#define MOTCUA_ADAPTERS_RUNTIME_TELEMETRY_LIVE_H_

#include <chrono>
#include <filesystem>

#include "adapters/runtime/engine_service.h"
#include "adapters/runtime/readiness.h"
#include "adapters/runtime/telemetry.h"
#include "engine/base/time.h"

namespace motcua::runtime {

// The open dossiers by status (lowercase, without the STATUS_ prefix) and
// those whose office deadline (standing.h OfficeDeadline) has passed at
// `now` with the clock running. Engine thread only.
void CountOpenDossiers(const engine::Engine& engine, Instant now, LiveFigures& out);

LiveFigures GatherLiveFigures(EngineService& engine, const Readiness* readiness,
                              const std::filesystem::path& db_path, Instant now,
                              std::chrono::milliseconds engine_wait);

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_TELEMETRY_LIVE_H_
