// NaiveWorkingTime: the working-time arithmetic done the obvious way, one day
// and one session at a time, as a reference for WorkingCalendar's
// precomputed tables (the property tests compare the two, and the benchmark
// in tools/bench measures the lookup design against this walk).
//
// It shares only the day classification with the calendar under test
// (`calendar.IsWorkingDay`, itself tested against the official data and the
// rules); the period selection, the session instants and all arithmetic are
// its own. Semantics are WorkingCalendar's (working_calendar.h), including the
// half-open sessions and the "earliest instant" rule of Add.
//
// `calendar` must outlive this object. Const methods are thread-safe. Inputs
// must lie inside the calendar's range; walking past it throws
// std::out_of_range (a test bug, not a result).
#ifndef MOTCUA_TOOLS_BENCH_NAIVE_WORKING_TIME_H_
#define MOTCUA_TOOLS_BENCH_NAIVE_WORKING_TIME_H_

#include <chrono>
#include <utility>
#include <vector>

#include "engine/base/time.h"
#include "engine/calendar/working_calendar.h"

namespace motcua::calendar {

class NaiveWorkingTime {
 public:
  NaiveWorkingTime(const WorkingCalendar& calendar, OfficeHours hours);

  std::chrono::seconds Between(Instant from, Instant to) const;
  Instant Add(Instant from, std::chrono::seconds amount) const;
  Instant Subtract(Instant to, std::chrono::seconds amount) const;
  Instant ClockStart(Instant t) const;
  Instant Due(Instant received, const DeadlineSpec& spec) const;

  // The sessions of a Vietnam date as UTC instants; empty on a day off.
  std::vector<std::pair<Instant, Instant>> SessionsOn(LocalDays day) const;

 private:
  LocalDays DayOf(Instant t) const;
  void CheckInRange(LocalDays day) const;
  Instant CloseOf(LocalDays working_day) const;
  LocalDays NextWorkingDayFrom(LocalDays day) const;

  const WorkingCalendar& calendar_;
  const OfficeHours hours_;
};

}  // namespace motcua::calendar

#endif  // MOTCUA_TOOLS_BENCH_NAIVE_WORKING_TIME_H_
