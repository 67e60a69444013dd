// Deadline alerts end to end: the apology-due and overdue alerts
// come at exactly their instants on the working-time calendar (a weekend,
// Tết 2026, the lunch break), never for a dossier finished in time, and
// exactly once across SIGKILL and restarts, the missed ones marked
// late-fired. Expected instants are worked out by hand in the comments; the
// procedure 1.004873 takes 3 working days (24 working hours), office hours
// 07:00-11:30 and 13:30-17:00, the apology lead one working day (8 hours).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/base/proto_time.h"
#include "engine/base/time.h"
#include "tests/e2e/alert_fixture.h"

namespace motcua::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

using AlertTimingTest = AlertE2eTest;

TEST_F(AlertTimingTest, ApologyDueAndOverdueAtExactInstantsAcrossAWeekend) {
  Start("2026-12-02 10:00");  // Wednesday
  // Wed 10:00-17:00 is 5 h, Thu and Fri 16 h, Monday 07:00-10:00 the last 3.
  const std::string late = Receive("Nguyễn Văn An", "2026-12-07 10:00");
  const std::string early = Receive("Trần Thị Bình", "2026-12-07 10:00");
  const std::string between = Receive("Lê Văn Cường", "2026-12-07 10:00");

  ASSERT_EQ(SetClock("2026-12-03 09:00"), 0);
  Finish(early);  // ready before its apology moment: never alerted
  // One working day before Monday 10:00 is Friday 10:00, across the weekend.
  EXPECT_EQ(SetClock("2026-12-04 09:59"), 0);
  EXPECT_EQ(SetClock("2026-12-04 10:00"), 2);
  EXPECT_EQ(SetClock("2026-12-04 15:00"), 0);
  Finish(between);  // late for the apology, in time for the appointment
  EXPECT_EQ(SetClock("2026-12-05 12:00"), 0);  // Saturday
  EXPECT_EQ(SetClock("2026-12-07 09:59"), 0);
  EXPECT_EQ(SetClock("2026-12-07 10:00"), 1);
  EXPECT_EQ(SetClock("2026-12-10 10:00"), 0);  // nothing repeats

  std::vector<v1::Alert> alerts = AllAlerts();
  EXPECT_THAT(Describe(alerts), ElementsAre("APOLOGY_DUE " + late + " 2026-12-04 10:00",
                                            "APOLOGY_DUE " + between + " 2026-12-04 10:00",
                                            "OVERDUE " + late + " 2026-12-07 10:00"));
  for (const v1::Alert& a : alerts) {
    EXPECT_EQ(a.raised_at().seconds(), a.moment().seconds()) << Describe(a);
    EXPECT_EQ(a.deliver_at().seconds(), a.moment().seconds()) << Describe(a);
  }

  // The officer's list: the finished dossier's alert is handled.
  const std::string open = Ok(kReception, {"alerts", "--open"});
  EXPECT_THAT(open, HasSubstr("Cảnh báo chưa xử lý (gấp nhất trước): 2\n"));
  EXPECT_THAT(open, HasSubstr(" Đến hạn xin lỗi  " + late +
                              "  phải xin lỗi trước 2026-12-04 10:00, hẹn trả 2026-12-07 10:00\n"));
  EXPECT_THAT(open, HasSubstr(" Quá hạn          " + late + "  hẹn trả 2026-12-07 10:00\n"));
  EXPECT_THAT(open, Not(HasSubstr(between)));
  EXPECT_THAT(open, HasSubstr("motcua apologize"));
}

TEST_F(AlertTimingTest, NoAlertDuringTetAndTheApologyFallsBeforeIt) {
  Start("2026-02-11 10:00");  // Wednesday before Tết Bính Ngọ
  // Wed 5 h, Thu and Fri 16 h; Feb 14-22 are the weekend and Tết (Mon 16 to
  // Fri 20 off) and the weekend; Monday Feb 23 07:00-10:00 the last 3 h.
  const std::string code = Receive("Phạm Thị Dung", "2026-02-23 10:00");
  EXPECT_EQ(SetClock("2026-02-13 09:59"), 0);
  EXPECT_EQ(SetClock("2026-02-13 10:00"), 1);  // one working day before: Friday
  EXPECT_EQ(SetClock("2026-02-17 10:00"), 0);  // mùng 1 Tết
  EXPECT_EQ(SetClock("2026-02-23 09:59"), 0);
  EXPECT_EQ(SetClock("2026-02-23 10:00"), 1);
  EXPECT_THAT(Describe(AllAlerts()), ElementsAre("APOLOGY_DUE " + code + " 2026-02-13 10:00",
                                                 "OVERDUE " + code + " 2026-02-23 10:00"));
}

TEST_F(AlertTimingTest, ApologyLeadInWorkingHoursSkipsTheLunchBreak) {
  Start("2026-12-07 14:00", [](v1::ServerConfig& c) {
    c.mutable_alerts()->set_apology_lead_working_hours(3);
  });
  // Mon 14:00-17:00 3 h, Tue and Wed 16 h, Thu 07:00-11:30 4.5 h and
  // 13:30-14:00 the last 0.5 h.
  const std::string code = Receive("Hoàng Văn Em", "2026-12-10 14:00");
  // Three working hours before Thu 14:00: 13:30-14:00 and 09:00-11:30.
  EXPECT_EQ(SetClock("2026-12-10 08:59"), 0);
  EXPECT_EQ(SetClock("2026-12-10 09:00"), 1);
  EXPECT_EQ(SetClock("2026-12-10 13:59"), 0);
  EXPECT_EQ(SetClock("2026-12-10 14:00"), 1);
  EXPECT_THAT(Describe(AllAlerts()), ElementsAre("APOLOGY_DUE " + code + " 2026-12-10 09:00",
                                                 "OVERDUE " + code + " 2026-12-10 14:00"));
}

TEST_F(AlertTimingTest, RaisedOutsideOfficeHoursIsDeliveredAtTheNextOpening) {
  Start("2026-12-02 10:00");
  const std::string code = Receive("Vũ Thị Giang", "2026-12-07 10:00");
  // The clock jumps past Friday 10:00 to the evening: the alert is raised
  // at once, for delivery when the office opens on Monday.
  EXPECT_EQ(SetClock("2026-12-04 18:00"), 1);
  std::vector<v1::Alert> alerts = AllAlerts();
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(Describe(alerts[0]), "APOLOGY_DUE " + code + " 2026-12-04 10:00");
  EXPECT_EQ(FormatVietnamMinute(ToInstant(alerts[0].raised_at())), "2026-12-04 18:00");
  EXPECT_EQ(FormatVietnamMinute(ToInstant(alerts[0].deliver_at())), "2026-12-07 07:00");
}

TEST_F(AlertTimingTest, SigkillBeforeTheMomentsThenRestartAlertsEachMissedMomentOnce) {
  Start("2026-12-02 10:00");
  const std::string first = Receive("Nguyễn Văn An", "2026-12-07 10:00");
  ASSERT_EQ(SetClock("2026-12-03 10:00"), 0);
  // Thu 5 h, Fri and Mon 16 h, Tue 07:00-10:00.
  const std::string second = Receive("Trần Thị Bình", "2026-12-08 10:00");
  ASSERT_EQ(SetClock("2026-12-03 12:00"), 0);
  Kill();

  // Down from Thursday to Monday noon: three moments passed meanwhile.
  Restart("2026-12-07 12:00");
  const std::vector<std::string> missed = {
      "APOLOGY_DUE " + first + " 2026-12-04 10:00 late",
      "OVERDUE " + first + " 2026-12-07 10:00 late",
      "APOLOGY_DUE " + second + " 2026-12-07 10:00 late"};
  std::vector<v1::Alert> alerts = AllAlerts();
  EXPECT_THAT(Describe(alerts), ::testing::ElementsAreArray(missed));
  for (const v1::Alert& a : alerts) {
    EXPECT_EQ(FormatVietnamMinute(ToInstant(a.raised_at())), "2026-12-07 12:00");
  }
  EXPECT_THAT(Ok(kReception, {"alerts", "--open"}),
              HasSubstr("(báo muộn lúc 2026-12-07 12:00: máy chủ ngừng khi đến hạn)"));

  // Killed again and restarted later: nothing is raised twice.
  Kill();
  Restart("2026-12-07 16:00");
  EXPECT_THAT(Describe(AllAlerts()), ::testing::ElementsAreArray(missed));
  Kill();
  Restart("2026-12-07 16:00");
  EXPECT_THAT(Describe(AllAlerts()), ::testing::ElementsAreArray(missed));

  // The moment still ahead comes on time, not late.
  EXPECT_EQ(SetClock("2026-12-08 09:59"), 0);
  EXPECT_EQ(SetClock("2026-12-08 10:00"), 1);
  alerts = AllAlerts();
  ASSERT_EQ(alerts.size(), 4u);
  EXPECT_EQ(Describe(alerts[3]), "OVERDUE " + second + " 2026-12-08 10:00");
}

}  // namespace
}  // namespace motcua::e2e
