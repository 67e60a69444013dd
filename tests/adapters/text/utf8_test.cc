#include "adapters/text/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::text {
namespace {

TEST(Utf8, AcceptsVietnameseAndRejectsMalformedSequences) {
  EXPECT_TRUE(IsValidUtf8("Cộng hòa xã hội chủ nghĩa Việt Nam"));
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x93\x84"));   // U+1F4C4, four bytes
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC3\x28"));          // bad continuation
  EXPECT_FALSE(IsValidUtf8("\x80"));              // stray continuation
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(Utf8, WidthCountsLettersNotBytesNorCombiningMarks) {
  EXPECT_EQ(DisplayWidth("Nguyễn"), 6u);
  EXPECT_EQ(std::string("Nguyễn").size(), 8u);
  // "ế" decomposed: e + U+0302 + U+0301 takes one column, like the composed form.
  EXPECT_EQ(DisplayWidth("e\xCC\x82\xCC\x81"), 1u);
  EXPECT_EQ(DisplayWidth("\xC3\x28"), 2u);  // a malformed byte prints as one character
}

TEST(Utf8, PrefixFittingNeverSplitsALetterFromItsMarks) {
  EXPECT_EQ(PrefixFitting("Hằng", 2), "Hằ");
  EXPECT_EQ(PrefixFitting("He\xCC\x82\xCC\x81t", 2), "He\xCC\x82\xCC\x81");
  EXPECT_EQ(PrefixFitting("abc", 10), "abc");
  // Always makes progress, even with no room.
  EXPECT_EQ(PrefixFitting("ừa", 0), "ừ");
  EXPECT_EQ(PrefixFitting("", 3), "");
}

TEST(Utf8, UpperCasesTheWholeVietnameseAlphabetWithEveryTone) {
  EXPECT_EQ(ToUpperVietnamese("aăâbcdđeêghiklmnoôơpqrstuưvxy"), "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY");
  EXPECT_EQ(ToUpperVietnamese("àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị"),
            "ÀÁẢÃẠ ẰẮẲẴẶ ẦẤẨẪẬ ÈÉẺẼẸ ỀẾỂỄỆ ÌÍỈĨỊ");
  EXPECT_EQ(ToUpperVietnamese("òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ"),
            "ÒÓỎÕỌ ỒỐỔỖỘ ỜỚỞỠỢ ÙÚỦŨỤ ỪỨỬỮỰ ỲÝỶỸỴ");
  EXPECT_EQ(ToUpperVietnamese("ĐÃ IN HOA, 123 - ok"), "ĐÃ IN HOA, 123 - OK");
  EXPECT_EQ(ToUpperVietnamese("a\xFF"
                              "b"),
            "A\xFF"
            "B");  // malformed bytes pass through
}

TEST(Utf8, ToPrintableNeutralisesControlsAndMalformedBytes) {
  EXPECT_EQ(ToPrintable("Lê\x1B[2JVăn"), "Lê\xEF\xBF\xBD[2JVăn");
  EXPECT_EQ(ToPrintable("a\tb"), "a b");
  EXPECT_EQ(ToPrintable("dòng 1\r\ndòng 2\n"), "dòng 1\ndòng 2\n");
  EXPECT_EQ(ToPrintable("x\ry"), "x\xEF\xBF\xBDy");
  EXPECT_EQ(ToPrintable("\xC2\x9B"
                        "c"),
            "\xEF\xBF\xBD"
            "c");  // C1 CSI
  EXPECT_EQ(ToPrintable("\xC3\x28"), "\xEF\xBF\xBD(");
  EXPECT_TRUE(IsValidUtf8(ToPrintable("\xFF\xFE\xED\xA0\x80 Hằng")));
}

}  // namespace
}  // namespace motcua::text
