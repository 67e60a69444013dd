#include "engine/calendar/year_overlay.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace motcua::calendar {
namespace {

using ::testing::HasSubstr;

LocalDays D(int y, unsigned m, unsigned d) {
  return LocalDays(cal::year{y} / cal::month{m} / cal::day{d});
}

// The 2024 schedule as published (vn-official-days.json).
YearSchedule Official2024() {
  return {
      2024,
      {D(2024, 1, 1), D(2024, 2, 8), D(2024, 2, 9), D(2024, 2, 12), D(2024, 2, 13), D(2024, 2, 14),
       D(2024, 4, 18), D(2024, 4, 29), D(2024, 4, 30), D(2024, 5, 1), D(2024, 9, 2), D(2024, 9, 3)},
      {D(2024, 5, 4)}};
}

TEST(YearOverlay, AnOfficialYearIsExactlyItsSchedule) {
  const YearSchedule official = Official2024();
  auto days = ExceptionsOf(2024, &official);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 13u);
  for (const DayInfo& info : *days) {
    const bool off =
        std::find(official.off.begin(), official.off.end(), info.day) != official.off.end();
    EXPECT_EQ(info.kind, off ? DayKind::kOfficialDayOff : DayKind::kOfficialWorkedWeekend)
        << FormatDate(info.day);
    EXPECT_FALSE(info.name.empty());
  }
  // The rules would have made Thu 15/2 a compensatory day; the schedule did
  // not, so it is not there.
  for (const DayInfo& info : *days) EXPECT_NE(info.day, D(2024, 2, 15));
  auto name_of = [&](LocalDays day) {
    for (const DayInfo& info : *days) {
      if (info.day == day) return info.name;
    }
    return std::string("?");
  };
  EXPECT_EQ(name_of(D(2024, 2, 12)), "Tết Nguyên đán");
  EXPECT_EQ(name_of(D(2024, 2, 14)), "Nghỉ bù Tết Nguyên đán");
  EXPECT_EQ(name_of(D(2024, 4, 18)), "Giỗ Tổ Hùng Vương");
  EXPECT_THAT(name_of(D(2024, 2, 8)), HasSubstr("Tết Nguyên đán"));
  EXPECT_EQ(name_of(D(2024, 4, 29)), "Nghỉ dịp Ngày Chiến thắng 30/4");
  EXPECT_THAT(name_of(D(2024, 5, 4)), HasSubstr("Làm bù"));
}

TEST(YearOverlay, AProvisionalYearListsTheWeekdayRuleDays) {
  auto days = ExceptionsOf(2027, nullptr);
  ASSERT_TRUE(days.ok());
  std::vector<LocalDays> holidays;
  std::vector<LocalDays> compensations;
  for (const DayInfo& info : *days) {
    ASSERT_TRUE(info.kind == DayKind::kRuleHoliday || info.kind == DayKind::kRuleCompensatoryDay);
    (info.kind == DayKind::kRuleHoliday ? holidays : compensations).push_back(info.day);
  }
  // Weekend holidays (Sat 6/2, Sun 7/2, Sat 1/5) are not listed; their
  // compensatory days are.
  EXPECT_EQ(holidays,
            (std::vector<LocalDays>{D(2027, 1, 1), D(2027, 2, 5), D(2027, 2, 8), D(2027, 2, 9),
                                    D(2027, 4, 16), D(2027, 4, 30), D(2027, 9, 2), D(2027, 9, 3)}));
  EXPECT_EQ(compensations, (std::vector<LocalDays>{D(2027, 2, 10), D(2027, 2, 11), D(2027, 5, 3)}));
}

TEST(YearOverlay, ValidationNamesTheBadEntry) {
  auto error = [](YearSchedule s) {
    Status status = ValidateYearSchedule(s);
    EXPECT_EQ(status.code(), Error::kConfig);
    return status.message();
  };
  YearSchedule s = Official2024();
  EXPECT_TRUE(ValidateYearSchedule(s).ok());
  s.off.push_back(D(2024, 5, 5));  // a Sunday
  EXPECT_THAT(error(s), HasSubstr("off 2024-05-05 là ngày cuối tuần"));
  s = Official2024();
  s.work.push_back(D(2024, 5, 6));  // a Monday
  EXPECT_THAT(error(s), HasSubstr("work 2024-05-06 là ngày thường"));
  s = Official2024();
  s.off.push_back(D(2025, 1, 2));
  EXPECT_THAT(error(s), HasSubstr("off 2025-01-02 không thuộc năm 2024"));
  s = Official2024();
  s.off.push_back(D(2024, 2, 8));
  EXPECT_THAT(error(s), HasSubstr("2024-02-08 bị ghi hai lần"));
}

}  // namespace
}  // namespace motcua::calendar
