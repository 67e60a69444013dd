#include "engine/base/time.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

// FormatDate is written by hand for speed: it must agree with date's own
// formatting on every day, including where the digits of each field roll over.
TEST(FormatDate, AgreesWithDateFormatOnEveryDayFrom1800To2200) {
  const LocalDays first{cal::year{1800} / 1 / 1};
  const LocalDays last{cal::year{2200} / 12 / 31};
  for (LocalDays day = first; day <= last; day += cal::days{1}) {
    ASSERT_EQ(FormatDate(day), cal::format("%Y-%m-%d", day));
  }
}

TEST(FormatDate, PadsSmallYearsAndFallsBackOutsideFourDigits) {
  EXPECT_EQ(FormatDate(LocalDays{cal::year{7} / 3 / 9}), "0007-03-09");
  EXPECT_EQ(FormatDate(LocalDays{cal::year{9999} / 12 / 31}), "9999-12-31");
  EXPECT_EQ(FormatDate(LocalDays{cal::year{10000} / 1 / 1}),
            cal::format("%Y-%m-%d", LocalDays{cal::year{10000} / 1 / 1}));
}

TEST(FormatDate, RoundTripsThroughParseDate) {
  for (const char* text : {"2024-02-29", "2025-12-31", "2026-01-01", "1999-09-02"}) {
    auto day = ParseDate(text);
    ASSERT_TRUE(day.ok()) << text;
    EXPECT_EQ(FormatDate(*day), text);
  }
}

}  // namespace
}  // namespace motcua
