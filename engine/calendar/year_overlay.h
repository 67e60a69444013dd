// The two layers of the calendar (docs/calendar.md "Two layers"): a year with
// an official schedule is exactly that schedule over the Monday–Friday week (the
// statutory rules are ignored for it: the schedule already applied them, and
// its swaps cannot be computed); a year without one is provisional and its
// days off come from the statutory rules (holiday_rules.h).
//
// Thread safety: pure functions, safe to call concurrently.
#ifndef MOTCUA_ENGINE_CALENDAR_YEAR_OVERLAY_H_
#define MOTCUA_ENGINE_CALENDAR_YEAR_OVERLAY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/base/time.h"

namespace motcua::calendar {

// One year's official schedule (vn-official-days.json): weekdays off and
// weekend days worked. A year that has one overrides the statutory rules.
struct YearSchedule {
  int year = 0;
  std::vector<LocalDays> off;
  std::vector<LocalDays> work;
};

// Why a day is (not) a working day; for `motcua calendar YEAR`.
enum class DayKind : std::uint8_t {
  kWorkday,                // Monday–Friday, nothing special
  kWeekend,                // Saturday or Sunday
  kOfficialDayOff,         // a weekday off in the official schedule
  kOfficialWorkedWeekend,  // a weekend day worked in the official schedule (làm bù)
  kRuleHoliday,            // a statutory holiday in a provisional year
  kRuleCompensatoryDay,    // nghỉ bù for a holiday on a weekend, provisional year
  kOutOfRange,             // outside the calendar's precomputed years
};

// Whether staff work on a day of this kind.
constexpr bool IsWorkingKind(DayKind kind) noexcept {
  return kind == DayKind::kWorkday || kind == DayKind::kOfficialWorkedWeekend;
}

struct DayInfo {
  LocalDays day;
  DayKind kind;
  std::string name;  // e.g. "Tết Nguyên đán", "Giỗ Tổ Hùng Vương"; may be empty
};

// kConfig naming the first bad entry: an `off` day on a weekend, a `work`
// day on a weekday, a date outside `schedule.year`, a date listed twice.
Status ValidateYearSchedule(const YearSchedule& schedule);

// The days of `year` that are not plain Monday–Friday working days or plain
// weekends, in date order: with `official`, its off and work days; without,
// the statutory holidays and compensatory days that fall on weekdays. Names
// come from the statutory rules (an official day off that is no statutory
// day, a swap or an extra day, is named after the nearest holiday).
// `official`, when given, must be valid and for `year`.
Result<std::vector<DayInfo>> ExceptionsOf(int year, const YearSchedule* official);

}  // namespace motcua::calendar

#endif  // MOTCUA_ENGINE_CALENDAR_YEAR_OVERLAY_H_
