// The Vietnamese lunisolar calendar (âm lịch), computed astronomically at the
// meridian of UTC+7 as docs/calendar.md "The lunar calendar" describes (Hồ
// Ngọc Đức's method, with the low-precision formulas of J. Meeus,
// Astronomical Algorithms).
//
// The Vietnamese calendar is the Chinese one computed at UTC+7 instead of
// UTC+8, so the two differ whenever a new moon or a solar term falls between
// 16:00 and 17:00 UTC (Tết 1968, 1985, 2007, 2030; Giỗ Tổ 2009, 2037, ...).
// UTC+7 here is the calendar's astronomical definition, not civil time: the
// calendar did not move to UTC+8 when Vietnam's clocks did (1943–45, the
// South until 1975), so this file never consults the tz database.
//
// Conversions are pure functions over [1900-01-01, 2100-12-31] (the range the
// tests verify day by day); dates outside it are kInvalidArgument. They
// recompute the astronomy on every call (a few dozen sin() calls): cheap, but
// meant for precomputation (holiday rules), not for per-request hot paths.
//
// Thread safety: all functions are pure and safe to call concurrently.
#ifndef MOTCUA_ENGINE_CALENDAR_LUNAR_CALENDAR_H_
#define MOTCUA_ENGINE_CALENDAR_LUNAR_CALENDAR_H_

#include "engine/base/status.h"
#include "engine/base/time.h"

namespace motcua::calendar {

// A lunar date as its fields: the lunar year is numbered by the Gregorian
// year in which its month 1 begins (Tết 2024 is 1/1 of lunar year 2024). A
// leap month (tháng nhuận) repeats the number of the month before it.
class LunarDate {
 public:
  LunarDate() = default;
  constexpr LunarDate(int year, unsigned month, unsigned day, bool leap_month = false) noexcept
      : year_(year), month_(month), day_(day), leap_month_(leap_month) {}

  constexpr int year() const noexcept { return year_; }
  constexpr unsigned month() const noexcept { return month_; }
  constexpr unsigned day() const noexcept { return day_; }
  constexpr bool is_leap_month() const noexcept { return leap_month_; }

  // The fields are in their ranges (month 1–12, day 1–30). Whether the date
  // exists (a 30th in a 29-day month, a leap month the year lacks) only the
  // calendar knows: ToSolar() answers that.
  constexpr bool ok() const noexcept {
    return month_ >= 1 && month_ <= 12 && day_ >= 1 && day_ <= 30;
  }

  friend constexpr bool operator==(const LunarDate&, const LunarDate&) noexcept = default;

 private:
  int year_ = 0;
  unsigned month_ = 0;
  unsigned day_ = 0;
  bool leap_month_ = false;
};

// The first and last civil dates the conversions accept.
LocalDays FirstLunarConvertibleDay() noexcept;  // 1900-01-01
LocalDays LastLunarConvertibleDay() noexcept;   // 2100-12-31

// The lunar date of a Vietnam civil date.
Result<LunarDate> ToLunar(LocalDays day);

// The civil date of a lunar date; kInvalidArgument if the date does not
// exist (see LunarDate::ok) or falls outside the range.
Result<LocalDays> ToSolar(const LunarDate& date);

// The leap month of lunar year `lunar_year` (the number it repeats), or 0
// when the year has twelve months.
Result<unsigned> LeapMonthOf(int lunar_year);

// Test-only: ToSolar computed at another meridian (e.g. 8.0 for the Chinese
// calendar), to show that the VN/CN differences come from the meridian alone.
Result<LocalDays> TEST_ToSolarAtUtcOffset(const LunarDate& date, double utc_offset_hours);

}  // namespace motcua::calendar

#endif  // MOTCUA_ENGINE_CALENDAR_LUNAR_CALENDAR_H_
