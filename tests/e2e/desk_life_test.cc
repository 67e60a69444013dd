// The desk, end to end: the real motcuad on a loopback port with a
// temporary SQLite file, driven by the real motcua binary exactly as an
// officer types it, through the whole life of dossiers of several
// procedures, including a liên thông handover to another agency and back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/letters/wording.h"
#include "engine/base/time.h"
#include "tests/e2e/e2e_support.h"
#include "tests/support/fixtures.h"

namespace motcua::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// The display name data/config/users.json gives the demo reception officer
// (tiepnhan01), printed under the officer's signature on receipts.
constexpr const char* kReceptionDisplayName = "Nguyễn Thị Lan";

class DeskLifeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteConfig(config_, db_);
    server_ = ServerProcess::Start(config_, log_);
    ASSERT_NE(server_, nullptr);
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->StopWith(SIGTERM), 0);
    }
  }

  ProcessResult Run(const std::string& token, const std::vector<std::string>& args) {
    return Motcua(server_->url(), token, args);
  }

  // Runs a command that must succeed and returns its output.
  std::string Ok(const std::string& token, const std::vector<std::string>& args) {
    ProcessResult r = Run(token, args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    EXPECT_EQ(r.err, "");
    return r.out;
  }

  std::string Receive(const std::string& procedure, const std::string& applicant) {
    std::string out = Ok(kReception, {"receive", "--procedure", procedure, "--applicant", applicant,
                                      "--phone", "0912345678", "--id-number", "001090000001",
                                      "--address", "Thôn Đông, xã Ngọc Sơn", "--channel", "counter",
                                      "--documents", "Tờ khai,CCCD", "--reused", "CCCD"});
    EXPECT_EQ(Field(out, "Trạng thái"), "Được tiếp nhận (2)") << out;
    EXPECT_EQ(Field(out, "Mã tra cứu (in trên giấy tiếp nhận)").size(), 8u) << out;
    return Field(out, "Mã hồ sơ");
  }

  std::string Status(const std::string& code) {
    return Field(Ok(kLeader, {"show", code}), "Trạng thái");
  }

  ::motcua::testing::TempDir dir_;
  std::filesystem::path config_ = dir_.path() / "motcuad.json";
  std::string db_ = dir_.File("motcua.db");
  std::filesystem::path log_ = dir_.path() / "motcuad.log";
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(DeskLifeTest, CounterDossierWithInterAgencyHandoverGoesFromReceiptToReturnedResult) {
  const std::string code = Receive("1.004873", "Nguyễn Văn A");
  ASSERT_THAT(code, StartsWith("000.00.07.H06-"));

  std::string out = Ok(
      kReception, {"hand-over", code, "--to-unit", "Tư pháp - Hộ tịch", "--to-user", "tuphap01"});
  EXPECT_EQ(Field(out, "Trạng thái"), "Đang xử lý (4)");
  EXPECT_EQ(Field(out, "Đang giữ"), "Tư pháp - Hộ tịch / tuphap01");

  out = Ok(kSpecialist, {"request-supplement", code, "--reason", "Thiếu bản sao giấy khai sinh",
                         "--documents", "Bản sao giấy khai sinh"});
  EXPECT_EQ(Field(out, "Trạng thái"), "Yêu cầu bổ sung (5)");
  out = Ok(kReception, {"supplement", code, "--documents", "Bản sao giấy khai sinh"});
  EXPECT_EQ(Field(out, "Trạng thái"), "Đang xử lý (4)");

  // Liên thông: to the commune police on paper, and back. An outside
  // agency is a unit of the configuration with no officer in the users file.
  out = Ok(kSpecialist, {"hand-over", code, "--to-unit", "Công an xã Ngọc Sơn", "--paper",
                         "--note", "Xin ý kiến"});
  EXPECT_EQ(Field(out, "Đang giữ"), "Công an xã Ngọc Sơn");
  out = Ok(kSpecialist, {"hand-over", code, "--to-unit", "Tư pháp - Hộ tịch", "--to-user",
                         "tuphap01", "--paper"});
  EXPECT_EQ(Field(out, "Đang giữ"), "Tư pháp - Hộ tịch / tuphap01");
  Ok(kSpecialist, {"hand-over", code, "--to-unit", "Lãnh đạo UBND xã", "--to-user", "chutich01"});

  out = Ok(kLeader, {"result-ready", code, "--kind", "paper", "--number", "123/XN"});
  EXPECT_EQ(Field(out, "Trạng thái"), "Đã xử lý xong (9)");
  Ok(kLeader, {"hand-over", code, "--to-unit", "Bộ phận Một cửa", "--to-user", "tiepnhan01"});
  out = Ok(kReception, {"return", code, "--method", "counter"});
  EXPECT_EQ(Field(out, "Trạng thái"), "Đã trả kết quả (10)");
  Ok(kReception, {"rate", code, "--satisfaction", "very-satisfied"});

  // The history holds every step, each with its officer; the liên thông
  // rows name both agencies.
  const std::string show = Ok(kLeader, {"show", code});
  EXPECT_THAT(
      show, HasSubstr("Tư pháp - Hộ tịch → Công an xã Ngọc Sơn, bản giấy"));
  EXPECT_THAT(show, HasSubstr("Công an xã Ngọc Sơn → Tư pháp - Hộ tịch (tuphap01), bản giấy"));
  EXPECT_THAT(show, HasSubstr("chutich01  hoàn thành xử lý"));
  EXPECT_THAT(show, HasSubstr("#11 "));  // 11 events, numbered from 1
  EXPECT_EQ(Field(show, "Số CCCD"), "001090000001");

  // Statistics see the dossier without personal data.
  const std::string redacted = Ok(kStatistics, {"show", code});
  EXPECT_EQ(Field(redacted, "Người nộp"), "Nguyễn Văn A");
  EXPECT_EQ(Field(redacted, "Số CCCD"), "");
  EXPECT_EQ(Field(redacted, "Điện thoại"), "");

  EXPECT_THAT(Ok(kReception, {"list", "--status", "10"}), HasSubstr(code));
  EXPECT_THAT(Ok(kReception, {"list", "--status", "4"}), Not(HasSubstr(code)));
}

TEST_F(DeskLifeTest, OnlineRegistrationIsAcceptedChargedPaidAndReturnedElectronically) {
  std::string out = Ok(kReception, {"register-online", "--procedure", "1.001193", "--applicant",
                                    "Trần Thị B", "--phone", "0987654321", "--documents",
                                    "Tờ khai đăng ký khai sinh,Giấy chứng sinh"});
  const std::string code = Field(out, "Mã hồ sơ");
  EXPECT_EQ(Field(out, "Trạng thái"), "Mới đăng ký (1)");
  EXPECT_EQ(Field(out, "Hẹn trả"), "");  // no clock before acceptance

  out = Ok(kReception, {"accept", code});
  EXPECT_EQ(Field(out, "Trạng thái"), "Được tiếp nhận (2)");
  EXPECT_NE(Field(out, "Hẹn trả"), "");
  const std::string secret = Field(out, "Mã tra cứu (in trên giấy tiếp nhận)");

  EXPECT_EQ(Field(Ok(kReception, {"request-fee", code, "--amount", "8000"}), "Trạng thái"),
            "Yêu cầu thực hiện nghĩa vụ tài chính (6)");
  EXPECT_EQ(Field(Ok(kReception, {"pay", code, "--method", "portal"}), "Trạng thái"),
            "Được tiếp nhận (2)");
  Ok(kReception, {"hand-over", code, "--to-unit", "Tư pháp - Hộ tịch", "--to-user", "tuphap01"});
  Ok(kSpecialist, {"result-ready", code, "--kind", "electronic"});
  EXPECT_EQ(Field(Ok(kReception, {"return", code, "--method", "electronic"}), "Trạng thái"),
            "Đã trả kết quả (10)");

  // The citizen, with no token, sees the status and nothing personal.
  ProcessResult lookup = Motcua(server_->url(), "", {"lookup", code, "--secret", secret});
  ASSERT_EQ(lookup.exit_code, 0) << lookup.err;
  EXPECT_EQ(Field(lookup.out, "Trạng thái"), "Đã trả kết quả");
  EXPECT_THAT(lookup.out, Not(HasSubstr("0987654321")));
  EXPECT_THAT(lookup.out, Not(HasSubstr("Trần Thị B")));
}

TEST_F(DeskLifeTest, RefusalWithdrawalStopAndApologyEndDossiersAsTheLawSays) {
  std::string out = Ok(kReception, {"refuse", "--procedure", "1.004873", "--applicant", "Lê Văn C",
                                    "--reason", "Hồ sơ không thuộc thẩm quyền của xã"});
  EXPECT_EQ(Field(out, "Trạng thái"), "Không được tiếp nhận (3)");
  Ok(kReception, {"rate", Field(out, "Mã hồ sơ"), "--satisfaction", "acceptable"});

  const std::string withdrawn = Receive("2.001016", "Phạm Thị D");
  EXPECT_EQ(
      Field(Ok(kReception, {"withdraw", withdrawn, "--reason", "Công dân xin rút"}), "Trạng thái"),
      "Công dân yêu cầu rút hồ sơ (7)");

  const std::string stopped = Receive("1.003583", "Hoàng Văn E");
  ProcessResult refused = Run(kReception, {"stop", stopped, "--reason", "Không đủ điều kiện"});
  EXPECT_EQ(refused.exit_code, 1);  // reception may not stop a dossier
  EXPECT_THAT(refused.err, StartsWith("motcua: vai trò của bạn không được"));
  EXPECT_EQ(Field(Ok(kLeader, {"stop", stopped, "--reason", "Không đủ điều kiện"}), "Trạng thái"),
            "Dừng xử lý (8)");

  const std::string late = Receive("1.004884", "Đỗ Văn G");
  const std::string appointment = Field(Ok(kLeader, {"show", late}), "Hẹn trả");
  const std::string renewed = AddWorkingHours(appointment, 8);
  out = Ok(kSpecialist, {"apologize", late, "--reason", "Cần xác minh thêm tại thôn",
                         "--new-appointment", renewed});
  EXPECT_EQ(Field(out, "Hẹn trả mới (sau thư xin lỗi)").substr(0, 16), renewed);
  ProcessResult again = Run(kSpecialist, {"apologize", late, "--reason", "Lần nữa",
                                          "--new-appointment", AddWorkingHours(appointment, 16)});
  EXPECT_EQ(again.exit_code, 1);  // the appointment may be re-set once
  EXPECT_EQ(Status(late), "Được tiếp nhận (2)");
}

TEST_F(DeskLifeTest, ReceiptAppointmentIsWhatMotcuaDuePrintsForTheSameReceiptTime) {
  struct Case {
    const char* procedure;
    std::vector<std::string> duration;  // motcua due's flags for its catalog duration
  };
  const Case cases[] = {
      {"1.004873", {"--working-days", "3"}},
      {"2.001016", {"--working-days", "2"}},
      {"1.001193", {"--same-day"}},
      {"2.001263", {"--working-days", "30"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.procedure);
    const std::string out = Ok(kReception, {"receive", "--procedure", c.procedure, "--applicant",
                                            "Vũ Thị H", "--documents", "Tờ khai"});
    const std::string code = Field(out, "Mã hồ sơ");
    const std::string received = Field(out, "Tiếp nhận lúc");
    const std::string appointment = Field(out, "Hẹn trả");
    ASSERT_FALSE(received.empty()) << out;

    std::vector<std::string> due_args = {"--config", config_.string(), "due", "--received",
                                         received};
    due_args.insert(due_args.end(), c.duration.begin(), c.duration.end());
    ProcessResult due = Motcua("", "", due_args);
    ASSERT_EQ(due.exit_code, 0) << due.err;
    const std::string due_line = due.out.substr(0, due.out.find('\n'));
    EXPECT_EQ(appointment.substr(0, 16), due_line);

    // The printed slip says the same, in the words of Mẫu 01, as text and HTML.
    auto at = ParseVietnamMinute(due_line);
    ASSERT_TRUE(at.ok());
    const std::string words = letters::ClockAndDateWords(*at);
    const std::string text = Ok(kReception, {"receipt", code});
    EXPECT_THAT(text, HasSubstr("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"));
    EXPECT_THAT(text, HasSubstr(words));
    EXPECT_THAT(text, HasSubstr(Field(out, "Mã tra cứu (in trên giấy tiếp nhận)")));
    // Signed with the receiving officer's display name from users.json.
    EXPECT_THAT(text, HasSubstr(kReceptionDisplayName));
    EXPECT_THAT(text, Not(HasSubstr("tiepnhan01")));
    const std::string html = Ok(kReception, {"receipt", code, "--html"});
    EXPECT_THAT(html, HasSubstr("<!DOCTYPE html>"));
    EXPECT_THAT(html, HasSubstr(words));
  }
}

TEST_F(DeskLifeTest, FailuresAreOneLineWithAnExitCodeThatSaysWhoRefused) {
  // 2: bad usage, caught before any request.
  ProcessResult usage = Run(kReception, {"receive", "--procedure", "1.004873"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ(usage.err, "motcua: thiếu tùy chọn --applicant\n");
  usage = Run(kReception, {"return", "X", "--method", "pigeon"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_THAT(usage.err, StartsWith("motcua: --method phải là "));

  // 1: the server refused.
  ProcessResult refused = Run(kReception, {"show", "000.00.07.H06-200101-9999"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, "motcua: không tìm thấy hồ sơ 000.00.07.H06-200101-9999\n");
  refused = Run("not-a-token", {"catalog"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, "motcua: mã xác thực không hợp lệ\n");

  // 3: no server there.
  ProcessResult unreachable = Motcua("http://127.0.0.1:1", kReception, {"catalog"});
  EXPECT_EQ(unreachable.exit_code, 3);
  EXPECT_THAT(unreachable.err, StartsWith("motcua: không kết nối được máy chủ"));
  EXPECT_EQ(std::count(unreachable.err.begin(), unreachable.err.end(), '\n'), 1);

  // The catalog is open to every role.
  EXPECT_THAT(Ok(kAdmin, {"catalog"}),
              HasSubstr("1.004873  Thủ tục cấp Giấy xác nhận tình trạng hôn nhân"));
}

TEST(Motcuad, BadOptionsAndConfigurationsStopItWithOneLine) {
  ::motcua::testing::TempDir dir;
  // An explicit configuration: without one motcuad reads the installed
  // default, which a build machine need not have.
  WriteConfig(dir.path() / "ok.json", dir.File("motcua.db"));
  ProcessResult usage = RunProcess(
      {MOTCUAD_BINARY, "--config", (dir.path() / "ok.json").string(), "--listen", "nowhere"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_THAT(usage.err, StartsWith("motcuad: "));
  ProcessResult unknown = RunProcess({MOTCUAD_BINARY, "--colour", "red"});
  EXPECT_EQ(unknown.exit_code, 2);
  ProcessResult missing = RunProcess({MOTCUAD_BINARY, "--config", dir.File("none.json")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1) << missing.err;
  // A configuration without a database is refused, not run on a default.
  WriteConfig(dir.path() / "c.json", "");
  ProcessResult no_db = RunProcess({MOTCUAD_BINARY, "--config", (dir.path() / "c.json").string()});
  EXPECT_EQ(no_db.exit_code, 1);
  EXPECT_THAT(no_db.err, HasSubstr("--db"));
  EXPECT_EQ(RunProcess({MOTCUAD_BINARY, "--help"}).exit_code, 0);
}

}  // namespace
}  // namespace motcua::e2e
