#include "adapters/letters/html_renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "adapters/text/utf8.h"

namespace motcua::letters {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kHostile = "<script>alert(\"x\")</script> & 'Lê'";
constexpr std::string_view kEscaped =
    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Lê&#39;";

Letter HostileLetter() {
  const std::string h(kHostile);
  Letter letter;
  letter.page = PageSize::kA4;
  letter.unit_name = h;
  letter.unit_division = h;
  letter.form_label = h;
  letter.place_and_date = h;
  letter.title = h;
  letter.subtitle = h;
  letter.addressee = h;
  letter.body = {Field{h, h}, Paragraph{h}, Notice{h}, Table{{h, h}, {{h, h}}}};
  letter.signatures = {Signature{h, h, h}};
  return letter;
}

TEST(HtmlRenderer, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(EscapeHtml(kHostile), kEscaped);
  EXPECT_EQ(EscapeHtml("Nguyễn Văn A"), "Nguyễn Văn A");
}

TEST(HtmlRenderer, EveryValueIsEscapedWhereverItAppears) {
  const std::string html = RenderHtml(HostileLetter());
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("alert(\"")));
  // Title (sentence case in <title>, upper case in <h1>), field, paragraph,
  // notice, two table cells, header cell, signature parts, subtitle, addressee...
  std::size_t count = 0;
  for (std::size_t pos = html.find(kEscaped); pos != std::string::npos;
       pos = html.find(kEscaped, pos + 1)) {
    ++count;
  }
  EXPECT_GE(count, 15u);
  // Upper-cased before escaping: "&LT;" would not be an entity at all.
  EXPECT_THAT(html, HasSubstr("&lt;SCRIPT&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("&LT;")));
}

TEST(HtmlRenderer, IsASelfContainedPrintablePage) {
  Letter letter = HostileLetter();
  letter.title = "Phiếu từ chối";
  const std::string html = RenderHtml(letter);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(html, HasSubstr("@page { size: A4;"));
  EXPECT_THAT(html, Not(HasSubstr("size: A5")));
  EXPECT_THAT(html, HasSubstr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  EXPECT_THAT(html, HasSubstr("Độc lập - Tự do - Hạnh phúc"));
  EXPECT_THAT(html, HasSubstr("<h1 class=\"title\">PHIẾU TỪ CHỐI</h1>"));
  // Nothing fetched at print time.
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("url(")));
  EXPECT_THAT(html, Not(HasSubstr("@import")));
  EXPECT_TRUE(html.ends_with("</html>\n"));
}

TEST(HtmlRenderer, A5WhenTheLetterSaysSo) {
  Letter letter;
  letter.page = PageSize::kA5;
  const std::string html = RenderHtml(letter);
  EXPECT_THAT(html, HasSubstr("@page { size: A5;"));
  EXPECT_THAT(html, Not(HasSubstr("size: A4")));
}

TEST(HtmlRenderer, OutputIsValidUtf8EvenFromMalformedInput) {
  Letter letter;
  letter.title = "Hằng \xC3\x28 \xFF \x1B[31m";
  const std::string html = RenderHtml(letter);
  EXPECT_TRUE(text::IsValidUtf8(html));
  EXPECT_THAT(html, Not(HasSubstr("\x1B")));
}

TEST(HtmlRenderer, SignatureLayoutFollowsTheirNumber) {
  Letter letter;
  letter.signatures = {Signature{"A", "", ""}};
  EXPECT_THAT(RenderHtml(letter), HasSubstr("<div class=\"signatures single\">"));
  letter.signatures.push_back(Signature{"B", "", ""});
  EXPECT_THAT(RenderHtml(letter), HasSubstr("<div class=\"signatures\">"));
}

}  // namespace
}  // namespace motcua::letters
