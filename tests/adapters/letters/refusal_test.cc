#include "adapters/letters/refusal.h"

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
using test_util::SampleUnit;
using test_util::Utc;
using ::testing::HasSubstr;
using ::testing::Optional;

// Refused at the counter: never received, no appointment.
v1::Dossier RefusedDossier() {
  v1::Dossier d = test_util::SampleDossier();
  d.clear_received_at();
  d.clear_appointment_at();
  d.clear_original_appointment_at();
  d.set_status(v1::STATUS_REFUSED);
  return d;
}

RefusalDetails SampleDetails() {
  return RefusalDetails{.refused_at = Utc(2025, 6, 30, 17, 30),  // 00:30 on 1 July in Vietnam
                        .reason = "Thủ tục không thuộc thẩm quyền giải quyết của UBND cấp xã",
                        .refused_by = "Lê Văn Tâm"};
}

TEST(Refusal, StatesTheReasonAndFollowsTheRefusalDatesRules) {
  Result<Letter> built = BuildRefusal(RefusedDossier(), SampleUnit(), SampleDetails());
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  const Letter& letter = *built;
  EXPECT_EQ(letter.title, "Phiếu từ chối tiếp nhận giải quyết hồ sơ");
  EXPECT_EQ(letter.form_label, "Mẫu số 03 (Thông tư số 03/2025/TT-VPCP)");
  EXPECT_EQ(letter.place_and_date, "Ngọc Sơn, ngày 01 tháng 07 năm 2025");
  EXPECT_THAT(FieldValue(letter, "Bộ phận Một cửa - UBND xã Ngọc Sơn tiếp nhận hồ sơ của"),
              Optional(std::string("Nguyễn Thị Hằng")));
  EXPECT_THAT(FieldValue(letter, "Nội dung yêu cầu giải quyết"),
              Optional(std::string("Đăng ký khai sinh (mã thủ tục 1.001193)")));
  EXPECT_THAT(FieldValue(letter, "Lý do"),
              Optional(std::string("Thủ tục không thuộc thẩm quyền giải quyết của UBND cấp xã")));
  EXPECT_THAT(test_util::BodyProse(letter), HasSubstr("thông báo không tiếp nhận, giải quyết"));
  ASSERT_EQ(letter.signatures.size(), 1u);
  EXPECT_EQ(letter.signatures[0].name, "Lê Văn Tâm");

  const std::string text = RenderText(letter);
  EXPECT_THAT(text, HasSubstr("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"));
  EXPECT_THAT(text, HasSubstr("Lý do: Thủ tục không thuộc thẩm quyền"));
  EXPECT_TRUE(text::IsValidUtf8(text));
  EXPECT_TRUE(text::IsValidUtf8(RenderHtml(letter)));
}

TEST(Refusal, WithoutACodeHasNoCodeLine) {
  v1::Dossier dossier = RefusedDossier();
  dossier.clear_code();
  Result<Letter> letter = BuildRefusal(dossier, SampleUnit(), SampleDetails());
  ASSERT_TRUE(letter.ok());
  EXPECT_EQ(letter->subtitle, "");
}

TEST(Refusal, NeedsAReason) {
  RefusalDetails details = SampleDetails();
  details.reason.clear();
  Result<Letter> letter = BuildRefusal(RefusedDossier(), SampleUnit(), details);
  ASSERT_FALSE(letter.ok());
  EXPECT_EQ(letter.status().code(), Error::kInvalidArgument);
  EXPECT_THAT(letter.status().message(), HasSubstr("lý do từ chối"));
}

}  // namespace
}  // namespace motcua::letters
