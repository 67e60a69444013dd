// The new appointment an apology may promise (engine/dossier/apology_rules.h),
// through a real engine: after now, after the current appointment, a working
// moment, at most one more statutory term; each refusal names its rule and
// changes nothing. And a pause for the citizen after the apology moves the
// promised appointment by the same working time.
//
// 1.004873 takes 3 working days (24 working hours). Office hours 07:00–11:30
// and 13:30–17:00; 2026-12-07 is a Monday; December 2026 has no holiday.
#include "engine/dossier/apology_rules.h"

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

class ApologyRulesTest : public ::testing::Test {
 protected:
  ApologyRulesTest()
      : engine_(engine::EngineOptions{"000.00.07.H06", false},
                ::motcua::testing::CatalogWithoutProcesses(), ::motcua::testing::ShippedCalendar(),
                secrets_) {
    // Received Monday 08:00: due Thursday 2026-12-10 08:00 (7 + 8 + 8 + 1 h).
    v1::Command c = Command();
    c.mutable_receive()->set_procedure_code("1.004873");
    c.mutable_receive()->mutable_applicant()->set_name("Trần Thị Mai");
    c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
    code_ = Execute(c, "2026-12-07 08:00")->dossier_code;
  }

  static v1::Command Command() {
    v1::Command c;
    c.set_actor("canbo01");
    return c;
  }

  Result<engine::CommandOutcome> Execute(const v1::Command& c, const char* when) {
    engine::CommitBatch batch;
    auto out = engine_.Execute(c, Vn(when), batch);
    if (out.ok()) engine_.Committed(batch);
    return out;
  }

  Result<engine::CommandOutcome> Apologize(const char* when, const char* new_appointment) {
    v1::Command c = Command();
    c.mutable_apologize()->set_dossier_code(code_);
    c.mutable_apologize()->set_reason("Chờ xác minh");
    SetInstant(Vn(new_appointment), c.mutable_apologize()->mutable_new_appointment_at());
    return Execute(c, when);
  }

  const DossierState& State() const { return *engine_.Find(code_); }

  ::motcua::testing::CountingSecrets secrets_;
  engine::Engine engine_;
  std::string code_;
};

TEST_F(ApologyRulesTest, EachRefusalNamesTheRuleItBreaksAndChangesNothing) {
  struct Case {
    const char* new_appointment;
    const char* message;
  };
  for (const Case& c : {
           Case{"2026-12-09 09:00", "thời hạn hẹn mới phải sau thời điểm hiện tại 2026-12-09 10:00"},
           Case{"2026-12-10 07:30", "thời hạn hẹn mới phải sau thời hạn hẹn hiện tại 2026-12-10 08:00"},
           Case{"2026-12-10 12:00", "thời hạn hẹn mới 2026-12-10 12:00 không phải giờ làm việc"},
           Case{"2026-12-12 09:00", "thời hạn hẹn mới 2026-12-12 09:00 không phải giờ làm việc"},
           // One more term from Thursday 08:00: 7 + 8 + 8 + 1 h, Tuesday 08:00.
           Case{"2026-12-15 08:01", "không sau 2026-12-15 08:00"},
       }) {
    const DossierState before = State();
    auto out = Apologize("2026-12-09 10:00", c.new_appointment);
    EXPECT_THAT(out, HasError(Error::kInvalidArgument)) << c.new_appointment;
    EXPECT_THAT(out.status().message(), HasSubstr(c.message));
    EXPECT_EQ(State(), before) << c.new_appointment;
  }
}

TEST_F(ApologyRulesTest, TheLastMomentOfTheTermAndTheCloseOfADayAreAccepted) {
  EXPECT_THAT(Apologize("2026-12-09 10:00", "2026-12-15 08:00"), IsOk());
  EXPECT_EQ(State().extended_appointment_at, ToUnixSeconds(Vn("2026-12-15 08:00")));
}

TEST_F(ApologyRulesTest, TheCloseOfASessionIsAWorkingMoment) {
  EXPECT_THAT(Apologize("2026-12-09 10:00", "2026-12-11 17:00"), IsOk());
}

TEST_F(ApologyRulesTest, APauseAfterTheApologyMovesThePromisedAppointmentToo) {
  ASSERT_THAT(Apologize("2026-12-09 10:00", "2026-12-11 10:00"), IsOk());
  v1::Command ask = Command();
  ask.mutable_request_supplement()->set_dossier_code(code_);
  ask.mutable_request_supplement()->set_reason("Thiếu giấy tờ");
  ASSERT_THAT(Execute(ask, "2026-12-09 14:00"), IsOk());
  v1::Command give = Command();
  give.mutable_supplement()->set_dossier_code(code_);
  // Paused 14:00–17:00 Wednesday and 07:00–09:00 Thursday: 5 working hours.
  ASSERT_THAT(Execute(give, "2026-12-10 09:00"), IsOk());
  // Thursday 08:00 + 5 h: 3.5 h to 11:30, then 13:30 + 1.5 h = 15:00.
  // Friday 10:00 + 5 h: 1.5 h to 11:30, then 13:30 + 3.5 h = 17:00.
  EXPECT_EQ(State().appointment_at, ToUnixSeconds(Vn("2026-12-10 15:00")));
  EXPECT_EQ(State().extended_appointment_at, ToUnixSeconds(Vn("2026-12-11 17:00")));
}

}  // namespace
}  // namespace motcua::dossier
