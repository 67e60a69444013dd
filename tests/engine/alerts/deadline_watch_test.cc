#include "engine/alerts/deadline_watch.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/base/proto_time.h"
#include "tests/support/fixtures.h"

namespace motcua::alerts {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

constexpr const char* kThreeDays = "1.004873";
constexpr const char* kSameDay = "1.001193";

// Drives the engine and the watch the way the server does, with a clock that
// only moves when the test says so: no test here sleeps.
class DeadlineWatchTest : public ::testing::Test {
 protected:
  explicit DeadlineWatchTest(std::chrono::seconds lead = std::chrono::hours(8))
      : engine_(engine::EngineOptions{"000.00.07.H06", false}, ::motcua::testing::CatalogWithoutProcesses(),
                ::motcua::testing::ShippedCalendar(), secrets_),
        watch_(engine_, WatchOptions{lead}) {}

  void Commit() {
    engine_.Committed(batch_);
    for (const auto& p : batch_.events) watch_.Track(engine_.IdOf(p.event.dossier_code()));
    batch_.clear();
  }

  std::string Receive(const char* when, const char* procedure = kThreeDays) {
    v1::Command c;
    c.set_actor("tiepnhan01");
    c.mutable_receive()->set_procedure_code(procedure);
    c.mutable_receive()->mutable_applicant()->set_name("Phạm Thu Hà");
    c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
    auto out = engine_.Execute(c, Vn(when), batch_);
    EXPECT_THAT(out, IsOk());
    Commit();
    return out.ok() ? out->dossier_code : "";
  }

  void Do(v1::Command c, const char* when) {
    c.set_actor("canbo01");
    ASSERT_THAT(engine_.Execute(c, Vn(when), batch_), IsOk());
    Commit();
  }

  // Raises every alert due at `now`, as the server's timer does.
  std::vector<v1::Event> Fire(const char* now, bool late = false) {
    std::vector<v1::Event> raised;
    for (v1::Event& e : watch_.TakeDue(Vn(now), late)) {
      EXPECT_THAT(engine_.Import(e, batch_), IsOk());
      raised.push_back(e);
    }
    Commit();
    return raised;
  }

  ::motcua::testing::CountingSecrets secrets_;
  engine::Engine engine_;
  DeadlineWatch watch_;
  engine::CommitBatch batch_;
};

TEST_F(DeadlineWatchTest, WarnsOneWorkingDayBeforeAndAgainAtTheDueTime) {
  // Tue 12/3/2024 09:00 + 3 working days = Fri 15/3 09:00; one working day
  // before = Thu 14/3 09:00.
  std::string code = Receive("2024-03-12 09:00");
  ASSERT_EQ(watch_.NextMoment(), Vn("2024-03-14 09:00"));
  EXPECT_THAT(Fire("2024-03-14 08:59"), ::testing::IsEmpty());
  auto first = Fire("2024-03-14 09:00");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].dossier_code(), code);
  EXPECT_EQ(first[0].alert_raised().kind(), v1::ALERT_KIND_APOLOGY_DUE);
  EXPECT_EQ(ToInstant(first[0].alert_raised().moment()), Vn("2024-03-14 09:00"));
  EXPECT_FALSE(first[0].alert_raised().late_fired());

  ASSERT_EQ(watch_.NextMoment(), Vn("2024-03-15 09:00"));
  auto second = Fire("2024-03-15 09:00");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].alert_raised().kind(), v1::ALERT_KIND_OVERDUE);
  EXPECT_EQ(watch_.NextMoment(), std::nullopt);
  EXPECT_THAT(Fire("2024-03-30 09:00"), ::testing::IsEmpty());
}

TEST_F(DeadlineWatchTest, TheWarningSkipsTheWeekend) {
  // Wed 13/3 14:00 + 3 working days = Mon 18/3 14:00; a working day before is
  // Fri 15/3 14:00, not Sunday.
  Receive("2024-03-13 14:00");
  EXPECT_EQ(watch_.NextMoment(), Vn("2024-03-15 14:00"));
}

TEST_F(DeadlineWatchTest, TheWarningSkipsTet) {
  // Tue 6/2/2024 09:00: Tue (6h) + Wed 7 (8h); Thu 8 – Wed 14 is Tết; Thu 15
  // (8h) and Fri 16 07:00–09:00 (2h) -> due Fri 16/2 09:00. A working day
  // earlier is Thu 15/2 09:00: the warning does not land in Tết.
  Receive("2024-02-06 09:00");
  EXPECT_EQ(watch_.NextMoment(), Vn("2024-02-15 09:00"));
  EXPECT_THAT(Fire("2024-02-14 16:00"), ::testing::IsEmpty());
  EXPECT_EQ(Fire("2024-02-15 09:00").size(), 1u);
  EXPECT_EQ(watch_.NextMoment(), Vn("2024-02-16 09:00"));
}

class ShortLeadTest : public DeadlineWatchTest {
 protected:
  ShortLeadTest() : DeadlineWatchTest(std::chrono::hours(2)) {}
};

TEST_F(ShortLeadTest, TheLeadIsCountedInWorkingTimeAcrossTheLunchBreak) {
  // Tue 12/3 14:30 + 24 working hours = Fri 15/3 14:30. Two working hours
  // before: 13:30–14:30 (1h) and 10:30–11:30 (1h) -> Fri 10:30.
  Receive("2024-03-12 14:30");
  EXPECT_EQ(watch_.NextMoment(), Vn("2024-03-15 10:30"));
}

TEST_F(DeadlineWatchTest, NoAlertsForADossierFinishedInTime) {
  std::string code = Receive("2024-03-12 09:00");
  v1::Command ready;
  ready.mutable_mark_result_ready()->set_dossier_code(code);
  ready.mutable_mark_result_ready()->set_result_kind(v1::RESULT_KIND_ELECTRONIC);
  Do(ready, "2024-03-13 10:00");
  EXPECT_EQ(watch_.NextMoment(), std::nullopt);
  EXPECT_THAT(Fire("2024-03-20 09:00"), ::testing::IsEmpty());
}

TEST_F(DeadlineWatchTest, ASameDayDossierIsOnlyWarnedAtItsDueTime) {
  // The whole duration is shorter than the lead: no warning at the counter.
  Receive("2024-03-12 09:00", kSameDay);
  EXPECT_EQ(watch_.NextMoment(), Vn("2024-03-12 17:00"));
}

TEST_F(DeadlineWatchTest, APausedDossierWaitsAndItsMomentsMoveWithTheAppointment) {
  std::string code = Receive("2024-03-12 09:00");  // due Fri 15/3 09:00
  v1::Command request;
  request.mutable_request_supplement()->set_dossier_code(code);
  request.mutable_request_supplement()->set_reason("Thiếu giấy tờ");
  Do(request, "2024-03-13 10:00");
  EXPECT_EQ(watch_.NextMoment(), std::nullopt);
  EXPECT_THAT(Fire("2024-03-15 10:00"), ::testing::IsEmpty()) << "no alert while paused";
  v1::Command supplied;
  supplied.mutable_supplement()->set_dossier_code(code);
  Do(supplied, "2024-03-18 10:00");
  // The appointment moved to Wed 20/3 09:00 (engine_test has the arithmetic);
  // the warning follows it to Tue 19/3 09:00.
  EXPECT_EQ(watch_.NextMoment(), Vn("2024-03-19 09:00"));
}

TEST_F(DeadlineWatchTest, AnApologyAlreadyMadeIsNotAskedForAgain) {
  std::string code = Receive("2024-03-12 09:00");
  v1::Command apology;
  apology.mutable_apologize()->set_dossier_code(code);
  apology.mutable_apologize()->set_reason("Cần xác minh");
  SetInstant(Vn("2024-03-20 09:00"), apology.mutable_apologize()->mutable_new_appointment_at());
  Do(apology, "2024-03-13 09:00");
  // No apology-due alert; the overdue alert is for the new appointment.
  EXPECT_EQ(watch_.NextMoment(), Vn("2024-03-20 09:00"));
  EXPECT_THAT(Fire("2024-03-19 17:00"), ::testing::IsEmpty());
  auto raised = Fire("2024-03-20 09:00");
  ASSERT_EQ(raised.size(), 1u);
  EXPECT_EQ(raised[0].alert_raised().kind(), v1::ALERT_KIND_OVERDUE);
  EXPECT_EQ(ToInstant(raised[0].alert_raised().appointment_at()), Vn("2024-03-20 09:00"));
}

TEST_F(DeadlineWatchTest, AnApologyAfterTheDueTimeArmsAnOverdueAlertForTheNewAppointment) {
  std::string code = Receive("2024-03-12 09:00");
  ASSERT_EQ(Fire("2024-03-15 09:00").size(), 2u);  // apology due, then overdue
  v1::Command apology;
  apology.mutable_apologize()->set_dossier_code(code);
  apology.mutable_apologize()->set_reason("Cần xác minh");
  SetInstant(Vn("2024-03-20 09:00"), apology.mutable_apologize()->mutable_new_appointment_at());
  Do(apology, "2024-03-15 10:00");
  EXPECT_EQ(watch_.NextMoment(), Vn("2024-03-20 09:00"));
  EXPECT_EQ(Fire("2024-03-20 09:00").size(), 1u);
  EXPECT_THAT(Fire("2024-03-21 09:00"), ::testing::IsEmpty());
}

TEST_F(DeadlineWatchTest, MomentsMissedWhileDownFireOnceEachMarkedLate) {
  std::string code = Receive("2024-03-12 09:00");
  // The engine was down from Wed to the next Monday: both moments passed.
  auto raised = Fire("2024-03-18 08:00", /*late=*/true);
  ASSERT_EQ(raised.size(), 2u);
  EXPECT_EQ(raised[0].alert_raised().kind(), v1::ALERT_KIND_APOLOGY_DUE);
  EXPECT_EQ(raised[1].alert_raised().kind(), v1::ALERT_KIND_OVERDUE);
  EXPECT_TRUE(raised[0].alert_raised().late_fired());
  // Exactly once: the log refuses a repeat, and a rebuilt watch finds nothing.
  EXPECT_THAT(engine_.Import(raised[1], batch_), HasError(Error::kAlreadyExists));
  watch_.TrackAll();
  EXPECT_EQ(watch_.NextMoment(), std::nullopt);
  EXPECT_THAT(Fire("2024-03-19 08:00", true), ::testing::IsEmpty());
}

// A catch-up after downtime is committed in batches (kMaxAlertsPerCommit):
// each takes the earliest moments left, and together they raise every
// moment once.
TEST_F(DeadlineWatchTest, ACatchUpTakesAtMostABatchAndTheNextTakesTheRest) {
  const std::string first = Receive("2024-03-11 09:00");   // due Thu 14/3 09:00
  const std::string second = Receive("2024-03-12 09:00");  // due Fri 15/3 09:00
  // Down until Monday: two moments each (apology due, then overdue).
  std::vector<std::pair<std::string, v1::AlertKind>> raised;
  for (int batch = 0; batch < 10; ++batch) {
    std::vector<v1::Event> due = watch_.TakeDue(Vn("2024-03-18 08:00"), true, 3);
    ASSERT_LE(due.size(), 3u);
    for (v1::Event& e : due) {
      ASSERT_THAT(engine_.Import(e, batch_), IsOk());
      raised.emplace_back(e.dossier_code(), e.alert_raised().kind());
    }
    Commit();
    if (due.size() < 3) break;
  }
  // The earliest first: the first dossier's apology (Wed 13/3 09:00), then
  // the second's (Thu 14/3 09:00) and the first's overdue (Thu 14/3 09:00).
  ASSERT_EQ(raised.size(), 4u);
  EXPECT_EQ(raised[0], std::pair(first, v1::ALERT_KIND_APOLOGY_DUE));
  EXPECT_THAT(std::vector(raised.begin(), raised.begin() + 3),
              ::testing::Contains(std::pair(first, v1::ALERT_KIND_OVERDUE)));
  EXPECT_EQ(raised[3], std::pair(second, v1::ALERT_KIND_OVERDUE));
  EXPECT_EQ(watch_.NextMoment(), std::nullopt);
}

// The catch-up takes the moments missed while down dossier by dossier (in
// the order of their codes, as the log's indexes are sorted), not earliest
// first, each once and late-fired; a moment after the start stays queued.
TEST_F(DeadlineWatchTest, ACatchUpTakesTheMissedMomentsDossierByDossierEachOnce) {
  // Earliest first would be a, b, a, c, b, c.
  const std::string a = Receive("2024-03-11 09:00");  // apology Wed 13/3 09:00, due Thu 09:00
  const std::string b = Receive("2024-03-11 10:00");  // apology Wed 13/3 10:00, due Thu 10:00
  const std::string c = Receive("2024-03-12 09:00");  // apology Thu 14/3 09:00, due Fri 09:00
  Receive("2024-03-15 09:00");                        // apology Tue 19/3 09:00: after the start
  const Instant start = Vn("2024-03-18 08:00");
  std::vector<std::pair<std::string, v1::AlertKind>> raised;
  std::vector<std::size_t> sizes;
  for (;;) {
    std::vector<v1::Event> due = watch_.TakeMissed(start, 4);
    if (due.empty()) break;
    sizes.push_back(due.size());
    for (v1::Event& e : due) {
      EXPECT_TRUE(e.alert_raised().late_fired());
      EXPECT_EQ(ToInstant(e.at()), start);
      ASSERT_THAT(engine_.Import(e, batch_), IsOk());
      raised.emplace_back(e.dossier_code(), e.alert_raised().kind());
    }
    Commit();
  }
  using P = std::pair<std::string, v1::AlertKind>;
  EXPECT_THAT(raised, ::testing::ElementsAre(
                          P(a, v1::ALERT_KIND_APOLOGY_DUE), P(a, v1::ALERT_KIND_OVERDUE),
                          P(b, v1::ALERT_KIND_APOLOGY_DUE), P(b, v1::ALERT_KIND_OVERDUE),
                          P(c, v1::ALERT_KIND_APOLOGY_DUE), P(c, v1::ALERT_KIND_OVERDUE)));
  EXPECT_THAT(sizes, ::testing::ElementsAre(4u, 2u));
  EXPECT_EQ(watch_.NextMoment(), Vn("2024-03-19 09:00"));
}

// A catch-up transaction that fails: its moments are queued again when
// their dossiers are re-tracked, and the catch-up raises them after the
// rest, still late-fired and once each.
TEST_F(DeadlineWatchTest, ACatchUpTransactionThatFailedIsRaisedAfterTheRest) {
  const std::string a = Receive("2024-03-11 09:00");
  const std::string b = Receive("2024-03-12 09:00");
  const Instant start = Vn("2024-03-18 08:00");
  std::vector<v1::Event> first = watch_.TakeMissed(start, 2);
  ASSERT_EQ(first.size(), 2u);
  for (v1::Event& e : first) {
    EXPECT_EQ(e.dossier_code(), a);
    ASSERT_THAT(engine_.Import(e, batch_), IsOk());
  }
  engine_.Rollback(batch_);  // the commit failed
  watch_.Track(engine_.IdOf(a));
  std::vector<std::pair<std::string, v1::AlertKind>> raised;
  for (v1::Event& e : watch_.TakeMissed(start, 10)) {
    EXPECT_TRUE(e.alert_raised().late_fired());
    ASSERT_THAT(engine_.Import(e, batch_), IsOk());
    raised.emplace_back(e.dossier_code(), e.alert_raised().kind());
  }
  Commit();
  using P = std::pair<std::string, v1::AlertKind>;
  EXPECT_THAT(raised, ::testing::ElementsAre(
                          P(b, v1::ALERT_KIND_APOLOGY_DUE), P(b, v1::ALERT_KIND_OVERDUE),
                          P(a, v1::ALERT_KIND_APOLOGY_DUE), P(a, v1::ALERT_KIND_OVERDUE)));
  EXPECT_THAT(watch_.TakeMissed(start, 10), ::testing::IsEmpty());
  EXPECT_EQ(watch_.NextMoment(), std::nullopt);
}

TEST_F(DeadlineWatchTest, ATakenMomentWhoseCommitFailedIsRaisedAgain) {
  std::string code = Receive("2024-03-12 09:00");
  auto due = watch_.TakeDue(Vn("2024-03-14 09:00"), false);
  ASSERT_EQ(due.size(), 1u);
  ASSERT_THAT(engine_.Import(due[0], batch_), IsOk());
  engine_.Rollback(batch_);  // the commit failed
  watch_.Track(engine_.IdOf(code));
  EXPECT_EQ(watch_.NextMoment(), Vn("2024-03-14 09:00"));
  EXPECT_EQ(Fire("2024-03-14 09:01").size(), 1u);
}

// The step-due moments (ALERT_KIND_STEP_DUE) of the internal processes, with
// the shipped catalog's processes and the default leads (an apology a working
// day ahead, a step two working hours ahead). Office hours 07:00–11:30 and
// 13:30–17:00; 2026-12-07 is a Monday and December 2026 has no holiday.
// 1.004873 (3 working days) follows the 2025-07-01 process there: 2/14/4/4 h.
class StepDueWatchTest : public ::testing::Test {
 protected:
  StepDueWatchTest()
      : engine_(engine::EngineOptions{"000.00.07.H06", false}, ::motcua::testing::ShippedCatalog(),
                ::motcua::testing::ShippedCalendar(), secrets_),
        watch_(engine_, WatchOptions{}) {}

  void Commit() {
    engine_.Committed(batch_);
    for (const auto& p : batch_.events) watch_.Track(engine_.IdOf(p.event.dossier_code()));
    batch_.clear();
  }

  std::string Receive(const char* when, const char* procedure = kThreeDays) {
    v1::Command c;
    c.set_actor("tiepnhan01");
    c.mutable_receive()->set_procedure_code(procedure);
    c.mutable_receive()->mutable_applicant()->set_name("Phạm Thu Hà");
    c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
    auto out = engine_.Execute(c, Vn(when), batch_);
    EXPECT_THAT(out, IsOk());
    Commit();
    return out.ok() ? out->dossier_code : "";
  }

  void Do(v1::Command c, const char* when) {
    c.set_actor("canbo01");
    ASSERT_THAT(engine_.Execute(c, Vn(when), batch_), IsOk());
    Commit();
  }

  void HandOver(const std::string& code, const char* unit, const char* user, const char* when) {
    v1::Command c;
    c.mutable_hand_over()->set_dossier_code(code);
    c.mutable_hand_over()->set_to_unit(unit);
    c.mutable_hand_over()->set_to_user(user);
    Do(c, when);
  }

  // Raises every alert due at `now`, as the server's timer does.
  std::vector<v1::Event> Fire(const char* now) {
    std::vector<v1::Event> raised;
    for (v1::Event& e : watch_.TakeDue(Vn(now), false)) {
      EXPECT_THAT(engine_.Import(e, batch_), IsOk());
      raised.push_back(e);
    }
    Commit();
    return raised;
  }

  ::motcua::testing::CountingSecrets secrets_;
  engine::Engine engine_;
  DeadlineWatch watch_;
  engine::CommitBatch batch_;
};

TEST_F(StepDueWatchTest, AStepIsWarnedTwoWorkingHoursBeforeItsDeadlineOnceForItsHolder) {
  // Received Mon 7/12 08:00: due Thu 10/12 08:00 (24 working hours), the
  // apology a working day before, Wed 9/12 08:00. Step 1 takes 2 h, no more
  // than the lead: no step moment at the counter.
  std::string code = Receive("2026-12-07 08:00");
  EXPECT_EQ(watch_.NextMoment(), Vn("2026-12-09 08:00"));
  // Handed to justice Mon 09:30: step 2 (14 h) is due Wed 07:30 (5.5 h on
  // Mon, 8 h Tue, 0.5 h Wed). Two working hours before: Wed 07:00–07:30
  // (0.5 h) and Tue 15:30–17:00 (1.5 h) -> Tue 8/12 15:30.
  HandOver(code, "Tư pháp - Hộ tịch", "tuphap01", "2026-12-07 09:30");
  ASSERT_EQ(watch_.NextMoment(), Vn("2026-12-08 15:30"));
  EXPECT_THAT(Fire("2026-12-08 15:29"), ::testing::IsEmpty());
  auto raised = Fire("2026-12-08 15:30");
  ASSERT_EQ(raised.size(), 1u);
  const v1::AlertRaised& alert = raised[0].alert_raised();
  EXPECT_EQ(raised[0].dossier_code(), code);
  EXPECT_EQ(alert.kind(), v1::ALERT_KIND_STEP_DUE);
  EXPECT_EQ(ToInstant(alert.moment()), Vn("2026-12-08 15:30"));
  EXPECT_EQ(alert.step(), 2u);
  EXPECT_EQ(ToInstant(alert.step_due_at()), Vn("2026-12-09 07:30"));
  EXPECT_EQ(ToInstant(alert.appointment_at()), Vn("2026-12-10 08:00"));
  EXPECT_EQ(alert.holder_unit(), "Tư pháp - Hộ tịch");
  EXPECT_EQ(alert.holder_user(), "tuphap01");
  // Imported, committed and tracked again (Fire does all three): raised
  // once. The next moment is the dossier's apology; a rebuilt watch agrees.
  EXPECT_EQ(watch_.NextMoment(), Vn("2026-12-09 08:00"));
  EXPECT_THAT(Fire("2026-12-09 07:59"), ::testing::IsEmpty());
  EXPECT_THAT(engine_.Import(raised[0], batch_), HasError(Error::kAlreadyExists));
  watch_.TrackAll();
  EXPECT_EQ(watch_.NextMoment(), Vn("2026-12-09 08:00"));
}

TEST_F(StepDueWatchTest, AStepNoLongerThanTheLeadHasNoMoment) {
  // 2.000815 (same day; steps 1/4/2/1 h) received Mon 08:00: due Mon 17:00,
  // less than the apology's working day away, so only the overdue moment.
  // Step 1 takes 1 h, within the 2 h lead: no step moment.
  std::string code = Receive("2026-12-07 08:00", "2.000815");
  EXPECT_EQ(engine_.Find(code)->step, 1);
  EXPECT_EQ(watch_.NextMoment(), Vn("2026-12-07 17:00"));
  EXPECT_THAT(Fire("2026-12-07 08:59"), ::testing::IsEmpty());
  // Step 2 (4 h) from 08:30: 08:30–11:30 (3 h), 13:30–14:30 (1 h) -> 14:30;
  // two working hours before: 13:30–14:30 and 10:30–11:30 -> 10:30.
  HandOver(code, "Tư pháp - Hộ tịch", "tuphap01", "2026-12-07 08:30");
  EXPECT_EQ(watch_.NextMoment(), Vn("2026-12-07 10:30"));
}

TEST_F(StepDueWatchTest, APausedDossierHasNoStepMomentUntilTheWaitEnds) {
  std::string code = Receive("2026-12-07 08:00");
  HandOver(code, "Tư pháp - Hộ tịch", "tuphap01", "2026-12-07 09:30");  // step 2 due Wed 07:30
  ASSERT_EQ(watch_.NextMoment(), Vn("2026-12-08 15:30"));
  v1::Command request;
  request.mutable_request_supplement()->set_dossier_code(code);
  request.mutable_request_supplement()->set_reason("Thiếu giấy tờ");
  Do(request, "2026-12-08 08:00");
  EXPECT_EQ(watch_.NextMoment(), std::nullopt);
  EXPECT_THAT(Fire("2026-12-08 15:30"), ::testing::IsEmpty()) << "no step alert while paused";
  // Supplemented Wed 10:00 after 10 working hours of waiting (Tue 08:00–17:00
  // less lunch, 7 h; Wed 07:00–10:00, 3 h): step 2 is due Thu 10/12 09:30
  // (process_steps_test has the arithmetic), warned two working hours
  // earlier, Thu 07:30, before the apology (Thu 10:00, the appointment having
  // moved from Thu 08:00 to Fri 10:00).
  v1::Command supplied;
  supplied.mutable_supplement()->set_dossier_code(code);
  Do(supplied, "2026-12-09 10:00");
  EXPECT_EQ(watch_.NextMoment(), Vn("2026-12-10 07:30"));
  auto raised = Fire("2026-12-10 07:30");
  ASSERT_EQ(raised.size(), 1u);
  EXPECT_EQ(raised[0].alert_raised().kind(), v1::ALERT_KIND_STEP_DUE);
  EXPECT_EQ(ToInstant(raised[0].alert_raised().step_due_at()), Vn("2026-12-10 09:30"));
  EXPECT_EQ(watch_.NextMoment(), Vn("2026-12-10 10:00"));
}

}  // namespace
}  // namespace motcua::alerts
