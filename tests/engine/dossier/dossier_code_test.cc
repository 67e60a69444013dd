// IsCanonical must answer exactly what formatting the parsed code back
// would (the engine relies on it to tell its own codes from foreign ones).
#include "engine/dossier/dossier_code.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::dossier {
namespace {

bool ByFormatting(std::string_view code) {
  auto parsed = ParseCode(code);
  return parsed && FormatCode(parsed->unit, parsed->day, parsed->sequence) == code;
}

TEST(DossierCodeTest, IsCanonicalAgreesWithFormatCode) {
  for (const char* code :
       {"000.00.07.H06-240315-0012", "000.00.07.H06-240315-9999", "000.00.07.H06-240315-10000",
        "000.00.07.H06-240315-123456789", "000.00.07.H06-240315-00012",
        "000.00.07.H06-240315-010000", "000.00.07.H06-240315-0000012", "X-991231-0001",
        "000.00.07.H06-000101-0001"}) {
    auto parsed = ParseCode(code);
    ASSERT_TRUE(parsed.has_value()) << code;
    EXPECT_EQ(IsCanonical(*parsed, code), ByFormatting(code)) << code;
  }
}

TEST(DossierCodeTest, EveryFormattedCodeIsCanonical) {
  const LocalDays day = LocalDays(cal::year{2025} / 4 / 9);
  for (std::uint32_t n : {1u, 9u, 10u, 999u, 1000u, 9999u, 10000u, 99999u, 100000u, 268435455u}) {
    const std::string code = FormatCode("000.00.07.H06", day, n);
    auto parsed = ParseCode(code);
    ASSERT_TRUE(parsed.has_value()) << code;
    EXPECT_TRUE(IsCanonical(*parsed, code)) << code;
    EXPECT_EQ(parsed->sequence, n);
  }
}

}  // namespace
}  // namespace motcua::dossier
