#include "engine/calendar/office_hours.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace motcua::calendar {
namespace {

using std::chrono::minutes;
using ::testing::HasSubstr;

constexpr minutes H(int h, int m = 0) { return minutes(h * 60 + m); }

LocalDays D(int y, unsigned m, unsigned d) {
  return LocalDays(cal::year{y} / cal::month{m} / cal::day{d});
}

TEST(OfficeHours, DefaultIsSevenToFiveWithLunch) {
  const OfficeHours hours = OfficeHours::Default();
  ASSERT_EQ(hours.periods.size(), 1u);
  EXPECT_EQ(hours.periods[0].sessions,
            (std::vector<Session>{{H(7), H(11, 30)}, {H(13, 30), H(17)}}));
  EXPECT_TRUE(ValidateOfficeHours(hours).ok());
  EXPECT_EQ(FormatSessions(hours.periods[0].sessions), "07:00–11:30, 13:30–17:00");
}

TEST(OfficeHours, PeriodsWrapAroundNewYear) {
  // Summer from 04-15, winter from 10-15: January is still winter.
  OfficeHours hours{{{4, 15, {{H(7), H(11, 30)}, {H(13, 30), H(17)}}},
                     {10, 15, {{H(7, 30), H(12)}, {H(13), H(16, 30)}}}}};
  ASSERT_TRUE(ValidateOfficeHours(hours).ok());
  EXPECT_EQ(PeriodIndexOn(hours, D(2024, 1, 10)), 1u);
  EXPECT_EQ(PeriodIndexOn(hours, D(2024, 4, 14)), 1u);
  EXPECT_EQ(PeriodIndexOn(hours, D(2024, 4, 15)), 0u);
  EXPECT_EQ(PeriodIndexOn(hours, D(2024, 10, 14)), 0u);
  EXPECT_EQ(PeriodIndexOn(hours, D(2024, 10, 15)), 1u);
  EXPECT_EQ(PeriodIndexOn(hours, D(2024, 12, 31)), 1u);
}

TEST(OfficeHours, RejectsBadTimetablesNamingTheEntry) {
  auto error = [](OfficeHours hours) {
    Status s = ValidateOfficeHours(hours);
    EXPECT_EQ(s.code(), Error::kConfig);
    EXPECT_EQ(s.message().find('\n'), std::string::npos);
    return s.message();
  };
  EXPECT_THAT(error(OfficeHours{}), HasSubstr("không có giai đoạn"));
  EXPECT_THAT(error({{{1, 1, {{H(7), H(12)}, {H(11), H(17)}}}}}), HasSubstr("11:00–17:00"));
  EXPECT_THAT(error({{{1, 1, {{H(7), H(12)}, {H(11), H(17)}}}}}), HasSubstr("chồng"));
  EXPECT_THAT(error({{{1, 1, {{H(13), H(17)}, {H(7), H(11)}}}}}), HasSubstr("07:00–11:00"));
  EXPECT_THAT(error({{{1, 1, {{H(12), H(11)}}}}}), HasSubstr("12:00–11:00"));
  EXPECT_THAT(error({{{1, 1, {{H(20), H(25)}}}}}), HasSubstr("24:00"));
  EXPECT_THAT(error({{{1, 1, {}}}}), HasSubstr("không có ca"));
  EXPECT_THAT(error({{{2, 29, {{H(7), H(11)}}}}}), HasSubstr("02-29"));
  EXPECT_THAT(error({{{13, 1, {{H(7), H(11)}}}}}), HasSubstr("13-01"));
  EXPECT_THAT(error({{{6, 1, {{H(7), H(11)}}}, {1, 1, {{H(7), H(11)}}}}}), HasSubstr("thứ tự"));
  EXPECT_THAT(error({{{6, 1, {{H(7), H(11)}}}, {6, 1, {{H(7), H(11)}}}}}), HasSubstr("06-01"));
  // Touching sessions are fine (one continuous stretch); a session to 24:00 too.
  EXPECT_TRUE(ValidateOfficeHours({{{1, 1, {{H(7), H(12)}, {H(12), H(24)}}}}}).ok());
}

}  // namespace
}  // namespace motcua::calendar
