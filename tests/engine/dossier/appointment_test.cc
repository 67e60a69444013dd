// The pause rule (engine/dossier/appointment.h): RecomputeAppointment on
// hand-built histories against times computed by hand on the shipped
// calendar (office hours 07:00–11:30 and 13:30–17:00, eight hours a day),
// and the property that the appointment the engine keeps live, one event at a
// time, is the one recomputed from the whole history.
#include "engine/dossier/appointment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "engine/base/proto_time.h"
#include "engine/dossier/rule_set.h"
#include "engine/engine.h"
#include "tests/support/fixtures.h"

namespace motcua::dossier {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::ShippedCalendar;
using ::motcua::testing::ShippedCatalog;
using ::motcua::testing::Vn;

// Chứng thực / xác nhận: 3 working days (24 working hours), in the shipped catalog.
constexpr const char* kThreeDays = "1.004873";

v1::Event At(Instant at) {
  v1::Event e;
  e.set_dossier_code("000.00.07.H06-250313-0001");
  e.set_actor("tiepnhan01");
  SetInstant(at, e.mutable_at());
  return e;
}

v1::Event Received(const char* vn, const char* procedure = kThreeDays) {
  v1::Event e = At(Vn(vn));
  e.mutable_received()->set_procedure_code(procedure);
  e.mutable_received()->set_channel(v1::CHANNEL_COUNTER);
  return e;
}

v1::Event SupplementRequested(const char* vn) {
  v1::Event e = At(Vn(vn));
  e.mutable_supplement_requested()->set_reason("Thiếu bản sao giấy khai sinh");
  return e;
}

v1::Event Supplemented(const char* vn) {
  v1::Event e = At(Vn(vn));
  e.mutable_supplemented()->add_documents()->set_name("Bản sao giấy khai sinh");
  return e;
}

v1::Event FeeRequested(const char* vn, bool pauses_clock) {
  v1::Event e = At(Vn(vn));
  e.mutable_fee_requested()->set_amount_vnd(50000);
  e.mutable_fee_requested()->set_pauses_clock(pauses_clock);
  return e;
}

v1::Event FeePaid(const char* vn) {
  v1::Event e = At(Vn(vn));
  e.mutable_fee_paid()->set_amount_vnd(50000);
  e.mutable_fee_paid()->set_method(v1::PAYMENT_METHOD_CASH);
  return e;
}

v1::Event HandedOver(const char* vn) {
  v1::Event e = At(Vn(vn));
  e.mutable_handed_over()->set_to_unit("Tư pháp - Hộ tịch");
  e.mutable_handed_over()->set_to_user("tuphap01");
  return e;
}

Result<calendar::Due> Recompute(const std::vector<v1::Event>& history) {
  return RecomputeAppointment(history, *ShippedCatalog(), *ShippedCalendar());
}

// Expects `history` to give the appointment `vn` (Vietnam time).
void ExpectDue(const std::vector<v1::Event>& history, const char* vn, bool provisional = false) {
  auto due = Recompute(history);
  ASSERT_THAT(due, IsOk());
  EXPECT_EQ(FormatVietnamMinute(due->at), vn);
  EXPECT_EQ(due->provisional, provisional);
}

TEST(ClockEffect, SupplementationAndPausingFeesStopTheClockTheirEndsRestartIt) {
  EXPECT_EQ(ClockEffectOf(SupplementRequested("2025-03-14 15:00")), ClockEffect::kPause);
  EXPECT_EQ(ClockEffectOf(Supplemented("2025-03-14 15:00")), ClockEffect::kResume);
  EXPECT_EQ(ClockEffectOf(FeeRequested("2025-03-14 15:00", true)), ClockEffect::kPause);
  EXPECT_EQ(ClockEffectOf(FeeRequested("2025-03-14 15:00", false)), ClockEffect::kNone);
  EXPECT_EQ(ClockEffectOf(FeePaid("2025-03-14 15:00")), ClockEffect::kResume);
  EXPECT_EQ(ClockEffectOf(HandedOver("2025-03-14 15:00")), ClockEffect::kNone);
  EXPECT_EQ(ClockEffectOf(Received("2025-03-14 15:00")), ClockEffect::kNone);
}

TEST(ClockEffect, AResumeWithNoPauseInProgressMovesNothing) {
  const DeadlineClock running{{Vn("2025-03-18 09:00"), false}, {}, {}};
  auto after = Advance(*ShippedCalendar(), *ShippedCatalog()->Find(kThreeDays),
                       Vn("2025-03-13 09:00"), running, FeePaid("2025-03-17 08:00"));
  ASSERT_THAT(after, IsOk());
  EXPECT_EQ(after->appointment.at, Vn("2025-03-18 09:00"));
  EXPECT_FALSE(after->paused_at.has_value());
}

// Thursday 09:00 + 24 working hours: Thursday 6 h, Friday 8 h, Monday 8 h,
// Tuesday 07:00–09:00.
TEST(RecomputeAppointment, WithoutPausesItIsTheReceiptsDueTime) {
  ExpectDue({Received("2025-03-13 09:00")}, "2025-03-18 09:00");
}

// Paused Friday 15:00 – Monday 08:00: Friday 15:00–17:00 and Monday
// 07:00–08:00 are working time, the weekend is not: 3 h. Tuesday 09:00 + 3 h
// = 11:30 (2.5 h), then 13:30 + 0.5 h.
TEST(RecomputeAppointment, APauseOverAWeekendMovesByItsWorkingHoursOnly) {
  ExpectDue({Received("2025-03-13 09:00"), SupplementRequested("2025-03-14 15:00"),
             Supplemented("2025-03-17 08:00")},
            "2025-03-18 14:00");
}

// Received Monday 28/4/2025 10:00: 28/4 5 h, 29/4 8 h, then 30/4, 1/5, 2/5
// (holidays) and the weekend 3–4/5 are off, 5/5 8 h, 6/5 07:00–10:00.
// Paused on the holiday 30/4 08:00 until Monday 5/5 09:00: only Monday
// 07:00–09:00 is working time (2 h): 6/5 10:00 + 2 h = 14:00.
TEST(RecomputeAppointment, APauseAcrossTheReunificationHolidayCountsNoneOfIt) {
  ASSERT_FALSE(ShippedCalendar()->IsWorkingDay(LocalDays(cal::year{2025} / 5 / 2)));
  ExpectDue({Received("2025-04-28 10:00")}, "2025-05-06 10:00");
  ExpectDue({Received("2025-04-28 10:00"), SupplementRequested("2025-04-30 08:00"),
             Supplemented("2025-05-05 09:00")},
            "2025-05-06 14:00");
}

// First pause as above (to Tuesday 14:00); the second, Tuesday 13:00–16:00,
// takes 13:30–16:00 (2.5 h; the lunch break is not working time): 16:30.
TEST(RecomputeAppointment, EveryPauseMovesTheAppointmentAgain) {
  ExpectDue({Received("2025-03-13 09:00"), SupplementRequested("2025-03-14 15:00"),
             Supplemented("2025-03-17 08:00"), HandedOver("2025-03-17 09:00"),
             SupplementRequested("2025-03-18 13:00"), Supplemented("2025-03-18 16:00")},
            "2025-03-18 16:30");
}

// Paused Monday 16:00, past the appointment (Tuesday 09:00), until Wednesday
// 10:00: 1 h + 8 h + 3 h = 12 h. Tuesday 09:00 + 6 h ends Tuesday; 6 h more
// on Wednesday: 07:00–11:30, then 13:30 + 1.5 h.
TEST(RecomputeAppointment, APauseAcrossTheAppointmentMovesItByTheWholePause) {
  ExpectDue({Received("2025-03-13 09:00"), SupplementRequested("2025-03-17 16:00"),
             Supplemented("2025-03-19 10:00")},
            "2025-03-19 15:00");
}

TEST(RecomputeAppointment, APauseBegunAfterTheAppointmentPassedDoesNotMoveIt) {
  ExpectDue({Received("2025-03-13 09:00"), SupplementRequested("2025-03-19 08:00"),
             Supplemented("2025-03-20 08:00")},
            "2025-03-18 09:00");
}

TEST(RecomputeAppointment, AFeeWaitMovesItOnlyWhenItPausedTheClock) {
  ExpectDue({Received("2025-03-13 09:00"), FeeRequested("2025-03-14 15:00", true),
             FeePaid("2025-03-17 08:00")},
            "2025-03-18 14:00");
  ExpectDue({Received("2025-03-13 09:00"), FeeRequested("2025-03-14 15:00", false),
             FeePaid("2025-03-17 08:00")},
            "2025-03-18 09:00");
}

TEST(RecomputeAppointment, APauseNotYetEndedHasNotMovedItYet) {
  ExpectDue({Received("2025-03-13 09:00"), SupplementRequested("2025-03-14 15:00")},
            "2025-03-18 09:00");
}

// Received Thursday 24/12/2026 09:00: due Tuesday 29/12 09:00, all in 2026
// (official). Paused Monday 28/12 09:00 – Thursday 31/12 09:00: 6 + 8 + 8 + 2
// = 24 h. Tuesday 09:00 + 24 h: 6 h, Wednesday 8 h, Thursday 8 h, then
// 1/1/2027 (Friday, Tết Dương lịch) and the weekend are off, Monday 4/1
// 07:00 + 2 h. 2027 has no announced schedule (its days come from the
// rules): the moved appointment is provisional.
TEST(RecomputeAppointment, APauseIntoAYearWithoutOfficialScheduleMakesItProvisional) {
  ASSERT_FALSE(ShippedCalendar()->IsProvisional(2026));
  ASSERT_TRUE(ShippedCalendar()->IsProvisional(2027));
  ASSERT_FALSE(ShippedCalendar()->IsWorkingDay(LocalDays(cal::year{2027} / 1 / 1)));
  ExpectDue({Received("2026-12-24 09:00")}, "2026-12-29 09:00", /*provisional=*/false);
  ExpectDue({Received("2026-12-24 09:00"), SupplementRequested("2026-12-28 09:00"),
             Supplemented("2026-12-31 09:00")},
            "2027-01-04 09:00", /*provisional=*/true);
}

// The citizen's clock (docs/domain.md "Supplementation"): the law counts
// the full duration again from the complete dossier.
std::string CitizenDue(const std::vector<v1::Event>& history) {
  auto clock = RecomputeClock(history, *ShippedCatalog(), *ShippedCalendar());
  if (!clock.ok()) return "error";
  return clock->citizen ? FormatVietnamMinute(*clock->citizen) : "same";
}

// Supplied Monday 17/3 08:00: 24 h on is Monday 7 h, Tuesday 8 h, Wednesday
// 8 h, Thursday 07:00-08:00. The statistics' appointment is the paused one
// (Tuesday 14:00, above).
TEST(CitizenClock, ASupplementRestartsTheFullDurationFromTheCompleteDossier) {
  const std::vector<v1::Event> history = {Received("2025-03-13 09:00"),
                                          SupplementRequested("2025-03-14 15:00"),
                                          Supplemented("2025-03-17 08:00")};
  ExpectDue(history, "2025-03-18 14:00");
  EXPECT_EQ(CitizenDue(history), "2025-03-20 08:00");
  EXPECT_EQ(CitizenDue({Received("2025-03-13 09:00")}), "same");
  EXPECT_EQ(CitizenDue({Received("2025-03-13 09:00"), SupplementRequested("2025-03-14 15:00")}),
            "same");
}

// Under Decree 118/2025 (received from 2025-07-01) motcua knows no other
// rule and keeps Decree 61's: Thursday 3/7 received, supplied Monday 7/7
// 08:00, due Thursday 10/7 08:00 for the citizen.
TEST(CitizenClock, TheLaterRuleSetKeepsTheRestart) {
  EXPECT_TRUE(SupplementationRuleOf(RuleSet::kDecree118Of2025).restarts_duration);
  EXPECT_EQ(SupplementationRuleOf(RuleSet::kDecree118Of2025).request_limit, std::chrono::hours(24));
  EXPECT_EQ(SupplementationRuleOf(RuleSet::kDecree61Of2018).request_limit, std::chrono::hours(24));
  EXPECT_EQ(CitizenDue({Received("2025-07-03 09:00"), SupplementRequested("2025-07-04 15:00"),
                        Supplemented("2025-07-07 08:00")}),
            "2025-07-10 08:00");
}

// A second supplementation restarts it again; a fee wait that pauses the
// clock moves it as it moves the statistics' one (Tuesday 09:00-11:00, 2 h:
// Thursday 08:00 -> 10:00; the statistics' Tuesday 14:00 -> 16:00).
TEST(CitizenClock, LaterWaitsMoveItAndASecondSupplementRestartsItAgain) {
  std::vector<v1::Event> history = {Received("2025-03-13 09:00"),
                                    SupplementRequested("2025-03-14 15:00"),
                                    Supplemented("2025-03-17 08:00"),
                                    FeeRequested("2025-03-18 09:00", true),
                                    FeePaid("2025-03-18 11:00")};
  ExpectDue(history, "2025-03-18 16:00");
  EXPECT_EQ(CitizenDue(history), "2025-03-20 10:00");
  // Asked again Tuesday 13:30, supplied Wednesday 19/3 07:00: 24 h on is
  // Wednesday 8 h, Thursday 8 h, Friday 8 h: Friday 21/3 17:00.
  history.push_back(SupplementRequested("2025-03-18 13:30"));
  history.push_back(Supplemented("2025-03-19 07:00"));
  EXPECT_EQ(CitizenDue(history), "2025-03-21 17:00");
}

TEST(RecomputeAppointment, ADossierNeverReceivedHasNone) {
  EXPECT_THAT(Recompute({}), HasError(Error::kNotFound));
  EXPECT_THAT(Recompute({FeePaid("2025-03-13 09:00")}), HasError(Error::kNotFound));
}

TEST(RecomputeAppointment, AProcedureNoLongerInTheCatalogIsAnError) {
  EXPECT_THAT(Recompute({Received("2025-03-13 09:00", "9.999999")}),
              HasError(Error::kInvalidArgument));
}

// The property: over random histories (receipt, hand-overs, any number of
// supplementations, fees with and without pausing, at working and
// non-working instants), the appointment the engine keeps after every event
// equals RecomputeAppointment of the history so far.
class LiveEqualsRecomputed : public ::testing::TestWithParam<bool> {};

// A later instant: minutes to days ahead, sometimes exactly on a session
// boundary (07:00, 11:30, 13:30, 17:00), so nights, lunch breaks, weekends
// and holidays all occur.
Instant Later(Instant t, std::mt19937& rng) {
  switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
    case 0:
      return t + std::chrono::minutes(std::uniform_int_distribution<int>(0, 240)(rng));
    case 1:
      return t + std::chrono::hours(std::uniform_int_distribution<int>(1, 72)(rng)) +
             std::chrono::minutes(std::uniform_int_distribution<int>(0, 59)(rng));
    case 2: {
      static constexpr int kBoundaries[] = {7 * 60, 11 * 60 + 30, 13 * 60 + 30, 17 * 60};
      const LocalDays day = cal::floor<cal::days>(ToVietnam(t)) +
                            cal::days(std::uniform_int_distribution<int>(1, 9)(rng));
      const int minute = kBoundaries[std::uniform_int_distribution<int>(0, 3)(rng)];
      return FromVietnam(LocalTime(day.time_since_epoch()) + std::chrono::minutes(minute));
    }
    default:
      return t + cal::days(std::uniform_int_distribution<int>(1, 20)(rng)) +
             std::chrono::minutes(std::uniform_int_distribution<int>(0, 1439)(rng));
  }
}

v1::Applicant Applicant() {
  v1::Applicant a;
  a.set_name("Nguyễn Thị Bình");
  a.set_id_number("001190000002");
  return a;
}

TEST_P(LiveEqualsRecomputed, AfterEveryEventOfManyRandomHistories) {
  const bool fee_pauses = GetParam();
  ::motcua::testing::CountingSecrets secrets;
  engine::Engine engine(engine::EngineOptions{"000.00.07.H06", fee_pauses}, ShippedCatalog(),
                        ShippedCalendar(), secrets);
  std::vector<std::string> procedures;
  for (const v1::Procedure& p : ShippedCatalog()->procedures()) {
    if (p.receivable()) procedures.push_back(p.code());
  }
  ASSERT_GE(procedures.size(), 10u);

  std::mt19937 rng(fee_pauses ? 20250314u : 20240229u);
  auto chance = [&rng](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  constexpr int kHistories = 400;
  int pauses = 0;
  int moved = 0;
  for (int h = 0; h < kHistories; ++h) {
    std::vector<v1::Event> history;
    std::string code;
    // Any minute from 2023 to late 2027: official years, and provisional
    // ones (2027 on) that pauses may reach.
    constexpr int kStartMinutes = (5 * 365 - 90) * 1440;
    Instant now = Vn("2023-01-02 00:00") +
                  std::chrono::minutes(std::uniform_int_distribution<int>(0, kStartMinutes)(rng));
    const std::string procedure =
        procedures[std::uniform_int_distribution<std::size_t>(0, procedures.size() - 1)(rng)];

    auto run = [&](v1::Command c) {
      c.set_actor("tiepnhan01");
      engine::CommitBatch batch;
      auto out = engine.Execute(c, now, batch);
      ASSERT_THAT(out, IsOk()) << "history " << h << " at " << FormatVietnamMinute(now);
      engine.Committed(batch);
      code = out->dossier_code;
      for (std::size_t i = 0; i < out->event_count; ++i) {
        history.push_back(batch.events[out->first_event + i].event);
      }
    };

    v1::Channel channel = v1::CHANNEL_COUNTER;
    if (chance(20)) {  // registered online first, perhaps paying before the receipt
      v1::Command c;
      c.mutable_register_online()->set_procedure_code(procedure);
      *c.mutable_register_online()->mutable_applicant() = Applicant();
      ASSERT_NO_FATAL_FAILURE(run(c));
      channel = v1::CHANNEL_ONLINE;
      if (chance(50)) {
        now = Later(now, rng);
        v1::Command pay;
        pay.mutable_record_payment()->set_dossier_code(code);
        pay.mutable_record_payment()->set_amount_vnd(20000);
        pay.mutable_record_payment()->set_method(v1::PAYMENT_METHOD_NATIONAL_PORTAL);
        ASSERT_NO_FATAL_FAILURE(run(pay));
      }
      now = Later(now, rng);
    }
    {
      v1::Command c;
      auto* r = c.mutable_receive();
      r->set_dossier_code(code);
      r->set_procedure_code(procedure);
      *r->mutable_applicant() = Applicant();
      r->set_channel(channel);
      ASSERT_NO_FATAL_FAILURE(run(c));
    }

    const int steps = std::uniform_int_distribution<int>(0, 14)(rng);
    for (int step = 0; step <= steps; ++step) {
      const DossierState& s = *engine.Find(code);
      SCOPED_TRACE("history " + std::to_string(h) + ", step " + std::to_string(step) + ", " +
                   FormatVietnamMinute(now));
      auto recomputed = Recompute(history);
      ASSERT_THAT(recomputed, IsOk());
      ASSERT_EQ(FormatVietnamMinute(recomputed->at),
                FormatVietnamMinute(FromUnixSeconds(s.appointment_at)));
      ASSERT_EQ(ToUnixSeconds(recomputed->at), s.appointment_at);
      ASSERT_EQ(recomputed->provisional, s.appointment_provisional);
      // And the citizen's appointment, which a supplementation restarts.
      auto clock = RecomputeClock(history, *ShippedCatalog(), *ShippedCalendar());
      ASSERT_THAT(clock, IsOk());
      ASSERT_EQ(ToUnixSeconds(clock->citizen.value_or(clock->appointment.at)),
                s.citizen_appointment_at());
      if (step == steps) break;

      now = Later(now, rng);
      v1::Command c;
      switch (s.status_enum()) {
        case v1::STATUS_SUPPLEMENT_REQUESTED:
          c.mutable_supplement()->set_dossier_code(code);
          c.mutable_supplement()->add_documents()->set_name("Giấy tờ bổ sung");
          moved += s.paused_at < s.appointment_at;
          break;
        case v1::STATUS_FEE_REQUESTED:
          c.mutable_record_payment()->set_dossier_code(code);
          c.mutable_record_payment()->set_method(v1::PAYMENT_METHOD_CASH);
          moved += s.paused() && s.paused_at < s.appointment_at;
          break;
        default: {
          const int pick = std::uniform_int_distribution<int>(0, 9)(rng);
          const bool may_fee = !s.fee_requested && s.payment_method == 0;
          if (pick < 4) {
            c.mutable_request_supplement()->set_dossier_code(code);
            c.mutable_request_supplement()->set_reason("Thiếu giấy tờ");
            ++pauses;
          } else if (pick < 6 && may_fee) {
            c.mutable_request_fee()->set_dossier_code(code);
            c.mutable_request_fee()->set_amount_vnd(50000);
            pauses += fee_pauses;
          } else if (pick < 7 && may_fee) {  // paid without being asked: no pause
            c.mutable_record_payment()->set_dossier_code(code);
            c.mutable_record_payment()->set_amount_vnd(50000);
            c.mutable_record_payment()->set_method(v1::PAYMENT_METHOD_PROVINCIAL_GATEWAY);
          } else {
            c.mutable_hand_over()->set_dossier_code(code);
            c.mutable_hand_over()->set_to_unit(pick % 2 ? "Tư pháp - Hộ tịch" : "Địa chính");
            c.mutable_hand_over()->set_to_user(pick % 2 ? "tuphap01" : "diachinh01");
          }
        }
      }
      ASSERT_NO_FATAL_FAILURE(run(c));
    }
  }
  // The histories did exercise the rule.
  EXPECT_GT(pauses, kHistories);
  EXPECT_GT(moved, kHistories / 2);
}

INSTANTIATE_TEST_SUITE_P(FeeWait, LiveEqualsRecomputed, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& param) {
                           return param.param ? std::string("Pauses") : std::string("Runs");
                         });

}  // namespace
}  // namespace motcua::dossier
