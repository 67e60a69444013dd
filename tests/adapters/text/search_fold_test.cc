// The search form of names (adapters/text/search_fold.h): what an officer
// types without diacritics must meet what the counter typed with them.
#include "adapters/text/search_fold.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace motcua::text {
namespace {

using ::testing::ElementsAre;

TEST(SearchFoldTest, VietnameseLettersLoseTheirMarksAndCase) {
  EXPECT_EQ(FoldForSearch("Nguyễn Thị Ánh Tuyết"), "nguyen thi anh tuyet");
  EXPECT_EQ(FoldForSearch("ĐẶNG VĂN ĐỨC"), "dang van duc");
  EXPECT_EQ(FoldForSearch("Trương Thị Mỹ Hạnh"), "truong thi my hanh");
  // Every vowel with every tone, and the horned and hatted vowels.
  EXPECT_EQ(FoldForSearch("àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ"),
            "aaaaa aaaaa aaaaa eeeee eeeee iiiii ooooo ooooo ooooo uuuuu uuuuu yyyyy");
}

TEST(SearchFoldTest, DecomposedInputFoldsLikePrecomposed) {
  // "Nguyễn" typed as base letters followed by combining marks (NFD).
  EXPECT_EQ(FoldForSearch("Nguye\xCC\x82\xCC\x83n"), "nguyen");
}

TEST(SearchFoldTest, PunctuationAndSpacesSeparateWords) {
  EXPECT_EQ(FoldForSearch("  Lê-Thị\u00A0Hoa,  (bà) "), "le thi hoa ba");
  EXPECT_EQ(FoldForSearch(""), "");
  EXPECT_EQ(FoldForSearch(" .,- "), "");
}

TEST(SearchFoldTest, DigitsStayAndMalformedBytesSeparate) {
  EXPECT_EQ(FoldForSearch("Tổ 3\xFFthôn 5"), "to 3 thon 5");
}

TEST(SearchFoldTest, OtherScriptsAreKeptAsTheyAre) {
  EXPECT_EQ(FoldForSearch("Lý 李"), "ly 李");
}

TEST(SearchFoldTest, WordsAndDigits) {
  EXPECT_THAT(SearchWords("Nguyễn  thị"), ElementsAre("nguyen", "thi"));
  EXPECT_THAT(SearchWords(" - "), ElementsAre());
  EXPECT_EQ(DigitsOf("+84 912.345-678"), "84912345678");
}

}  // namespace
}  // namespace motcua::text
