// Office hours: the sessions of a working day, possibly changing with the
// season (docs/calendar.md "Office hours": each province sets its own, often
// a summer and a winter timetable).
//
// A timetable is a list of periods, each in force every year from its
// month-day until the next period's month-day; the days of a year before the
// first period's start belong to the last period (the timetable wraps around
// New Year, so "summer from 04-15, winter from 10-15" needs no third entry).
// Sessions are Vietnam wall-clock minutes after midnight, [start, end).
//
// Plain values; Validate before use. Thread safety: as any value type.
#ifndef MOTCUA_ENGINE_CALENDAR_OFFICE_HOURS_H_
#define MOTCUA_ENGINE_CALENDAR_OFFICE_HOURS_H_

#include <chrono>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/base/time.h"

namespace motcua::calendar {

// One office session of a day, [start, end) in minutes after local midnight.
struct Session {
  std::chrono::minutes start;
  std::chrono::minutes end;
  friend bool operator==(const Session&, const Session&) = default;
};

// Hours in force each year from (month, day) until the next period's start.
struct OfficeHoursPeriod {
  unsigned month = 1;
  unsigned day = 1;
  std::vector<Session> sessions;
};

struct OfficeHours {
  std::vector<OfficeHoursPeriod> periods;
  // 7:00–11:30 and 13:30–17:00 all year.
  static OfficeHours Default();
};

// kConfig naming the first bad entry: no period; a period starting on a day
// that does not exist every year (02-29 included); periods not in date
// order; a period with no session; a session empty, past 24:00, out of order
// or overlapping the previous one.
Status ValidateOfficeHours(const OfficeHours& hours);

// The index in `hours.periods` of the period in force on `day`.
// Requires ValidateOfficeHours(hours).ok().
std::size_t PeriodIndexOn(const OfficeHours& hours, LocalDays day);

// "07:00–11:30, 13:30–17:00", for messages.
std::string FormatSessions(const std::vector<Session>& sessions);

}  // namespace motcua::calendar

#endif  // MOTCUA_ENGINE_CALENDAR_OFFICE_HOURS_H_
