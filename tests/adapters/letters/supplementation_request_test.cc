#include "adapters/letters/supplementation_request.h"

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
using test_util::Utc;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Optional;

SupplementationDetails SampleDetails() {
  return SupplementationDetails{
      .requested_at = Utc(2024, 3, 18, 3, 0),  // 10:00 on 18/03 in Vietnam
      .reason = "Giấy chứng sinh bị tẩy xóa ngày sinh",
      .documents = {"Giấy chứng sinh (bản chính) do cơ sở y tế cấp lại",
                    "Văn bản xác nhận của cơ sở y tế"},
      .requested_by = "Phạm Thu Trang",
      .contact = "0204 3868 123"};
}

TEST(SupplementationRequest, SaysWhatToBringWhyAndWhoToAsk) {
  Result<Letter> built =
      BuildSupplementationRequest(SampleDossier(), SampleUnit(), SampleDetails());
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  const Letter& letter = *built;
  EXPECT_EQ(letter.title, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
  EXPECT_EQ(letter.form_label, "Mẫu số 02 (Thông tư số 01/2018/TT-VPCP)");
  EXPECT_EQ(letter.place_and_date, "Ngọc Sơn, ngày 18 tháng 03 năm 2024");
  EXPECT_EQ(letter.subtitle, "Mã hồ sơ: 000.00.07.H06-240315-0012");
  EXPECT_THAT(FieldValue(letter, "Hồ sơ của"), Optional(std::string("Nguyễn Thị Hằng")));
  EXPECT_THAT(FieldValue(letter, "Nội dung yêu cầu giải quyết"),
              Optional(std::string("Đăng ký khai sinh (mã thủ tục 1.001193)")));
  EXPECT_THAT(FieldValue(letter, "Thời gian nhận hồ sơ"),
              Optional(std::string("01:30, ngày 15 tháng 03 năm 2024")));
  EXPECT_THAT(FieldValue(letter, "Lý do"),
              Optional(std::string("Giấy chứng sinh bị tẩy xóa ngày sinh")));
  const Table* table = test_util::FirstTable(letter);
  ASSERT_NE(table, nullptr);
  using Row = std::vector<std::string>;
  EXPECT_THAT(table->rows,
              ElementsAre(Row{"1", "Giấy chứng sinh (bản chính) do cơ sở y tế cấp lại"},
                          Row{"2", "Văn bản xác nhận của cơ sở y tế"}));
  const std::string prose = test_util::BodyProse(letter);
  // Decree 61/2018 art. 19(4): the duration counts again from the complete dossier.
  EXPECT_THAT(prose, HasSubstr("Thời hạn giải quyết hồ sơ được tính lại từ đầu kể từ khi nhận "
                               "đủ hồ sơ bổ sung, hoàn thiện"));
  EXPECT_THAT(prose, HasSubstr("liên hệ Phạm Thu Trang (0204 3868 123) để được hướng dẫn"));
  ASSERT_EQ(letter.signatures.size(), 1u);
  EXPECT_EQ(letter.signatures[0].role, "NGƯỜI HƯỚNG DẪN");
  EXPECT_EQ(letter.signatures[0].name, "Phạm Thu Trang");

  const std::string text = RenderText(letter);
  EXPECT_THAT(text, HasSubstr("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"));
  EXPECT_THAT(text, HasSubstr("  2. Văn bản xác nhận của cơ sở y tế\n"));
  EXPECT_TRUE(text::IsValidUtf8(text));
  const std::string html = RenderHtml(letter);
  EXPECT_THAT(html, HasSubstr("<td>Văn bản xác nhận của cơ sở y tế</td>"));
  EXPECT_TRUE(text::IsValidUtf8(html));
}

TEST(SupplementationRequest, AtTheCounterNoClockIsPaused) {
  v1::Dossier dossier = SampleDossier();
  dossier.clear_received_at();  // incomplete at the counter: never received
  Result<Letter> letter = BuildSupplementationRequest(dossier, SampleUnit(), SampleDetails());
  ASSERT_TRUE(letter.ok());
  EXPECT_EQ(FieldValue(*letter, "Thời gian nhận hồ sơ"), std::nullopt);
  EXPECT_THAT(test_util::BodyProse(*letter), Not(HasSubstr("tạm dừng")));
  EXPECT_THAT(test_util::BodyProse(*letter), Not(HasSubstr("tính lại từ đầu")));
}

TEST(SupplementationRequest, RuleSetFollowsTheReceiptNotTheRequest) {
  v1::Dossier dossier = SampleDossier();
  test_util::Set(dossier.mutable_received_at(), Utc(2025, 6, 30, 9, 0));  // 16:00, 30 June
  SupplementationDetails details = SampleDetails();
  details.requested_at = Utc(2025, 7, 2, 3, 0);
  Result<Letter> letter = BuildSupplementationRequest(dossier, SampleUnit(), details);
  ASSERT_TRUE(letter.ok());
  EXPECT_EQ(letter->form_label, "Mẫu số 02 (Thông tư số 01/2018/TT-VPCP)");
  // Never received: the request's own date decides.
  dossier.clear_received_at();
  letter = BuildSupplementationRequest(dossier, SampleUnit(), details);
  ASSERT_TRUE(letter.ok());
  EXPECT_EQ(letter->form_label, "Mẫu số 02 (Thông tư số 03/2025/TT-VPCP)");
}

TEST(SupplementationRequest, NeedsSomethingToAskFor) {
  SupplementationDetails details = SampleDetails();
  details.reason.clear();
  details.documents.clear();
  Result<Letter> letter = BuildSupplementationRequest(SampleDossier(), SampleUnit(), details);
  ASSERT_FALSE(letter.ok());
  EXPECT_EQ(letter.status().code(), Error::kInvalidArgument);
}

}  // namespace
}  // namespace motcua::letters
