#include "adapters/letters/rule_set.h"

#include <gtest/gtest.h>

#include "tests/adapters/letters/letters_test_util.h"

namespace motcua::letters {
namespace {

using test_util::Utc;

TEST(RuleSet, SwitchesAtVietnamMidnightOfFirstJuly2025) {
  // 2025-07-01 00:00 in Vietnam is 2025-06-30 17:00 UTC.
  EXPECT_EQ(RuleSetFor(Utc(2025, 6, 30, 16, 59, 59)), RuleSet::kDecree61Of2018);
  EXPECT_EQ(RuleSetFor(Utc(2025, 6, 30, 17, 0, 0)), RuleSet::kDecree118Of2025);
  // Still 30 June in UTC, already 1 July in the commune.
  EXPECT_EQ(RuleSetFor(Utc(2025, 6, 30, 20, 0)), RuleSet::kDecree118Of2025);
  EXPECT_EQ(RuleSetFor(Utc(2018, 7, 1, 0, 0)), RuleSet::kDecree61Of2018);
  EXPECT_EQ(RuleSetFor(Utc(2030, 1, 1, 0, 0)), RuleSet::kDecree118Of2025);
  EXPECT_EQ(dossier::Decree118EffectiveDay(), LocalDays(cal::year{2025} / cal::July / 1));
}

TEST(RuleSet, NamesItsCircularDecreesAndCounter) {
  EXPECT_EQ(CircularOf(RuleSet::kDecree61Of2018), "Thông tư số 01/2018/TT-VPCP");
  EXPECT_EQ(CircularOf(RuleSet::kDecree118Of2025), "Thông tư số 03/2025/TT-VPCP");
  EXPECT_EQ(DecreesOf(RuleSet::kDecree61Of2018),
            "Nghị định số 61/2018/NĐ-CP và Nghị định số 107/2021/NĐ-CP");
  EXPECT_EQ(DecreesOf(RuleSet::kDecree118Of2025), "Nghị định số 118/2025/NĐ-CP");
  EXPECT_NE(LegalBasisOf(RuleSet::kDecree61Of2018).find("Nghị định số 107/2021/NĐ-CP"),
            std::string_view::npos);
  EXPECT_NE(LegalBasisOf(RuleSet::kDecree118Of2025).find("Nghị định số 118/2025/NĐ-CP"),
            std::string_view::npos);
  EXPECT_EQ(LegalBasisOf(RuleSet::kDecree118Of2025).find("61/2018"), std::string_view::npos);
  EXPECT_EQ(CounterNameOf(RuleSet::kDecree61Of2018), "Bộ phận Tiếp nhận và Trả kết quả");
  EXPECT_EQ(CounterNameOf(RuleSet::kDecree118Of2025), "Bộ phận Một cửa");
}

}  // namespace
}  // namespace motcua::letters
