// Where a dossier stands (engine/dossier/standing.h), against working times
// counted by hand on the shipped calendar: office hours 07:00–11:30 and
// 13:30–17:00, eight working hours a day; 7–11 December 2026 is an ordinary
// Monday-to-Friday week.
#include "engine/dossier/standing.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace motcua::dossier {
namespace {

using ::motcua::testing::ShippedCalendar;
using ::motcua::testing::Vn;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr hours kOneWorkingDay{8};

DeadlineFacts OpenDue(const char* appointment) {
  return DeadlineFacts{.open = true, .appointment_at = ToUnixSeconds(Vn(appointment))};
}

Standing At(const DeadlineFacts& facts, const char* now) {
  return StandingOf(*ShippedCalendar(), facts, Vn(now), kOneWorkingDay);
}

TEST(StandingTest, MoreThanAWorkingDayLeftIsOnTrack) {
  // Mon 08:00–17:00 is 7 h, Tue 8 h, Wed 07:00–10:30 3.5 h.
  const Standing s = At(OpenDue("2026-12-09 10:30"), "2026-12-07 08:00");
  EXPECT_EQ(s.urgency, Urgency::kOnTrack);
  EXPECT_EQ(s.working_left, hours(18) + minutes(30));
  EXPECT_EQ(s.deadline_at, ToUnixSeconds(Vn("2026-12-09 10:30")));
}

TEST(StandingTest, ExactlyOneWorkingDayLeftIsDueSoonAsTheApologyAlertFires) {
  // Tue 10:30–11:30 1 h, 13:30–17:00 3.5 h, Wed 07:00–10:30 3.5 h.
  const Standing s = At(OpenDue("2026-12-09 10:30"), "2026-12-08 10:30");
  EXPECT_EQ(s.urgency, Urgency::kDueSoon);
  EXPECT_EQ(s.working_left, kOneWorkingDay);
  // A minute earlier there is more than a working day left.
  EXPECT_EQ(At(OpenDue("2026-12-09 10:30"), "2026-12-08 10:29").urgency, Urgency::kOnTrack);
}

TEST(StandingTest, TheLunchBreakDoesNotCount) {
  // Tue 11:00–11:30 0.5 h, 13:30–17:00 3.5 h, Wed 07:00–10:30 3.5 h.
  EXPECT_EQ(At(OpenDue("2026-12-09 10:30"), "2026-12-08 12:45").working_left,
            hours(7));
  EXPECT_EQ(At(OpenDue("2026-12-09 10:30"), "2026-12-08 11:00").working_left,
            hours(7) + minutes(30));
}

TEST(StandingTest, PastTheDeadlineIsOverdueByTheWorkingTimeSince) {
  // Wed 10:30–11:30 is one working hour; the lunch break adds nothing.
  const Standing s = At(OpenDue("2026-12-09 10:30"), "2026-12-09 13:30");
  EXPECT_EQ(s.urgency, Urgency::kOverdue);
  EXPECT_EQ(s.working_left, -hours(1));
  // At the deadline itself the dossier is late (the overdue alert fires then).
  const Standing at = At(OpenDue("2026-12-09 10:30"), "2026-12-09 10:30");
  EXPECT_EQ(at.urgency, Urgency::kOverdue);
  EXPECT_EQ(at.working_left, seconds(0));
}

TEST(StandingTest, APausedDossierKeepsWhatWasLeftWhenThePauseBegan) {
  DeadlineFacts facts = OpenDue("2026-12-09 10:30");
  facts.paused_at = ToUnixSeconds(Vn("2026-12-08 09:00"));
  // Tue 09:00–11:30 2.5 h, 13:30–17:00 3.5 h, Wed 07:00–10:30 3.5 h, however
  // long the citizen takes: even read after the appointment has passed.
  for (const char* now : {"2026-12-08 15:00", "2026-12-11 16:00"}) {
    const Standing s = At(facts, now);
    EXPECT_EQ(s.urgency, Urgency::kPaused) << now;
    EXPECT_EQ(s.working_left, hours(9) + minutes(30)) << now;
  }
}

TEST(StandingTest, AfterAnApologyTheOfficeWorksToTheNewAppointment) {
  DeadlineFacts facts = OpenDue("2026-12-09 10:30");
  facts.extended_appointment_at = ToUnixSeconds(Vn("2026-12-11 10:30"));
  // Without the apology recorded the new appointment is not in force.
  EXPECT_EQ(At(facts, "2026-12-09 13:30").urgency, Urgency::kOverdue);
  facts.apologized = true;
  // Wed 13:30–17:00 3.5 h, Thu 8 h, Fri 07:00–10:30 3.5 h.
  const Standing s = At(facts, "2026-12-09 13:30");
  EXPECT_EQ(s.urgency, Urgency::kOnTrack);
  EXPECT_EQ(s.working_left, hours(15));
  EXPECT_EQ(s.deadline_at, ToUnixSeconds(Vn("2026-12-11 10:30")));
}

TEST(StandingTest, AClosedOrUnreceivedDossierHasNoStanding) {
  DeadlineFacts closed = OpenDue("2026-12-09 10:30");
  closed.open = false;
  EXPECT_EQ(At(closed, "2026-12-10 08:00").urgency, Urgency::kNone);
  EXPECT_EQ(At(closed, "2026-12-10 08:00").deadline_at, 0);
  EXPECT_EQ(At(DeadlineFacts{.open = true}, "2026-12-10 08:00").urgency, Urgency::kNone);
}

TEST(StandingTest, WaitingForSupplementLongerThanTheWholeProcessingTimeIsTooLong) {
  // Received Mon 7 Dec 08:00 with three working days (24 h) to Thu 08:00;
  // supplementation asked Mon 10:00.
  const DeadlineFacts facts{.open = true,
                            .appointment_at = ToUnixSeconds(Vn("2026-12-10 08:00")),
                            .paused_at = ToUnixSeconds(Vn("2026-12-07 10:00")),
                            .awaiting_supplement = true,
                            .clock_start = ToUnixSeconds(Vn("2026-12-07 08:00")),
                            .original_appointment_at = ToUnixSeconds(Vn("2026-12-10 08:00"))};
  // Given: Mon 08:00–17:00 7 h, Tue and Wed 16 h, Thu 07:00–08:00 1 h = 24 h.
  // Waited by Thu 07:00: Mon 10:00–17:00 5 h, Tue and Wed 16 h = 21 h.
  EXPECT_FALSE(At(facts, "2026-12-10 07:00").waiting_too_long);
  // Thu 10:00: 24 h, exactly what was given, is not yet longer.
  EXPECT_FALSE(At(facts, "2026-12-10 10:00").waiting_too_long);
  // Thu 11:00: 25 h.
  EXPECT_TRUE(At(facts, "2026-12-10 11:00").waiting_too_long);
  EXPECT_EQ(At(facts, "2026-12-10 11:00").urgency, Urgency::kPaused);
  // A fee's wait is the citizen's to pay, not a supplement: never flagged.
  DeadlineFacts fee = facts;
  fee.awaiting_supplement = false;
  EXPECT_FALSE(At(fee, "2026-12-14 10:00").waiting_too_long);
}

TEST(OfficeDeadlineTest, AnApologyCannotMoveTheDeadlineEarlier) {
  // A pause after the apology moved the appointment past the promised date.
  EXPECT_EQ(OfficeDeadline(2000, true, 1500), 2000);
  EXPECT_EQ(OfficeDeadline(2000, true, 2500), 2500);
  EXPECT_EQ(OfficeDeadline(2000, false, 2500), 2000);
  EXPECT_EQ(OfficeDeadline(0, true, 2500), 0);
}

}  // namespace
}  // namespace motcua::dossier
