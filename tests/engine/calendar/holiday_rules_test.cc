#include "engine/calendar/holiday_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "engine/calendar/lunar_calendar.h"

namespace motcua::calendar {
namespace {

LocalDays D(int y, unsigned m, unsigned d) {
  return LocalDays(cal::year{y} / cal::month{m} / cal::day{d});
}

std::vector<LocalDays> Days(const std::vector<StatutoryDay>& rules, bool compensatory) {
  std::vector<LocalDays> out;
  for (const StatutoryDay& r : rules) {
    if (r.compensatory == compensatory) out.push_back(r.day);
  }
  return out;
}

std::vector<StatutoryDay> Rules(int year) {
  auto rules = StatutoryDaysOff(year);
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return rules.ok() ? *rules : std::vector<StatutoryDay>{};
}

TEST(HolidayRules, TheWeekendIsSaturdayAndSunday) {
  // A week of 2025 day by day: Monday 6 January to Sunday 12 January.
  const LocalDays monday = D(2025, 1, 6);
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(IsWeekend(monday + cal::days(i)), i >= 5) << FormatDate(monday + cal::days(i));
  }
  // Across a year and a leap day.
  EXPECT_TRUE(IsWeekend(D(2023, 12, 31)));   // Sunday
  EXPECT_FALSE(IsWeekend(D(2024, 1, 1)));    // Monday
  EXPECT_FALSE(IsWeekend(D(2024, 2, 29)));   // Thursday
  EXPECT_TRUE(IsWeekend(D(2024, 3, 2)));     // Saturday
  EXPECT_TRUE(IsWeekend(D(1900, 1, 6)));     // Saturday, the calendar's first week
}

// The adjacent day the Prime Minister chose in every year since the Labour
// Code 2019 added it (the official schedules and notices of 2021–2026).
TEST(HolidayRules, NationalDayAdjacentDayMatchesEveryChoiceSince2021) {
  EXPECT_EQ(NationalDayAdjacentDay(2021), D(2021, 9, 3));  // 2/9 Thu -> Fri 3/9
  EXPECT_EQ(NationalDayAdjacentDay(2022), D(2022, 9, 1));  // 2/9 Fri -> Thu 1/9
  EXPECT_EQ(NationalDayAdjacentDay(2023), D(2023, 9, 1));  // 2/9 Sat -> Fri 1/9
  EXPECT_EQ(NationalDayAdjacentDay(2024), D(2024, 9, 3));  // 2/9 Mon -> Tue 3/9
  EXPECT_EQ(NationalDayAdjacentDay(2025), D(2025, 9, 1));  // 2/9 Tue -> Mon 1/9
  EXPECT_EQ(NationalDayAdjacentDay(2026), D(2026, 9, 1));  // 2/9 Wed -> Tue 1/9
  // 2/9 on a Sunday: the weekday neighbour, Monday 3/9 (2029 has no such
  // case; 2018 does).
  EXPECT_EQ(NationalDayAdjacentDay(2018), D(2018, 9, 3));
  // Always a weekday.
  for (int year = 1900; year <= 2100; ++year) {
    EXPECT_FALSE(IsWeekend(NationalDayAdjacentDay(year))) << year;
  }
}

// 2023: every statutory day fell so that the rules alone give the official
// schedule outside Tết (the Tết break was moved by the Prime Minister).
TEST(HolidayRules, Year2023ByHand) {
  // 1/1 Sun -> Mon 2/1. Tết Quý Mão: 30 Chạp = Sat 21/1, mùng 1–4 = Sun
  // 22/1 – Wed 25/1; Sat and Sun -> Thu 26/1 and Fri 27/1. Giỗ Tổ Sat 29/4,
  // 30/4 Sun, 1/5 Mon -> Tue 2/5 (for 29/4) and Wed 3/5 (for 30/4). 2/9 Sat
  // with Fri 1/9 -> Mon 4/9.
  const std::vector<StatutoryDay> rules = Rules(2023);
  EXPECT_EQ(Days(rules, false),
            (std::vector<LocalDays>{D(2023, 1, 1), D(2023, 1, 21), D(2023, 1, 22), D(2023, 1, 23),
                                    D(2023, 1, 24), D(2023, 1, 25), D(2023, 4, 29), D(2023, 4, 30),
                                    D(2023, 5, 1), D(2023, 9, 1), D(2023, 9, 2)}));
  EXPECT_EQ(Days(rules, true),
            (std::vector<LocalDays>{D(2023, 1, 2), D(2023, 1, 26), D(2023, 1, 27), D(2023, 5, 2),
                                    D(2023, 5, 3), D(2023, 9, 4)}));
  const auto gio_to = std::find_if(rules.begin(), rules.end(),
                                   [](const StatutoryDay& r) { return r.day == D(2023, 4, 29); });
  ASSERT_NE(gio_to, rules.end());
  EXPECT_EQ(gio_to->holiday, Holiday::kHungKings);
  const auto bu = std::find_if(rules.begin(), rules.end(),
                               [](const StatutoryDay& r) { return r.day == D(2023, 5, 3); });
  ASSERT_NE(bu, rules.end());
  EXPECT_EQ(bu->holiday, Holiday::kReunification);
}

TEST(HolidayRules, TetIsTheLastDayOfTheYearAndTheFirstFour) {
  // 2026: Chạp has 29 days, so 29 Chạp Mon 16/2 – mùng 4 Fri 20/2: exactly
  // the official statutory five days.
  std::vector<LocalDays> tet;
  for (const StatutoryDay& r : Rules(2026)) {
    if (r.holiday == Holiday::kTet && !r.compensatory) tet.push_back(r.day);
  }
  EXPECT_EQ(tet, (std::vector<LocalDays>{D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18),
                                         D(2026, 2, 19), D(2026, 2, 20)}));
  // 2024: 30 Chạp Fri 9/2, mùng 1–4 Sat 10/2 – Tue 13/2; the weekend gives
  // Wed 14/2 and Thu 15/2.
  std::vector<LocalDays> tet2024;
  for (const StatutoryDay& r : Rules(2024)) {
    if (r.holiday == Holiday::kTet) tet2024.push_back(r.day);
  }
  EXPECT_EQ(tet2024,
            (std::vector<LocalDays>{D(2024, 2, 9), D(2024, 2, 10), D(2024, 2, 11), D(2024, 2, 12),
                                    D(2024, 2, 13), D(2024, 2, 14), D(2024, 2, 15)}));
}

// The rule-derived part of 2027 that the shipped data lists (its
// "provisional" entry, written by hand from the Labour Code) is what the
// rules give.
TEST(HolidayRules, Year2027AgreesWithTheShippedRuleDerivedDays) {
  const std::vector<StatutoryDay> rules = Rules(2027);
  for (LocalDays day :
       {D(2027, 1, 1), D(2027, 4, 16), D(2027, 4, 30), D(2027, 5, 3), D(2027, 9, 2)}) {
    EXPECT_TRUE(std::any_of(rules.begin(), rules.end(), [&](const StatutoryDay& r) {
      return r.day == day;
    })) << FormatDate(day);
  }
  // 1/5 Sat -> Mon 3/5; Tết: 29 Chạp Fri 5/2, mùng 1 Sat 6/2 – mùng 4 Tue
  // 9/2 -> Wed 10/2, Thu 11/2; 2/9 Thu + Fri 3/9.
  EXPECT_EQ(Days(rules, true),
            (std::vector<LocalDays>{D(2027, 2, 10), D(2027, 2, 11), D(2027, 5, 3)}));
  EXPECT_TRUE(std::any_of(rules.begin(), rules.end(),
                          [](const StatutoryDay& r) { return r.day == D(2027, 9, 3); }));
}

// A weekend holiday before a holiday block: compensation goes past the block.
TEST(HolidayRules, CompensationSkipsFollowingHolidays) {
  // 2022: 30/4 Sat, 1/5 Sun -> Mon 2/5, Tue 3/5; Giỗ Tổ Sun 10/4 -> Mon 11/4.
  EXPECT_EQ(Days(Rules(2022), true),
            (std::vector<LocalDays>{D(2022, 1, 3), D(2022, 4, 11), D(2022, 5, 2), D(2022, 5, 3)}));
}

// Structural properties over the whole range.
TEST(HolidayRules, EveryYearHasElevenHolidaysAndOneCompensationPerWeekendHoliday) {
  for (int year = 1900; year <= 2100; ++year) {
    SCOPED_TRACE(year);
    const std::vector<StatutoryDay> rules = Rules(year);
    std::set<LocalDays> seen;
    int holidays = 0;
    int weekend_holidays = 0;
    int compensations = 0;
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const StatutoryDay& r = rules[i];
      EXPECT_EQ(cal::year_month_day(r.day).year(), cal::year{year});
      EXPECT_TRUE(seen.insert(r.day).second) << FormatDate(r.day);
      if (i > 0) {
        EXPECT_LT(rules[i - 1].day, r.day);
      }
      if (r.compensatory) {
        ++compensations;
        EXPECT_FALSE(IsWeekend(r.day)) << FormatDate(r.day);
      } else {
        ++holidays;
        weekend_holidays += IsWeekend(r.day);
      }
    }
    // 1947: Giỗ Tổ fell on 30/4, one day for two holidays.
    EXPECT_EQ(holidays, year == 1947 ? 10 : 11);
    EXPECT_EQ(compensations, weekend_holidays);
    const LocalDays tet = *ToSolar(LunarDate(year, 1, 1));
    EXPECT_TRUE(seen.count(tet - cal::days(1)) && seen.count(tet + cal::days(3)));
  }
}

TEST(HolidayRules, NamesAreVietnamese) {
  EXPECT_EQ(HolidayName(Holiday::kTet), "Tết Nguyên đán");
  EXPECT_EQ(HolidayName(Holiday::kHungKings), "Giỗ Tổ Hùng Vương");
  EXPECT_EQ(HolidayName(Holiday::kNationalDay), "Quốc khánh");
}

TEST(HolidayRules, OutOfRangeIsAnError) {
  EXPECT_EQ(StatutoryDaysOff(1899).status().code(), Error::kInvalidArgument);
  EXPECT_EQ(StatutoryDaysOff(2101).status().code(), Error::kInvalidArgument);
}

}  // namespace
}  // namespace motcua::calendar
