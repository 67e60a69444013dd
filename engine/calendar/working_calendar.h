// WorkingCalendar: the working time of Vietnamese state agencies, and the
// deadline arithmetic every appointment is computed with (docs/calendar.md,
// docs/domain.md "The clock").
//
// A calendar is built once from office hours and the official schedules, then
// never changes: it is immutable and every const method is safe to call from
// any number of threads. Share it as std::shared_ptr<const WorkingCalendar>;
// a corrected schedule means building a new calendar and swapping the pointer.
//
// Instants are UTC (motcua::Instant). Day boundaries, office hours and the
// cutoff are Vietnam local time, converted through the Asia/Ho_Chi_Minh zone
// (once, at Build: the per-day tables hold the resulting UTC instants).
//
// Working time is counted in seconds over office hours on working days. Build
// precomputes, per day of its range (1900–2100 by default, about 73,000 days,
// a few MB), the cumulative working time before that day and the day's
// sessions as UTC instants. Each operation is then a table lookup plus a
// galloping search from the starting day (O(log of the distance)), never a
// walk over days.
//
// Range: instants outside [first day 00:00, last day 24:00) Vietnam time are
// errors (kInvalidArgument) for every Result-returning method; the noexcept
// predicates answer false (and IsProvisional / DependsOnProvisional true: no
// official data exists there), WorkingTimeBetween counts no working time
// outside the range. Nothing outside the range is guessed.
#ifndef MOTCUA_ENGINE_CALENDAR_WORKING_CALENDAR_H_
#define MOTCUA_ENGINE_CALENDAR_WORKING_CALENDAR_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/base/time.h"
#include "engine/calendar/office_hours.h"  // Session, OfficeHoursPeriod, OfficeHours
#include "engine/calendar/year_overlay.h"  // YearSchedule, DayKind, DayInfo

namespace motcua::calendar {

enum class DurationUnit {
  kWorkingHours,
  kWorkingDays,   // N working days = N x 8 working hours, whatever the timetable
  kCalendarDays,  // N calendar days; the due day rolls forward to a working day
  kSameDay,       // before the cutoff: close of that working day; after: close of the next
};

// How a procedure's duration is counted (ComputeDue):
// - kWorkingHours / kWorkingDays: `amount` hours, or amount x 8 hours, of
//   working time from the clock start (a receipt outside office hours counts
//   from the next opening); due at the earliest instant the time has elapsed.
//   Zero: due at the clock start.
// - kCalendarDays: the received day (Vietnam date) + `amount` days, rolled
//   forward to the first working day; due at that day's close (the end of its
//   last session). The start day is not counted, as the Civil Code counts
//   periods in days, and it is the received day even outside office hours
//   (Friday 18:30 + 3 = Monday), since calendar days run regardless of
//   opening times; the roll-forward is the domain's rule (docs/domain.md
//   "The clock"). With amount 0 and a receipt after that day's close, the
//   next working day's close.
// - kSameDay: a receipt on a working day before `cutoff` (and before the
//   day's close) is due at that day's close; otherwise (at or after the
//   cutoff, or on a day off) at the close of the next working day. `amount`
//   is ignored (but must not be negative).
struct DeadlineSpec {
  DurationUnit unit = DurationUnit::kWorkingDays;
  int amount = 0;
  std::chrono::minutes cutoff{15 * 60};  // same-day only; Vietnam time, 00:00–24:00
};

struct CalendarOptions {
  OfficeHours office_hours = OfficeHours::Default();
  std::vector<YearSchedule> official;
  // The precomputed range, within 1900–2100 (where the lunar calendar is
  // verified); instants outside it are errors, not guesses.
  int first_year = 1900;
  int last_year = 2100;
};

// A computed due time and whether it rests on a year with no official schedule.
struct Due {
  Instant at;
  bool provisional = false;
};

class WorkingCalendar {
 public:
  // Errors (kConfig) name the bad input: a session out of order, an `off`
  // day that is a weekend, a `work` day on a weekday, a year given twice or
  // outside the range, a range outside 1900–2100.
  static Result<std::shared_ptr<const WorkingCalendar>> Build(CalendarOptions options);

  WorkingCalendar(const WorkingCalendar&) = delete;
  WorkingCalendar& operator=(const WorkingCalendar&) = delete;
  ~WorkingCalendar();

  int first_year() const noexcept;
  int last_year() const noexcept;
  // Whether `t` lies in the precomputed range.
  bool Covers(Instant t) const noexcept;
  // Whether `other` gives every working-time answer this one gives: the
  // same range, the same kind and office sessions each day, the same years
  // without an official schedule. A reload that changes nothing else (a
  // holiday's name) moves no deadline.
  bool SameWorkingTime(const WorkingCalendar& other) const noexcept;

  bool IsWorkingDay(LocalDays day) const noexcept;
  // True when `year` has no official schedule loaded (its days come from rules).
  bool IsProvisional(int year) const noexcept;
  DayKind Classify(LocalDays day) const noexcept;
  // The days of `year` that differ from plain Monday–Friday (weekdays off,
  // weekend days worked), in date order; empty outside the range.
  std::vector<DayInfo> Exceptions(int year) const;

  bool InOfficeHours(Instant t) const noexcept;
  // `t` itself when in office hours, else the next opening. Sessions are
  // half-open: at 11:30 sharp the morning session is over.
  Result<Instant> ClockStart(Instant t) const;

  // The appointment for a dossier received at `received`, to the second (see
  // DeadlineSpec for each unit). kInvalidArgument for a negative amount, a
  // cutoff outside 00:00–24:00, or a result that would leave the range.
  // `provisional` is DependsOnProvisional(received, due).
  Result<Due> ComputeDue(Instant received, const DeadlineSpec& spec) const;

  // Working time in [from, to); zero when to <= from. Only the part inside
  // the range counts (see the range note above; use Covers to check).
  std::chrono::seconds WorkingTimeBetween(Instant from, Instant to) const;
  // The earliest instant by which `amount` of working time has elapsed since
  // `from` (so adding a full day's hours from an opening lands on that day's
  // close, not the next morning). amount >= 0.
  Result<Instant> AddWorkingTime(Instant from, std::chrono::seconds amount) const;
  // The latest instant from which `amount` of working time remains before
  // `to` (the inverse of AddWorkingTime). amount >= 0.
  Result<Instant> SubtractWorkingTime(Instant to, std::chrono::seconds amount) const;
  // Whether the Vietnam dates from `from` to `to` (either order) touch a year
  // without an official schedule, i.e. whether a deadline over that span
  // must be recomputed when that year's schedule is published.
  bool DependsOnProvisional(Instant from, Instant to) const noexcept;

 private:
  class Impl;
  explicit WorkingCalendar(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::calendar

#endif  // MOTCUA_ENGINE_CALENDAR_WORKING_CALENDAR_H_
