// The steps projection (step_projection.h) over a real database file: one
// row per event that ended a step of an internal process, with its holder,
// timing and working time as the event recorded them; kept across a reopen,
// built from the log when an upgrade adds it, and given again identically by
// a rebuild from the events.
//
// Marital-status confirmation (1.004873) received in 2026 keeps the process
// in force from 2025-07-01: steps of 2, 14, 4 and 4 working hours. Office
// hours 07:00-11:30 and 13:30-17:00; 2026-12-07 is a Monday.
#include "adapters/sqlite/step_projection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/integrity.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/base/time.h"
#include "engine/engine.h"
#include "motcua/v1/command.pb.h"
#include "tests/support/fixtures.h"

namespace motcua::sqlite {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::IsEmpty;

constexpr const char* kUnit = "000.00.07.H06";
constexpr const char* kOneStop = "Bộ phận Một cửa";
constexpr const char* kJustice = "Tư pháp - Hộ tịch";
constexpr const char* kLeader = "Lãnh đạo UBND xã";

class StepProjectionTest : public ::testing::Test {
 protected:
  StepProjectionTest()
      : engine_(engine::EngineOptions{kUnit, false}, ::motcua::testing::ShippedCatalog(),
                ::motcua::testing::ShippedCalendar(), secrets_) {
    engine::Recipients r;
    r.units = {kOneStop, kJustice, kLeader};
    r.officer_units = {{"tiepnhan01", kOneStop}, {"tuphap01", kJustice}, {"chutich01", kLeader}};
    engine_.SetRecipients(std::move(r));
  }

  std::unique_ptr<SqliteEventLog> OpenLog() {
    auto log = SqliteEventLog::Open(db_, projections::AllProjections());
    EXPECT_THAT(log, IsOk());
    return log.ok() ? std::move(*log) : nullptr;
  }

  // Runs `c` by `actor` at `when` and commits it, alone in its batch.
  std::string Run(SqliteEventLog& log, const std::string& actor, v1::Command c, const char* when) {
    c.set_actor(actor);
    engine::CommitBatch batch;
    auto out = engine_.Execute(c, Vn(when), batch);
    EXPECT_THAT(out, IsOk()) << when;
    if (!out.ok()) return "";
    EXPECT_THAT(log.Commit(batch), IsOk());
    engine_.Committed(batch);
    return out->dossier_code;
  }

  static v1::Command Receive() {
    v1::Command c;
    c.mutable_receive()->set_procedure_code("1.004873");
    c.mutable_receive()->mutable_applicant()->set_name("Nguyễn Văn An");
    c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
    return c;
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

  // Two dossiers: the first through all four steps (step 2 with no officer
  // named), the second handed over once and then withdrawn.
  void Populate(SqliteEventLog& log) {
    const std::string a = Run(log, "tiepnhan01", Receive(), "2026-12-07 08:00");
    Run(log, "tiepnhan01", HandOver(a, kJustice), "2026-12-07 09:30");
    Run(log, "tuphap01", HandOver(a, kLeader, "chutich01"), "2026-12-08 10:00");
    v1::Command ready;
    ready.mutable_mark_result_ready()->set_dossier_code(a);
    ready.mutable_mark_result_ready()->set_result_kind(v1::RESULT_KIND_ELECTRONIC);
    Run(log, "chutich01", ready, "2026-12-08 15:00");
    Run(log, "chutich01", HandOver(a, kOneStop, "tiepnhan01"), "2026-12-08 15:00");
    v1::Command ret;
    ret.mutable_return_result()->set_dossier_code(a);
    ret.mutable_return_result()->set_method(v1::RETURN_METHOD_COUNTER);
    Run(log, "tiepnhan01", ret, "2026-12-08 16:30");

    const std::string b = Run(log, "tiepnhan01", Receive(), "2026-12-07 08:10");
    Run(log, "tiepnhan01", HandOver(b, kJustice, "tuphap01"), "2026-12-07 13:30");
    v1::Command withdraw;
    withdraw.mutable_withdraw()->set_dossier_code(b);
    withdraw.mutable_withdraw()->set_reason("Công dân xin rút hồ sơ");
    Run(log, "tiepnhan01", withdraw, "2026-12-07 15:00");
    codes_ = {a, b};
  }

  ::motcua::testing::TempDir dir_;
  std::string db_ = dir_.File("motcua.db");
  ::motcua::testing::CountingSecrets secrets_;
  engine::Engine engine_;
  std::vector<std::string> codes_;
};

// Every row of `steps`, one line each, in seq order; dossiers by their index
// in `codes`.
std::vector<std::string> Rows(Database& db, const std::vector<std::string>& codes) {
  std::vector<std::string> out;
  Statement st(db, "SELECT seq, code, step, unit, officer, ended_at, timing, working_seconds "
                   "FROM steps ORDER BY seq");
  while (st.Step()) {
    std::string code = st.ColumnText(1);
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (codes[i] == code) code = "d" + std::to_string(i);
    }
    out.push_back(std::to_string(st.ColumnInt(0)) + " " + code + " step " +
                  std::to_string(st.ColumnInt(2)) + " " + st.ColumnText(3) + "/" +
                  st.ColumnText(4) + " " + FormatVietnamMinute(FromUnixSeconds(st.ColumnInt(5))) +
                  " " + v1::StepTiming_Name(static_cast<v1::StepTiming>(st.ColumnInt(6))) + " " +
                  std::to_string(st.ColumnInt(7)) + "s");
  }
  EXPECT_THAT(st.status(), IsOk());
  return out;
}

// Worked out by hand. d0: step 1 08:00-09:30 (1.5 h, due 10:00 the same
// day: on time); step 2 Mon 09:30-Tue 10:00 (Mon 5.5 h + Tue 3 h = 8.5 h,
// due Wed 07:30: early); step 3 Tue 10:00-15:00 (3 h, due 16:00: on time);
// the result's hand-over starts step 4, which the return ends at 16:30
// (1.5 h, due Wed 09:00: early). d1: step 1 08:10-13:30 (3.33 h, due 10:10:
// late); step 2 13:30-15:00 (1.5 h) ends with the withdrawal, untimed.
const std::vector<std::string> kExpected = {
    "2 d0 step 1 Bộ phận Một cửa/tiepnhan01 2026-12-07 09:30 STEP_TIMING_ON_TIME 5400s",
    "3 d0 step 2 Tư pháp - Hộ tịch/ 2026-12-08 10:00 STEP_TIMING_EARLY 30600s",
    "4 d0 step 3 Lãnh đạo UBND xã/chutich01 2026-12-08 15:00 STEP_TIMING_ON_TIME 10800s",
    "6 d0 step 4 Bộ phận Một cửa/tiepnhan01 2026-12-08 16:30 STEP_TIMING_EARLY 5400s",
    "8 d1 step 1 Bộ phận Một cửa/tiepnhan01 2026-12-07 13:30 STEP_TIMING_LATE 12000s",
    "9 d1 step 2 Tư pháp - Hộ tịch/tuphap01 2026-12-07 15:00 STEP_TIMING_UNSPECIFIED 5400s",
};

TEST_F(StepProjectionTest, OneRowPerEndedStepWithItsHolderTimingAndWorkingTime) {
  auto log = OpenLog();
  ASSERT_NE(log, nullptr);
  Populate(*log);
  EXPECT_THAT(Rows(log->db(), codes_), ::testing::ElementsAreArray(kExpected));
}

TEST_F(StepProjectionTest, RowsSurviveAReopenAndARebuildGivesThemIdentically) {
  {
    auto log = OpenLog();
    ASSERT_NE(log, nullptr);
    Populate(*log);
  }
  auto log = OpenLog();
  ASSERT_NE(log, nullptr);
  EXPECT_THAT(Rows(log->db(), codes_), ::testing::ElementsAreArray(kExpected));

  auto rebuilt = Database::Open(dir_.File("rebuilt.db"));
  ASSERT_THAT(rebuilt, IsOk());
  ASSERT_THAT(RebuildProjections(log->db(), projections::AllProjections,
                                 *::motcua::testing::ShippedCatalog(), **rebuilt),
              IsOk());
  EXPECT_THAT(Rows(**rebuilt, codes_), ::testing::ElementsAreArray(kExpected));
  // The index comes back too.
  Statement indexed(**rebuilt, "SELECT COUNT(*) FROM steps INDEXED BY steps_by_end");
  ASSERT_TRUE(indexed.Step()) << indexed.status().ToString();
  EXPECT_EQ(indexed.ColumnInt(0), 6);

  IntegrityReport report;
  auto scratch = Database::Open(":memory:");
  ASSERT_THAT(scratch, IsOk());
  ASSERT_THAT(CompareProjections(log->db(), projections::AllProjections,
                                 *::motcua::testing::ShippedCatalog(), **scratch, report),
              IsOk());
  EXPECT_THAT(report.differences, IsEmpty());
}

TEST_F(StepProjectionTest, AnUpgradeThatAddsItBuildsItFromTheLogAtOpen) {
  {
    auto log = OpenLog();
    ASSERT_NE(log, nullptr);
    Populate(*log);
  }
  {
    // The database as a version without the steps projection left it.
    auto db = Database::Open(db_);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("DROP TABLE steps;"
                            "DELETE FROM schema_versions WHERE component = 'steps'"),
                IsOk());
  }
  auto log = OpenLog();
  ASSERT_NE(log, nullptr);
  EXPECT_THAT(Rows(log->db(), codes_), ::testing::ElementsAreArray(kExpected));
}

}  // namespace
}  // namespace motcua::sqlite
