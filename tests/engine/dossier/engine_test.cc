#include "engine/engine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "engine/base/proto_time.h"
#include "engine/dossier/dossier_code.h"
#include "tests/support/fixtures.h"

namespace motcua::engine {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using C = v1::Command::KindCase;

constexpr const char* kUnit = "000.00.07.H06";
// Xác nhận tình trạng hôn nhân: 3 working days, no fee in the catalog.
constexpr const char* kThreeDays = "1.004873";
// Chứng thực văn bản từ chối nhận di sản: 2 working days, 50,000 đ.
constexpr const char* kTwoDaysWithFee = "2.001016";
// Đăng ký khai sinh: same day, cutoff 15:00.
constexpr const char* kSameDay = "1.001193";

v1::Applicant Applicant() {
  v1::Applicant a;
  a.set_name("Nguyễn Văn A");
  a.set_id_number("001090000001");
  a.set_phone("0912345678");
  return a;
}

class EngineTest : public ::testing::Test {
 protected:
  EngineTest()
      : engine_(EngineOptions{kUnit, false}, ::motcua::testing::ShippedCatalog(),
                ::motcua::testing::ShippedCalendar(), secrets_) {}

  Result<CommandOutcome> Run(v1::Command c, Instant now) {
    if (c.actor().empty()) c.set_actor("tiepnhan01");
    auto out = engine_.Execute(c, now, batch_);
    if (out.ok()) engine_.Committed(batch_);
    return out;
  }

  std::string Receive(Instant now, const char* procedure = kThreeDays,
                      v1::Channel channel = v1::CHANNEL_COUNTER) {
    v1::Command c;
    auto* r = c.mutable_receive();
    r->set_procedure_code(procedure);
    *r->mutable_applicant() = Applicant();
    r->set_channel(channel);
    auto* doc = r->add_documents();
    doc->set_name("Tờ khai");
    doc->set_copies(1);
    auto out = Run(c, now);
    EXPECT_THAT(out, IsOk());
    return out.ok() ? out->dossier_code : "";
  }

  const dossier::DossierState& State(const std::string& code) {
    const dossier::DossierState* s = engine_.Find(code);
    EXPECT_NE(s, nullptr) << code;
    static const dossier::DossierState kNone;
    return s ? *s : kNone;
  }

  ::motcua::testing::CountingSecrets secrets_;
  Engine engine_;
  CommitBatch batch_;
};

// A valid command of each kind for dossier `code`; valid in content, so a
// refusal can only come from the state.
v1::Command Sample(C kind, const std::string& code) {
  v1::Command c;
  c.set_actor("canbo01");
  switch (kind) {
    case C::kReceive: {
      auto* r = c.mutable_receive();
      r->set_dossier_code(code);
      r->set_channel(v1::CHANNEL_ONLINE);
      break;
    }
    case C::kRefuse:
      c.mutable_refuse()->set_dossier_code(code);
      c.mutable_refuse()->set_reason("Hồ sơ không thuộc thẩm quyền");
      break;
    case C::kHandOver:
      c.mutable_hand_over()->set_dossier_code(code);
      c.mutable_hand_over()->set_to_unit("Tư pháp - Hộ tịch");
      c.mutable_hand_over()->set_to_user("tuphap01");
      c.mutable_hand_over()->set_electronic(true);
      break;
    case C::kRequestSupplement:
      c.mutable_request_supplement()->set_dossier_code(code);
      c.mutable_request_supplement()->set_reason("Thiếu bản sao CCCD");
      break;
    case C::kSupplement:
      c.mutable_supplement()->set_dossier_code(code);
      c.mutable_supplement()->add_documents()->set_name("Bản sao CCCD");
      break;
    case C::kRequestFee:
      c.mutable_request_fee()->set_dossier_code(code);
      c.mutable_request_fee()->set_amount_vnd(50000);
      break;
    case C::kRecordPayment:
      c.mutable_record_payment()->set_dossier_code(code);
      c.mutable_record_payment()->set_amount_vnd(50000);
      c.mutable_record_payment()->set_method(v1::PAYMENT_METHOD_NATIONAL_PORTAL);
      break;
    case C::kStop:
      c.mutable_stop()->set_dossier_code(code);
      c.mutable_stop()->set_reason("Không đủ điều kiện");
      break;
    case C::kWithdraw:
      c.mutable_withdraw()->set_dossier_code(code);
      c.mutable_withdraw()->set_reason("Công dân xin rút");
      break;
    case C::kMarkResultReady:
      c.mutable_mark_result_ready()->set_dossier_code(code);
      c.mutable_mark_result_ready()->set_result_kind(v1::RESULT_KIND_ELECTRONIC);
      break;
    case C::kReturnResult:
      c.mutable_return_result()->set_dossier_code(code);
      c.mutable_return_result()->set_method(v1::RETURN_METHOD_COUNTER);
      break;
    case C::kApologize:
      c.mutable_apologize()->set_dossier_code(code);
      c.mutable_apologize()->set_reason("Cần xác minh thêm");
      // Within one more term of the table's appointment (Fri 2024-03-15 09:00).
      SetInstant(Vn("2024-03-19 16:00"), c.mutable_apologize()->mutable_new_appointment_at());
      break;
    case C::kRate:
      c.mutable_rate()->set_dossier_code(code);
      c.mutable_rate()->set_satisfaction(v1::SATISFACTION_SATISFIED);
      break;
    default:
      break;
  }
  return c;
}

// How to bring a new dossier to each status.
std::vector<C> PathTo(v1::Status status) {
  switch (status) {
    case v1::STATUS_REGISTERED_ONLINE: return {};
    case v1::STATUS_RECEIVED: return {};
    case v1::STATUS_REFUSED: return {};
    case v1::STATUS_PROCESSING: return {C::kHandOver};
    case v1::STATUS_SUPPLEMENT_REQUESTED: return {C::kRequestSupplement};
    case v1::STATUS_FEE_REQUESTED: return {C::kRequestFee};
    case v1::STATUS_WITHDRAWN: return {C::kWithdraw};
    case v1::STATUS_STOPPED: return {C::kStop};
    case v1::STATUS_RESULT_READY: return {C::kMarkResultReady};
    case v1::STATUS_RETURNED: return {C::kMarkResultReady, C::kReturnResult};
    default: return {};
  }
}

TEST_F(EngineTest, EveryCommandInEveryStatusIsAcceptedOrRefusedByTheTable) {
  // The lifecycle (docs/domain.md "The lifecycle") as a table: the statuses in
  // which each command is legal.
  const std::map<C, std::set<int>> legal = {
      {C::kReceive, {1}},
      {C::kRefuse, {1}},
      {C::kHandOver, {2, 4, 9}},
      {C::kRequestSupplement, {2, 4}},
      {C::kSupplement, {5}},
      {C::kRequestFee, {2, 4}},
      {C::kRecordPayment, {1, 2, 4, 6}},
      {C::kStop, {2, 4, 5, 6}},
      {C::kWithdraw, {1, 2, 4, 5, 6}},
      {C::kMarkResultReady, {2, 4}},
      {C::kReturnResult, {9}},
      {C::kApologize, {2, 4, 5, 6}},
      {C::kRate, {3, 7, 8, 10}},
  };
  for (int status = 1; status <= 10; ++status) {
    for (const auto& [kind, allowed] : legal) {
      SCOPED_TRACE("status " + std::to_string(status) + ", command " + std::to_string(kind));
      ::motcua::testing::CountingSecrets secrets;
      Engine engine(EngineOptions{kUnit, false}, ::motcua::testing::ShippedCatalog(),
                    ::motcua::testing::ShippedCalendar(), secrets);
      CommitBatch batch;
      Instant now = Vn("2024-03-12 09:00");
      v1::Command create;
      create.set_actor("tiepnhan01");
      if (status == 1) {
        auto* r = create.mutable_register_online();
        r->set_procedure_code(kThreeDays);
        *r->mutable_applicant() = Applicant();
      } else if (status == 3) {
        auto* r = create.mutable_refuse();
        r->set_procedure_code(kThreeDays);
        *r->mutable_applicant() = Applicant();
        r->set_channel(v1::CHANNEL_COUNTER);
        r->set_reason("Không thuộc thẩm quyền");
      } else {
        auto* r = create.mutable_receive();
        r->set_procedure_code(kThreeDays);
        *r->mutable_applicant() = Applicant();
        r->set_channel(v1::CHANNEL_COUNTER);
      }
      auto created = engine.Execute(create, now, batch);
      ASSERT_THAT(created, IsOk());
      std::string code = created->dossier_code;
      for (C step : PathTo(static_cast<v1::Status>(status))) {
        now += std::chrono::minutes(10);
        ASSERT_THAT(engine.Execute(Sample(step, code), now, batch), IsOk());
      }
      engine.Committed(batch);
      ASSERT_EQ(engine.Find(code)->status, status);

      const dossier::DossierState before = *engine.Find(code);
      const std::size_t events_before = batch.events.size();
      auto out = engine.Execute(Sample(kind, code), now + std::chrono::minutes(10), batch);
      if (allowed.count(status)) {
        EXPECT_THAT(out, IsOk());
      } else {
        EXPECT_THAT(out, HasError(Error::kIllegalTransition));
        EXPECT_EQ(*engine.Find(code), before) << "a refused command changed the state";
        EXPECT_EQ(batch.events.size(), events_before) << "a refused command queued events";
        // The message names the dossier, its state and the attempted action.
        EXPECT_THAT(out.status().message(), ::testing::HasSubstr(code));
        EXPECT_THAT(out.status().message(), ::testing::HasSubstr("(" + std::to_string(status) + ")"));
      }
    }
  }
}

TEST_F(EngineTest, ReceptionGivesCodeAppointmentAndSecret) {
  // Tuesday 2024-03-12 09:00 + 3 working days (24 working hours) = Friday 09:00.
  std::string code = Receive(Vn("2024-03-12 09:00"));
  EXPECT_EQ(code, std::string(kUnit) + "-240312-0001");
  const auto& s = State(code);
  EXPECT_EQ(s.status, v1::STATUS_RECEIVED);
  EXPECT_EQ(FromUnixSeconds(s.appointment_at), Vn("2024-03-15 09:00"));
  EXPECT_EQ(s.original_appointment_at, s.appointment_at);
  ASSERT_EQ(batch_.events.size(), 1u);
  EXPECT_EQ(batch_.events[0].event.received().lookup_secret(), "S0000001");
  EXPECT_EQ(batch_.events[0].event.actor(), "tiepnhan01");
}

TEST_F(EngineTest, CodesRestartEachDayAndCountWithinIt) {
  EXPECT_EQ(Receive(Vn("2024-03-12 08:00")), std::string(kUnit) + "-240312-0001");
  EXPECT_EQ(Receive(Vn("2024-03-12 16:59")), std::string(kUnit) + "-240312-0002");
  // 23:30 Vietnam time is still 12/3 locally although it is 16:30 UTC.
  EXPECT_EQ(Receive(Vn("2024-03-12 23:30")), std::string(kUnit) + "-240312-0003");
  EXPECT_EQ(Receive(Vn("2024-03-13 00:10")), std::string(kUnit) + "-240313-0001");
}

TEST_F(EngineTest, ReceiptOutsideOfficeHoursCountsFromTheNextOpening) {
  // Friday 17:30 -> clock starts Monday 07:00; 3 working days -> Wednesday 17:00.
  std::string code = Receive(Vn("2024-03-15 17:30"));
  const auto& s = State(code);
  EXPECT_EQ(FromUnixSeconds(s.clock_start), Vn("2024-03-18 07:00"));
  EXPECT_EQ(FromUnixSeconds(s.appointment_at), Vn("2024-03-20 17:00"));
}

TEST_F(EngineTest, SameDayProcedureHonoursTheCutoff) {
  EXPECT_EQ(FromUnixSeconds(State(Receive(Vn("2024-03-12 14:59"), kSameDay)).appointment_at),
            Vn("2024-03-12 17:00"));
  EXPECT_EQ(FromUnixSeconds(State(Receive(Vn("2024-03-12 15:01"), kSameDay)).appointment_at),
            Vn("2024-03-13 17:00"));
}

TEST_F(EngineTest, SupplementationPauseMovesTheAppointmentByTheCitizensWorkingTime) {
  // Received Tue 12/3 09:00, due Fri 15/3 09:00. Paused Wed 13/3 10:00 until
  // Mon 18/3 10:00: the citizen took Wed 10:00-11:30 and 13:30-17:00 (5h),
  // Thu (8h), Fri (8h) and Mon 07:00-10:00 (3h) = 24 working hours; the lunch
  // break and the weekend do not count.
  std::string code = Receive(Vn("2024-03-12 09:00"));
  ASSERT_THAT(Run(Sample(C::kRequestSupplement, code), Vn("2024-03-13 10:00")), IsOk());
  EXPECT_EQ(State(code).status, v1::STATUS_SUPPLEMENT_REQUESTED);
  ASSERT_THAT(Run(Sample(C::kSupplement, code), Vn("2024-03-18 10:00")), IsOk());
  const auto& s = State(code);
  EXPECT_EQ(s.status, v1::STATUS_RECEIVED);
  // Fri 15/3 09:00 + 24 working hours: Fri 09:00-11:30, 13:30-17:00 (6h),
  // Mon 18 (8h), Tue 19 (8h), Wed 20 07:00-09:00 (2h) -> Wed 20/3 09:00.
  EXPECT_EQ(FromUnixSeconds(s.appointment_at), Vn("2024-03-20 09:00"));
  EXPECT_EQ(FromUnixSeconds(s.original_appointment_at), Vn("2024-03-15 09:00"));
  EXPECT_EQ(s.supplement_requests, 1);
  const v1::Event& e = batch_.events.back().event;
  EXPECT_EQ(ToInstant(e.supplemented().appointment_before()), Vn("2024-03-15 09:00"));
  EXPECT_EQ(ToInstant(e.supplemented().appointment_after()), Vn("2024-03-20 09:00"));
}

TEST_F(EngineTest, SecondSupplementationRequestIsAllowedAndCounted) {
  std::string code = Receive(Vn("2024-03-12 09:00"));
  ASSERT_THAT(Run(Sample(C::kRequestSupplement, code), Vn("2024-03-12 10:00")), IsOk());
  ASSERT_THAT(Run(Sample(C::kSupplement, code), Vn("2024-03-12 11:00")), IsOk());
  ASSERT_THAT(Run(Sample(C::kRequestSupplement, code), Vn("2024-03-12 14:00")), IsOk());
  EXPECT_EQ(State(code).supplement_requests, 2);
}

TEST_F(EngineTest, PauseThatStartsAfterTheAppointmentDoesNotRescueALateDossier) {
  std::string code = Receive(Vn("2024-03-12 09:00"));  // due Fri 15/3 09:00
  ASSERT_THAT(Run(Sample(C::kRequestSupplement, code), Vn("2024-03-18 09:00")), IsOk());
  ASSERT_THAT(Run(Sample(C::kSupplement, code), Vn("2024-03-20 09:00")), IsOk());
  EXPECT_EQ(FromUnixSeconds(State(code).appointment_at), Vn("2024-03-15 09:00"));
}

TEST_F(EngineTest, ApologyOnceOnlyAndOnlyForALaterTime) {
  std::string code = Receive(Vn("2024-03-12 09:00"));  // due Fri 15/3 09:00
  v1::Command early = Sample(C::kApologize, code);
  SetInstant(Vn("2024-03-15 08:00"), early.mutable_apologize()->mutable_new_appointment_at());
  EXPECT_THAT(Run(early, Vn("2024-03-14 09:00")), HasError(Error::kInvalidArgument));
  EXPECT_FALSE(State(code).apologized);

  v1::Command later = Sample(C::kApologize, code);
  SetInstant(Vn("2024-03-19 16:00"), later.mutable_apologize()->mutable_new_appointment_at());
  ASSERT_THAT(Run(later, Vn("2024-03-14 09:00")), IsOk());
  EXPECT_TRUE(State(code).apologized);
  EXPECT_EQ(FromUnixSeconds(State(code).extended_appointment_at), Vn("2024-03-19 16:00"));
  // Statistics keep the original appointment.
  EXPECT_EQ(FromUnixSeconds(State(code).appointment_at), Vn("2024-03-15 09:00"));

  SetInstant(Vn("2024-03-20 16:00"), later.mutable_apologize()->mutable_new_appointment_at());
  EXPECT_THAT(Run(later, Vn("2024-03-14 10:00")), HasError(Error::kAlreadyExists));
}

TEST_F(EngineTest, FinishedDossierCannotBeApologisedFor) {
  std::string code = Receive(Vn("2024-03-12 09:00"));
  ASSERT_THAT(Run(Sample(C::kMarkResultReady, code), Vn("2024-03-13 09:00")), IsOk());
  EXPECT_THAT(Run(Sample(C::kApologize, code), Vn("2024-03-13 10:00")),
              HasError(Error::kIllegalTransition));
}

TEST_F(EngineTest, FeeWaitRunsTheClockByDefault) {
  std::string code = Receive(Vn("2024-03-12 09:00"), kTwoDaysWithFee);
  std::int64_t due = State(code).appointment_at;
  ASSERT_THAT(Run(Sample(C::kRequestFee, code), Vn("2024-03-12 10:00")), IsOk());
  EXPECT_EQ(State(code).status, v1::STATUS_FEE_REQUESTED);
  EXPECT_FALSE(State(code).paused());
  ASSERT_THAT(Run(Sample(C::kRecordPayment, code), Vn("2024-03-13 10:00")), IsOk());
  EXPECT_EQ(State(code).status, v1::STATUS_RECEIVED);
  EXPECT_EQ(State(code).appointment_at, due);
  EXPECT_EQ(State(code).payment_method, v1::PAYMENT_METHOD_NATIONAL_PORTAL);
  EXPECT_THAT(Run(Sample(C::kRecordPayment, code), Vn("2024-03-13 11:00")),
              HasError(Error::kAlreadyExists));
}

TEST_F(EngineTest, FeeWaitPausesTheClockWhenConfigured) {
  ::motcua::testing::CountingSecrets secrets;
  Engine engine(EngineOptions{kUnit, /*fee_wait_pauses_clock=*/true},
                ::motcua::testing::ShippedCatalog(), ::motcua::testing::ShippedCalendar(), secrets);
  CommitBatch batch;
  v1::Command c;
  c.set_actor("tiepnhan01");
  c.mutable_receive()->set_procedure_code(kTwoDaysWithFee);
  *c.mutable_receive()->mutable_applicant() = Applicant();
  c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
  auto out = engine.Execute(c, Vn("2024-03-12 09:00"), batch);  // due Thu 14/3 09:00
  ASSERT_THAT(out, IsOk());
  ASSERT_THAT(engine.Execute(Sample(C::kRequestFee, out->dossier_code), Vn("2024-03-12 10:00"), batch),
              IsOk());
  EXPECT_TRUE(engine.Find(out->dossier_code)->paused());
  // Paid the next day at 10:00: 8 working hours taken -> due moves to Fri 15/3 09:00.
  ASSERT_THAT(engine.Execute(Sample(C::kRecordPayment, out->dossier_code), Vn("2024-03-13 10:00"),
                             batch),
              IsOk());
  EXPECT_EQ(FromUnixSeconds(engine.Find(out->dossier_code)->appointment_at), Vn("2024-03-15 09:00"));
}

TEST_F(EngineTest, OnlineRegistrationIsAcceptedWithItsProcedureAndApplicant) {
  v1::Command reg;
  reg.set_actor("cong-dvc");
  reg.mutable_register_online()->set_procedure_code(kThreeDays);
  *reg.mutable_register_online()->mutable_applicant() = Applicant();
  auto out = Run(reg, Vn("2024-03-11 20:00"));
  ASSERT_THAT(out, IsOk());
  EXPECT_EQ(State(out->dossier_code).status, v1::STATUS_REGISTERED_ONLINE);
  ASSERT_THAT(Run(Sample(C::kReceive, out->dossier_code), Vn("2024-03-12 09:00")), IsOk());
  const auto& s = State(out->dossier_code);
  EXPECT_EQ(s.status, v1::STATUS_RECEIVED);
  EXPECT_EQ(s.channel, v1::CHANNEL_ONLINE);
  EXPECT_EQ(FromUnixSeconds(s.appointment_at), Vn("2024-03-15 09:00"));
}

TEST_F(EngineTest, BadInputIsRefusedWithoutChangingAnything) {
  v1::Command c;
  c.set_actor("tiepnhan01");
  c.mutable_receive()->set_procedure_code("9.999999");
  *c.mutable_receive()->mutable_applicant() = Applicant();
  c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
  EXPECT_THAT(Run(c, Vn("2024-03-12 09:00")), HasError(Error::kNotFound));
  c.mutable_receive()->set_procedure_code(kThreeDays);
  c.mutable_receive()->mutable_applicant()->clear_name();
  EXPECT_THAT(Run(c, Vn("2024-03-12 09:00")), HasError(Error::kInvalidArgument));
  EXPECT_EQ(engine_.size(), 0u);
  EXPECT_TRUE(batch_.events.empty());
  // The refused receptions used no number: the next one is still 0001.
  EXPECT_EQ(Receive(Vn("2024-03-12 09:00")), std::string(kUnit) + "-240312-0001");
  EXPECT_THAT(Run(Sample(C::kStop, "000.00.07.H06-240312-0099"), Vn("2024-03-12 09:00")),
              HasError(Error::kNotFound));
}

TEST_F(EngineTest, AMissingRequiredFieldIsRefused422NamingTheField) {
  const std::string code = Receive(Vn("2024-03-12 09:00"));
  const std::size_t events_before = batch_.events.size();
  const Instant now = Vn("2024-03-12 10:00");
  auto expect_missing = [&](v1::Command c, const std::string& field) {
    SCOPED_TRACE("command " + std::to_string(c.kind_case()) + ", field " + field);
    auto out = Run(c, now);
    EXPECT_THAT(out, HasError(Error::kInvalidArgument));
    EXPECT_THAT(out.status().message(), ::testing::HasSubstr("thiếu trường " + field + " ("));
  };

  // An empty reception names every field it lacks, not "no such procedure".
  v1::Command empty;
  empty.mutable_receive();
  auto out = Run(empty, now);
  EXPECT_THAT(out, HasError(Error::kInvalidArgument));
  EXPECT_EQ(out.status().message(),
            "thiếu trường procedure_code (mã thủ tục), applicant.name (họ tên người nộp hồ sơ), "
            "channel (kênh tiếp nhận)");

  // A new reception at the counter: one field missing at a time.
  v1::Command receive;
  auto* r = receive.mutable_receive();
  r->set_procedure_code(kThreeDays);
  *r->mutable_applicant() = Applicant();
  r->set_channel(v1::CHANNEL_COUNTER);
  r->add_documents()->set_name("Tờ khai");
  r->add_documents()->set_copies(1);
  expect_missing(receive, "documents[1].name");
  // Spaces only are no name: a receipt would print a blank.
  {
    v1::Command blank = receive;
    blank.mutable_receive()->mutable_documents(1)->set_name("Tờ khai");
    blank.mutable_receive()->mutable_applicant()->set_name("  \t ");
    expect_missing(blank, "applicant.name");
  }
  r->mutable_documents()->RemoveLast();
  v1::Command c = receive;
  c.mutable_receive()->clear_procedure_code();
  expect_missing(c, "procedure_code");
  c = receive;
  c.mutable_receive()->mutable_applicant()->clear_name();
  expect_missing(c, "applicant.name");
  c = receive;
  c.mutable_receive()->clear_channel();
  expect_missing(c, "channel");

  // Accepting an online registration needs only its code and the channel.
  c = Sample(C::kReceive, code);
  c.mutable_receive()->clear_channel();
  expect_missing(c, "channel");

  // An online registration.
  c.Clear();
  c.mutable_register_online()->set_procedure_code(kThreeDays);
  expect_missing(c, "applicant.name");
  c.mutable_register_online()->clear_procedure_code();
  *c.mutable_register_online()->mutable_applicant() = Applicant();
  expect_missing(c, "procedure_code");

  // A refusal at the counter names procedure, applicant and channel; one of
  // a registration only its reason.
  c.Clear();
  c.mutable_refuse()->set_reason("Không thuộc thẩm quyền");
  c.mutable_refuse()->set_procedure_code(kThreeDays);
  c.mutable_refuse()->set_channel(v1::CHANNEL_COUNTER);
  expect_missing(c, "applicant.name");
  c = Sample(C::kRefuse, code);
  c.mutable_refuse()->clear_reason();
  expect_missing(c, "reason");

  // Every command on a dossier: its code, then each field it needs.
  for (C kind : {C::kReceive, C::kRefuse, C::kHandOver, C::kRequestSupplement, C::kSupplement,
                 C::kRequestFee, C::kRecordPayment, C::kStop, C::kWithdraw, C::kMarkResultReady,
                 C::kReturnResult, C::kApologize, C::kRate}) {
    v1::Command no_code = Sample(kind, "");
    if (kind == C::kReceive || kind == C::kRefuse) continue;  // they may create one
    expect_missing(no_code, "dossier_code");
  }
  c = Sample(C::kHandOver, code);
  c.mutable_hand_over()->clear_to_unit();
  expect_missing(c, "to_unit");
  c = Sample(C::kRequestSupplement, code);
  c.mutable_request_supplement()->clear_reason();
  expect_missing(c, "reason");
  c = Sample(C::kSupplement, code);
  c.mutable_supplement()->mutable_documents(0)->clear_name();
  expect_missing(c, "documents[0].name");
  c = Sample(C::kRequestFee, code);
  c.mutable_request_fee()->clear_amount_vnd();
  expect_missing(c, "amount_vnd");
  c = Sample(C::kRecordPayment, code);
  c.mutable_record_payment()->clear_method();
  expect_missing(c, "method");
  c = Sample(C::kStop, code);
  c.mutable_stop()->clear_reason();
  expect_missing(c, "reason");
  c = Sample(C::kMarkResultReady, code);
  c.mutable_mark_result_ready()->clear_result_kind();
  expect_missing(c, "result_kind");
  c = Sample(C::kReturnResult, code);
  c.mutable_return_result()->clear_method();
  expect_missing(c, "method");
  c = Sample(C::kApologize, code);
  c.mutable_apologize()->clear_reason();
  expect_missing(c, "reason");
  c = Sample(C::kApologize, code);
  c.mutable_apologize()->clear_new_appointment_at();
  expect_missing(c, "new_appointment_at");
  c = Sample(C::kRate, code);
  c.mutable_rate()->clear_satisfaction();
  expect_missing(c, "satisfaction");

  // Nothing was written, no number was used, and the dossier did not move.
  EXPECT_EQ(engine_.size(), 1u);
  EXPECT_EQ(batch_.events.size(), events_before);
  EXPECT_EQ(State(code).status, v1::STATUS_RECEIVED);
  EXPECT_EQ(Receive(now), std::string(kUnit) + "-240312-0002");
  // Optional fields may be left out: a withdrawal needs no reason.
  c = Sample(C::kWithdraw, code);
  c.mutable_withdraw()->clear_reason();
  EXPECT_THAT(Run(c, now), IsOk());
}

TEST_F(EngineTest, ProcedureWithoutCodeOrDeadlineCannotBeReceived) {
  // 1.011537 is listed with no deadline in the shipped catalog.
  v1::Command c;
  c.set_actor("tiepnhan01");
  c.mutable_receive()->set_procedure_code("1.011537");
  *c.mutable_receive()->mutable_applicant() = Applicant();
  c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
  auto out = Run(c, Vn("2024-03-12 09:00"));
  EXPECT_THAT(out, HasError(Error::kInvalidArgument));
  EXPECT_THAT(out.status().message(), ::testing::HasSubstr("1.011537"));
}

TEST_F(EngineTest, RollbackUndoesABatchIncludingNewCodes) {
  std::string first = Receive(Vn("2024-03-12 09:00"));
  CommitBatch batch;
  v1::Command c = Sample(C::kHandOver, first);
  ASSERT_THAT(engine_.Execute(c, Vn("2024-03-12 10:00"), batch), IsOk());
  v1::Command r;
  r.set_actor("tiepnhan01");
  r.mutable_receive()->set_procedure_code(kThreeDays);
  *r.mutable_receive()->mutable_applicant() = Applicant();
  r.mutable_receive()->set_channel(v1::CHANNEL_POST);
  auto second = engine_.Execute(r, Vn("2024-03-12 10:05"), batch);
  ASSERT_THAT(second, IsOk());
  ASSERT_THAT(engine_.Execute(Sample(C::kHandOver, second->dossier_code), Vn("2024-03-12 10:06"),
                              batch),
              IsOk());
  engine_.Rollback(batch);
  EXPECT_EQ(State(first).status, v1::STATUS_RECEIVED);
  EXPECT_EQ(engine_.Find(second->dossier_code), nullptr);
  EXPECT_EQ(engine_.size(), 1u);
  // The rolled-back number is given out again: no gap, no repeat.
  EXPECT_EQ(Receive(Vn("2024-03-12 10:10")), std::string(kUnit) + "-240312-0002");
}

TEST_F(EngineTest, ImportValidatesHistoryWithTheSameRules) {
  v1::Event received;
  received.set_dossier_code(std::string(kUnit) + "-230105-0007");
  received.set_actor("nhap-lieu");
  SetInstant(Vn("2023-01-05 09:00"), received.mutable_at());
  auto* r = received.mutable_received();
  r->set_procedure_code(kThreeDays);
  *r->mutable_applicant() = Applicant();
  r->set_channel(v1::CHANNEL_COUNTER);
  ASSERT_THAT(engine_.Import(received, batch_), IsOk());
  // Derived: 3 working days from Thu 5/1/2023 09:00 -> Tue 10/1 09:00.
  EXPECT_EQ(FromUnixSeconds(State(received.dossier_code()).appointment_at), Vn("2023-01-10 09:00"));

  v1::Event returned;
  returned.set_dossier_code(received.dossier_code());
  returned.set_actor("nhap-lieu");
  SetInstant(Vn("2023-01-06 09:00"), returned.mutable_at());
  returned.mutable_result_returned()->set_method(v1::RETURN_METHOD_COUNTER);
  EXPECT_THAT(engine_.Import(returned, batch_), HasError(Error::kIllegalTransition));

  // An imported code in our format raises that day's counter.
  engine_.Committed(batch_);
  EXPECT_EQ(Receive(Vn("2023-01-05 10:00")), std::string(kUnit) + "-230105-0008");
}

TEST_F(EngineTest, ImportedAcceptanceOfAnOnlineRegistrationKeepsItsProcedure) {
  const std::string code = std::string(kUnit) + "-230105-0001";
  v1::Event registered;
  registered.set_dossier_code(code);
  registered.set_actor("cong-dvc");
  SetInstant(Vn("2023-01-04 21:00"), registered.mutable_at());
  registered.mutable_registered_online()->set_procedure_code(kThreeDays);
  *registered.mutable_registered_online()->mutable_applicant() = Applicant();
  ASSERT_THAT(engine_.Import(registered, batch_), IsOk());
  v1::Event accepted;
  accepted.set_dossier_code(code);
  accepted.set_actor("nhap-lieu");
  SetInstant(Vn("2023-01-05 08:00"), accepted.mutable_at());
  accepted.mutable_received()->set_channel(v1::CHANNEL_ONLINE);  // no procedure, no applicant
  ASSERT_THAT(engine_.Import(accepted, batch_), IsOk());
  EXPECT_EQ(batch_.events.back().event.received().procedure_code(), kThreeDays);
  EXPECT_EQ(State(code).status, v1::STATUS_RECEIVED);
}

}  // namespace
}  // namespace motcua::engine

namespace motcua::engine {
namespace {

// The law's limit for a supplementation request (rule_set.h): 24 working
// hours after the clock start. Received Thursday 13/3/2025 09:00: Thursday
// 6 h, Friday 8 h, Monday 8 h, Tuesday 07:00-09:00: the limit is Tuesday
// 18/3 09:00. A request at the limit is in time; a second after it, late.
TEST_F(EngineTest, ASupplementationRequestAfterTheLawsLimitIsAllowedAndFlaggedLate) {
  const std::string in_time = Receive(Vn("2025-03-13 09:00"));
  const std::string late = Receive(Vn("2025-03-13 09:00"));
  auto ask = [&](const std::string& code, Instant now) {
    ASSERT_THAT(Run(Sample(C::kRequestSupplement, code), now), IsOk());
  };
  v1::SupplementRequested asked;
  ask(in_time, Vn("2025-03-18 09:00"));
  asked = batch_.events.back().event.supplement_requested();
  EXPECT_EQ(FormatVietnamMinute(ToInstant(asked.request_limit_at())), "2025-03-18 09:00");
  EXPECT_FALSE(asked.late());
  EXPECT_FALSE(State(in_time).supplement_requested_late);
  ask(late, Vn("2025-03-18 09:00") + std::chrono::seconds(1));
  asked = batch_.events.back().event.supplement_requested();
  EXPECT_TRUE(asked.late());
  EXPECT_EQ(State(late).status_enum(), v1::STATUS_SUPPLEMENT_REQUESTED);
  EXPECT_TRUE(State(late).supplement_requested_late);
}

}  // namespace
}  // namespace motcua::engine
