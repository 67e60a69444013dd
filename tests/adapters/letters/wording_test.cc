#include "adapters/letters/wording.h"

#include <gtest/gtest.h>

#include "tests/adapters/letters/letters_test_util.h"

namespace motcua::letters {
namespace {

using test_util::Utc;

TEST(Wording, TimesAreVietnamTimeAcrossUtcMidnight) {
  // 18:30 UTC on the 14th is 01:30 on the 15th in Vietnam (UTC+7).
  EXPECT_EQ(ClockAndDateWords(Utc(2024, 3, 14, 18, 30)), "01:30, ngày 15 tháng 03 năm 2024");
  EXPECT_EQ(DateWords(Utc(2024, 3, 14, 18, 30)), "ngày 15 tháng 03 năm 2024");
  EXPECT_EQ(ClockAndDateWords(Utc(2024, 3, 14, 16, 59)), "23:59, ngày 14 tháng 03 năm 2024");
  // New Year's Eve in UTC is already New Year's Day in Vietnam.
  EXPECT_EQ(ClockAndDateWords(Utc(2024, 12, 31, 17, 5)), "00:05, ngày 01 tháng 01 năm 2025");
}

TEST(Wording, TwoDigitCounts) {
  EXPECT_EQ(TwoDigits(0), "00");
  EXPECT_EQ(TwoDigits(3), "03");
  EXPECT_EQ(TwoDigits(12), "12");
  EXPECT_EQ(TwoDigits(120), "120");
}

TEST(Wording, DurationPrefersTheLegalTextAndOtherwiseBuildsOne) {
  v1::Duration d;
  d.set_unit(v1::DURATION_UNIT_WORKING_DAYS);
  d.set_amount(3);
  EXPECT_EQ(DurationWords(d), "03 ngày làm việc");
  d.set_unit(v1::DURATION_UNIT_WORKING_HOURS);
  d.set_amount(8);
  EXPECT_EQ(DurationWords(d), "08 giờ làm việc");
  d.set_unit(v1::DURATION_UNIT_CALENDAR_DAYS);
  d.set_amount(15);
  EXPECT_EQ(DurationWords(d), "15 ngày");
  d.set_unit(v1::DURATION_UNIT_SAME_DAY);
  d.set_amount(0);
  EXPECT_EQ(DurationWords(d),
            "Trong ngày (hồ sơ nhận sau 15:00 trả trong ngày làm việc tiếp theo)");
  d.set_cutoff("16:30");
  EXPECT_EQ(DurationWords(d),
            "Trong ngày (hồ sơ nhận sau 16:30 trả trong ngày làm việc tiếp theo)");
  d.set_text_vi("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ");
  EXPECT_EQ(DurationWords(d), "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ");
  EXPECT_EQ(DurationWords(v1::Duration()), "");
}

}  // namespace
}  // namespace motcua::letters
