// The statutory public holidays of Vietnam (Labour Code 2019, Art. 111–112)
// for any year: the calendar of a year whose official schedule has not been
// announced (docs/calendar.md "The statutory rules").
//
// Rules, and the choices this file makes where the law leaves one open:
// - Tết Dương lịch: 1/1.
// - Tết Nguyên đán: five days, the last day of the lunar year (29 or 30 tháng
//   Chạp) and mùng 1–4, as the recent official schedules chose them.
// - Giỗ Tổ Hùng Vương: 10/3 lunar.
// - 30/4 and 1/5.
// - Quốc khánh: 2/9 plus one adjacent day, chosen each year by the Prime
//   Minister. The rule here reproduces every choice since the adjacent day
//   was introduced (2021–2026): take 3/9 when 2/9 is a Sunday, Monday or
//   Thursday, otherwise 1/9. In words: the adjacent day is a weekday, and when
//   both neighbours are weekdays it is the one that joins the holiday to a
//   weekend (Thu→Fri 3/9, Tue→Mon 1/9), defaulting to 1/9 (Wed 2026).
// - Art. 111(3) nghỉ bù: each holiday on a Saturday or Sunday gives one
//   compensatory day on the next weekday that is neither a holiday nor
//   already a compensatory day, assigned in date order.
// - A day that is two holidays at once counts once (no extra day; the law
//   grants compensation only for weekends).
// The rules are today's, applied to every year: historical years (before the
// Labour Code 2019, or before the five-day week of 1999) get today's rules,
// which is what a provisional year means — rules until data says otherwise.
//
// Thread safety: pure functions, safe to call concurrently.
#ifndef MOTCUA_ENGINE_CALENDAR_HOLIDAY_RULES_H_
#define MOTCUA_ENGINE_CALENDAR_HOLIDAY_RULES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/base/time.h"

namespace motcua::calendar {

enum class Holiday : std::uint8_t {
  kNewYear,        // Tết Dương lịch, 1/1
  kTet,            // Tết Nguyên đán
  kHungKings,      // Giỗ Tổ Hùng Vương, 10/3 lunar
  kReunification,  // Ngày Chiến thắng, 30/4
  kLabourDay,      // Ngày Quốc tế Lao động, 1/5
  kNationalDay,    // Quốc khánh, 2/9 and its adjacent day
};

// Saturday or Sunday: the weekly rest days of state agencies (the five-day
// week). The holiday rules, the official schedules and the working calendar
// all start from this one pattern.
bool IsWeekend(LocalDays day) noexcept;

// The Vietnamese name, e.g. "Tết Nguyên đán".
std::string_view HolidayName(Holiday holiday) noexcept;

// One statutory day off. A holiday on a weekend is listed too (it is a day
// off either way); its compensatory day is listed separately.
struct StatutoryDay {
  LocalDays day;
  Holiday holiday;
  bool compensatory = false;  // nghỉ bù for `holiday`
  friend bool operator==(const StatutoryDay&, const StatutoryDay&) = default;
};

// Every statutory day off of Gregorian `year`, in date order.
// kInvalidArgument outside 1900–2100 (the lunar calendar's range).
Result<std::vector<StatutoryDay>> StatutoryDaysOff(int year);

// The day the rule above adds to 2/9 of `year`.
LocalDays NationalDayAdjacentDay(int year) noexcept;

}  // namespace motcua::calendar

#endif  // MOTCUA_ENGINE_CALENDAR_HOLIDAY_RULES_H_
