// WorkingCalendar: the working time of Vietnamese state agencies, and the
// deadline arithmetic every appointment is computed with (CALENDAR.md,
// DOMAIN.md "The clock").
//
// A calendar is built once from office hours and the official schedules, then
// never changes: it is immutable and every const method is safe to call from
// any number of threads. Share it as std::shared_ptr<const WorkingCalendar>;
// a corrected schedule means building a new calendar and swapping the pointer.
//
// Instants are UTC (motcua::Instant). Day boundaries, office hours and the
// cutoff are Vietnam local time, converted through the Asia/Ho_Chi_Minh zone.
//
// Working time is counted in seconds over office hours on working days. The
// arithmetic precomputes, per day of its range, the cumulative working time
// before that day, so each operation is a lookup plus a binary search, not a
// walk over days.
#ifndef MOTCUA_ENGINE_CALENDAR_WORKING_CALENDAR_H_
#define MOTCUA_ENGINE_CALENDAR_WORKING_CALENDAR_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/base/time.h"

namespace motcua::calendar {

enum class DurationUnit {
  kWorkingHours,
  kWorkingDays,   // N working days = N x 8 working hours (DOMAIN.md)
  kCalendarDays,  // N calendar days; the due day rolls forward to a working day
  kSameDay,       // before the cutoff: close of that working day; after: close of the next
};

struct DeadlineSpec {
  DurationUnit unit = DurationUnit::kWorkingDays;
  int amount = 0;
  std::chrono::minutes cutoff{15 * 60};  // same-day only; Vietnam time
};

// One office session of a day, [start, end) in minutes after local midnight.
struct Session {
  std::chrono::minutes start;
  std::chrono::minutes end;
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

// One year's official schedule (vn-official-days.json): weekdays off and
// weekend days worked. A year that has one overrides the statutory rules.
struct YearSchedule {
  int year = 0;
  std::vector<LocalDays> off;
  std::vector<LocalDays> work;
};

struct CalendarOptions {
  OfficeHours office_hours = OfficeHours::Default();
  std::vector<YearSchedule> official;
  // The precomputed range; instants outside it are errors, not guesses.
  int first_year = 1900;
  int last_year = 2100;
};

// Why a day is (not) a working day; for `motcua calendar YEAR`.
enum class DayKind {
  kWorkday,               // Monday–Friday, nothing special
  kWeekend,               // Saturday or Sunday
  kOfficialDayOff,        // a weekday off in the official schedule
  kOfficialWorkedWeekend, // a weekend day worked in the official schedule (làm bù)
  kRuleHoliday,           // a statutory holiday in a provisional year
  kRuleCompensatoryDay,   // nghỉ bù for a holiday on a weekend, provisional year
};

struct DayInfo {
  LocalDays day;
  DayKind kind;
  std::string name;  // e.g. "Tết Nguyên đán", "Giỗ Tổ Hùng Vương"; may be empty
};

// A computed due time and whether it rests on a year with no official schedule.
struct Due {
  Instant at;
  bool provisional = false;
};

class WorkingCalendar {
 public:
  // Errors (kConfig) name the bad input: a session out of order, an `off`
  // day that is a weekend, a year outside the range.
  static Result<std::shared_ptr<const WorkingCalendar>> Build(CalendarOptions options);

  WorkingCalendar(const WorkingCalendar&) = delete;
  WorkingCalendar& operator=(const WorkingCalendar&) = delete;
  ~WorkingCalendar();

  int first_year() const noexcept;
  int last_year() const noexcept;

  bool IsWorkingDay(LocalDays day) const noexcept;
  // True when `year` has no official schedule loaded (its days come from rules).
  bool IsProvisional(int year) const noexcept;
  DayKind Classify(LocalDays day) const noexcept;
  // The days of `year` that differ from plain Monday–Friday, in date order.
  std::vector<DayInfo> Exceptions(int year) const;

  bool InOfficeHours(Instant t) const noexcept;
  // `t` itself when in office hours, else the next opening.
  Result<Instant> ClockStart(Instant t) const;

  // The appointment for a dossier received at `received`: counted from the
  // clock start, to the second. kInvalidArgument for a negative amount;
  // kInvalidArgument when the result would leave the calendar's range.
  Result<Due> ComputeDue(Instant received, const DeadlineSpec& spec) const;

  // Working time in [from, to); zero when to <= from.
  std::chrono::seconds WorkingTimeBetween(Instant from, Instant to) const;
  // The earliest instant by which `amount` of working time has elapsed since
  // `from` (so adding a full day's hours from an opening lands on that day's
  // close, not the next morning). amount >= 0.
  Result<Instant> AddWorkingTime(Instant from, std::chrono::seconds amount) const;
  // The latest instant from which `amount` of working time remains before
  // `to` (the inverse of AddWorkingTime). amount >= 0.
  Result<Instant> SubtractWorkingTime(Instant to, std::chrono::seconds amount) const;
  // Whether working time in [from, to] touches a provisional year.
  bool DependsOnProvisional(Instant from, Instant to) const noexcept;

 private:
  class Impl;
  explicit WorkingCalendar(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::calendar

#endif  // MOTCUA_ENGINE_CALENDAR_WORKING_CALENDAR_H_
