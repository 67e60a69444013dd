// The catch-up after a downtime, on the real engine thread and SQLite file:
// the first transaction of missed moments before Start returns, the rest
// between the commands that arrive meanwhile, each moment once, late-fired.
#include "adapters/runtime/alert_watcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "adapters/sqlite/database.h"
#include "tests/adapters/runtime/service_fixtures.h"
#include "tests/support/fixtures.h"

namespace motcua::runtime {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

constexpr int kDossiers = 20;

class AlertWatcherTest : public ::testing::Test {
 protected:
  void SetUp() override { OpenService(); }

  // The service on db_ (again after a Stop: a restart).
  void OpenService() {
    auto opened = OpenTestService(EngineServiceOptions{.db_path = db_}, clock_, secrets_);
    ASSERT_THAT(opened, IsOk());
    service_ = std::move(*opened);
    service_->Start();
  }

  void TearDown() override {
    if (service_) service_->Stop();
  }

  CommandResult Run(CommandRequest r) {
    std::promise<CommandResult> promise;
    auto future = promise.get_future();
    Status s = service_->Submit(std::move(r),
                                [&promise](CommandResult result) { promise.set_value(result); });
    if (!s.ok()) return CommandResult{s, {}, false};
    return future.get();
  }

  // kDossiers received now, then a month down: every appointment's
  // apology-due and overdue moments have passed.
  void ReceiveAndGoDown(const std::string& family_name) {
    for (int i = 0; i < kDossiers; ++i) {
      ASSERT_THAT(Run(Receive(family_name + " Văn " + std::to_string(i))).status, IsOk());
    }
    clock_.Set(Vn("2024-04-15 09:00"));
  }

  AlertWatcherOptions Options(std::size_t max_alerts_per_commit = alerts::kMaxAlertsPerCommit) {
    return AlertWatcherOptions{
        .db_path = db_, .wall_clock_timer = false, .max_alerts_per_commit = max_alerts_per_commit};
  }

  // (seq, dossier, alert kind, late) of every alert in the log, by seq.
  using AlertRows = std::vector<std::tuple<long long, std::string, int, bool>>;
  AlertRows Alerts() {
    AlertRows out;
    auto db = sqlite::Database::Open(db_, sqlite::Database::Mode::kReadOnly);
    if (!db.ok()) return out;
    sqlite::Statement st(**db,
                         "SELECT seq, body FROM events WHERE kind = 'alert_raised' ORDER BY seq");
    while (st.Step()) {
      v1::Event e;
      std::string_view body = st.ColumnBlob(1);
      if (!e.ParseFromArray(body.data(), static_cast<int>(body.size()))) continue;
      out.emplace_back(st.ColumnInt(0), e.dossier_code(), e.alert_raised().kind(),
                       e.alert_raised().late_fired());
    }
    return out;
  }

  // Every moment of every dossier at most once, and every alert late-fired.
  static void ExpectEachMomentOnceAndLate(const AlertRows& alerts) {
    std::set<std::pair<std::string, int>> moments;
    for (const auto& [seq, code, kind, late] : alerts) {
      EXPECT_TRUE(late) << code << " " << kind;
      EXPECT_TRUE(moments.emplace(code, kind).second) << "twice: " << code << " " << kind;
    }
  }

  ::motcua::testing::TempDir dir_;
  std::string db_ = dir_.File("motcua.db");
  ManualClock clock_{Vn("2024-03-11 09:00")};
  ::motcua::testing::CountingSecrets secrets_;
  std::unique_ptr<EngineService> service_;
  AlertHub hub_;
  std::ostringstream log_text_;
  RequestLog log_{&log_text_};
};

TEST_F(AlertWatcherTest, ALongCatchUpServesCommandsBetweenItsTransactionsAndRaisesEachMomentOnce) {
  ReceiveAndGoDown("Nguyễn");
  AlertWatcher watcher(*service_, clock_, hub_, log_, Options(2), nullptr);
  watcher.Start();
  // Queued behind the catch-up's next transaction, not behind all of them.
  CommandResult served = Run(Receive("Trần Thị Bình"));
  ASSERT_THAT(served.status, IsOk());
  const long long served_seq = static_cast<long long>(served.reply.events(0).seq());

  // The catch-up goes on without anything else asking: wait until the
  // alerts published stop growing.
  std::size_t published = 0;
  auto changed = std::chrono::steady_clock::now();
  for (auto deadline = changed + std::chrono::seconds(60);
       std::chrono::steady_clock::now() < deadline;
       std::this_thread::sleep_for(std::chrono::milliseconds(20))) {
    if (hub_.published() != published) {
      published = hub_.published();
      changed = std::chrono::steady_clock::now();
    } else if (published >= 2u * kDossiers &&
               std::chrono::steady_clock::now() - changed > std::chrono::milliseconds(500)) {
      break;
    }
  }
  service_->Stop();
  const auto alerts = Alerts();
  EXPECT_EQ(alerts.size(), published);
  ASSERT_GE(alerts.size(), 2u * kDossiers);
  ExpectEachMomentOnceAndLate(alerts);
  // The command was served while late moments were still being raised.
  EXPECT_LT(served_seq, std::get<0>(alerts.back()));
  const std::string log = log_text_.str();
  EXPECT_THAT(log,
              ::testing::HasSubstr("2 moment(s) missed while down raised late before serving"));
  EXPECT_THAT(log, ::testing::HasSubstr(std::to_string(alerts.size()) +
                                        " missed while down raised late (" +
                                        std::to_string((alerts.size() + 1) / 2) +
                                        " transaction(s))"));
}

TEST_F(AlertWatcherTest, AStopDuringTheCatchUpLeavesTheRestToTheNextStartEachMomentOnce) {
  ReceiveAndGoDown("Phạm");
  {
    AlertWatcher watcher(*service_, clock_, hub_, log_, Options(2), nullptr);
    watcher.Start();
    service_->Stop();  // the catch-up has at most begun
  }
  const std::size_t before_restart = Alerts().size();
  OpenService();
  AlertWatcher again(*service_, clock_, hub_, log_, Options(), nullptr);
  again.Start();
  service_->Stop();
  const auto alerts = Alerts();
  EXPECT_GT(alerts.size(), before_restart);
  ASSERT_GE(alerts.size(), 2u * kDossiers);
  ExpectEachMomentOnceAndLate(alerts);
}

TEST_F(AlertWatcherTest, AShortCatchUpIsCommittedBeforeStartReturns) {
  ASSERT_THAT(Run(Receive("Lê Văn Cường")).status, IsOk());
  clock_.Set(Vn("2024-04-15 09:00"));
  AlertWatcher watcher(*service_, clock_, hub_, log_, Options(), nullptr);
  watcher.Start();
  const auto alerts = Alerts();  // read at once: nothing is left to raise
  ASSERT_GE(alerts.size(), 2u);
  ExpectEachMomentOnceAndLate(alerts);
  service_->Stop();
  EXPECT_THAT(log_text_.str(), ::testing::Not(::testing::HasSubstr("before serving")));
}

}  // namespace
}  // namespace motcua::runtime
