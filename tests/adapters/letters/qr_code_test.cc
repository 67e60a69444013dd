// The receipt's QR code: the symbol libqrencode makes of the lookup link, the
// link itself, and how the two renderings draw it.
#include "adapters/letters/qr_code.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "adapters/letters/html_renderer.h"
#include "adapters/letters/receipt.h"
#include "adapters/letters/text_renderer.h"
#include "adapters/text/utf8.h"

namespace motcua::letters {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kLink =
    "https://dichvucong.ngocson.example/tra-cuu#ma=000.00.07.H06-240315-0012&k=K7P29QXM";

// A finder pattern's 7x7 square with its top-left module at (x, y): a dark
// ring, a light ring, a dark 3x3 centre.
bool FinderAt(const QrMatrix& m, int x, int y) {
  for (int dy = 0; dy < 7; ++dy) {
    for (int dx = 0; dx < 7; ++dx) {
      const bool ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
      const bool centre = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
      if (m.Dark(x + dx, y + dy) != (ring || centre)) return false;
    }
  }
  return true;
}

TEST(QrCode, TheLinkBecomesASymbolWithItsThreeFinderPatterns) {
  const std::optional<QrMatrix> m = EncodeQr(kLink);
  ASSERT_TRUE(m.has_value());
  // 84 bytes at level M need version 5: 17 + 4 * 5 modules a side.
  EXPECT_EQ(m->size(), 37);
  EXPECT_TRUE(FinderAt(*m, 0, 0));
  EXPECT_TRUE(FinderAt(*m, m->size() - 7, 0));
  EXPECT_TRUE(FinderAt(*m, 0, m->size() - 7));
  EXPECT_FALSE(m->Dark(-1, 0));  // the quiet zone is light
  EXPECT_FALSE(m->Dark(m->size(), 0));
  EXPECT_FALSE(EncodeQr("").has_value());
  EXPECT_FALSE(EncodeQr(std::string(5000, 'x')).has_value());  // beyond version 40
}

TEST(QrCode, TheLookupLinkCarriesCodeAndSecretInItsFragment) {
  EXPECT_EQ(LookupLink("https://x.example/tra-cuu", "000.00.07.H06-240315-0012", "K7P2-9QXM"),
            "https://x.example/tra-cuu#ma=000.00.07.H06-240315-0012&k=K7P2-9QXM");
  EXPECT_EQ(LookupLink("https://x.example/tra-cuu", "A B", "k&=#"),
            "https://x.example/tra-cuu#ma=A%20B&k=k%26%3D%23");
}

TEST(QrCode, TheTextRenderingDrawsHalfBlocksTwoModuleRowsALine) {
  Letter letter;
  letter.body.push_back(QrCode{kLink, "Quét mã QR:"});
  const std::string text = RenderText(letter, 64);
  EXPECT_THAT(text, HasSubstr("\u2580"));
  EXPECT_THAT(text, HasSubstr("\u2584"));
  EXPECT_THAT(text, HasSubstr("Quét mã QR:"));
  std::string unwrapped = text;  // the link, wrapped to the slip's width
  std::erase(unwrapped, '\n');
  EXPECT_THAT(unwrapped, HasSubstr(kLink));
  // 37 modules and two quiet zones of 4: 45 columns, and 23 lines of two rows.
  int symbol_lines = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("\u2588") != std::string::npos || line.find("\u2580") != std::string::npos ||
        line.find("\u2584") != std::string::npos) {
      ++symbol_lines;
      EXPECT_LE(text::DisplayWidth(line), 64u) << line;
    }
  }
  EXPECT_EQ(symbol_lines, 19);  // two lines of quiet zone above and below hold no ink
  // Too narrow for the symbol: the link alone, never a broken code.
  const std::string narrow = RenderText(letter, 40);
  EXPECT_THAT(narrow, Not(HasSubstr("\u2580")));
  EXPECT_THAT(narrow, HasSubstr("Quét mã QR:"));
}

TEST(QrCode, TheHtmlRenderingDrawsAnSvgAndLinksTheAddress) {
  Letter letter;
  letter.body.push_back(QrCode{kLink, "Quét mã QR:"});
  const std::string html = RenderHtml(letter);
  EXPECT_THAT(html, HasSubstr("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 45 45\""));
  EXPECT_THAT(html, HasSubstr("M4 4h1v1h-1z"));  // the top-left finder's corner
  EXPECT_THAT(html, HasSubstr("<a href=\"" + EscapeHtml(kLink) + "\">"));
}

}  // namespace
}  // namespace motcua::letters
