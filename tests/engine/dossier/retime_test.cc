#include "engine/retime.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "adapters/config/calendar_file.h"
#include "adapters/config/server_config.h"
#include "engine/base/proto_time.h"
#include "tests/support/fixtures.h"

namespace motcua::engine {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

// The shipped calendar built again from its files; with `culture_day_off`,
// Tuesday 24/11/2026 (Ngày Văn hóa Việt Nam, which the 2026 notes say may
// become a day off) made a day off.
std::shared_ptr<const calendar::WorkingCalendar> ShippedCalendarFromFiles(bool culture_day_off) {
  auto cfg = config::LoadServerConfig(::motcua::testing::ShippedConfig());
  auto options = config::LoadCalendarOptions(cfg->calendar());
  EXPECT_THAT(options, IsOk());
  for (calendar::YearSchedule& y : options->official) {
    if (culture_day_off && y.year == 2026) y.off.push_back(LocalDays(cal::year{2026} / 11 / 24));
  }
  auto built = calendar::WorkingCalendar::Build(*options);
  EXPECT_THAT(built, IsOk());
  return *built;
}

std::shared_ptr<const calendar::WorkingCalendar> WithCultureDayOff() {
  return ShippedCalendarFromFiles(true);
}

class RetimeTest : public ::testing::Test {
 protected:
  RetimeTest()
      : engine_(EngineOptions{"000.00.07.H06", false}, ::motcua::testing::ShippedCatalog(),
                ::motcua::testing::ShippedCalendar(), secrets_) {}

  std::string Run(v1::Command c, const char* when) {
    c.set_actor("tiepnhan01");
    auto out = engine_.Execute(c, Vn(when), batch_);
    EXPECT_THAT(out, IsOk());
    for (std::size_t i = out->first_event; i < out->first_event + out->event_count; ++i) {
      history_[out->dossier_code].push_back(batch_.events[i].event);
    }
    engine_.Committed(batch_);
    return out->dossier_code;
  }

  std::string Receive(const char* when) {
    v1::Command c;
    c.mutable_receive()->set_procedure_code("1.004873");  // 3 working days
    c.mutable_receive()->mutable_applicant()->set_name("Bùi Quang Huy");
    c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
    return Run(c, when);
  }

  HistoryLoader Loader() {
    return [this](const std::string& code) -> Result<std::vector<v1::Event>> {
      return history_[code];
    };
  }

  ::motcua::testing::CountingSecrets secrets_;
  Engine engine_;
  CommitBatch batch_;
  std::map<std::string, std::vector<v1::Event>> history_;
};

TEST_F(RetimeTest, FindsTheFirstChangedDay) {
  auto after = WithCultureDayOff();
  const LocalDays from{cal::year{2020} / 1 / 1};
  auto day = FirstDifference(engine_.calendar(), *after, from);
  ASSERT_TRUE(day.has_value());
  EXPECT_EQ(FormatDate(*day), "2026-11-24");
  EXPECT_FALSE(FirstDifference(engine_.calendar(), *after, *day + cal::days{1}).has_value());
  EXPECT_FALSE(FirstDifference(engine_.calendar(), engine_.calendar(), from).has_value());
}

// The same files loaded again: nothing to examine and nothing to record,
// though an open dossier spans the whole year ahead.
TEST_F(RetimeTest, AnUnchangedCalendarPlansNothing) {
  Receive("2026-11-20 09:00");
  auto plan = PlanRetime(engine_, *ShippedCalendarFromFiles(false), Loader(),
                         Vn("2026-11-21 08:00"), {2026}, "tải lại lịch");
  ASSERT_THAT(plan, IsOk());
  EXPECT_TRUE(plan->unchanged);
  EXPECT_EQ(plan->examined, 0u);
  EXPECT_TRUE(plan->events.empty());
  // A change is not unchanged, and is recorded.
  auto changed = PlanRetime(engine_, *WithCultureDayOff(), Loader(), Vn("2026-11-21 08:00"), {2026},
                            "tải lại lịch");
  ASSERT_THAT(changed, IsOk());
  EXPECT_FALSE(changed->unchanged);
  EXPECT_EQ(changed->events.back().kind_case(), v1::Event::kCalendarChanged);
}

TEST_F(RetimeTest, OnlyOpenDossiersSpanningTheChangedDayMove) {
  // Fri 20/11 09:00 + 24 working hours: Fri (6h), Mon 23 (8h), Tue 24 (8h),
  // Wed 25 07:00–09:00 -> Wed 25/11 09:00. With Tue 24 off: Thu 26/11 09:00.
  std::string spans = Receive("2026-11-20 09:00");
  // Received Mon 2/11: due Thu 5/11, long before the change.
  std::string before = Receive("2026-11-02 09:00");
  // Spans the day but already finished: its appointment is history.
  std::string finished = Receive("2026-11-20 10:00");
  v1::Command ready;
  ready.mutable_mark_result_ready()->set_dossier_code(finished);
  ready.mutable_mark_result_ready()->set_result_kind(v1::RESULT_KIND_PAPER);
  Run(ready, "2026-11-23 10:00");

  auto after = WithCultureDayOff();
  auto plan = PlanRetime(engine_, *after, Loader(), Vn("2026-11-21 08:00"), {2026},
                         "Bổ sung ngày nghỉ 24/11/2026");
  ASSERT_THAT(plan, IsOk());
  EXPECT_EQ(plan->examined, 1u);
  EXPECT_EQ(plan->moved, 1u);
  ASSERT_EQ(plan->events.size(), 2u);
  const v1::Event& moved = plan->events[0];
  EXPECT_EQ(moved.dossier_code(), spans);
  EXPECT_EQ(ToInstant(moved.retimed().appointment_before()), Vn("2026-11-25 09:00"));
  EXPECT_EQ(ToInstant(moved.retimed().appointment_after()), Vn("2026-11-26 09:00"));
  EXPECT_EQ(plan->events[1].calendar_changed().dossiers_retimed(), 1u);

  // Applied through the engine like any event.
  for (const v1::Event& e : plan->events) ASSERT_THAT(engine_.Import(e, batch_), IsOk());
  engine_.Committed(batch_);
  engine_.SetCalendar(after);
  EXPECT_EQ(FromUnixSeconds(engine_.Find(spans)->appointment_at), Vn("2026-11-26 09:00"));
  EXPECT_EQ(FromUnixSeconds(engine_.Find(spans)->original_appointment_at), Vn("2026-11-25 09:00"));
  EXPECT_EQ(FromUnixSeconds(engine_.Find(before)->appointment_at), Vn("2026-11-05 09:00"));
}

TEST_F(RetimeTest, APausedDossierIsRecomputedWithItsPauses) {
  // Received Thu 19/11 09:00 (due Tue 24/11 09:00); paused Fri 20/11 09:00 to
  // Mon 23/11 09:00 (the citizen took Fri 09:00–17:00 = 6h and Mon
  // 07:00–09:00 = 2h, one working day):
  //   shipped: Tue 24/11 09:00 + 8h -> Wed 25/11 09:00.
  //   24/11 off: due is Wed 25/11 09:00, + 8h -> Thu 26/11 09:00.
  std::string code = Receive("2026-11-19 09:00");
  v1::Command request;
  request.mutable_request_supplement()->set_dossier_code(code);
  request.mutable_request_supplement()->set_reason("Thiếu tờ khai");
  Run(request, "2026-11-20 09:00");
  v1::Command supplied;
  supplied.mutable_supplement()->set_dossier_code(code);
  Run(supplied, "2026-11-23 09:00");
  EXPECT_EQ(FromUnixSeconds(engine_.Find(code)->appointment_at), Vn("2026-11-25 09:00"));

  auto plan = PlanRetime(engine_, *WithCultureDayOff(), Loader(), Vn("2026-11-23 10:00"), {2026},
                         "Bổ sung ngày nghỉ 24/11/2026");
  ASSERT_THAT(plan, IsOk());
  ASSERT_EQ(plan->moved, 1u);
  EXPECT_EQ(ToInstant(plan->events[0].retimed().appointment_after()), Vn("2026-11-26 09:00"));
  // The citizen's appointment, the full 24 h again from the supplement at
  // Mon 09:00 (Mon 6 h, Tue 8 h, Wed 8 h, Thu 07:00-09:00), moves too: with
  // Tue 24/11 off, Fri 27/11 09:00.
  EXPECT_EQ(FromUnixSeconds(engine_.Find(code)->citizen_appointment_at()), Vn("2026-11-26 09:00"));
  EXPECT_EQ(ToInstant(plan->events[0].retimed().citizen_appointment_after()),
            Vn("2026-11-27 09:00"));
}

// A running step's deadline moves with the calendar too. Received Mon 23/11
// 08:00 (the process in force from 2025-07-01: steps of 2, 14, 4 and 4
// working hours), handed to Tư pháp at 09:00: step 2 (14 h) is due after
// Mon 6 h and Tue 8 h, Tue 24/11 17:00; with Tue off, Wed 25/11 17:00. The
// appointment (Mon 7 h, Tue 8 h, Wed 8 h, Thu 07:00-08:00) moves from Thu
// 26/11 08:00 to Fri 27/11 08:00.
TEST_F(RetimeTest, TheRunningStepsDeadlineMovesToo) {
  const std::string code = Receive("2026-11-23 08:00");
  v1::Command hand;
  hand.mutable_hand_over()->set_dossier_code(code);
  hand.mutable_hand_over()->set_to_unit("Tư pháp - Hộ tịch");
  hand.mutable_hand_over()->set_to_user("tuphap01");
  Run(hand, "2026-11-23 09:00");
  ASSERT_EQ(FromUnixSeconds(engine_.Find(code)->step_due_at), Vn("2026-11-24 17:00"));

  auto after = WithCultureDayOff();
  auto plan = PlanRetime(engine_, *after, Loader(), Vn("2026-11-23 10:00"), {2026},
                         "Bổ sung ngày nghỉ 24/11/2026");
  ASSERT_THAT(plan, IsOk());
  ASSERT_EQ(plan->moved, 1u);
  const v1::Event& moved = plan->events[0];
  EXPECT_EQ(ToInstant(moved.retimed().appointment_after()), Vn("2026-11-27 08:00"));
  ASSERT_TRUE(moved.has_step());
  EXPECT_EQ(moved.step().ended(), 0u);
  EXPECT_EQ(moved.step().current(), 2u);
  EXPECT_EQ(ToInstant(moved.step().due_at()), Vn("2026-11-25 17:00"));

  for (const v1::Event& e : plan->events) ASSERT_THAT(engine_.Import(e, batch_), IsOk());
  engine_.Committed(batch_);
  EXPECT_EQ(engine_.Find(code)->step, 2);
  EXPECT_EQ(FromUnixSeconds(engine_.Find(code)->step_due_at), Vn("2026-11-25 17:00"));
}

}  // namespace
}  // namespace motcua::engine
