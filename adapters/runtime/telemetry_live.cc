#include "adapters/runtime/telemetry_live.h"

#include <sys/statvfs.h>

#include <cctype>
#include <future>
#include <memory>
#include <string>

#include "engine/dossier/standing.h"

namespace motcua::runtime {

namespace {

std::uint64_t FileSize(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

std::string StatusLabel(v1::Status status) {
  std::string name = v1::Status_Name(status);
  if (name.starts_with("STATUS_")) name.erase(0, 7);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

}  // namespace

void CountOpenDossiers(const engine::Engine& engine, Instant now, LiveFigures& out) {
  const std::int64_t at = ToUnixSeconds(now);
  std::uint64_t by_status[v1::Status_ARRAYSIZE] = {};
  for (std::uint32_t id = 0; id < engine.size(); ++id) {
    const dossier::DossierState& s = engine.state(id);
    if (!s.exists() || s.finished() || s.status >= v1::Status_ARRAYSIZE) continue;
    ++by_status[s.status];
    if (!s.open() || s.paused()) continue;
    const std::int64_t deadline =
        dossier::OfficeDeadline(s.appointment_at, s.apologized, s.extended_appointment_at);
    if (deadline != 0 && deadline < at) ++out.overdue;
  }
  for (int status = 0; status < v1::Status_ARRAYSIZE; ++status) {
    if (by_status[status] != 0 && v1::Status_IsValid(status)) {
      out.open_by_status[StatusLabel(static_cast<v1::Status>(status))] = by_status[status];
    }
  }
  out.engine_answered = true;
}

LiveFigures GatherLiveFigures(EngineService& engine, const Readiness* readiness,
                              const std::filesystem::path& db_path, Instant now,
                              std::chrono::milliseconds engine_wait) {
  LiveFigures live;
  live.queue_depth = engine.pending();
  // Shared with the engine thread, which may answer after we stopped waiting.
  auto counted = std::make_shared<std::promise<LiveFigures>>();
  std::future<LiveFigures> answer = counted->get_future();
  net::post(engine.executor(), [&engine, counted, now] {
    LiveFigures figures;
    CountOpenDossiers(engine.engine_on_thread(), now, figures);
    counted->set_value(std::move(figures));
  });
  if (answer.wait_for(engine_wait) == std::future_status::ready) {
    try {
      LiveFigures figures = answer.get();
      live.open_by_status = std::move(figures.open_by_status);
      live.overdue = figures.overdue;
      live.engine_answered = true;
    } catch (const std::future_error&) {
      // The engine thread stopped and dropped the job: no dossier figures.
    }
  }
  live.ready = readiness == nullptr || readiness->Problems().empty();
  live.database_bytes = FileSize(db_path);
  live.wal_bytes = FileSize(db_path.string() + "-wal");
  struct statvfs fs {};
  if (::statvfs(db_path.parent_path().empty() ? "." : db_path.parent_path().c_str(), &fs) == 0) {
    live.disk_free_bytes = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
  }
  return live;
}

}  // namespace motcua::runtime
