// Re-timing open dossiers when an official schedule is loaded or corrected
// (docs/domain.md "Calendar changes"). Appointments are decisions recorded in
// the log, so a new calendar does not silently change them: each open dossier
// whose appointment (the statistics', or the citizen's) or running step's
// deadline differs under the new calendar gets a Retimed event (the step's in
// Event.step), and the change itself is recorded as one CalendarChanged event.
// A calendar that gives the same working time as the engine's records nothing.
#ifndef MOTCUA_ENGINE_RETIME_H_
#define MOTCUA_ENGINE_RETIME_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/calendar/working_calendar.h"
#include "engine/engine.h"
#include "motcua/v1/event.pb.h"

namespace motcua::engine {

// A dossier's events in order, from the log.
using HistoryLoader = std::function<Result<std::vector<v1::Event>>(const std::string& code)>;

struct RetimePlan {
  // Retimed events (one per moved dossier) followed by one CalendarChanged;
  // none when `unchanged`.
  std::vector<v1::Event> events;
  // `after` gives every working time the engine's calendar gives
  // (WorkingCalendar::SameWorkingTime): nothing to examine or record (a
  // reload of unchanged files, as each SIGHUP for the users file is).
  bool unchanged = false;
  std::size_t examined = 0;  // open dossiers whose time span the change touches
  std::size_t moved = 0;
};

// The first Vietnam day on or after `from` whose working time differs
// between the calendars, or nullopt when they agree up to the end of their
// common range.
std::optional<LocalDays> FirstDifference(const calendar::WorkingCalendar& before,
                                         const calendar::WorkingCalendar& after, LocalDays from);

// Plans the events for switching `engine` from its calendar to `after`; only
// open dossiers whose appointment is on or after the first changed day are
// recomputed (their history read with `history`). `years` and `description`
// go into the CalendarChanged event. The caller imports the events into a
// batch, commits, and then calls engine.SetCalendar(after).
Result<RetimePlan> PlanRetime(const Engine& engine, const calendar::WorkingCalendar& after,
                              const HistoryLoader& history, Instant now,
                              const std::vector<int>& years, const std::string& description);

}  // namespace motcua::engine

#endif  // MOTCUA_ENGINE_RETIME_H_
