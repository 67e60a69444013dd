// Supplementation as the law writes it (docs/domain.md "Supplementation"),
// through the real motcuad and motcua on the test clock: the statistics keep
// the indicator's paused clock, the citizen's appointment counts the full
// duration again from the complete dossier, and a request later than 3
// working days after receipt is allowed but flagged late.
//
// Both dossiers: marital-status confirmation (1.004873, 3 working days = 24
// working hours), received Monday 2026-12-07 08:00, appointment Thursday
// 10/12 08:00 (7 + 8 + 8 + 1 h). Office hours 07:00-11:30 and 13:30-17:00.
// The law's limit for asking is 24 working hours after the clock start, the
// same Thursday 08:00. Worked out by hand:
//
//   in time:  asked Tue 08:00 (before the limit); supplied Wed 10:00 after 10
//             working hours (7 Tue + 3 Wed): statistics' appointment Fri 11/12
//             10:00; the citizen's, 24 h from Wed 10:00 (5 Wed + 8 Thu + 8
//             Fri + 3 Mon): Mon 14/12 10:00.
//   late:     asked Thu 10/12 09:00, an hour past the limit (and past the
//             appointment, which the pause then cannot move); supplied Fri
//             11/12 09:00: the citizen's appointment 24 h on (6 Fri + 8 Mon
//             + 8 Tue + 2 Wed): Wed 16/12 09:00.
#include <gmock/gmock.h>
#include <string>
#include <gtest/gtest.h>

#include "tests/e2e/alert_fixture.h"

namespace motcua::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using SupplementationLawTest = AlertE2eTest;

TEST_F(SupplementationLawTest, TheCitizensAppointmentRestartsAndALateRequestIsFlaggedInBoth) {
  Start("2026-12-07 08:00");  // Monday
  auto receive = [&](const std::string& applicant) {
    const std::string out =
        Ok(kReception, {"receive", "--procedure", "1.004873", "--applicant", applicant, "--phone",
                        "0912345678", "--channel", "counter", "--documents", "Tờ khai,CCCD"});
    EXPECT_EQ(Field(out, "Hẹn trả"), "2026-12-10 08:00") << out;
    return std::pair{Field(out, "Mã hồ sơ"), Field(out, "Mã tra cứu (in trên giấy tiếp nhận)")};
  };
  const auto [in_time, in_time_secret] = receive("Nguyễn Văn Đúng");
  const auto [late, late_secret] = receive("Trần Thị Muộn");

  SetClock("2026-12-08 08:00");  // the deadline alerts are not this test's business
  const std::string asked =
      Ok(kReception, {"request-supplement", in_time, "--reason", "Thiếu bản sao giấy khai sinh"});
  EXPECT_THAT(asked, Not(HasSubstr("Yêu cầu bổ sung muộn")));
  SetClock("2026-12-09 10:00");
  const std::string supplied =
      Ok(kReception, {"supplement", in_time, "--documents", "Bản sao giấy khai sinh"});
  EXPECT_EQ(Field(supplied, "Hẹn trả"), "2026-12-11 10:00") << supplied;
  EXPECT_EQ(Field(supplied, "Hẹn công dân (tính lại từ khi đủ hồ sơ)"), "2026-12-14 10:00")
      << supplied;
  // The citizen's page shows the law's appointment.
  EXPECT_EQ(Field(Ok(kReception, {"lookup", in_time, "--secret", in_time_secret}), "Hẹn trả"),
            "2026-12-14 10:00");

  // The second one is asked an hour past the limit: allowed, and flagged.
  SetClock("2026-12-10 09:00");
  const std::string asked_late =
      Ok(kReception, {"request-supplement", late, "--reason", "Thiếu giấy xác nhận cư trú"});
  EXPECT_EQ(Field(asked_late, "Yêu cầu bổ sung muộn"), "2026-12-10 09:00, quá hạn 2026-12-10 08:00")
      << asked_late;
  SetClock("2026-12-11 09:00");
  const std::string supplied_late =
      Ok(kReception, {"supplement", late, "--documents", "Giấy xác nhận cư trú"});
  EXPECT_EQ(Field(supplied_late, "Hẹn trả"), "2026-12-10 08:00") << supplied_late;
  EXPECT_EQ(Field(supplied_late, "Hẹn công dân (tính lại từ khi đủ hồ sơ)"), "2026-12-16 09:00")
      << supplied_late;
  EXPECT_EQ(Field(Ok(kReception, {"lookup", late, "--secret", late_secret}), "Hẹn trả"),
            "2026-12-16 09:00");

  // The slip says it too.
  std::string slip = Ok(kLeader, {"slip", late});
  for (std::size_t at; (at = slip.find("\n    ")) != std::string::npos;) slip.replace(at, 5, " ");
  EXPECT_THAT(slip, HasSubstr("Thiếu giấy xác nhận cư trú; tạm dừng tính thời gian; yêu cầu "
                              "muộn, quá hạn 08:00 10/12/2026"))
      << slip;
  EXPECT_THAT(slip, HasSubstr("hẹn công dân (tính lại từ đầu) 09:00 16/12/2026")) << slip;

  // The statistics keep the paused clock and count the late request among
  // the dossiers ended in the period.
  SetClock("2026-12-11 10:00");
  Finish(late);
  ProcessResult r = Run(kStatistics, {"stats", "--from", "2026-12-07", "--to", "2026-12-11",
                                      "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"supplement_late\": 1"));
  EXPECT_THAT(r.out, HasSubstr("\"resolved_late\": 1"));

  // Restarted, the engine folds the same: the flag and both appointments.
  Kill();
  Restart("2026-12-11 10:30");
  const std::string shown = Ok(kReception, {"show", in_time});
  EXPECT_EQ(Field(shown, "Hẹn trả"), "2026-12-11 10:00") << shown;
  EXPECT_EQ(Field(shown, "Hẹn công dân (tính lại từ khi đủ hồ sơ)"), "2026-12-14 10:00") << shown;
  ProcessResult again = Run(kStatistics, {"stats", "--from", "2026-12-07", "--to", "2026-12-11",
                                          "--format", "json"});
  EXPECT_THAT(again.out, HasSubstr("\"supplement_late\": 1"));
}

}  // namespace
}  // namespace motcua::e2e
