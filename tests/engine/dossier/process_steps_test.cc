// The steps of a dossier's internal process (engine/dossier/process_steps.h)
// as the engine records them in each event (Event.step): receipt starts step
// 1, a hand-over ends one step and starts the next, the result ends the step
// in progress, its hand-over starts the return's step, the return ends it,
// and the end of a wait for the citizen moves the step's deadline. Also the
// step timing's date rule, and whom a dossier can be handed over to
// (Engine::SetRecipients).
//
// Office hours 07:00–11:30 and 13:30–17:00 Vietnam time: 8 working hours a
// day. 2026-12-07 is a Monday; December 2026 has no holiday.
#include "engine/dossier/process_steps.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "engine/base/proto_time.h"
#include "engine/engine.h"
#include "tests/support/fixtures.h"

namespace motcua::dossier {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::HasSubstr;

constexpr const char* kUnit = "000.00.07.H06";
// Xác nhận tình trạng hôn nhân: 3 working days; from 2025-07-01 its process
// is 2/14/4/4 working hours (before it, 4/12/4/4).
constexpr const char* kThreeDays = "1.004873";
constexpr const char* kOneStop = "Bộ phận Một cửa";
constexpr const char* kJustice = "Tư pháp - Hộ tịch";
constexpr const char* kLeader = "Lãnh đạo UBND xã";

std::int64_t At(const char* vietnam_minute) { return ToUnixSeconds(Vn(vietnam_minute)); }

class ProcessStepsTest : public ::testing::Test {
 protected:
  explicit ProcessStepsTest(
      std::shared_ptr<const catalog::Catalog> catalog = ::motcua::testing::ShippedCatalog())
      : engine_(engine::EngineOptions{kUnit, false}, std::move(catalog),
                ::motcua::testing::ShippedCalendar(), secrets_) {}

  // Runs `c` at `when` (Vietnam time) and returns the event it produced;
  // the batch is committed.
  v1::Event Run(v1::Command c, const char* when) {
    if (c.actor().empty()) c.set_actor("canbo01");
    engine::CommitBatch batch;
    auto out = engine_.Execute(c, Vn(when), batch);
    EXPECT_THAT(out, IsOk()) << when;
    if (!out.ok()) return {};
    EXPECT_EQ(out->event_count, 1u);
    v1::Event event = batch.events[out->first_event].event;
    engine_.Committed(batch);
    return event;
  }

  Status Refused(v1::Command c, const char* when) {
    if (c.actor().empty()) c.set_actor("canbo01");
    engine::CommitBatch batch;
    auto out = engine_.Execute(c, Vn(when), batch);
    EXPECT_TRUE(batch.events.empty()) << "nothing queued for a refused command";
    if (out.ok()) engine_.Committed(batch);
    return out.status();
  }

  v1::Event Receive(const char* when, const char* procedure = kThreeDays,
                    const char* actor = "tiepnhan01") {
    v1::Command c;
    c.set_actor(actor);
    c.mutable_receive()->set_procedure_code(procedure);
    c.mutable_receive()->mutable_applicant()->set_name("Trần Thị Mai");
    c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
    return Run(c, when);
  }

  static v1::Command HandOver(const std::string& code, const std::string& unit,
                              const std::string& user = "") {
    v1::Command c;
    c.mutable_hand_over()->set_dossier_code(code);
    c.mutable_hand_over()->set_to_unit(unit);
    c.mutable_hand_over()->set_to_user(user);
    c.mutable_hand_over()->set_electronic(true);
    return c;
  }

  ::motcua::testing::CountingSecrets secrets_;
  engine::Engine engine_;
};

// Steps read off an event: the one that ended and the one in progress.
std::string Describe(const v1::StepChange& s) {
  std::string text = "ended " + std::to_string(s.ended());
  if (s.ended() != 0) {
    text += " due " + FormatVietnamMinute(ToInstant(s.ended_due_at())) + " " +
            v1::StepTiming_Name(s.ended_timing());
  }
  text += ", current " + std::to_string(s.current());
  if (s.current() != 0) text += " due " + FormatVietnamMinute(ToInstant(s.due_at()));
  return text;
}

TEST_F(ProcessStepsTest, ADossierGoesThroughTheStepsOfTheVersionInForceAtReceipt) {
  // Mon 7/12 08:00, at the counter: the clock starts at once. The version
  // in force is 2025-07-01's: steps of 2, 14, 4 and 4 working hours.
  v1::Event received = Receive("2026-12-07 08:00");
  const std::string code = received.dossier_code();
  EXPECT_EQ(received.received().process_from(), "2025-07-01");
  // Step 1 (2 h): 08:00 + 2 h = Mon 10:00.
  ASSERT_TRUE(received.has_step());
  EXPECT_EQ(Describe(received.step()), "ended 0, current 1 due 2026-12-07 10:00");
  EXPECT_EQ(engine_.Find(code)->step, 1);
  EXPECT_EQ(engine_.Find(code)->step_due_at, At("2026-12-07 10:00"));

  // Handed to the justice officer at 09:30: step 1 ends before its 10:00
  // deadline, on its date (on time, not early). Step 2 (14 h) from Mon
  // 09:30: Mon 09:30–11:30 and 13:30–17:00 (5.5 h), Tue (8 h, 13.5 h), Wed
  // 07:00–07:30 (0.5 h) -> Wed 9/12 07:30.
  v1::Event first = Run(HandOver(code, kJustice, "tuphap01"), "2026-12-07 09:30");
  EXPECT_EQ(Describe(first.step()),
            "ended 1 due 2026-12-07 10:00 STEP_TIMING_ON_TIME, current 2 due 2026-12-09 07:30");
  EXPECT_EQ(first.step().ended_working_seconds(), 90 * 60) << "08:00-09:30";

  // A supplement requested Tue 08:00 and given Wed 10:00: the wait took Tue
  // 08:00–11:30 and 13:30–17:00 (7 h) and Wed 07:00–10:00 (3 h), 10 working
  // hours. The request changes no step; the supplement moves step 2's
  // deadline 10 h later: Wed 07:30 -> Wed 07:30–11:30 and 13:30–17:00
  // (7.5 h), Thu 07:00–09:30 (2.5 h) -> Thu 10/12 09:30.
  v1::Command request;
  request.mutable_request_supplement()->set_dossier_code(code);
  request.mutable_request_supplement()->set_reason("Thiếu bản sao CCCD");
  EXPECT_FALSE(Run(request, "2026-12-08 08:00").has_step());
  v1::Command supplement;
  supplement.mutable_supplement()->set_dossier_code(code);
  supplement.mutable_supplement()->add_documents()->set_name("Bản sao CCCD");
  v1::Event supplied = Run(supplement, "2026-12-09 10:00");
  EXPECT_EQ(Describe(supplied.step()), "ended 0, current 2 due 2026-12-10 09:30");

  // Handed to the leader Thu 10:00, half an hour past step 2's deadline:
  // late. Step 3 (4 h) from Thu 10:00: 10:00–11:30 (1.5 h), 13:30–16:00
  // (2.5 h) -> Thu 16:00.
  v1::Event second = Run(HandOver(code, kLeader, "lanhdao01"), "2026-12-10 10:00");
  EXPECT_EQ(Describe(second.step()),
            "ended 2 due 2026-12-10 09:30 STEP_TIMING_LATE, current 3 due 2026-12-10 16:00");
  // Who held step 2, and what it took: Mon 09:30 to Thu 10:00 is 5.5 + 8 +
  // 8 + 3 = 24.5 working hours, less the 10 h wait: 14.5 h, its 14 h budget
  // and the half hour it overran.
  EXPECT_EQ(second.step().ended_unit(), kJustice);
  EXPECT_EQ(second.step().ended_user(), "tuphap01");
  EXPECT_EQ(second.step().ended_working_seconds(), 14 * 3600 + 30 * 60);

  // The result is signed Thu 15:00: step 3 ends on time and none runs until
  // the result is handed to the one-stop.
  v1::Command ready;
  ready.mutable_mark_result_ready()->set_dossier_code(code);
  ready.mutable_mark_result_ready()->set_result_kind(v1::RESULT_KIND_PAPER);
  v1::Event signed_ = Run(ready, "2026-12-10 15:00");
  EXPECT_EQ(Describe(signed_.step()), "ended 3 due 2026-12-10 16:00 STEP_TIMING_ON_TIME, current 0");
  EXPECT_EQ(signed_.step().ended_user(), "lanhdao01");
  EXPECT_EQ(signed_.step().ended_working_seconds(), 3 * 3600) << "10:00-11:30, 13:30-15:00";
  EXPECT_EQ(engine_.Find(code)->step, 3) << "the last step started";
  EXPECT_EQ(engine_.Find(code)->step_due_at, 0) << "none running";

  // Handed to the one-stop at 15:00: step 4 (4 h) from Thu 15:00:
  // 15:00–17:00 (2 h), Fri 07:00–09:00 (2 h) -> Fri 11/12 09:00. No step
  // was running, so none ends.
  v1::Event back = Run(HandOver(code, kOneStop, "tiepnhan01"), "2026-12-10 15:00");
  EXPECT_EQ(Describe(back.step()), "ended 0, current 4 due 2026-12-11 09:00");

  // Returned Thu 16:30, a date before Fri's deadline: early.
  v1::Command give;
  give.mutable_return_result()->set_dossier_code(code);
  give.mutable_return_result()->set_method(v1::RETURN_METHOD_COUNTER);
  v1::Event returned = Run(give, "2026-12-10 16:30");
  EXPECT_EQ(Describe(returned.step()),
            "ended 4 due 2026-12-11 09:00 STEP_TIMING_EARLY, current 0");
  EXPECT_EQ(returned.step().ended_working_seconds(), 90 * 60) << "15:00-16:30";
  EXPECT_EQ(engine_.Find(code)->step_due_at, 0);
}

TEST_F(ProcessStepsTest, ADossierKeepsTheVersionOfItsReceiptDayAfterANewOneTakesEffect) {
  // Mon 30/6/2025 16:00: the 2024-01-01 version (4/12/4/4 h) is in force.
  // Step 1 (4 h): 16:00–17:00 (1 h), Tue 07:00–10:00 (3 h) -> Tue 1/7 10:00.
  v1::Event received = Receive("2025-06-30 16:00");
  EXPECT_EQ(received.received().process_from(), "2024-01-01");
  EXPECT_EQ(Describe(received.step()), "ended 0, current 1 due 2025-07-01 10:00");
  // Handed over Tue 1/7 08:00, when the new version is in force: the dossier
  // still takes 12 h for step 2, not 14: Tue 08:00–11:30 and 13:30–17:00
  // (7 h), Wed 07:00–11:30 (4.5 h) and 13:30–14:00 (0.5 h) -> Wed 2/7 14:00.
  v1::Event handed = Run(HandOver(received.dossier_code(), kJustice), "2025-07-01 08:00");
  EXPECT_EQ(Describe(handed.step()),
            "ended 1 due 2025-07-01 10:00 STEP_TIMING_ON_TIME, current 2 due 2025-07-02 14:00");
}

TEST_F(ProcessStepsTest, AHandOverPastTheLastStepStartsNone) {
  v1::Event received = Receive("2026-12-07 08:00");
  const std::string code = received.dossier_code();
  Run(HandOver(code, kJustice), "2026-12-07 08:30");  // step 2
  Run(HandOver(code, kLeader), "2026-12-07 09:00");   // step 3
  Run(HandOver(code, kOneStop), "2026-12-07 09:30");  // step 4
  v1::Event past = Run(HandOver(code, kJustice), "2026-12-07 10:00");
  ASSERT_TRUE(past.has_step()) << "it still ends step 4";
  EXPECT_EQ(past.step().ended(), 4u);
  EXPECT_EQ(past.step().current(), 0u);
  EXPECT_EQ(engine_.Find(code)->step, 4);
  EXPECT_EQ(engine_.Find(code)->step_due_at, 0);
  // A further hand-over has no step to end or start.
  EXPECT_FALSE(Run(HandOver(code, kLeader), "2026-12-07 10:30").has_step());
}

TEST_F(ProcessStepsTest, AWithdrawalEndsTheStepWithNoTiming) {
  v1::Event received = Receive("2026-12-07 08:00");
  v1::Command withdraw;
  withdraw.mutable_withdraw()->set_dossier_code(received.dossier_code());
  withdraw.mutable_withdraw()->set_reason("Công dân xin rút");
  v1::Event withdrawn = Run(withdraw, "2026-12-07 11:00");  // after step 1's 10:00
  EXPECT_EQ(withdrawn.step().ended(), 1u);
  EXPECT_EQ(withdrawn.step().ended_timing(), v1::STEP_TIMING_UNSPECIFIED);
  EXPECT_EQ(withdrawn.step().ended_working_seconds(), 3 * 3600) << "08:00-11:00";
  EXPECT_EQ(withdrawn.step().current(), 0u);
}

TEST(StepTimingTest, LateIsAfterTheDeadlineEvenByOneSecond) {
  const std::int64_t due = At("2026-12-10 09:30");
  EXPECT_EQ(StepTimingOf(due + 1, due), v1::STEP_TIMING_LATE);
  EXPECT_EQ(StepTimingOf(At("2026-12-11 07:00"), due), v1::STEP_TIMING_LATE);
}

TEST(StepTimingTest, OnTheDeadlinesDateAndNotAfterItIsOnTime) {
  const std::int64_t due = At("2026-12-10 09:30");
  EXPECT_EQ(StepTimingOf(due, due), v1::STEP_TIMING_ON_TIME) << "at the deadline itself";
  EXPECT_EQ(StepTimingOf(At("2026-12-10 07:00"), due), v1::STEP_TIMING_ON_TIME);
  // Thu 00:10 in Vietnam is still Wed 17:10 UTC: the date is Vietnam's.
  EXPECT_EQ(StepTimingOf(At("2026-12-10 00:10"), due), v1::STEP_TIMING_ON_TIME);
}

TEST(StepTimingTest, OnAnEarlierVietnamDateIsEarly) {
  const std::int64_t due = At("2026-12-10 09:30");
  EXPECT_EQ(StepTimingOf(At("2026-12-09 23:59"), due), v1::STEP_TIMING_EARLY);
  EXPECT_EQ(StepTimingOf(At("2026-12-07 08:00"), due), v1::STEP_TIMING_EARLY);
  // A deadline at 06:30 Thu in Vietnam is Wed 23:30 UTC; ending Wed 08:00
  // Vietnam is a Vietnam date before it.
  EXPECT_EQ(StepTimingOf(At("2026-12-09 08:00"), At("2026-12-10 06:30")), v1::STEP_TIMING_EARLY);
}

class WithoutProcessesTest : public ProcessStepsTest {
 protected:
  WithoutProcessesTest() : ProcessStepsTest(::motcua::testing::CatalogWithoutProcesses()) {}
};

TEST_F(WithoutProcessesTest, AProcedureWithNoProcessRecordsNoSteps) {
  v1::Event received = Receive("2026-12-07 08:00");
  EXPECT_EQ(received.received().process_from(), "");
  EXPECT_FALSE(received.has_step());
  EXPECT_EQ(engine_.Find(received.dossier_code())->process_version, 0);
  v1::Event handed = Run(HandOver(received.dossier_code(), kJustice), "2026-12-07 09:30");
  EXPECT_FALSE(handed.has_step());
  EXPECT_EQ(engine_.Find(received.dossier_code())->step_due_at, 0);
}

class RecipientsTest : public ProcessStepsTest {
 protected:
  RecipientsTest() {
    engine::Recipients r;
    r.units = {kOneStop, kJustice, kLeader, "Công an xã Ngọc Sơn"};
    // Inserted out of order: the message sorts them.
    r.officer_units = {{"tuphap02", kJustice},
                       {"tiepnhan01", kOneStop},
                       {"tuphap01", kJustice},
                       {"lanhdao01", kLeader}};
    engine_.SetRecipients(std::move(r));
  }
};

TEST_F(RecipientsTest, AHandOverToAnUnknownUnitIsRefusedListingTheUnits) {
  const std::string code = Receive("2026-12-07 08:00").dossier_code();
  Status s = Refused(HandOver(code, "Địa chính - Xây dựng"), "2026-12-07 09:00");
  EXPECT_THAT(s, HasError(Error::kInvalidArgument));
  EXPECT_THAT(s.message(), HasSubstr("Địa chính - Xây dựng"));
  EXPECT_THAT(s.message(), HasSubstr("các đơn vị nhận bàn giao: Bộ phận Một cửa, Tư pháp - Hộ "
                                     "tịch, Lãnh đạo UBND xã, Công an xã Ngọc Sơn"));
  EXPECT_EQ(engine_.Find(code)->status, v1::STATUS_RECEIVED) << "nothing changed";
  EXPECT_EQ(engine_.Find(code)->step, 1);
}

TEST_F(RecipientsTest, AnOfficerNotOfTheUnitIsRefusedListingItsOfficersSorted) {
  const std::string code = Receive("2026-12-07 08:00").dossier_code();
  Status s = Refused(HandOver(code, kJustice, "lanhdao01"), "2026-12-07 09:00");
  EXPECT_THAT(s, HasError(Error::kInvalidArgument));
  EXPECT_THAT(s.message(), HasSubstr("lanhdao01"));
  EXPECT_THAT(s.message(), HasSubstr("cán bộ của đơn vị: tuphap01, tuphap02"));
  // An officer nobody knows is refused the same way.
  Status unknown = Refused(HandOver(code, kJustice, "tuphap99"), "2026-12-07 09:00");
  EXPECT_THAT(unknown, HasError(Error::kInvalidArgument));
  EXPECT_THAT(unknown.message(), HasSubstr("cán bộ của đơn vị: tuphap01, tuphap02"));
  // The right one is accepted.
  EXPECT_EQ(Run(HandOver(code, kJustice, "tuphap02"), "2026-12-07 09:30").handed_over().to_user(),
            "tuphap02");
}

TEST_F(RecipientsTest, AUnitWithoutOfficersTakesAHandOverToNoOneInParticular) {
  const std::string code = Receive("2026-12-07 08:00").dossier_code();
  Status named = Refused(HandOver(code, "Công an xã Ngọc Sơn", "congan01"), "2026-12-07 09:00");
  EXPECT_THAT(named, HasError(Error::kInvalidArgument));
  EXPECT_THAT(named.message(), HasSubstr("đơn vị này chưa có cán bộ trong danh sách người dùng"));
  v1::Event handed = Run(HandOver(code, "Công an xã Ngọc Sơn"), "2026-12-07 09:30");
  EXPECT_EQ(handed.handed_over().to_unit(), "Công an xã Ngọc Sơn");
  EXPECT_EQ(handed.handed_over().to_user(), "");
  EXPECT_EQ(engine_.Name(engine_.Find(code)->holder_unit), "Công an xã Ngọc Sơn");
}

TEST_F(RecipientsTest, TheReceiptRecordsTheReceivingOfficersUnitAsTheHolder) {
  v1::Event received = Receive("2026-12-07 08:00", kThreeDays, "tiepnhan01");
  EXPECT_EQ(received.received().reception_unit(), kOneStop);
  EXPECT_EQ(received.received().unit(), kUnit);
  const DossierState& state = *engine_.Find(received.dossier_code());
  EXPECT_EQ(engine_.Name(state.holder_unit), kOneStop);
  EXPECT_EQ(engine_.Name(state.holder_user), "tiepnhan01");
  // The first hand-over is from the one-stop.
  v1::Event handed =
      Run(HandOver(received.dossier_code(), kJustice, "tuphap01"), "2026-12-07 09:30");
  EXPECT_EQ(handed.handed_over().from_unit(), kOneStop);
  // An officer the list does not know leaves it empty: the unit holds it.
  v1::Event other = Receive("2026-12-07 08:10", kThreeDays, "khach01");
  EXPECT_EQ(other.received().reception_unit(), "");
  EXPECT_EQ(engine_.Name(engine_.Find(other.dossier_code())->holder_unit), kUnit);
}

}  // namespace
}  // namespace motcua::dossier

namespace motcua::dossier {
namespace {

// A withdrawal while waiting for the citizen: the wait in progress is not
// the step's time either. Step 2 ran Mon 09:30-10:30 (1 h); the wait from
// 10:30 to the withdrawal at 13:30 took 10:30-11:30 of working time.
TEST_F(ProcessStepsTest, AStepEndedDuringAWaitLeavesTheWaitOut) {
  v1::Event received = Receive("2026-12-07 08:00");
  const std::string code = received.dossier_code();
  Run(HandOver(code, kJustice, "tuphap01"), "2026-12-07 09:30");
  v1::Command request;
  request.mutable_request_supplement()->set_dossier_code(code);
  request.mutable_request_supplement()->set_reason("Thiếu bản sao CCCD");
  Run(request, "2026-12-07 10:30");
  v1::Command withdraw;
  withdraw.mutable_withdraw()->set_dossier_code(code);
  withdraw.mutable_withdraw()->set_reason("Công dân xin rút");
  v1::Event withdrawn = Run(withdraw, "2026-12-07 13:30");
  EXPECT_EQ(withdrawn.step().ended(), 2u);
  EXPECT_EQ(withdrawn.step().ended_unit(), kJustice);
  EXPECT_EQ(withdrawn.step().ended_working_seconds(), 3600);
}

}  // namespace
}  // namespace motcua::dossier
