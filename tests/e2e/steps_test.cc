// The internal process end to end: one marital-status confirmation
// (1.004873, 3 working days) through its four steps on the test clock, with
// a supplementation in the middle of the specialist's step and that step
// late, through the real motcuad and motcua.
//
// Received in 2026, the dossier keeps the process in force from 2025-07-01:
// 1. one-stop 2 h, 2. Tư pháp - Hộ tịch 14 h, 3. leader 4 h, 4. one-stop 4 h.
// Office hours 07:00-11:30 and 13:30-17:00; every time is worked out by hand:
//
//   Mon 07/12 08:00  received; appointment Thu 10/12 08:00 (7 + 8 + 8 + 1 h);
//                    step 1 due Mon 10:00 (2 h: no warning, it is not longer
//                    than the 2 h lead)
//   Mon 09:30        to Tư pháp: step 1 on time; step 2 due Wed 09/12 07:30
//                    (2 + 3.5 + 8 + 0.5 h), warning Tue 15:30
//   Tue 08:00        supplementation requested: the clock stops
//   Wed 10:00        supplemented after 10 working hours (7 Tue + 3 Wed):
//                    appointment Fri 11/12 10:00, step 2 due Thu 10/12 09:30
//                    (4 + 3.5 + 2.5 h), warning Thu 07:30; the apology is due
//                    one working day before the appointment, Thu 10:00
//   Thu 10:00        to the leader: step 2 late; step 3 due Thu 16:00
//                    (1.5 + 2.5 h), warning Thu 14:00
//   Thu 15:00        the leader signs (result ready): step 3 on time; and
//                    hands the result to the one-stop: step 4 due Fri 09:00
//                    (2 + 2 h), warning Fri 07:00
//   Thu 16:30        returned: step 4 early (a day before its deadline)
#include <gmock/gmock.h>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>
#include <gtest/gtest.h>

#include <google/protobuf/util/json_util.h>

#include "engine/base/proto_time.h"
#include "engine/base/time.h"
#include "motcua/v1/stats.pb.h"
#include "tests/e2e/alert_fixture.h"

namespace motcua::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class StepsTest : public AlertE2eTest {
 protected:
  StepsTest() { with_internal_processes_ = true; }
};

TEST_F(StepsTest, FourStepsWithASupplementationAndALateStepAreTimedMarkedAndAlertedOnce) {
  Start("2026-12-07 08:00");  // Monday
  const std::string code = Receive("Nguyễn Văn An", "2026-12-10 08:00");

  ASSERT_EQ(SetClock("2026-12-07 09:30"), 0);
  Ok(kReception, {"hand-over", code, "--to-unit", "Tư pháp - Hộ tịch", "--to-user", "tuphap01"});
  ASSERT_EQ(SetClock("2026-12-08 08:00"), 0);
  Ok(kSpecialist, {"request-supplement", code, "--reason", "Thiếu bản sao giấy khai sinh"});
  // Paused: neither the step's warning (Tue 15:30) nor any other fires.
  ASSERT_EQ(SetClock("2026-12-09 10:00"), 0);
  const std::string supplemented =
      Ok(kReception, {"supplement", code, "--documents", "Bản sao giấy khai sinh"});
  EXPECT_EQ(Field(supplemented, "Hẹn trả"), "2026-12-11 10:00") << supplemented;

  EXPECT_EQ(SetClock("2026-12-10 07:29"), 0);
  EXPECT_EQ(SetClock("2026-12-10 07:30"), 1);  // step 2, for Tư pháp
  // The holder's warning lives across a SIGKILL: never raised again.
  Kill();
  Restart("2026-12-10 09:00");
  EXPECT_EQ(SetClock("2026-12-10 10:00"), 1);  // the apology, one working day ahead
  Ok(kSpecialist, {"hand-over", code, "--to-unit", "Lãnh đạo UBND xã", "--to-user", "chutich01"});
  EXPECT_EQ(SetClock("2026-12-10 13:59"), 0);
  EXPECT_EQ(SetClock("2026-12-10 14:00"), 1);  // step 3, for the leader
  EXPECT_EQ(SetClock("2026-12-10 15:00"), 0);
  Ok(kLeader, {"result-ready", code, "--kind", "electronic", "--number", "15/XN"});
  Ok(kLeader, {"hand-over", code, "--to-unit", "Bộ phận Một cửa", "--to-user", "tiepnhan01"});
  EXPECT_EQ(SetClock("2026-12-10 16:30"), 0);
  Ok(kReception, {"return", code, "--method", "counter"});
  EXPECT_EQ(SetClock("2026-12-11 12:00"), 0);  // step 4's warning died with its step

  const std::vector<v1::Alert> alerts = AllAlerts();
  EXPECT_THAT(Describe(alerts), ElementsAre("STEP_DUE 2 " + code + " 2026-12-10 07:30",
                                            "APOLOGY_DUE " + code + " 2026-12-10 10:00",
                                            "STEP_DUE 3 " + code + " 2026-12-10 14:00"));
  ASSERT_EQ(alerts.size(), 3u);
  EXPECT_EQ(alerts[0].holder_unit(), "Tư pháp - Hộ tịch");
  EXPECT_EQ(alerts[0].holder_user(), "tuphap01");
  EXPECT_EQ(FormatVietnamMinute(ToInstant(alerts[0].step_due_at())), "2026-12-10 09:30");
  EXPECT_EQ(alerts[2].holder_user(), "chutich01");
  EXPECT_EQ(FormatVietnamMinute(ToInstant(alerts[2].step_due_at())), "2026-12-10 16:00");
  const std::string listed = Ok(kLeader, {"alerts", "--from", "2026-12-10", "--to", "2026-12-10"});
  EXPECT_THAT(listed, HasSubstr("Sắp hết hạn bước " + code +
                                "  bước 2 hạn 2026-12-10 09:30, đang giữ: Tư pháp - Hộ tịch / "
                                "tuphap01"));

  // The slip (Mẫu 05): every hand-over with its step's deadline and mark.
  // The text wraps long rows; unwrapped, each row reads as one line.
  std::string slip = Ok(kLeader, {"slip", code});
  for (std::size_t at; (at = slip.find("\n    ")) != std::string::npos;) slip.replace(at, 5, " ");
  EXPECT_THAT(slip, HasSubstr("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"));
  EXPECT_THAT(slip, HasSubstr("Mẫu số 05 (Thông tư số 03/2025/TT-VPCP)"));
  EXPECT_THAT(slip, HasSubstr("Quy trình nội bộ áp dụng từ 2025-07-01: 1. Tiếp nhận, kiểm tra "
                              "hồ sơ, chuyển xử lý (Bộ phận Một cửa, 2 giờ); 2. Thẩm định, đề "
                              "xuất (Tư pháp - Hộ tịch, 14 giờ)"));
  EXPECT_THAT(slip, HasSubstr("Hẹn trả sau khi tính lại: 10:00, ngày 11 tháng 12 năm 2026"));
  const std::vector<std::string> rows = {
      "1. Tiếp nhận hồ sơ; Bên giao: Công dân: Nguyễn Văn An; Bên nhận: Bộ phận Một cửa - "
      "Nguyễn Thị Lan; Thời điểm: 08:00 07/12/2026; Ghi chú: hẹn trả 08:00 10/12/2026; Bước 1: "
      "Tiếp nhận, kiểm tra hồ sơ, chuyển xử lý, hạn 10:00 07/12/2026",
      "2. Bước 1: Tiếp nhận, kiểm tra hồ sơ, chuyển xử lý; Bên giao: Bộ phận Một cửa - Nguyễn "
      "Thị Lan; Bên nhận: Tư pháp - Hộ tịch - Trần Văn Bình; Thời điểm: 09:30 07/12/2026; Hạn "
      "của bước: 10:00 07/12/2026; Kết quả: Đúng hạn; Ghi chú: Chuyển điện tử; Bước 2: Thẩm "
      "định, đề xuất, hạn 07:30 09/12/2026",
      "3. Yêu cầu bổ sung hồ sơ; Bên giao: Tư pháp - Hộ tịch - Trần Văn Bình; Bên nhận: Công "
      "dân: Nguyễn Văn An; Thời điểm: 08:00 08/12/2026; Ghi chú: Thiếu bản sao giấy khai sinh; "
      "tạm dừng tính thời gian",
      "4. Công dân bổ sung hồ sơ; Bên giao: Công dân: Nguyễn Văn An; Bên nhận: Tư pháp - Hộ "
      "tịch - Trần Văn Bình; Thời điểm: 10:00 09/12/2026; Ghi chú: tính tiếp thời gian; hẹn "
      "trả 10:00 11/12/2026; hẹn công dân (tính lại từ đầu) 10:00 14/12/2026; Bước 2: Thẩm "
      "định, đề xuất, hạn 09:30 10/12/2026",
      "5. Bước 2: Thẩm định, đề xuất; Bên giao: Tư pháp - Hộ tịch - Trần Văn Bình; Bên nhận: "
      "Lãnh đạo UBND xã - Phạm Văn Dũng; Thời điểm: 10:00 10/12/2026; Hạn của bước: 09:30 "
      "10/12/2026; Kết quả: Quá hạn; Ghi chú: Chuyển điện tử; Bước 3: Xem xét, ký duyệt, hạn "
      "16:00 10/12/2026",
      "6. Bước 3: Xem xét, ký duyệt; Bên giao: Lãnh đạo UBND xã - Phạm Văn Dũng; Bên nhận: Có "
      "kết quả giải quyết; Thời điểm: 15:00 10/12/2026; Hạn của bước: 16:00 10/12/2026; Kết "
      "quả: Đúng hạn; Ghi chú: Kết quả điện tử số 15/XN",
      "7. Chuyển kết quả; Bên giao: Lãnh đạo UBND xã - Phạm Văn Dũng; Bên nhận: Bộ phận Một "
      "cửa - Nguyễn Thị Lan; Thời điểm: 15:00 10/12/2026; Ghi chú: Chuyển điện tử; Bước 4: Vào "
      "sổ, trả kết quả, hạn 09:00 11/12/2026",
      "8. Trả kết quả; Bên giao: Bộ phận Một cửa - Nguyễn Thị Lan; Bên nhận: Công dân: Nguyễn "
      "Văn An; Thời điểm: 16:30 10/12/2026; Hạn của bước: 09:00 11/12/2026; Kết quả: Trước hạn"};
  for (const std::string& row : rows) EXPECT_THAT(slip, HasSubstr("  " + row + "\n")) << slip;
  EXPECT_THAT(slip, Not(HasSubstr("  9. ")));

  // The printable page says the same in a table.
  const std::string page = (dir_.path() / "phieu-kiem-soat.html").string();
  Ok(kLeader, {"slip", code, "--html", page});
  std::ifstream in(page);
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_THAT(html, HasSubstr("<th>Hạn của bước</th><th>Kết quả</th>"));
  EXPECT_THAT(html, HasSubstr("<td>09:30 10/12/2026</td><td>Quá hạn</td>"));
  EXPECT_THAT(html, HasSubstr("<td>09:00 11/12/2026</td><td>Trước hạn</td>"));

  // Not received, no slip: one line, nothing changes.
  ProcessResult refused = Run(kLeader, {"slip", "000.00.07.H06-261207-0099"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, "motcua: không tìm thấy hồ sơ 000.00.07.H06-261207-0099\n");

  // The statistics count the four steps by who held them, with the working
  // time each took, pauses left out: step 1 08:00-09:30 (1.5 h) and step 4
  // 15:00-16:30 (1.5 h) for the one-stop's officer; step 2 Mon 09:30-Thu
  // 10:00 for Tư pháp's, 14.5 h (Mon 5.5, Tue 1 before the pause, Wed 5
  // after it, Thu 3: its 14 h budget and the half hour it ran late); step 3
  // 10:00-15:00 for the leader (3 h).
  ProcessResult stats =
      Run(kStatistics, {"stats", "--from", "2026-12-01", "--to", "2026-12-31", "--format", "json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  v1::Statistics figures;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(stats.out, &figures).ok()) << stats.out;
  std::vector<std::string> by_step_holder;
  for (const v1::StepHolderRow& r : figures.by_step_holder()) {
    by_step_holder.push_back(r.unit() + " / " + r.officer() + " (" + r.officer_name() + "): " +
                             std::to_string(r.finished()) + " = " + std::to_string(r.early()) +
                             " + " + std::to_string(r.on_time()) + " + " +
                             std::to_string(r.late()) + " + " + std::to_string(r.untimed()) +
                             ", " + std::to_string(r.working_seconds()) + " s, avg " +
                             std::to_string(r.average_working_seconds()) + " s");
  }
  EXPECT_THAT(by_step_holder,
              ElementsAre("Bộ phận Một cửa / tiepnhan01 (Nguyễn Thị Lan): 2 = 1 + 1 + 0 + 0, "
                          "10800 s, avg 5400 s",
                          "Lãnh đạo UBND xã / chutich01 (Phạm Văn Dũng): 1 = 0 + 1 + 0 + 0, "
                          "10800 s, avg 10800 s",
                          "Tư pháp - Hộ tịch / tuphap01 (Trần Văn Bình): 1 = 0 + 0 + 1 + 0, "
                          "52200 s, avg 52200 s"));
}

}  // namespace
}  // namespace motcua::e2e

namespace motcua::e2e {
namespace {

using LateIntakeTest = AlertE2eTest;

// Two online registrations on Monday 08:00 (limit 8 working hours: Tuesday
// 08:00). One is accepted Monday 15:00, in time; the other waits, is alerted
// at Tuesday 08:00 exactly, once, and accepted at 09:00: the report counts it
// accepted late, and the alert is handled.
TEST_F(LateIntakeTest, ARegistrationWaitingPastTheLimitIsAlertedOnceAndCountedAcceptedLate) {
  Start("2026-12-07 08:00");
  auto register_online = [&](const std::string& applicant) {
    return Field(Ok(kReception, {"register-online", "--procedure", "1.004873", "--applicant",
                                 applicant, "--documents", "Tờ khai"}),
                 "Mã hồ sơ");
  };
  const std::string waiting = register_online("Nguyễn Văn Chờ");
  const std::string prompt = register_online("Trần Thị Nhanh");
  ASSERT_EQ(SetClock("2026-12-07 15:00"), 0);
  Ok(kReception, {"accept", prompt});
  EXPECT_EQ(SetClock("2026-12-08 07:59"), 0);
  EXPECT_EQ(SetClock("2026-12-08 08:00"), 1);
  EXPECT_THAT(Ok(kReception, {"alerts", "--open"}),
              HasSubstr("Tiếp nhận muộn   " + waiting +
                        "  đăng ký trực tuyến chưa được tiếp nhận hay từ chối, quá hạn từ "
                        "2026-12-08 08:00"));
  EXPECT_EQ(SetClock("2026-12-08 09:00"), 0);  // nothing repeats
  Ok(kReception, {"accept", waiting});
  EXPECT_THAT(Ok(kReception, {"alerts", "--open"}), Not(HasSubstr(waiting)));
  EXPECT_THAT(Describe(AllAlerts()), ElementsAre("INTAKE_LATE " + waiting + " 2026-12-08 08:00"));

  ProcessResult r = Run(kStatistics, {"stats", "--from", "2026-12-01", "--to", "2026-12-31",
                                      "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"accepted_late\": 1"));
  EXPECT_THAT(r.out, HasSubstr("\"new_online\": 2"));
}

}  // namespace
}  // namespace motcua::e2e
