// The ended steps by unit and officer (counters/step_holder_figures.h), read
// from a real store the engine wrote: grouped by who held each step, counted
// by timing, with their working time, for the steps that ended inside the
// period's Vietnam days, [00:00 of the first, 00:00 after the last).
//
// Marital-status confirmation (1.004873) received in 2026: steps of 2, 14, 4
// and 4 working hours. Office hours 07:00-11:30 and 13:30-17:00; 2026-12-04
// is a Friday, 2026-12-07 a Monday.
#include "adapters/counters/step_holder_figures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/engine.h"
#include "motcua/v1/command.pb.h"
#include "tests/support/fixtures.h"

namespace motcua::counters {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

constexpr const char* kUnit = "000.00.07.H06";
constexpr const char* kOneStop = "Bộ phận Một cửa";
constexpr const char* kJustice = "Tư pháp - Hộ tịch";
constexpr const char* kLeader = "Lãnh đạo UBND xã";

class StepHolderFiguresTest : public ::testing::Test {
 protected:
  StepHolderFiguresTest()
      : engine_(engine::EngineOptions{kUnit, false}, ::motcua::testing::ShippedCatalog(),
                ::motcua::testing::ShippedCalendar(), secrets_) {
    engine::Recipients r;
    r.units = {kOneStop, kJustice, kLeader};
    r.officer_units = {{"tiepnhan01", kOneStop}, {"tuphap01", kJustice}};
    engine_.SetRecipients(std::move(r));
    auto log = sqlite::SqliteEventLog::Open(dir_.File("motcua.db"), projections::AllProjections());
    EXPECT_THAT(log, IsOk());
    if (log.ok()) log_ = std::move(*log);
  }

  std::string Run(const std::string& actor, v1::Command c, Instant at) {
    c.set_actor(actor);
    engine::CommitBatch batch;
    auto out = engine_.Execute(c, at, batch);
    EXPECT_THAT(out, IsOk()) << FormatVietnamMinute(at);
    if (!out.ok()) return "";
    EXPECT_THAT(log_->Commit(batch), IsOk());
    engine_.Committed(batch);
    return out->dossier_code;
  }

  std::string Receive(Instant at) {
    v1::Command c;
    c.mutable_receive()->set_procedure_code("1.004873");
    c.mutable_receive()->mutable_applicant()->set_name("Nguyễn Văn An");
    c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
    return Run("tiepnhan01", c, at);
  }

  void HandOver(const std::string& actor, const std::string& code, Instant at,
                const std::string& unit, const std::string& user = "") {
    v1::Command c;
    c.mutable_hand_over()->set_dossier_code(code);
    c.mutable_hand_over()->set_to_unit(unit);
    c.mutable_hand_over()->set_to_user(user);
    c.mutable_hand_over()->set_electronic(true);
    Run(actor, c, at);
  }

  Result<std::vector<v1::StepHolderRow>> Steps(const char* from, const char* to) {
    auto period = metrics::MakePeriod(from, to);
    EXPECT_THAT(period, IsOk());
    const std::map<std::string, std::string> names = {{"tiepnhan01", "Nguyễn Thị Lan"},
                                                      {"tuphap01", "Trần Văn Bình"}};
    return StepsByHolder(log_->db(), *period, [&names](std::string_view user) {
      auto it = names.find(std::string(user));
      return Officer{"", it == names.end() ? "?" : it->second};
    });
  }

  ::motcua::testing::TempDir dir_;
  ::motcua::testing::CountingSecrets secrets_;
  engine::Engine engine_;
  std::unique_ptr<sqlite::SqliteEventLog> log_;
};

// "unit/officer (name): finished = early + on time + late + untimed, working
// seconds, average".
std::string Describe(const v1::StepHolderRow& r) {
  return r.unit() + "/" + r.officer() + " (" + r.officer_name() + "): " +
         std::to_string(r.finished()) + " = " + std::to_string(r.early()) + " + " +
         std::to_string(r.on_time()) + " + " + std::to_string(r.late()) + " + " +
         std::to_string(r.untimed()) + ", " + std::to_string(r.working_seconds()) + "s, avg " +
         std::to_string(r.average_working_seconds()) + "s";
}

std::vector<std::string> Describe(const std::vector<v1::StepHolderRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(Describe(r));
  return out;
}

TEST_F(StepHolderFiguresTest, StepsAreGroupedByHolderAndCountedInsideThePeriodOnly) {
  const std::chrono::seconds second{1};
  // Four dossiers received on Friday 08:00: step 1 due Friday 10:00.
  const std::string before = Receive(Vn("2026-12-04 08:00"));
  const std::string just_before = Receive(Vn("2026-12-04 08:00"));
  const std::string at_start = Receive(Vn("2026-12-04 08:00"));
  const std::string at_end = Receive(Vn("2026-12-04 08:00"));
  // Their first steps end around Monday, the period's only day.
  HandOver("tiepnhan01", before, Vn("2026-12-06 17:00"), kJustice, "tuphap01");
  HandOver("tiepnhan01", just_before, Vn("2026-12-07 00:00") - second, kJustice, "tuphap01");
  HandOver("tiepnhan01", at_start, Vn("2026-12-07 00:00"), kJustice, "tuphap01");
  // Inside it: received Monday 08:00 and handed on at 09:00 (step 1 on
  // time); Tư pháp's officer gives it to the leader at 16:00 (step 2 early:
  // due Tuesday 17:00); the leader's unit holds step 3 until the withdrawal.
  const std::string monday = Receive(Vn("2026-12-07 08:00"));
  HandOver("tiepnhan01", monday, Vn("2026-12-07 09:00"), kJustice, "tuphap01");
  // And one handed to Tư pháp with no officer named, which gives it back at
  // 10:00 (step 2 early).
  const std::string unnamed = Receive(Vn("2026-12-07 08:00"));
  HandOver("tiepnhan01", unnamed, Vn("2026-12-07 09:00"), kJustice);
  HandOver("tuphap01", unnamed, Vn("2026-12-07 10:00"), kLeader);
  HandOver("tuphap01", monday, Vn("2026-12-07 16:00"), kLeader);
  v1::Command withdraw;
  withdraw.mutable_withdraw()->set_dossier_code(monday);
  withdraw.mutable_withdraw()->set_reason("Công dân xin rút hồ sơ");
  Run("tiepnhan01", withdraw, Vn("2026-12-07 16:30"));
  HandOver("tiepnhan01", at_end, Vn("2026-12-08 00:00"), kJustice, "tuphap01");

  // Monday only. The one-stop's steps: at_start (Fri 08:00-Mon 00:00: 2 h
  // and 5 h over, 7 h, late), monday and unnamed (1 h each, on time).
  // Tư pháp: unnamed's step 2 (09:00-10:00, 1 h), then monday's (09:00-
  // 16:00: 2.5 + 2.5 h); the leader's step 3 of monday (16:00-16:30), ended
  // by the withdrawal without a timing.
  auto monday_only = Steps("2026-12-07", "2026-12-07");
  ASSERT_THAT(monday_only, IsOk());
  EXPECT_THAT(Describe(*monday_only),
              ::testing::ElementsAre(
                  "Bộ phận Một cửa/tiepnhan01 (Nguyễn Thị Lan): 3 = 0 + 2 + 1 + 0, 32400s, avg 10800s",
                  "Lãnh đạo UBND xã/ (): 1 = 0 + 0 + 0 + 1, 1800s, avg 1800s",
                  "Tư pháp - Hộ tịch/ (): 1 = 1 + 0 + 0 + 0, 3600s, avg 3600s",
                  "Tư pháp - Hộ tịch/tuphap01 (Trần Văn Bình): 1 = 1 + 0 + 0 + 0, 18000s, avg 18000s"));

  // Sunday to Tuesday takes the three on either side too, all late: the
  // ones ended over the weekend took 7 h like at_start (no working time
  // passes on Saturday, Sunday or at night), at_end 15 h (Monday's 8 more).
  auto three_days = Steps("2026-12-06", "2026-12-08");
  ASSERT_THAT(three_days, IsOk());
  ASSERT_EQ(three_days->size(), 4u);
  EXPECT_EQ(Describe((*three_days)[0]),
            "Bộ phận Một cửa/tiepnhan01 (Nguyễn Thị Lan): 6 = 0 + 2 + 4 + 0, 136800s, avg 22800s");

  // Nothing ended on Saturday.
  auto saturday = Steps("2026-12-05", "2026-12-05");
  ASSERT_THAT(saturday, IsOk());
  EXPECT_TRUE(saturday->empty());
}

}  // namespace
}  // namespace motcua::counters
