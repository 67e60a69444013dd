#include "engine/calendar/lunar_calendar.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace motcua::calendar {
namespace {

LocalDays D(int y, unsigned m, unsigned d) {
  return LocalDays(cal::year{y} / cal::month{m} / cal::day{d});
}

LocalDays ParseDay(const std::string& text) {
  auto day = ParseDate(text);
  EXPECT_TRUE(day.ok()) << text;
  return day.ok() ? *day : LocalDays();
}

struct VectorRow {
  int year;
  LocalDays tet_vn;
  std::string tet_weekday;
  LocalDays gio_to_vn;
  std::string gio_to_weekday;
  LocalDays tet_cn;
  LocalDays gio_to_cn;
};

std::vector<VectorRow> LoadVectors() {
  std::ifstream in(std::string(MOTCUA_SOURCE_DIR) + "/tests/data/lunar-test-vectors.csv");
  EXPECT_TRUE(in) << "cannot open lunar-test-vectors.csv";
  std::vector<VectorRow> rows;
  std::string line;
  // The file has CRLF line ends; the fields must not keep the '\r'.
  auto chomp = [](std::string& l) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
  };
  std::getline(in, line);
  chomp(line);
  EXPECT_EQ(line,
            "year,tet_vn_utc7,tet_weekday,gio_to_vn_utc7,gio_to_weekday,tet_cn_utc8,"
            "gio_to_cn_utc8");
  while (std::getline(in, line)) {
    chomp(line);
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, ',');) f.push_back(field);
    EXPECT_EQ(f.size(), 7u) << line;
    if (f.size() != 7) continue;
    rows.push_back({std::stoi(f[0]), ParseDay(f[1]), f[2], ParseDay(f[3]), f[4], ParseDay(f[5]),
                    ParseDay(f[6])});
  }
  return rows;
}

std::string WeekdayAbbrev(LocalDays day) { return cal::format("%a", cal::weekday(day)); }

TEST(LunarCalendar, ReproducesEveryVietnameseTestVector) {
  const std::vector<VectorRow> rows = LoadVectors();
  ASSERT_EQ(rows.size(), 41u);  // 2000–2040
  for (const VectorRow& row : rows) {
    SCOPED_TRACE(row.year);
    auto tet = ToSolar(LunarDate(row.year, 1, 1));
    ASSERT_TRUE(tet.ok()) << tet.status().ToString();
    EXPECT_EQ(*tet, row.tet_vn);
    EXPECT_EQ(WeekdayAbbrev(*tet), row.tet_weekday);
    auto gio_to = ToSolar(LunarDate(row.year, 3, 10));
    ASSERT_TRUE(gio_to.ok()) << gio_to.status().ToString();
    EXPECT_EQ(*gio_to, row.gio_to_vn);
    EXPECT_EQ(WeekdayAbbrev(*gio_to), row.gio_to_weekday);
    // And the other direction.
    EXPECT_EQ(*ToLunar(row.tet_vn), LunarDate(row.year, 1, 1));
    EXPECT_EQ(*ToLunar(row.gio_to_vn), LunarDate(row.year, 3, 10));
  }
}

// The Chinese columns come out of the same method at UTC+8: the VN/CN
// differences are the meridian's, which is why a Chinese-calendar library
// must not be used for Vietnamese holidays.
TEST(LunarCalendar, ChineseColumnsAreTheSameMethodAtUtcPlus8) {
  for (const VectorRow& row : LoadVectors()) {
    SCOPED_TRACE(row.year);
    EXPECT_EQ(*TEST_ToSolarAtUtcOffset(LunarDate(row.year, 1, 1), 8.0), row.tet_cn);
    EXPECT_EQ(*TEST_ToSolarAtUtcOffset(LunarDate(row.year, 3, 10), 8.0), row.gio_to_cn);
    EXPECT_EQ(*TEST_ToSolarAtUtcOffset(LunarDate(row.year, 1, 1), 7.0), row.tet_vn);
  }
}

TEST(LunarCalendar, KnownVietnamChinaDifferenceYears) {
  for (int year : {1968, 1969, 1985, 2007, 2030, 2053}) {
    SCOPED_TRACE(year);
    const LunarDate tet(year, 1, 1);
    EXPECT_NE(*ToSolar(tet), *TEST_ToSolarAtUtcOffset(tet, 8.0));
  }
  for (int year : {1975, 2009, 2037, 2038}) {
    SCOPED_TRACE(year);
    const LunarDate gio_to(year, 3, 10);
    EXPECT_NE(*ToSolar(gio_to), *TEST_ToSolarAtUtcOffset(gio_to, 8.0));
  }
  // The two famous ones: Tết Mậu Thân came a day earlier in the North in
  // 1968, and Tết Ất Sửu 1985 a whole month before China's (20 Feb).
  EXPECT_EQ(*ToSolar(LunarDate(1968, 1, 1)), D(1968, 1, 29));
  EXPECT_EQ(*TEST_ToSolarAtUtcOffset(LunarDate(1968, 1, 1), 8.0), D(1968, 1, 30));
  EXPECT_EQ(*ToSolar(LunarDate(1985, 1, 1)), D(1985, 1, 21));
  EXPECT_EQ(*TEST_ToSolarAtUtcOffset(LunarDate(1985, 1, 1), 8.0), D(1985, 2, 20));
  // Years where both agree do not differ by accident.
  for (int year : {1990, 2000, 2024, 2025, 2026}) {
    const LunarDate tet(year, 1, 1);
    EXPECT_EQ(*ToSolar(tet), *TEST_ToSolarAtUtcOffset(tet, 8.0)) << year;
  }
}

// Every day of 1900–2100: solar → lunar → solar is the identity, and the
// lunar dates advance one day at a time through months of 29 or 30 days,
// months 1..12 with at most one leap month in a year.
TEST(LunarCalendar, RoundTripsEveryDayFrom1900To2100) {
  const LocalDays first = FirstLunarConvertibleDay();
  const LocalDays last = LastLunarConvertibleDay();
  ASSERT_EQ(first, D(1900, 1, 1));
  ASSERT_EQ(last, D(2100, 12, 31));
  LunarDate previous;
  int failures = 0;
  for (LocalDays day = first; day <= last && failures < 10; day += cal::days(1)) {
    auto lunar = ToLunar(day);
    ASSERT_TRUE(lunar.ok()) << FormatDate(day);
    ASSERT_TRUE(lunar->ok()) << FormatDate(day);
    auto back = ToSolar(*lunar);
    if (!back.ok() || *back != day) {
      ADD_FAILURE() << FormatDate(day) << " -> " << lunar->day() << "/" << lunar->month()
                    << (lunar->is_leap_month() ? "L" : "") << "/" << lunar->year();
      ++failures;
    }
    if (day != first) {
      if (lunar->day() == 1) {
        EXPECT_TRUE(previous.day() == 29 || previous.day() == 30) << FormatDate(day);
        const bool new_leap = lunar->is_leap_month();
        if (new_leap) {
          // A leap month repeats the month before it.
          EXPECT_EQ(lunar->month(), previous.month()) << FormatDate(day);
          EXPECT_FALSE(previous.is_leap_month()) << FormatDate(day);
        } else {
          EXPECT_EQ(lunar->month(), previous.month() % 12 + 1) << FormatDate(day);
          EXPECT_EQ(lunar->year(), previous.year() + (lunar->month() == 1 ? 1 : 0))
              << FormatDate(day);
        }
      } else {
        EXPECT_EQ(lunar->day(), previous.day() + 1) << FormatDate(day);
        EXPECT_EQ(lunar->month(), previous.month()) << FormatDate(day);
        EXPECT_EQ(lunar->is_leap_month(), previous.is_leap_month()) << FormatDate(day);
      }
    }
    previous = *lunar;
  }
  EXPECT_EQ(failures, 0);
}

TEST(LunarCalendar, LeapMonths) {
  // Lunar years and the month each repeats (identical in both calendars for
  // these years).
  const std::vector<std::pair<int, unsigned>> leap = {{2001, 4}, {2004, 2}, {2006, 7}, {2009, 5},
                                                      {2012, 4}, {2014, 9}, {2017, 6}, {2020, 4},
                                                      {2023, 2}, {2025, 6}, {2028, 5}};
  for (const auto& [year, month] : leap) {
    SCOPED_TRACE(year);
    EXPECT_EQ(*LeapMonthOf(year), month);
    auto regular = ToSolar(LunarDate(year, month, 1));
    auto repeated = ToSolar(LunarDate(year, month, 1, true));
    ASSERT_TRUE(regular.ok());
    ASSERT_TRUE(repeated.ok());
    // The leap month follows its namesake: 29 or 30 days later.
    const auto gap = (*repeated - *regular).count();
    EXPECT_TRUE(gap == 29 || gap == 30) << gap;
    EXPECT_EQ(*ToLunar(*repeated), LunarDate(year, month, 1, true));
    // Not any other month of that year.
    EXPECT_FALSE(ToSolar(LunarDate(year, month % 12 + 1, 1, true)).ok());
  }
  for (int year : {2002, 2003, 2005, 2024, 2026, 2027}) {
    EXPECT_EQ(*LeapMonthOf(year), 0u) << year;
    EXPECT_FALSE(ToSolar(LunarDate(year, 4, 1, true)).ok()) << year;
  }
  // 2023: tháng 2 nhuận starts 2023-03-22 (Tết 22/1, then 2/1 and 2L/1).
  EXPECT_EQ(*ToSolar(LunarDate(2023, 2, 1, true)), D(2023, 3, 22));
  // 2025: tháng 6 nhuận starts 2025-07-25.
  EXPECT_EQ(*ToSolar(LunarDate(2025, 6, 1, true)), D(2025, 7, 25));
  // 2033: the famous leap month 11 (a leap after the winter-solstice month).
  EXPECT_EQ(*LeapMonthOf(2033), 11u);
  EXPECT_TRUE(ToSolar(LunarDate(2033, 11, 1, true)).ok());
}

TEST(LunarCalendar, LastDayOfTheYearIs29Or30) {
  // docs/calendar.md: tháng Chạp ends on the 30th before Tết 2023 and 2024, on
  // the 29th before Tết 2025, 2026 and 2027.
  EXPECT_EQ(*ToSolar(LunarDate(2022, 12, 30)), D(2023, 1, 21));
  EXPECT_EQ(*ToSolar(LunarDate(2023, 12, 30)), D(2024, 2, 9));
  for (int year : {2024, 2025, 2026}) {
    SCOPED_TRACE(year);
    EXPECT_FALSE(ToSolar(LunarDate(year, 12, 30)).ok());
    auto last = ToSolar(LunarDate(year, 12, 29));
    ASSERT_TRUE(last.ok());
    EXPECT_EQ(*last + cal::days(1), *ToSolar(LunarDate(year + 1, 1, 1)));
  }
}

// A day just before a new moon that runs late against the mean lunation:
// the month guess must step back (a day 0 here once).
TEST(LunarCalendar, DayBeforeALateNewMoon) {
  EXPECT_EQ(*ToLunar(D(2054, 5, 7)), LunarDate(2054, 3, 30));
  EXPECT_EQ(*ToLunar(D(2054, 5, 8)), LunarDate(2054, 4, 1));
  EXPECT_EQ(*ToSolar(LunarDate(2054, 3, 30)), D(2054, 5, 7));
}

TEST(LunarCalendar, RejectsWhatDoesNotExist) {
  EXPECT_FALSE(LunarDate(2024, 13, 1).ok());
  EXPECT_FALSE(LunarDate(2024, 1, 31).ok());
  EXPECT_FALSE(LunarDate(2024, 0, 1).ok());
  EXPECT_EQ(ToSolar(LunarDate(2024, 13, 1)).status().code(), Error::kInvalidArgument);
  EXPECT_EQ(ToLunar(D(1899, 12, 31)).status().code(), Error::kInvalidArgument);
  EXPECT_EQ(ToLunar(D(2101, 1, 1)).status().code(), Error::kInvalidArgument);
  EXPECT_TRUE(ToLunar(D(1900, 1, 1)).ok());
  EXPECT_TRUE(ToLunar(D(2100, 12, 31)).ok());
  EXPECT_FALSE(ToSolar(LunarDate(1850, 1, 1)).ok());
  EXPECT_EQ(*ToSolar(LunarDate(2100, 12, 1)), D(2100, 12, 31));
  EXPECT_FALSE(ToSolar(LunarDate(2100, 12, 2)).ok());  // 2101-01-01
  EXPECT_FALSE(LeapMonthOf(2101).ok());
}

static_assert(LunarDate(2024, 1, 1) == LunarDate(2024, 1, 1));
static_assert(LunarDate(2023, 2, 1, true) != LunarDate(2023, 2, 1));
static_assert(!std::is_convertible_v<int, LunarDate>);

}  // namespace
}  // namespace motcua::calendar
