// POST /v1/admin/calendar/reload (routed by admin_endpoints.h): loading a
// corrected or new official schedule into a running server (docs/domain.md "Calendar changes",
// docs/calendar.md "Loading and reloading").
//
// LoadCalendarFromConfig reads the configuration file again (office hours
// and every schedule file of schedule_dir, config/calendar_file.h) and
// builds the calendar: slow enough (tens of milliseconds) to be done off the
// engine thread. ReloadCalendarNow then runs on the engine thread
// (EngineService::RunExclusive): it plans the re-timing of every open
// dossier the change touches from its events in the log (engine/retime.h),
// imports the Retimed events and the CalendarChanged that records the
// change, commits them as one batch, and only then switches the engine to
// the new calendar; the deadline watch re-tracks every dossier right after
// (AlertWatcher::AfterExclusive), so alerts follow the new times. All or
// nothing: on any error nothing is written and the old calendar stays.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_CALENDAR_RELOAD_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_CALENDAR_RELOAD_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/calendar/working_calendar.h"
#include "engine/engine.h"
#include "engine/ports/event_log.h"
#include "motcua/v1/alerts.pb.h"

namespace motcua::http {

struct LoadedCalendar {
  std::shared_ptr<const calendar::WorkingCalendar> calendar;
  std::vector<int> years;  // with an official schedule
  std::string source;      // the schedule folder, for the record
};

// kConfig naming the file and the bad entry.
Result<LoadedCalendar> LoadCalendarFromConfig(const std::filesystem::path& config_file);

// Engine thread only. The POST's reply, and what SIGHUP logs
// (hangup_reload.h).
Result<v1::CalendarReloadReply> ReloadCalendarNow(const LoadedCalendar& loaded,
                                                  engine::Engine& engine, EventLog& log,
                                                  Instant now);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_CALENDAR_RELOAD_H_
