#include "adapters/http/endpoints/calendar_reload.h"

#include <vector>

#include "adapters/config/calendar_file.h"
#include "adapters/config/server_config.h"
#include "engine/retime.h"
#include "motcua/v1/alerts.pb.h"

namespace motcua::http {

Result<LoadedCalendar> LoadCalendarFromConfig(const std::filesystem::path& config_file) {
  MOTCUA_ASSIGN_OR_RETURN(v1::ServerConfig config, config::LoadServerConfig(config_file));
  MOTCUA_ASSIGN_OR_RETURN(calendar::CalendarOptions options,
                          config::LoadCalendarOptions(config.calendar(), config_file));
  LoadedCalendar loaded;
  for (const calendar::YearSchedule& y : options.official) loaded.years.push_back(y.year);
  loaded.source = config.calendar().schedule_dir();
  MOTCUA_ASSIGN_OR_RETURN(loaded.calendar, calendar::WorkingCalendar::Build(std::move(options)));
  return loaded;
}

Result<v1::CalendarReloadReply> ReloadCalendarNow(const LoadedCalendar& loaded,
                                                  engine::Engine& engine, EventLog& log,
                                                  Instant now) {
  const engine::HistoryLoader history =
      [&log](const std::string& code) -> Result<std::vector<v1::Event>> {
    std::vector<v1::Event> events;
    MOTCUA_RETURN_IF_ERROR(
        log.ReadDossier(code, [&events](const v1::Event& e) { events.push_back(e); }));
    return events;
  };
  auto plan = engine::PlanRetime(engine, *loaded.calendar, history, now, loaded.years,
                                 "tải lại lịch làm việc từ " + loaded.source);
  if (!plan.ok()) return plan.status();

  engine::CommitBatch batch;
  for (const v1::Event& e : plan->events) {
    if (Status s = engine.Import(e, batch); !s.ok()) {
      engine.Rollback(batch);
      return s;
    }
  }
  if (Status s = log.Commit(batch); !s.ok()) {
    engine.Rollback(batch);
    return s;
  }
  engine.Committed(batch);
  // Only now: commands from here on are timed with the new schedule. Taken
  // when unchanged too (an empty batch), for whatever else changed (a
  // holiday's name).
  engine.SetCalendar(loaded.calendar);

  v1::CalendarReloadReply reply;
  reply.set_dossiers_examined(static_cast<std::uint32_t>(plan->examined));
  reply.set_dossiers_retimed(static_cast<std::uint32_t>(plan->moved));
  for (int y : loaded.years) reply.add_years(y);
  reply.set_seq(log.LastSeq());
  reply.set_unchanged(plan->unchanged);
  return reply;
}

}  // namespace motcua::http
