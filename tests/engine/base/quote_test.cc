#include "engine/base/quote.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "engine/base/utf8_decode.h"

namespace motcua {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";  // U+FFFD
const std::string kCut = "\xE2\x80\xA6";   // "…"

bool WellFormed(const std::string& text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedCodePoint d = DecodeUtf8At(text, pos);
    if (!d.valid) return false;
    pos += d.length;
  }
  return true;
}

TEST(QuoteForMessage, KeepsVietnameseAndPrintableTextAsItIs) {
  EXPECT_EQ(QuoteForMessage("000.00.07.H06-240315-0001"), "000.00.07.H06-240315-0001");
  EXPECT_EQ(QuoteForMessage("Nguyễn Thị Hằng, xã Ngọc Sơn"), "Nguyễn Thị Hằng, xã Ngọc Sơn");
  EXPECT_EQ(QuoteForMessage("\xF0\x9F\x93\x84 hồ sơ"), "\xF0\x9F\x93\x84 hồ sơ");  // U+1F4C4
  EXPECT_EQ(QuoteForMessage(""), "");
}

TEST(QuoteForMessage, ReplacesEachMalformedByteWithU_FFFD) {
  // The fuzzer's path: an overlong lead byte, then a stray continuation byte.
  EXPECT_EQ(QuoteForMessage("/v1/st\xC1\x99"
                            "ats"),
            "/v1/st" + kFffd + kFffd + "ats");
  EXPECT_EQ(QuoteForMessage("\xC3"), kFffd);                          // truncated
  EXPECT_EQ(QuoteForMessage("\xC3\x28"), kFffd + "(");                // bad continuation
  EXPECT_EQ(QuoteForMessage("\xED\xA0\x80"), kFffd + kFffd + kFffd);  // surrogate
  EXPECT_EQ(QuoteForMessage("\xF4\x90\x80\x80x"), kFffd + kFffd + kFffd + kFffd + "x");
  EXPECT_EQ(QuoteForMessage("\xFF\xFE"), kFffd + kFffd);
}

TEST(QuoteForMessage, DropsControlCharactersLineBreaksAndBidiOverrides) {
  EXPECT_EQ(QuoteForMessage("a\tb\r\nc\x1B[2J\x7F"
                            "d"),
            "abc[2Jd");
  EXPECT_EQ(QuoteForMessage(std::string("nul\0byte", 8)), "nulbyte");
  EXPECT_EQ(QuoteForMessage("c1\xC2\x85\xC2\x9B"
                            "x"),
            "c1x");  // NEL, CSI
  EXPECT_EQ(QuoteForMessage("dòng\xE2\x80\xA8"
                            "hai\xE2\x80\xA9"),
            "dònghai");  // U+2028/9
  // U+202E RIGHT-TO-LEFT OVERRIDE would show "txt.exe" as "exe.txt".
  EXPECT_EQ(QuoteForMessage("\xE2\x80\xAEtxt.exe\xE2\x81\xA6\xE2\x81\xA9"), "txt.exe");
  EXPECT_EQ(QuoteForMessage("\r\n\t\x01"), "");
}

TEST(QuoteForMessage, LeavesMarkupToWhateverRendersTheMessage) {
  // Plain text: a page shows it as text, the JSON encoder escapes for JSON.
  EXPECT_EQ(QuoteForMessage("/v1/<img src=x onerror=alert(1)>"),
            "/v1/<img src=x onerror=alert(1)>");
}

TEST(QuoteForMessage, CutsLongTextOnACodePointBoundaryAndMarksTheCut) {
  EXPECT_EQ(QuoteForMessage(std::string(200, 'a'), 10), std::string(7, 'a') + kCut);
  const std::string a128(kQuotedTextMaxBytes, 'a');
  EXPECT_EQ(QuoteForMessage(a128), a128);  // exactly the limit: no cut
  const std::string cut = QuoteForMessage(a128 + "b");
  EXPECT_EQ(cut, std::string(kQuotedTextMaxBytes - 3, 'a') + kCut);
  EXPECT_EQ(cut.size(), kQuotedTextMaxBytes);
  // "ệ" takes three bytes: 7 bytes of room hold two of them, not two and a third of one.
  EXPECT_EQ(QuoteForMessage("ệệệệ", 10), "ệệ" + kCut);
  EXPECT_EQ(QuoteForMessage("ệệệ", 9), "ệệệ");
  // Replacement characters count as the three bytes they take.
  EXPECT_EQ(QuoteForMessage("\xFF\xFF\xFF\xFF", 9), kFffd + kFffd + kCut);
}

TEST(QuoteForMessage, NeverCutsALetterFromItsCombiningMarks) {
  // "ế" decomposed: e + U+0302 + U+0301 (five bytes).
  const std::string e_decomposed = "e\xCC\x82\xCC\x81";
  EXPECT_EQ(QuoteForMessage("ab" + e_decomposed + "cdef", 8), "ab" + kCut);
  EXPECT_EQ(QuoteForMessage("ab" + e_decomposed + "cdef", 10), "ab" + e_decomposed + kCut);
}

TEST(QuoteForMessage, ALimitBelowTheMarkStillMarksTheCut) {
  EXPECT_EQ(QuoteForMessage("abcdef", 0), kCut);
  EXPECT_EQ(QuoteForMessage("abc", 1), "abc");  // fits in the 3 bytes the mark would take
}

TEST(QuoteForMessage, AnyBytesGiveShortOneLineWellFormedText) {
  std::mt19937 random(20240315);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<std::size_t> length(0, 400);
  for (int round = 0; round < 5000; ++round) {
    std::string input(length(random), '\0');
    for (char& c : input) c = static_cast<char>(byte(random));
    const std::size_t max_bytes = round % 200;
    const std::string out = QuoteForMessage(input, max_bytes);
    ASSERT_TRUE(WellFormed(out)) << round;
    ASSERT_LE(out.size(), std::max<std::size_t>(max_bytes, 3)) << round;
    for (char c : out) {
      const auto b = static_cast<std::uint8_t>(c);
      ASSERT_TRUE(b >= 0x20 && b != 0x7F) << round;
    }
    // Idempotent: quoting a quote changes nothing (a cut text already fits).
    ASSERT_EQ(QuoteForMessage(out, max_bytes), out) << round;
  }
}

}  // namespace
}  // namespace motcua
