#include "adapters/letters/apology.h"

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
using test_util::Set;
using test_util::Utc;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Optional;

// A dossier received at `received_at` (UTC), due two days later at 09:00
// UTC, apologised for the day before with a new appointment three days on.
v1::Dossier ApologisedDossier(Instant received_at) {
  v1::Dossier d = test_util::SampleDossier();
  Set(d.mutable_received_at(), received_at);
  const Instant due = received_at + std::chrono::hours(48);
  Set(d.mutable_original_appointment_at(), due);
  Set(d.mutable_appointment_at(), due);
  v1::Apology* apology = d.mutable_apology();
  Set(apology->mutable_at(), due - std::chrono::hours(24));
  apology->set_reason("Cần xác minh thông tin nơi sinh với cơ sở y tế");
  Set(apology->mutable_new_appointment_at(), due + std::chrono::hours(72));
  Set(d.mutable_extended_appointment_at(), due + std::chrono::hours(72));
  return d;
}

Letter BuildOk(const v1::Dossier& dossier) {
  Result<Letter> letter = BuildApology(dossier, SampleUnit());
  EXPECT_TRUE(letter.ok()) << letter.status().ToString();
  return letter.ok() ? *letter : Letter();
}

TEST(Apology, TitlesByRuleSet) {
  EXPECT_EQ(ApologyTitle(RuleSet::kDecree61Of2018), "Phiếu xin lỗi và hẹn lại ngày trả kết quả");
  EXPECT_EQ(ApologyTitle(RuleSet::kDecree118Of2025),
            "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết");
}

TEST(Apology, ReceivedOneSecondBeforeTheSwitchUsesTheOldRules) {
  // 23:59:59 on 30 June 2025 in Vietnam.
  const Letter letter = BuildOk(ApologisedDossier(Utc(2025, 6, 30, 16, 59, 59)));
  EXPECT_EQ(letter.title, "Phiếu xin lỗi và hẹn lại ngày trả kết quả");
  EXPECT_EQ(letter.form_label, "Mẫu số 04 (Thông tư số 01/2018/TT-VPCP)");
  const std::string text = RenderText(letter);
  EXPECT_THAT(text, HasSubstr("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"));
  EXPECT_THAT(text, HasSubstr("Nghị định số 61/2018/NĐ-CP"));
  EXPECT_THAT(text, HasSubstr("Nghị định số 107/2021/NĐ-CP"));
  EXPECT_THAT(text, Not(HasSubstr("118/2025")));
  EXPECT_THAT(text, Not(HasSubstr("03/2025")));
  EXPECT_THAT(test_util::BodyProse(letter), HasSubstr("hẹn lại thời gian trả kết quả"));
}

TEST(Apology, ReceivedAtTheSwitchUsesTheNewRules) {
  // 00:00:00 on 1 July 2025 in Vietnam, still 30 June in UTC.
  const Letter letter = BuildOk(ApologisedDossier(Utc(2025, 6, 30, 17, 0, 0)));
  EXPECT_EQ(letter.title, "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết");
  EXPECT_EQ(letter.form_label, "Mẫu số 04 (Thông tư số 03/2025/TT-VPCP)");
  const std::string html = RenderHtml(letter);
  EXPECT_THAT(html, HasSubstr("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"));
  EXPECT_THAT(html, HasSubstr("Nghị định số 118/2025/NĐ-CP"));
  EXPECT_THAT(html, Not(HasSubstr("61/2018")));
  EXPECT_THAT(html, Not(HasSubstr("01/2018")));
  EXPECT_THAT(test_util::BodyProse(letter), HasSubstr("đề nghị Ông/Bà đồng ý gia hạn"));
}

TEST(Apology, CarriesEveryElementDomainAsksFor) {
  // Received 09:15 on 15/03/2024 in Vietnam, due 09:15 on 17/03, apologised
  // on 16/03, new appointment 09:15 on 20/03.
  const Letter letter = BuildOk(ApologisedDossier(Utc(2024, 3, 15, 2, 15)));
  EXPECT_EQ(letter.page, PageSize::kA4);
  EXPECT_EQ(letter.addressee, "Kính gửi: Nguyễn Thị Hằng");
  EXPECT_EQ(letter.subtitle, "Mã hồ sơ: 000.00.07.H06-240315-0012");
  EXPECT_EQ(letter.place_and_date, "Ngọc Sơn, ngày 16 tháng 03 năm 2024");
  EXPECT_EQ(letter.unit_name, "UBND xã Ngọc Sơn");
  EXPECT_THAT(FieldValue(letter, "Mã hồ sơ"), Optional(std::string("000.00.07.H06-240315-0012")));
  EXPECT_THAT(FieldValue(letter, "Thủ tục hành chính"),
              Optional(std::string("Đăng ký khai sinh (mã thủ tục 1.001193)")));
  EXPECT_THAT(FieldValue(letter, "Thời gian nhận hồ sơ"),
              Optional(std::string("09:15, ngày 15 tháng 03 năm 2024")));
  EXPECT_THAT(FieldValue(letter, "Thời gian hẹn trả kết quả"),
              Optional(std::string("09:15, ngày 17 tháng 03 năm 2024")));
  EXPECT_THAT(FieldValue(letter, "Lý do"),
              Optional(std::string("Cần xác minh thông tin nơi sinh với cơ sở y tế")));
  EXPECT_THAT(FieldValue(letter, "Thời gian hẹn trả kết quả mới"),
              Optional(std::string("09:15, ngày 20 tháng 03 năm 2024")));
  EXPECT_THAT(test_util::BodyProse(letter),
              HasSubstr("UBND xã Ngọc Sơn thành thật xin lỗi Ông/Bà và hẹn lại thời gian trả kết "
                        "quả giải quyết hồ sơ vào 09:15, ngày 20 tháng 03 năm 2024."));
  ASSERT_EQ(letter.signatures.size(), 1u);
  EXPECT_EQ(letter.signatures[0].role, "THỦ TRƯỞNG CƠ QUAN");
  EXPECT_EQ(letter.signatures[0].name, "Trần Văn Bình");

  const std::string text = RenderText(letter);
  EXPECT_THAT(text, HasSubstr("Kính gửi: Nguyễn Thị Hằng"));
  EXPECT_THAT(text, HasSubstr("Trần Văn Bình"));
  EXPECT_THAT(text, HasSubstr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  EXPECT_TRUE(text::IsValidUtf8(text));
  const std::string html = RenderHtml(letter);
  EXPECT_THAT(html, HasSubstr("@page { size: A4;"));
  EXPECT_TRUE(text::IsValidUtf8(html));
}

TEST(Apology, NewRulesNameTheExtendedTime) {
  const Letter letter = BuildOk(ApologisedDossier(Utc(2025, 8, 4, 2, 0)));
  EXPECT_THAT(FieldValue(letter, "Thời gian trả kết quả sau gia hạn"),
              Optional(std::string("09:00, ngày 09 tháng 08 năm 2025")));
  EXPECT_EQ(FieldValue(letter, "Thời gian hẹn trả kết quả mới"), std::nullopt);
}

TEST(Apology, IsAboutTheReceiptsAppointmentNotAMovedOne) {
  v1::Dossier dossier = ApologisedDossier(Utc(2024, 3, 15, 2, 15));
  Set(dossier.mutable_appointment_at(), Utc(2024, 3, 18, 2, 15));  // moved by a supplementation
  EXPECT_THAT(FieldValue(BuildOk(dossier), "Thời gian hẹn trả kết quả"),
              Optional(std::string("09:15, ngày 17 tháng 03 năm 2024")));
}

TEST(Apology, EscapesAHostileReasonAndNameInHtml) {
  v1::Dossier dossier = ApologisedDossier(Utc(2024, 3, 15, 2, 15));
  dossier.mutable_applicant()->set_name("</p><script>x()</script>");
  dossier.mutable_apology()->set_reason("a < b & \"c\"");
  const std::string html = RenderHtml(BuildOk(dossier));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr("Kính gửi: &lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("a &lt; b &amp; &quot;c&quot;"));
}

TEST(Apology, NeedsTheApologyItself) {
  const auto error_of = [](const v1::Dossier& dossier) {
    Result<Letter> letter = BuildApology(dossier, SampleUnit());
    return letter.ok() ? Error::kOk : letter.status().code();
  };
  const v1::Dossier good = ApologisedDossier(Utc(2024, 3, 15, 2, 15));
  EXPECT_EQ(error_of(good), Error::kOk);
  v1::Dossier none = good;
  none.clear_apology();
  EXPECT_EQ(error_of(none), Error::kInvalidArgument);
  v1::Dossier no_reason = good;
  no_reason.mutable_apology()->clear_reason();
  EXPECT_EQ(error_of(no_reason), Error::kInvalidArgument);
  v1::Dossier no_new_time = good;
  no_new_time.mutable_apology()->clear_new_appointment_at();
  EXPECT_EQ(error_of(no_new_time), Error::kInvalidArgument);
  v1::Dossier not_received = good;
  not_received.clear_received_at();
  EXPECT_EQ(error_of(not_received), Error::kInvalidArgument);
}

}  // namespace
}  // namespace motcua::letters
