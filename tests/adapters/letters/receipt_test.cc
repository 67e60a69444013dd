#include "adapters/letters/receipt.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "adapters/letters/html_renderer.h"
#include "adapters/letters/text_renderer.h"
#include "adapters/text/utf8.h"
#include "tests/adapters/letters/letters_test_util.h"

namespace motcua::letters {
namespace {

using test_util::FieldValue;
using test_util::SampleDossier;
using test_util::SampleUnit;
using test_util::Set;
using test_util::Utc;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Optional;

ReceiptDetails SampleDetails() {
  return ReceiptDetails{.lookup_secret = "K7P2-9QXM",
                        .duration = "03 ngày làm việc",
                        .received_by = "Lê Văn Tâm",
                        .collect_at = ""};
}

Letter BuildOk(const v1::Dossier& dossier, const UnitInfo& unit = SampleUnit(),
               const ReceiptDetails& details = SampleDetails()) {
  Result<Letter> letter = BuildReceipt(dossier, unit, details);
  EXPECT_TRUE(letter.ok()) << letter.status().ToString();
  return letter.ok() ? *letter : Letter();
}

TEST(Receipt, CarriesEveryFieldOfMau01) {
  const Letter letter = BuildOk(SampleDossier());
  EXPECT_EQ(letter.page, PageSize::kA5);
  EXPECT_EQ(letter.title, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
  EXPECT_EQ(letter.subtitle, "Mã hồ sơ: 000.00.07.H06-240315-0012");
  EXPECT_EQ(letter.unit_name, "UBND xã Ngọc Sơn");
  EXPECT_EQ(letter.unit_division, "Bộ phận Tiếp nhận và Trả kết quả");
  EXPECT_EQ(letter.form_label, "Mẫu số 01 (Thông tư số 01/2018/TT-VPCP)");
  EXPECT_EQ(letter.place_and_date, "Ngọc Sơn, ngày 15 tháng 03 năm 2024");
  EXPECT_THAT(FieldValue(letter, "Đơn vị tiếp nhận"),
              Optional(std::string("Bộ phận Tiếp nhận và Trả kết quả - UBND xã Ngọc Sơn")));
  EXPECT_THAT(FieldValue(letter, "Tiếp nhận hồ sơ của"), Optional(std::string("Nguyễn Thị Hằng")));
  EXPECT_THAT(FieldValue(letter, "Địa chỉ"), Optional(std::string("Thôn Trung Hưng, xã Ngọc Sơn")));
  EXPECT_THAT(FieldValue(letter, "Số điện thoại"), Optional(std::string("0912345678")));
  EXPECT_THAT(FieldValue(letter, "Thư điện tử"), Optional(std::string("hang.nguyen@example.vn")));
  EXPECT_THAT(FieldValue(letter, "Nội dung yêu cầu giải quyết"),
              Optional(std::string("Đăng ký khai sinh (mã thủ tục 1.001193)")));
  EXPECT_THAT(FieldValue(letter, "2. Số lượng hồ sơ"), Optional(std::string("02 bộ")));
  EXPECT_THAT(FieldValue(letter, "3. Thời gian giải quyết hồ sơ theo quy định"),
              Optional(std::string("03 ngày làm việc")));
  EXPECT_THAT(FieldValue(letter, "4. Thời gian nhận hồ sơ"),
              Optional(std::string("01:30, ngày 15 tháng 03 năm 2024")));
  EXPECT_THAT(FieldValue(letter, "5. Thời gian trả kết quả giải quyết hồ sơ"),
              Optional(std::string("16:00, ngày 19 tháng 03 năm 2024")));
  EXPECT_THAT(FieldValue(letter, "6. Đăng ký nhận kết quả tại"),
              Optional(std::string("Bộ phận Tiếp nhận và Trả kết quả - UBND xã Ngọc Sơn, xã Ngọc "
                                   "Sơn, huyện Hiệp Hòa, tỉnh Bắc Giang")));
  EXPECT_THAT(FieldValue(letter, "Vào Sổ theo dõi hồ sơ, số"),
              Optional(std::string("000.00.07.H06-240315-0012")));
  EXPECT_THAT(FieldValue(letter, "Mã tra cứu"), Optional(std::string("K7P2-9QXM")));
  EXPECT_THAT(test_util::BodyProse(letter),
              HasSubstr("Để tra cứu tình trạng hồ sơ, cung cấp Mã hồ sơ và Mã tra cứu cho Bộ "
                        "phận Tiếp nhận và Trả kết quả; không cho người khác biết Mã tra cứu."));
  ASSERT_EQ(letter.signatures.size(), 2u);
  EXPECT_EQ(letter.signatures[0].role, "NGƯỜI NỘP HỒ SƠ");
  EXPECT_EQ(letter.signatures[0].name, "Nguyễn Thị Hằng");
  EXPECT_EQ(letter.signatures[1].role, "NGƯỜI TIẾP NHẬN HỒ SƠ");
  EXPECT_EQ(letter.signatures[1].name, "Lê Văn Tâm");
}

TEST(Receipt, ListsDocumentsWithCopiesAndMarks) {
  const Letter letter = BuildOk(SampleDossier());
  const Table* table = test_util::FirstTable(letter);
  ASSERT_NE(table, nullptr);
  EXPECT_THAT(table->header, ElementsAre("TT", "Tên giấy tờ", "Số bản", "Ghi chú"));
  using Row = std::vector<std::string>;
  EXPECT_THAT(table->rows, ElementsAre(Row{"1", "Tờ khai đăng ký khai sinh", "01", "Đã số hóa"},
                                       Row{"2", "Giấy chứng sinh", "02", ""},
                                       Row{"3", "Căn cước của người đi đăng ký", "",
                                           "Tái sử dụng dữ liệu, không phải nộp lại"}));
}

TEST(Receipt, TextAndHtmlShowTheSameContent) {
  const Letter letter = BuildOk(SampleDossier());
  const std::string text = RenderText(letter);
  const std::string html = RenderHtml(letter);
  for (const std::string& rendering : {text, html}) {
    EXPECT_THAT(rendering, HasSubstr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    EXPECT_THAT(rendering, HasSubstr("Độc lập - Tự do - Hạnh phúc"));
    EXPECT_THAT(rendering, HasSubstr("UBND XÃ NGỌC SƠN"));
    EXPECT_THAT(rendering, HasSubstr("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"));
    EXPECT_THAT(rendering, HasSubstr("000.00.07.H06-240315-0012"));
    EXPECT_THAT(rendering, HasSubstr("Nguyễn Thị Hằng"));
    EXPECT_THAT(rendering, HasSubstr("0912345678"));
    EXPECT_THAT(rendering, HasSubstr("hang.nguyen@example.vn"));
    EXPECT_THAT(rendering, HasSubstr("Tờ khai đăng ký khai sinh"));
    EXPECT_THAT(rendering, HasSubstr("01:30, ngày 15 tháng 03 năm 2024"));
    EXPECT_THAT(rendering, HasSubstr("16:00, ngày 19 tháng 03 năm 2024"));
    EXPECT_THAT(rendering, HasSubstr("K7P2-9QXM"));
    EXPECT_THAT(rendering, HasSubstr("NGƯỜI TIẾP NHẬN HỒ SƠ"));
    EXPECT_THAT(rendering, HasSubstr("(Ký và ghi rõ họ tên)"));
    EXPECT_TRUE(text::IsValidUtf8(rendering));
  }
  EXPECT_THAT(text, HasSubstr("4. Thời gian nhận hồ sơ: 01:30, ngày 15 tháng 03 năm 2024\n"));
  EXPECT_THAT(text, HasSubstr("  1. Tờ khai đăng ký khai sinh; Số bản: 01; Ghi chú: Đã số hóa\n"));
}

TEST(Receipt, TextFitsA64ColumnPrinter) {
  const std::string text = RenderText(BuildOk(SampleDossier()));
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos;
       start = end + 1, end = text.find('\n', start)) {
    EXPECT_LE(text::DisplayWidth(std::string_view(text).substr(start, end - start)), 64u);
  }
}

TEST(Receipt, HtmlIsA5) {
  const std::string html = RenderHtml(BuildOk(SampleDossier()));
  EXPECT_THAT(html, HasSubstr("@page { size: A5;"));
}

TEST(Receipt, TimesAreVietnamTimeAcrossUtcMidnight) {
  // Both instants are on the 14th in UTC; the citizen's slip must show the 15th.
  v1::Dossier dossier = SampleDossier();
  Set(dossier.mutable_received_at(), Utc(2024, 3, 14, 17, 0));
  Set(dossier.mutable_original_appointment_at(), Utc(2024, 3, 14, 23, 59));
  const Letter letter = BuildOk(dossier);
  EXPECT_THAT(FieldValue(letter, "4. Thời gian nhận hồ sơ"),
              Optional(std::string("00:00, ngày 15 tháng 03 năm 2024")));
  EXPECT_THAT(FieldValue(letter, "5. Thời gian trả kết quả giải quyết hồ sơ"),
              Optional(std::string("06:59, ngày 15 tháng 03 năm 2024")));
  EXPECT_EQ(letter.place_and_date, "Ngọc Sơn, ngày 15 tháng 03 năm 2024");
  EXPECT_THAT(RenderText(letter), Not(HasSubstr("14 tháng 03")));
}

TEST(Receipt, PrintsTheOriginalAppointmentNotAMovedOne) {
  v1::Dossier dossier = SampleDossier();
  Set(dossier.mutable_appointment_at(), Utc(2024, 3, 21, 9, 0));  // moved by a supplementation
  EXPECT_THAT(FieldValue(BuildOk(dossier), "5. Thời gian trả kết quả giải quyết hồ sơ"),
              Optional(std::string("16:00, ngày 19 tháng 03 năm 2024")));
  // Without an original one (an older fold), the working appointment is it.
  dossier.clear_original_appointment_at();
  EXPECT_THAT(FieldValue(BuildOk(dossier), "5. Thời gian trả kết quả giải quyết hồ sơ"),
              Optional(std::string("16:00, ngày 21 tháng 03 năm 2024")));
}

TEST(Receipt, SaysSoWhenTheAppointmentIsProvisional) {
  v1::Dossier dossier = SampleDossier();
  EXPECT_THAT(RenderText(BuildOk(dossier)), Not(HasSubstr("chưa có lịch chính thức")));
  dossier.set_appointment_provisional(true);
  const Letter letter = BuildOk(dossier);
  EXPECT_THAT(test_util::BodyProse(letter), HasSubstr("chưa có lịch chính thức"));
  EXPECT_THAT(RenderText(letter), HasSubstr("(!) Lưu ý: Thời gian hẹn trả kết quả được tính theo"));
  EXPECT_THAT(RenderHtml(letter), HasSubstr("<p class=\"notice\">Lưu ý: Thời gian hẹn trả"));
}

TEST(Receipt, EscapesAHostileApplicantInHtml) {
  v1::Dossier dossier = SampleDossier();
  dossier.mutable_applicant()->set_name("<img src=x onerror=alert(1)>\"Hằng\" & 'co'");
  const std::string html = RenderHtml(BuildOk(dossier));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html,
              HasSubstr("&lt;img src=x onerror=alert(1)&gt;&quot;Hằng&quot; &amp; &#39;co&#39;"));
  EXPECT_TRUE(text::IsValidUtf8(html));
}

TEST(Receipt, MalformedInputStillGivesValidUtf8) {
  v1::Dossier dossier = SampleDossier();
  dossier.mutable_applicant()->set_address("Thôn \xC3\x28 \xFF");
  const Letter letter = BuildOk(dossier);
  EXPECT_TRUE(text::IsValidUtf8(RenderText(letter)));
  EXPECT_TRUE(text::IsValidUtf8(RenderHtml(letter)));
}

TEST(Receipt, EmptyContactDetailsReadAsDeliberatelyEmpty) {
  v1::Dossier dossier = SampleDossier();
  dossier.mutable_applicant()->clear_email();
  dossier.set_sets(0);
  const Letter letter = BuildOk(dossier);
  EXPECT_THAT(FieldValue(letter, "Thư điện tử"), Optional(std::string("(không có)")));
  EXPECT_THAT(FieldValue(letter, "2. Số lượng hồ sơ"), Optional(std::string("01 bộ")));
}

TEST(Receipt, NewRuleSetFromFirstJuly2025) {
  v1::Dossier dossier = SampleDossier();
  Set(dossier.mutable_received_at(), Utc(2025, 6, 30, 17, 0));  // 00:00 on 1 July in Vietnam
  Set(dossier.mutable_original_appointment_at(), Utc(2025, 7, 3, 9, 0));
  const Letter letter = BuildOk(dossier);
  EXPECT_EQ(letter.form_label, "Mẫu số 01 (Thông tư số 03/2025/TT-VPCP)");
  EXPECT_EQ(letter.unit_division, "Bộ phận Một cửa");
  EXPECT_THAT(RenderText(letter), HasSubstr("BỘ PHẬN MỘT CỬA"));
}

TEST(Receipt, UnitChoicesShowUp) {
  UnitInfo unit = SampleUnit();
  unit.place.clear();
  unit.counter = "Trung tâm Phục vụ hành chính công xã";
  unit.lookup_url = "https://dichvucong.example.vn/tra-cuu";
  ReceiptDetails details = SampleDetails();
  details.collect_at = "Qua dịch vụ bưu chính công ích";
  const Letter letter = BuildOk(SampleDossier(), unit, details);
  EXPECT_EQ(letter.place_and_date, "Ngày 15 tháng 03 năm 2024");
  EXPECT_EQ(letter.unit_division, "Trung tâm Phục vụ hành chính công xã");
  EXPECT_THAT(FieldValue(letter, "6. Đăng ký nhận kết quả tại"),
              Optional(std::string("Qua dịch vụ bưu chính công ích")));
  EXPECT_THAT(test_util::BodyProse(letter),
              HasSubstr("Tra cứu tình trạng hồ sơ tại https://dichvucong.example.vn/tra-cuu bằng "
                        "Mã hồ sơ và Mã tra cứu"));
}

TEST(Receipt, NoDocumentsIsSaidNotLeftBlank) {
  v1::Dossier dossier = SampleDossier();
  dossier.clear_documents();
  const Letter letter = BuildOk(dossier);
  EXPECT_EQ(test_util::FirstTable(letter), nullptr);
  EXPECT_THAT(test_util::BodyProse(letter), HasSubstr("Không có giấy tờ nào được ghi nhận."));
}

TEST(Receipt, RefusesToPrintAMisleadingSlip) {
  const auto error_of = [](const v1::Dossier& dossier, const ReceiptDetails& details) {
    Result<Letter> letter = BuildReceipt(dossier, SampleUnit(), details);
    return letter.ok() ? Error::kOk : letter.status().code();
  };
  v1::Dossier no_code = SampleDossier();
  no_code.clear_code();
  EXPECT_EQ(error_of(no_code, SampleDetails()), Error::kInvalidArgument);
  v1::Dossier not_received = SampleDossier();
  not_received.clear_received_at();
  EXPECT_EQ(error_of(not_received, SampleDetails()), Error::kInvalidArgument);
  v1::Dossier no_appointment = SampleDossier();
  no_appointment.clear_appointment_at();
  no_appointment.clear_original_appointment_at();
  EXPECT_EQ(error_of(no_appointment, SampleDetails()), Error::kInvalidArgument);
  ReceiptDetails no_secret = SampleDetails();
  no_secret.lookup_secret.clear();
  EXPECT_EQ(error_of(SampleDossier(), no_secret), Error::kInvalidArgument);
  ReceiptDetails no_duration = SampleDetails();
  no_duration.duration.clear();
  EXPECT_EQ(error_of(SampleDossier(), no_duration), Error::kInvalidArgument);
  Result<Letter> letter = BuildReceipt(SampleDossier(), SampleUnit(), no_secret);
  ASSERT_FALSE(letter.ok());
  EXPECT_THAT(letter.status().message(), HasSubstr("mã tra cứu"));
}

}  // namespace
}  // namespace motcua::letters
