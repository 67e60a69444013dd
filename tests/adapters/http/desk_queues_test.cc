// What the desk's queues and search read (GET /v1/dossiers with q, offset and
// each row's standing), the intake form's appointment preview
// (GET /v1/appointment) and the letters printed from the queues (Mẫu 02 and
// 03), through ApiHandler on a real engine and SQLite file. Working times are
// counted by hand on the shipped calendar (07:00–11:30, 13:30–17:00; 7–11
// December 2026 an ordinary week).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/api/body_codec.h"
#include "engine/base/proto_time.h"
#include "motcua/v1/api.pb.h"
#include "tests/adapters/http/api_harness.h"
#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr const char* kReception = "reception-token-0001";
constexpr const char* kSpecialist = "specialist-token-0001";
constexpr const char* kLeader = "leader-token-00001";
constexpr const char* kStatistics = "statistics-token-0001";
// Chứng thực / xác nhận: 3 working days.
constexpr const char* kThreeDays = "1.004873";

std::shared_ptr<const Authenticator> Users() {
  auto built = Authenticator::Build(
      ::motcua::testing::MakeUsers({{"tiepnhan01", v1::ROLE_RECEPTION, kReception},
                                    {"tuphap01", v1::ROLE_SPECIALIST, kSpecialist},
                                    {"lanhdao01", v1::ROLE_LEADER, kLeader},
                                    {"thongke01", v1::ROLE_STATISTICS, kStatistics}}),
      "test users");
  EXPECT_THAT(built, IsOk());
  return *built;
}

std::string ReceiveBody(const std::string& name, const std::string& phone) {
  return R"({"procedure_code": ")" + std::string(kThreeDays) +
         R"(", "channel": "CHANNEL_COUNTER", "applicant": {"name": ")" + name +
         R"(", "phone": ")" + phone + R"("}})";
}

class DeskQueuesTest : public ::testing::Test {
 protected:
  DeskQueuesTest()
      : api_(ApiContext{.catalog = ::motcua::testing::ShippedCatalog(), .users = Users()},
             Vn("2026-12-07 08:00")) {}

  v1::DossierList List(const std::string& query, const std::string& token = kSpecialist) {
    Response res = api_.Get("/v1/dossiers" + query, token);
    EXPECT_EQ(res.result_int(), 200u) << res.body();
    v1::DossierList list;
    EXPECT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, list), IsOk()) << res.body();
    return list;
  }
  std::vector<std::string> Codes(const std::string& query) {
    std::vector<std::string> codes;
    const v1::DossierList list = List(query);
    for (const auto& d : list.dossiers()) codes.push_back(d.code());
    return codes;
  }
  v1::DossierSummary Only(const std::string& query) {
    v1::DossierList list = List(query);
    EXPECT_EQ(list.dossiers_size(), 1);
    return list.dossiers_size() > 0 ? list.dossiers(0) : v1::DossierSummary();
  }

  testing::ApiHarness api_;
};

TEST_F(DeskQueuesTest, EachOpenRowCarriesTheWorkingTimeLeftAndItsUrgency) {
  const std::string code = api_.Run("receive", ReceiveBody("Nguyễn Văn An", "0912345678"),
                                    kReception);
  api_.Run("hand-over",
           R"({"dossier_code": ")" + code +
               R"(", "to_unit": "Tư pháp - Hộ tịch", "to_user": "tuphap01", "electronic": true})",
           kReception);
  const std::string mine = "?holder=tuphap01";
  // Received Monday 08:00: three working days, 24 working hours, all left.
  v1::DossierSummary row = Only(mine);
  EXPECT_EQ(row.urgency(), v1::URGENCY_ON_TRACK);
  EXPECT_EQ(row.working_seconds_left(), 24 * 3600);
  EXPECT_EQ(row.deadline_at().seconds(), row.appointment_at().seconds());

  // Wednesday 09:00: Mon 7 h and Tue 8 h and Wed 2 h gone, 7 h left.
  api_.clock().Set(Vn("2026-12-09 09:00"));
  row = Only(mine);
  EXPECT_EQ(row.urgency(), v1::URGENCY_DUE_SOON);
  EXPECT_EQ(row.working_seconds_left(), 7 * 3600);

  // Thursday 14:30: the appointment (Thu 08:00) passed; 08:00–11:30 and
  // 13:30–14:30 over, 4 h 30 (the lunch break adds none).
  api_.clock().Set(Vn("2026-12-10 14:30"));
  row = Only(mine);
  EXPECT_EQ(row.urgency(), v1::URGENCY_OVERDUE);
  EXPECT_EQ(row.working_seconds_left(), -(4 * 3600 + 30 * 60));
}

TEST_F(DeskQueuesTest, APausedDossierShowsPausedWithTheTimeLeftFrozen) {
  const std::string code = api_.Run("receive", ReceiveBody("Lê Thị Hoa", "0987654321"),
                                    kReception);
  api_.clock().Set(Vn("2026-12-08 09:00"));  // 7 h + 2 h gone, 15 h left
  api_.Run("request-supplement",
           R"({"dossier_code": ")" + code +
               R"(", "reason": "Thiếu bản sao", "documents": ["Bản sao CCCD"]})",
           kReception);
  api_.clock().Set(Vn("2026-12-11 16:00"));
  const v1::DossierSummary row = Only("?q=" + code);
  EXPECT_EQ(row.urgency(), v1::URGENCY_PAUSED);
  EXPECT_EQ(row.working_seconds_left(), 15 * 3600);
}

TEST_F(DeskQueuesTest, AFinishedDossierHasNoUrgency) {
  const std::string code = api_.Run("receive", ReceiveBody("Phạm Minh", "0900000001"),
                                    kReception);
  api_.Run("result-ready",
           R"({"dossier_code": ")" + code + R"(", "result_kind": "RESULT_KIND_ELECTRONIC"})",
           kSpecialist);
  const v1::DossierSummary row = Only("?q=" + code);
  EXPECT_EQ(row.urgency(), v1::URGENCY_UNSPECIFIED);
  EXPECT_FALSE(row.has_deadline_at());
}

TEST_F(DeskQueuesTest, OpenOnlyKeepsTheDossiersBeingDealtWith) {
  const std::string running = api_.Run("receive", ReceiveBody("Lý Thị Mơ", ""), kReception);
  const std::string paused = api_.Run("receive", ReceiveBody("Lý Văn Nam", ""), kReception);
  api_.Run("request-supplement",
           R"({"dossier_code": ")" + paused + R"(", "reason": "Thiếu tờ khai"})", kReception);
  const std::string ready = api_.Run("receive", ReceiveBody("Lý Thị Hà", ""), kReception);
  api_.Run("result-ready",
           R"({"dossier_code": ")" + ready + R"(", "result_kind": "RESULT_KIND_ELECTRONIC"})",
           kSpecialist);
  const std::string registered = api_.Run(
      "register-online",
      std::string(R"({"procedure_code": ")") + kThreeDays +
          R"(", "applicant": {"name": "Lý Văn Trực Tuyến"}})",
      kReception);
  EXPECT_THAT(Codes("?open=1"), ::testing::UnorderedElementsAre(running, paused));
  EXPECT_EQ(Codes("?open=0").size(), 4u);
  EXPECT_EQ(api_.Get("/v1/dossiers?open=true", kSpecialist).result_int(), 422u);
  // An online registration waits with the time it was sent.
  const v1::DossierSummary waiting = Only("?status=1");
  EXPECT_EQ(waiting.code(), registered);
  EXPECT_EQ(waiting.registered_at().seconds(), ToUnixSeconds(Vn("2026-12-07 08:00")));
  EXPECT_FALSE(waiting.has_received_at());
}

TEST_F(DeskQueuesTest, SearchFindsANameWithoutDiacriticsAPhoneAndACodeByItsStart) {
  const std::string lan = api_.Run("receive", ReceiveBody("Nguyễn Thị Lan", "0912 345 678"),
                                   kReception);
  const std::string dang = api_.Run("receive", ReceiveBody("ĐẶNG Văn Đức", "0987654321"),
                                    kReception);
  const std::string quang = api_.Run("receive", ReceiveBody("Trần Quang", "0911111111"),
                                     kReception);
  EXPECT_THAT(Codes("?q=nguyen%20thi"), ElementsAre(lan));
  EXPECT_THAT(Codes("?q=Nguy%E1%BB%85n"), ElementsAre(lan));  // "Nguyễn"
  EXPECT_THAT(Codes("?q=dang"), ElementsAre(dang));
  // A word matches the start of a word: "ang" is inside "Quang" and "Đặng", not at a start.
  EXPECT_THAT(Codes("?q=ang"), IsEmpty());
  EXPECT_THAT(Codes("?q=quang%20tran"), ElementsAre(quang));  // words in any order
  EXPECT_THAT(Codes("?q=345678"), ElementsAre(lan));
  EXPECT_THAT(Codes("?q=0912-345"), ElementsAre(lan));
  EXPECT_THAT(Codes("?q=" + dang), ElementsAre(dang));
  EXPECT_EQ(Codes("?q=" + dang.substr(0, 20)).size(), 3u);  // the unit and day they share
  // Wildcards are taken literally: as LIKE patterns "000%" and "0_0" would
  // match every code.
  EXPECT_THAT(Codes("?q=000%25"), IsEmpty());
  EXPECT_THAT(Codes("?q=0_0"), IsEmpty());
  // The search combines with the other filters.
  EXPECT_THAT(Codes("?q=dang&status=1"), IsEmpty());
}

TEST_F(DeskQueuesTest, AReaderWhoMayNotSeePhonesCannotSearchByThem) {
  const std::string lan = api_.Run("receive", ReceiveBody("Nguyễn Thị Lan", "0912345678"),
                                   kReception);
  Response res = api_.Get("/v1/dossiers?q=0912345678", kStatistics);
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_THAT(res.body(), ::testing::Not(HasSubstr(lan)));
  res = api_.Get("/v1/dossiers?q=lan", kStatistics);
  EXPECT_THAT(res.body(), HasSubstr(lan));
}

TEST_F(DeskQueuesTest, ASearchWithNothingToMatchIsRefusedInOneLine) {
  for (const char* q : {"?q=", "?q=%20-%20", "?q=a%20b%20c%20d%20e%20f%20g%20h%20i"}) {
    Response res = api_.Get(std::string("/v1/dossiers") + q, kSpecialist);
    EXPECT_EQ(res.result_int(), 422u) << q;
    EXPECT_THAT(res.body(), HasSubstr("tham số q không hợp lệ")) << q;
  }
  EXPECT_EQ(api_.Get("/v1/dossiers?offset=-1", kSpecialist).result_int(), 422u);
}

TEST_F(DeskQueuesTest, PagesFollowEachOtherInDeadlineOrderWithoutGapsOrRepeats) {
  std::vector<std::string> received;
  for (int i = 0; i < 5; ++i) {
    received.push_back(api_.Run("receive", ReceiveBody("Công dân " + std::to_string(i), ""),
                                kReception));
    api_.clock().Set(Vn("2026-12-07 08:00") + std::chrono::minutes(10 * (i + 1)));
  }
  // Later receipts fall due later; the apology of the first moves it last.
  api_.Run("apologize",
           R"({"dossier_code": ")" + received[0] +
               R"(", "reason": "Cần xác minh thêm", "new_appointment_at": "2026-12-14T03:00:00Z"})",
           kReception);
  const std::vector<std::string> expected = {received[1], received[2], received[3], received[4],
                                             received[0]};
  std::vector<std::string> paged;
  for (int offset = 0;; offset += 2) {
    v1::DossierList page = List("?limit=2&offset=" + std::to_string(offset));
    for (const auto& d : page.dossiers()) paged.push_back(d.code());
    if (!page.truncated()) break;
  }
  EXPECT_EQ(paged, expected);
  EXPECT_THAT(Codes("?due_before=2026-12-14%2008:00"),
              ElementsAre(received[1], received[2], received[3], received[4]));
}

TEST_F(DeskQueuesTest, ThePreviewIsTheAppointmentTheReceiptThenGets) {
  Response res = api_.Get(std::string("/v1/appointment?procedure=") + kThreeDays, kReception);
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  v1::AppointmentPreview preview;
  ASSERT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, preview), IsOk());
  EXPECT_EQ(preview.procedure_code(), kThreeDays);
  EXPECT_EQ(preview.received_at().seconds(), ToUnixSeconds(Vn("2026-12-07 08:00")));
  // 24 working hours from Monday 08:00: Mon 7 h, Tue 8 h, Wed 8 h, Thu 1 h.
  EXPECT_EQ(preview.appointment_at().seconds(), ToUnixSeconds(Vn("2026-12-10 08:00")));
  EXPECT_FALSE(preview.provisional());

  const std::string code = api_.Run("receive", ReceiveBody("Vũ Thị Mai", ""), kReception);
  EXPECT_EQ(Only("?q=" + code).appointment_at().seconds(), preview.appointment_at().seconds());
}

TEST_F(DeskQueuesTest, ThePreviewOutsideOfficeHoursStartsTheClockAtTheNextSession) {
  api_.clock().Set(Vn("2026-12-07 12:00"));
  Response res = api_.Get(std::string("/v1/appointment?procedure=") + kThreeDays, kReception);
  v1::AppointmentPreview preview;
  ASSERT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, preview), IsOk());
  EXPECT_EQ(preview.clock_start().seconds(), ToUnixSeconds(Vn("2026-12-07 13:30")));
}

TEST_F(DeskQueuesTest, ThePreviewRefusesAnUnknownProcedureAndARoleThatCannotReceive) {
  EXPECT_EQ(api_.Get("/v1/appointment?procedure=9.999999", kReception).result_int(), 404u);
  EXPECT_EQ(api_.Get("/v1/appointment", kReception).result_int(), 422u);
  EXPECT_EQ(api_.Get(std::string("/v1/appointment?procedure=") + kThreeDays, kLeader)
                .result_int(),
            403u);
}

TEST_F(DeskQueuesTest, TheCitizenSeesEachStepInPlainWordsWithUnitsButNoOfficerOrPersonalData) {
  const v1::CommandReply received =
      api_.Command("receive", ReceiveBody("Nguyễn Thị Riêng Tư", "0911222333"), kReception);
  const std::string code = received.dossier().code();
  api_.Run("hand-over",
           R"({"dossier_code": ")" + code +
               R"(", "to_unit": "Tư pháp - Hộ tịch", "to_user": "tuphap01", "electronic": true})",
           kReception);
  api_.Run("request-supplement",
           R"({"dossier_code": ")" + code +
               R"(", "reason": "Tờ khai chưa ký", "documents": ["Tờ khai có chữ ký"]})",
           kSpecialist);
  api_.Run("supplement",
           R"({"dossier_code": ")" + code + R"(", "documents": [{"name": "Tờ khai có chữ ký"}]})",
           kReception);
  api_.Run("request-fee", R"({"dossier_code": ")" + code + R"(", "amount_vnd": 15000})",
           kSpecialist);
  Response res = api_.Send({.target = "/v1/lookup/" + code + "?secret=" + received.lookup_secret()});
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_EQ(res[bhttp::field::cache_control], "no-store");
  v1::CitizenView view;
  ASSERT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, view), IsOk());
  std::vector<std::string> titles;
  for (const auto& s : view.steps()) titles.push_back(s.title());
  ASSERT_THAT(titles, ElementsAre("Tiếp nhận hồ sơ", "Chuyển đến Tư pháp - Hộ tịch xử lý",
                                  "Yêu cầu bổ sung hồ sơ", "Đã nhận hồ sơ bổ sung",
                                  "Yêu cầu nộp phí, lệ phí"));
  EXPECT_EQ(view.steps(2).detail(), "Lý do: Tờ khai chưa ký. Cần bổ sung: Tờ khai có chữ ký");
  EXPECT_EQ(view.steps(4).detail(), "Số tiền: 15.000 đ");
  EXPECT_EQ(view.steps(0).at().seconds(), ToUnixSeconds(Vn("2026-12-07 08:00")));
  for (const char* hidden : {"tiepnhan01", "tuphap01", "Riêng Tư", "0911222333"}) {
    EXPECT_THAT(res.body(), ::testing::Not(HasSubstr(hidden))) << hidden;
  }
  EXPECT_EQ(view.apology_reason(), "");

  api_.Run("apologize",
           R"({"dossier_code": ")" + code +
               R"(", "reason": "Chờ xác minh tại nơi cư trú cũ", "new_appointment_at": "2026-12-14T03:00:00Z"})",
           kSpecialist);
  res = api_.Send({.target = "/v1/lookup/" + code + "?secret=" + received.lookup_secret()});
  ASSERT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, view), IsOk());
  EXPECT_EQ(view.apology_reason(), "Chờ xác minh tại nơi cư trú cũ");
  EXPECT_EQ(view.steps(view.steps_size() - 1).title(),
            "Cơ quan xin lỗi vì trễ hạn và hẹn lại ngày trả kết quả");
  EXPECT_EQ(view.new_appointment_at().seconds(), ToUnixSeconds(Vn("2026-12-14 10:00")));
}

TEST_F(DeskQueuesTest, TheRefusalAndTheSupplementRequestPrintFromTheLog) {
  const std::string refused = api_.Run(
      "refuse",
      std::string(R"({"reason": "Thủ tục không thuộc thẩm quyền của xã", "procedure_code": ")") +
          kThreeDays +
          R"(", "channel": "CHANNEL_COUNTER", "applicant": {"name": "Hoàng Văn Bình"}})",
      kReception);
  Response letter = api_.Get("/v1/dossiers/" + refused + "/refusal?format=html", kReception);
  ASSERT_EQ(letter.result_int(), 200u) << letter.body();
  EXPECT_THAT(letter.body(), HasSubstr("Thủ tục không thuộc thẩm quyền của xã"));
  EXPECT_THAT(letter.body(), HasSubstr("Hoàng Văn Bình"));
  EXPECT_EQ(api_.Get("/v1/dossiers/" + refused + "/supplement-request", kReception).result_int(),
            409u);

  const std::string code = api_.Run("receive", ReceiveBody("Đỗ Thị Hằng", ""), kReception);
  EXPECT_EQ(api_.Get("/v1/dossiers/" + code + "/refusal", kReception).result_int(), 409u);
  api_.Run("request-supplement",
           R"({"dossier_code": ")" + code +
               R"(", "reason": "Bản sao chưa chứng thực", "documents": ["Bản sao giấy khai sinh"]})",
           kSpecialist);
  letter = api_.Get("/v1/dossiers/" + code + "/supplement-request", kReception);
  ASSERT_EQ(letter.result_int(), 200u) << letter.body();
  EXPECT_THAT(letter.body(), HasSubstr("Bản sao giấy khai sinh"));
  EXPECT_THAT(letter.body(), HasSubstr("Bản sao chưa chứng thực"));
}

}  // namespace
}  // namespace motcua::http
