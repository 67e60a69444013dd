// What the benchmarks' measuring children share: the engine set up from a
// motcuad.json as motcuad sets it up, and a start timed as motcuad starts
// (snapshot::LoadEngine, then the deadline watch's TrackAll).
#ifndef MOTCUA_TOOLS_BENCH_SERVER_START_H_
#define MOTCUA_TOOLS_BENCH_SERVER_START_H_

#include <filesystem>
#include <memory>

#include "engine/alerts/deadline_watch.h"
#include "engine/base/status.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "engine/engine.h"
#include "engine/ports/event_log.h"
#include "engine/ports/secret_source.h"
#include "motcua/v1/config.pb.h"

namespace motcua::bench {

struct ServerSetup {
  v1::ServerConfig config;
  std::shared_ptr<const catalog::Catalog> catalog;
  std::shared_ptr<const calendar::WorkingCalendar> calendar;
  engine::EngineOptions engine_options;
  alerts::WatchOptions watch_options;
};

Result<ServerSetup> LoadServerSetup(const std::filesystem::path& config);

// Seconds of a start into a fresh engine: the snapshot at `snapshot` (none
// when empty) and the events after it, or the whole log; then every
// dossier scheduled. `dossiers` receives the count loaded.
Result<double> TimeStart(const ServerSetup& setup, const std::filesystem::path& snapshot,
                         EventLog& log, SecretSource& secrets, std::size_t& dossiers);

}  // namespace motcua::bench

#endif  // MOTCUA_TOOLS_BENCH_SERVER_START_H_
