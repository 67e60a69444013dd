#include "engine/calendar/holiday_rules.h"

#include <algorithm>
#include <set>
#include <string>

#include "engine/calendar/lunar_calendar.h"

namespace motcua::calendar {

namespace {

LocalDays Ymd(int year, unsigned month, unsigned day) {
  return LocalDays(cal::year{year} / cal::month{month} / cal::day{day});
}

}  // namespace

bool IsWeekend(LocalDays day) noexcept {
  const cal::weekday wd{day};
  return wd == cal::Saturday || wd == cal::Sunday;
}

std::string_view HolidayName(Holiday holiday) noexcept {
  switch (holiday) {
    case Holiday::kNewYear:
      return "Tết Dương lịch";
    case Holiday::kTet:
      return "Tết Nguyên đán";
    case Holiday::kHungKings:
      return "Giỗ Tổ Hùng Vương";
    case Holiday::kReunification:
      return "Ngày Chiến thắng 30/4";
    case Holiday::kLabourDay:
      return "Ngày Quốc tế Lao động";
    case Holiday::kNationalDay:
      return "Quốc khánh";
  }
  return "";
}

LocalDays NationalDayAdjacentDay(int year) noexcept {
  const LocalDays national_day = Ymd(year, 9, 2);
  const cal::weekday wd{national_day};
  const bool after = wd == cal::Sunday || wd == cal::Monday || wd == cal::Thursday;
  return national_day + cal::days(after ? 1 : -1);
}

Result<std::vector<StatutoryDay>> StatutoryDaysOff(int year) {
  if (year < 1900 || year > 2100) {
    return Status(Error::kInvalidArgument,
                  "năm " + std::to_string(year) + " nằm ngoài phạm vi 1900–2100");
  }
  std::vector<StatutoryDay> days;
  auto add = [&](LocalDays day, Holiday holiday) {
    // Only the holidays of this Gregorian year (Tết's first day is never
    // before 20 January, so nothing is lost; the check keeps that an
    // invariant instead of an assumption).
    if (cal::year_month_day(day).year() != cal::year{year}) return;
    const bool duplicate =
        std::any_of(days.begin(), days.end(), [&](const StatutoryDay& d) { return d.day == day; });
    if (!duplicate) days.push_back({day, holiday, false});
  };

  add(Ymd(year, 1, 1), Holiday::kNewYear);
  MOTCUA_ASSIGN_OR_RETURN(LocalDays tet, ToSolar(LunarDate(year, 1, 1)));
  for (int offset = -1; offset <= 3; ++offset) add(tet + cal::days(offset), Holiday::kTet);
  MOTCUA_ASSIGN_OR_RETURN(LocalDays hung_kings, ToSolar(LunarDate(year, 3, 10)));
  add(hung_kings, Holiday::kHungKings);
  add(Ymd(year, 4, 30), Holiday::kReunification);
  add(Ymd(year, 5, 1), Holiday::kLabourDay);
  add(Ymd(year, 9, 2), Holiday::kNationalDay);
  add(NationalDayAdjacentDay(year), Holiday::kNationalDay);
  std::sort(days.begin(), days.end(),
            [](const StatutoryDay& a, const StatutoryDay& b) { return a.day < b.day; });

  // Nghỉ bù, in date order so that a weekend followed by holidays pushes each
  // compensation past the whole block and past the earlier compensations.
  std::set<LocalDays> taken;
  for (const StatutoryDay& d : days) taken.insert(d.day);
  std::vector<StatutoryDay> compensations;
  for (const StatutoryDay& d : days) {
    if (!IsWeekend(d.day)) continue;
    LocalDays candidate = d.day + cal::days(1);
    while (IsWeekend(candidate) || taken.count(candidate)) candidate += cal::days(1);
    taken.insert(candidate);
    compensations.push_back({candidate, d.holiday, true});
  }
  days.insert(days.end(), compensations.begin(), compensations.end());
  std::sort(days.begin(), days.end(),
            [](const StatutoryDay& a, const StatutoryDay& b) { return a.day < b.day; });
  return days;
}

}  // namespace motcua::calendar
