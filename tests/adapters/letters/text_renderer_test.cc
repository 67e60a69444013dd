#include "adapters/letters/text_renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "adapters/text/utf8.h"

namespace motcua::letters {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> LinesOf(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

Letter SampleLetter() {
  Letter letter;
  letter.unit_name = "UBND xã Ngọc Sơn";
  letter.unit_division = "Bộ phận Một cửa";
  letter.form_label = "Mẫu số 01 (Thông tư số 03/2025/TT-VPCP)";
  letter.place_and_date = "Ngọc Sơn, ngày 15 tháng 03 năm 2024";
  letter.title = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
  letter.subtitle = "Mã hồ sơ: 000.00.07.H06-240315-0012";
  letter.body = {
      Field{"Tiếp nhận hồ sơ của", "Nguyễn Thị Hằng"},
      Field{"Nội dung yêu cầu giải quyết",
            "Đăng ký khai sinh cho trẻ em sinh ra tại cơ sở y tế trên địa bàn xã, có yếu tố "
            "nước ngoài ở một bên cha hoặc mẹ (mã thủ tục 1.001193)"},
      Table{{"TT", "Tên giấy tờ", "Số bản", "Ghi chú"},
            {{"1", "Tờ khai", "01", "Đã số hóa"}, {"2", "Giấy chứng sinh", "", ""}}},
      Notice{"Lưu ý: lịch dự kiến."},
      Paragraph{"Xin thông báo để Ông/Bà được biết./."},
  };
  letter.signatures = {Signature{"NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", "Nguyễn Thị Hằng"},
                       Signature{"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", "Lê Văn Tâm"}};
  return letter;
}

TEST(TextRenderer, EveryLineFitsTheWidthWithNoTrailingSpace) {
  for (std::size_t width : {64u, 48u, 40u}) {
    const std::string text = RenderText(SampleLetter(), width);
    ASSERT_TRUE(text.ends_with("\n"));
    for (const std::string& line : LinesOf(text)) {
      EXPECT_LE(text::DisplayWidth(line), width) << "width " << width << ": '" << line << "'";
      EXPECT_FALSE(line.ends_with(" ")) << "'" << line << "'";
    }
  }
}

TEST(TextRenderer, HeadingIsCenteredAndTitleUpperCased) {
  const std::vector<std::string> lines = LinesOf(RenderText(SampleLetter()));
  ASSERT_GE(lines.size(), 3u);
  // 34 columns centered in 64: 15 spaces before.
  EXPECT_EQ(lines[0], std::string(15, ' ') + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  EXPECT_EQ(lines[1], std::string(18, ' ') + "Độc lập - Tự do - Hạnh phúc");
  const std::string text = RenderText(SampleLetter());
  EXPECT_THAT(text, HasSubstr("UBND XÃ NGỌC SƠN\n"));
  EXPECT_THAT(text, HasSubstr("BỘ PHẬN MỘT CỬA\n"));
  EXPECT_THAT(text, HasSubstr("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ\n"));
  EXPECT_THAT(text, HasSubstr("Mã hồ sơ: 000.00.07.H06-240315-0012\n"));
  // The date line is right-aligned.
  EXPECT_THAT(text, HasSubstr(std::string(29, ' ') + "Ngọc Sơn, ngày 15 tháng 03 năm 2024\n"));
}

TEST(TextRenderer, LongFieldWrapsWithAHangingIndent) {
  const std::string text = RenderText(SampleLetter());
  EXPECT_THAT(text, HasSubstr("Tiếp nhận hồ sơ của: Nguyễn Thị Hằng\n"));
  EXPECT_THAT(text, HasSubstr("Nội dung yêu cầu giải quyết: Đăng ký khai sinh cho trẻ em sinh\n"
                              "    ra tại cơ sở y tế"));
}

TEST(TextRenderer, AShortValueThatDoesNotFitBesideItsLabelGetsItsOwnLine) {
  Letter letter;
  letter.body = {
      Field{"5. Thời gian trả kết quả giải quyết hồ sơ", "16:00, ngày 19 tháng 03 năm 2024"}};
  EXPECT_THAT(RenderText(letter), HasSubstr("\n5. Thời gian trả kết quả giải quyết hồ sơ:\n"
                                            "    16:00, ngày 19 tháng 03 năm 2024\n"));
}

TEST(TextRenderer, TableRowsBecomeNumberedLinesWithLabelledCells) {
  const std::string text = RenderText(SampleLetter());
  EXPECT_THAT(text, HasSubstr("  1. Tờ khai; Số bản: 01; Ghi chú: Đã số hóa\n"));
  EXPECT_THAT(text, HasSubstr("  2. Giấy chứng sinh\n"));
  EXPECT_THAT(text, HasSubstr("(!) Lưu ý: lịch dự kiến.\n"));
}

TEST(TextRenderer, SignaturesSitSideBySide) {
  const std::string text = RenderText(SampleLetter());
  // Two columns of 32; each block centered in its own.
  EXPECT_THAT(text, HasSubstr("\n" + std::string(8, ' ') + "NGƯỜI NỘP HỒ SƠ" +
                              std::string(14, ' ') + "NGƯỜI TIẾP NHẬN HỒ SƠ\n"));
  EXPECT_THAT(text, HasSubstr("\n" + std::string(8, ' ') + "Nguyễn Thị Hằng" +
                              std::string(20, ' ') + "Lê Văn Tâm\n"));
}

TEST(TextRenderer, ALoneSignatureTakesTheRightHalf) {
  Letter letter = SampleLetter();
  letter.signatures = {Signature{"THỦ TRƯỞNG CƠ QUAN", "", "Trần Văn Bình"}};
  const std::string text = RenderText(letter);
  // Right half starts at column 32; the role (18 columns) is centered in it.
  EXPECT_THAT(text, HasSubstr("\n" + std::string(32 + 7, ' ') + "THỦ TRƯỞNG CƠ QUAN\n"));
}

TEST(TextRenderer, AWordWiderThanTheLineIsSplit) {
  Letter letter;
  letter.body = {Paragraph{std::string(100, 'x')}};
  const std::string text = RenderText(letter, 40);
  EXPECT_THAT(text, HasSubstr(std::string(40, 'x') + "\n" + std::string(40, 'x') + "\n" +
                              std::string(20, 'x') + "\n"));
  // A width too small for anything still terminates.
  EXPECT_FALSE(RenderText(SampleLetter(), 1).empty());
  EXPECT_FALSE(RenderText(SampleLetter(), 0).empty());
}

TEST(TextRenderer, ControlCharactersCannotReachTheTerminal) {
  Letter letter = SampleLetter();
  letter.body = {Field{"Tiếp nhận hồ sơ của", "Hằng\x1B]0;pwned\x07\x1B[2J \xC3\x28"}};
  const std::string text = RenderText(letter);
  EXPECT_THAT(text, Not(HasSubstr("\x1B")));
  EXPECT_THAT(text, Not(HasSubstr("\x07")));
  EXPECT_TRUE(text::IsValidUtf8(text));
  EXPECT_THAT(text, HasSubstr("Hằng\xEF\xBF\xBD]0;pwned"));
}

TEST(TextRenderer, NewlineInAValueBreaksTheLine) {
  Letter letter;
  letter.body = {Field{"Lý do", "thứ nhất\nthứ hai"}};
  EXPECT_THAT(RenderText(letter), HasSubstr("Lý do: thứ nhất\n    thứ hai\n"));
}

}  // namespace
}  // namespace motcua::letters
