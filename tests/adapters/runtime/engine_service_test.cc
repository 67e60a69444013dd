#include "adapters/runtime/engine_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "tests/adapters/runtime/service_fixtures.h"
#include "tests/support/faulty_event_log.h"
#include "tests/support/fixtures.h"

namespace motcua::runtime {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

class EngineServiceTest : public ::testing::Test {
 protected:
  void Open(std::size_t max_pending = 1000, std::size_t max_batch = 512) {
    service_.reset();
    auto opened = OpenTestService(
        EngineServiceOptions{.db_path = db_, .max_pending = max_pending, .max_batch = max_batch},
        clock_, secrets_);
    ASSERT_THAT(opened, IsOk());
    service_ = std::move(*opened);
  }

  // Events in the log, read on a connection of its own.
  long long Events() {
    auto db = sqlite::Database::Open(db_, sqlite::Database::Mode::kReadOnly);
    if (!db.ok()) return -1;
    sqlite::Statement st(**db, "SELECT COUNT(*) FROM events");
    return st.Step() ? st.ColumnInt(0) : -1;
  }

  // Submits and returns a future of the result; `seen` records the events
  // committed when the callback ran.
  std::future<CommandResult> Submit(CommandRequest r, std::vector<long long>* seen = nullptr) {
    auto promise = std::make_shared<std::promise<CommandResult>>();
    auto future = promise->get_future();
    Status s = service_->Submit(std::move(r), [this, promise, seen](CommandResult result) {
      if (seen) {
        std::lock_guard lock(mutex_);
        seen->push_back(Events());
      }
      promise->set_value(std::move(result));
    });
    if (!s.ok()) promise->set_value(CommandResult{s, {}, false});
    return future;
  }

  CommandResult Run(CommandRequest r) { return Submit(std::move(r)).get(); }

  ::motcua::testing::TempDir dir_;
  std::string db_ = dir_.File("motcua.db");
  ManualClock clock_{Vn("2024-03-15 09:00")};
  ::motcua::testing::CountingSecrets secrets_;
  std::mutex mutex_;
  std::unique_ptr<EngineService> service_;
};

TEST_F(EngineServiceTest, CommandsThatArriveTogetherShareOneCommitAndAreAcknowledgedAfterIt) {
  Open();
  // Queued before the engine thread runs: they all arrive together.
  std::vector<long long> seen;
  std::vector<std::future<CommandResult>> results;
  for (int i = 0; i < 50; ++i) results.push_back(Submit(Receive("A" + std::to_string(i)), &seen));
  service_->Start();
  std::set<std::string> codes;
  for (int i = 0; i < 50; ++i) {
    CommandResult r = results[i].get();
    ASSERT_THAT(r.status, IsOk());
    EXPECT_EQ(r.reply.events(0).seq(), static_cast<std::uint64_t>(i + 1));
    EXPECT_EQ(r.reply.dossier().status(), v1::STATUS_RECEIVED);
    EXPECT_EQ(r.reply.dossier().last_seq(), static_cast<std::uint64_t>(i + 1));
    char secret[16];
    std::snprintf(secret, sizeof secret, "S%07d", i + 1);  // CountingSecrets, in order
    EXPECT_EQ(r.reply.lookup_secret(), secret);
    codes.insert(r.reply.dossier().code());
  }
  EXPECT_EQ(codes.size(), 50u);
  // Every acknowledgement came after the one commit of all fifty.
  EXPECT_THAT(seen, ::testing::Each(50));
}

TEST_F(EngineServiceTest, ABurstLargerThanABatchIsCommittedInSeveral) {
  Open(1000, /*max_batch=*/10);
  std::vector<long long> seen;
  std::vector<std::future<CommandResult>> results;
  for (int i = 0; i < 25; ++i) results.push_back(Submit(Receive("B" + std::to_string(i)), &seen));
  service_->Start();
  for (auto& f : results) ASSERT_THAT(f.get().status, IsOk());
  ASSERT_EQ(seen.size(), 25u);
  // Each command is acknowledged only once its own batch is on disk.
  for (std::size_t i = 0; i < seen.size(); ++i) {
    const long long own_batch_end =
        std::min<long long>(25, (static_cast<long long>(i) / 10 + 1) * 10);
    EXPECT_GE(seen[i], own_batch_end) << i;
  }
}

TEST_F(EngineServiceTest, WhenTheCommitFailsNothingIsAcknowledgedAndMemoryIsRolledBack) {
  Open();
  service_->Start();
  {
    // Fault injection with the real database: every insert into the log fails.
    auto db = sqlite::Database::Open(db_);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("CREATE TRIGGER fail_events BEFORE INSERT ON events "
                            "BEGIN SELECT RAISE(ABORT, 'injected'); END;"),
                IsOk());
  }
  std::vector<std::future<CommandResult>> results;
  for (int i = 0; i < 3; ++i)
    results.push_back(Submit(Receive("C" + std::to_string(i), "k" + std::to_string(i))));
  for (auto& f : results) EXPECT_THAT(f.get().status, HasError(Error::kStorage));
  EXPECT_EQ(Events(), 0);
  {
    auto db = sqlite::Database::Open(db_);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("DROP TRIGGER fail_events"), IsOk());
  }
  // The engine forgot the failed batch: the day's first code is given again,
  // and a failed key can be used for real.
  CommandResult again = Run(Receive("C0", "k0"));
  ASSERT_THAT(again.status, IsOk());
  EXPECT_EQ(again.reply.dossier().code(), std::string(kTestUnit) + "-240315-0001");
  EXPECT_FALSE(again.replayed);
  EXPECT_EQ(Events(), 1);
}

// The same through the EventLog port: the service is handed a wrapper
// around the real log that fails the commit the test chooses.
TEST_F(EngineServiceTest, AFailedAppendFailsItsBatchOnlyKeepsWhatWasAcknowledgedAndGoesOn) {
  auto real = sqlite::SqliteEventLog::Open(db_, projections::AllProjections());
  ASSERT_THAT(real, IsOk());
  auto owned = std::make_unique<::motcua::testing::FaultyEventLog>(std::move(*real));
  ::motcua::testing::FaultyEventLog& log = *owned;  // owned by the service from here
  auto opened = EngineService::OpenWithLog(
      std::move(owned), EngineServiceOptions{},
      engine::EngineOptions{.unit_code = kTestUnit, .fee_wait_pauses_clock = false},
      ::motcua::testing::ShippedCatalog(), ::motcua::testing::ShippedCalendar(), clock_,
      secrets_);
  ASSERT_THAT(opened, IsOk());
  service_ = std::move(*opened);
  log.FailNthCommit(2);
  service_->Start();

  CommandResult first = Run(Receive("A", "key-a"));
  ASSERT_THAT(first.status, IsOk());
  const std::string first_code = first.reply.dossier().code();
  EXPECT_EQ(first_code, std::string(kTestUnit) + "-240315-0001");

  // Three commands that arrive together, while the engine thread is held by
  // an exclusive job: one batch, the commit that fails. A retry of the
  // acknowledged command is in it too.
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  ASSERT_THAT(service_->RunExclusive([released](engine::Engine&, EventLog&) { released.wait(); }),
              IsOk());
  auto b = Submit(Receive("B", "key-b"));
  auto c = Submit(Receive("C"));
  auto retry = Submit(Receive("A", "key-a"));
  release.set_value();
  for (auto* f : {&b, &c, &retry}) {
    CommandResult r = f->get();
    // Answered with the error, and nothing that looks like a reply.
    EXPECT_THAT(r.status, HasError(Error::kStorage));
    EXPECT_THAT(r.status.message(), ::testing::HasSubstr("injected failure of commit 2"));
    EXPECT_FALSE(r.replayed);
    EXPECT_EQ(r.reply.events_size(), 0);
    EXPECT_FALSE(r.reply.has_dossier());
  }
  EXPECT_EQ(log.failed(), 1u);
  EXPECT_EQ(Events(), 1);  // only the acknowledged command

  // The service goes on: the next command commits, numbered after the
  // acknowledged one; the failed batch's code is given again; its key was
  // never stored, so it runs for real; the acknowledged key still replays.
  CommandResult again = Run(Receive("B", "key-b"));
  ASSERT_THAT(again.status, IsOk());
  EXPECT_FALSE(again.replayed);
  EXPECT_EQ(again.reply.events(0).seq(), 2u);
  EXPECT_EQ(again.reply.dossier().code(), std::string(kTestUnit) + "-240315-0002");
  CommandResult replayed = Run(Receive("A", "key-a"));
  ASSERT_THAT(replayed.status, IsOk());
  EXPECT_TRUE(replayed.replayed);
  EXPECT_EQ(replayed.reply.dossier().code(), first_code);
  EXPECT_EQ(log.commits(), 3u);
  service_->Stop();

  // After a restart over the plain log: exactly the two acknowledged
  // commands, and the engine continues from them.
  Open();
  service_->Start();
  EXPECT_EQ(service_->replayed_events(), 2u);
  CommandResult next = Run(Receive("D"));
  ASSERT_THAT(next.status, IsOk());
  EXPECT_EQ(next.reply.dossier().code(), std::string(kTestUnit) + "-240315-0003");
  EXPECT_EQ(Events(), 3);
}

CommandRequest HandOver(const std::string& code, const std::string& to_user) {
  CommandRequest h;
  h.command.set_actor("tiepnhan01");
  h.command.mutable_hand_over()->set_dossier_code(code);
  h.command.mutable_hand_over()->set_to_unit("Tư pháp - Hộ tịch");
  h.command.mutable_hand_over()->set_to_user(to_user);
  return h;
}

TEST_F(EngineServiceTest, ReplyViewsFollowEveryCommandAndForgetARolledBackBatch) {
  Open();
  service_->Start();
  CommandResult r = Run(Receive("H"));
  ASSERT_THAT(r.status, IsOk());
  const std::string code = r.reply.dossier().code();
  // Two hand-overs in one batch: each reply shows the dossier as its own
  // command left it (the view is kept between commands, dossier_view_cache.h).
  service_->Stop();
  Open();
  auto first = Submit(HandOver(code, "tuphap01"));
  auto second = Submit(HandOver(code, "tuphap02"));
  service_->Start();
  CommandResult a = first.get(), b = second.get();
  ASSERT_THAT(a.status, IsOk());
  ASSERT_THAT(b.status, IsOk());
  EXPECT_EQ(a.reply.dossier().handovers_size(), 1);
  EXPECT_EQ(a.reply.dossier().last_seq(), 2u);
  EXPECT_EQ(b.reply.dossier().handovers_size(), 2);
  EXPECT_EQ(b.reply.dossier().last_seq(), 3u);
  EXPECT_EQ(b.reply.dossier().applicant().name(), "H");
  {
    auto db = sqlite::Database::Open(db_);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("CREATE TRIGGER fail_events BEFORE INSERT ON events "
                            "BEGIN SELECT RAISE(ABORT, 'injected'); END;"),
                IsOk());
  }
  EXPECT_THAT(Run(HandOver(code, "tuphap03")).status, HasError(Error::kStorage));
  {
    auto db = sqlite::Database::Open(db_);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("DROP TRIGGER fail_events"), IsOk());
  }
  // The undone hand-over is in no later reply.
  CommandResult c = Run(HandOver(code, "tuphap04"));
  ASSERT_THAT(c.status, IsOk());
  ASSERT_EQ(c.reply.dossier().handovers_size(), 3);
  EXPECT_EQ(c.reply.dossier().handovers(2).to_user(), "tuphap04");
  EXPECT_EQ(c.reply.dossier().last_seq(), 4u);
  EXPECT_EQ(Events(), 4);
}

TEST_F(EngineServiceTest, ARetryGetsTheFirstReplyWhetherTheFirstIsCommittedOrStillInTheBatch) {
  Open();
  // Both in one batch: the second waits for the first.
  auto first = Submit(Receive("D", "key-1"));
  auto dup = Submit(Receive("D", "key-1"));
  auto other = Submit(Receive("E", "key-1"));  // same key, another request
  service_->Start();
  CommandResult a = first.get();
  CommandResult b = dup.get();
  ASSERT_THAT(a.status, IsOk());
  ASSERT_THAT(b.status, IsOk());
  EXPECT_FALSE(a.replayed);
  EXPECT_TRUE(b.replayed);
  EXPECT_EQ(a.reply.SerializeAsString(), b.reply.SerializeAsString());
  EXPECT_THAT(other.get().status, HasError(Error::kConflict));
  EXPECT_EQ(Events(), 1);

  // After the commit, and after a restart: the stored reply, nothing written.
  CommandResult c = Run(Receive("D", "key-1"));
  EXPECT_TRUE(c.replayed);
  EXPECT_EQ(c.reply.SerializeAsString(), a.reply.SerializeAsString());
  service_->Stop();
  Open();
  service_->Start();
  EXPECT_EQ(service_->replayed_events(), 1u);
  CommandResult d = Run(Receive("D", "key-1"));
  EXPECT_TRUE(d.replayed);
  EXPECT_EQ(d.reply.dossier().code(), a.reply.dossier().code());
  EXPECT_THAT(Run(Receive("F", "key-1")).status, HasError(Error::kConflict));
  EXPECT_EQ(Events(), 1);
  // Keys are per officer.
  CommandRequest theirs = Receive("D", "key-1");
  theirs.command.set_actor("tiepnhan02");
  EXPECT_FALSE(Run(theirs).replayed);
  EXPECT_EQ(Events(), 2);
}

TEST_F(EngineServiceTest, AKeyIsRememberedForItsRetentionAndForgottenAfter) {
  Open();
  service_->Start();
  CommandResult first = Run(Receive("D", "key-1"));
  ASSERT_THAT(first.status, IsOk());
  service_->Stop();

  // 29 days later, at start-up: still the stored reply.
  clock_.Set(Vn("2024-04-13 09:00"));
  Open();
  service_->Start();
  CommandResult retry = Run(Receive("D", "key-1"));
  EXPECT_TRUE(retry.replayed);
  EXPECT_EQ(retry.reply.dossier().code(), first.reply.dossier().code());
  service_->Stop();

  // Past 30 days the start-up prune has deleted it: the key is free again.
  clock_.Set(Vn("2024-04-15 09:00"));
  Open();
  service_->Start();
  CommandResult again = Run(Receive("D", "key-1"));
  ASSERT_THAT(again.status, IsOk());
  EXPECT_FALSE(again.replayed);
  EXPECT_NE(again.reply.dossier().code(), first.reply.dossier().code());
  EXPECT_EQ(Events(), 2);
}

TEST_F(EngineServiceTest, ARunningServicePrunesAgainAtItsInterval) {
  auto opened = OpenTestService(
      EngineServiceOptions{.db_path = db_,
                           .idempotency_prune_every = std::chrono::milliseconds(20)},
      clock_, secrets_);
  ASSERT_THAT(opened, IsOk());
  service_ = std::move(*opened);
  service_->Start();
  ASSERT_THAT(Run(Receive("D", "key-1")).status, IsOk());
  // No restart: only the timer can delete the record.
  clock_.Set(Vn("2024-04-15 09:00"));
  // The timer fires on the engine thread, which offers nothing to wait on:
  // the table is polled.
  EXPECT_TRUE(::motcua::testing::Eventually([&] {
    auto db = sqlite::Database::Open(db_, sqlite::Database::Mode::kReadOnly);
    if (!db.ok()) return false;
    sqlite::Statement st(**db, "SELECT COUNT(*) FROM idempotency");
    return st.Step() && st.ColumnInt(0) == 0;
  })) << "the record past its retention was never deleted";
  EXPECT_FALSE(Run(Receive("D", "key-1")).replayed);
}

TEST_F(EngineServiceTest, ReplayRestoresTheEngineSoLaterCommandsSeeEarlierOnes) {
  Open();
  service_->Start();
  CommandResult r = Run(Receive("G"));
  ASSERT_THAT(r.status, IsOk());
  service_->Stop();
  Open();
  service_->Start();
  CommandRequest hand_over;
  hand_over.command.set_actor("tiepnhan01");
  hand_over.command.mutable_hand_over()->set_dossier_code(r.reply.dossier().code());
  hand_over.command.mutable_hand_over()->set_to_unit("Tư pháp - Hộ tịch");
  hand_over.command.mutable_hand_over()->set_to_user("tuphap01");
  CommandResult h = Run(hand_over);
  ASSERT_THAT(h.status, IsOk());
  // The reply folds the committed history with the new event.
  EXPECT_EQ(h.reply.dossier().status(), v1::STATUS_PROCESSING);
  EXPECT_EQ(h.reply.dossier().applicant().name(), "G");
  EXPECT_EQ(h.reply.dossier().handovers_size(), 1);
  EXPECT_EQ(h.reply.events(0).seq(), 2u);
  // Refused commands change nothing and say why.
  CommandRequest unknown = hand_over;
  unknown.command.mutable_hand_over()->set_dossier_code(std::string(kTestUnit) + "-240101-0042");
  EXPECT_THAT(Run(unknown).status, HasError(Error::kNotFound));
  EXPECT_EQ(Events(), 2);
}

TEST_F(EngineServiceTest, AFullQueueRefusesAndStopDrainsWhatWasTaken) {
  Open(/*max_pending=*/2);
  auto a = Submit(Receive("H1"));
  auto b = Submit(Receive("H2"));
  auto c = Submit(Receive("H3"));
  EXPECT_THAT(c.get().status, HasError(Error::kOverloaded));
  // Never started: Stop() still executes and commits what it took.
  service_->Stop();
  EXPECT_THAT(a.get().status, IsOk());
  EXPECT_THAT(b.get().status, IsOk());
  EXPECT_EQ(Events(), 2);
  EXPECT_THAT(service_->Submit(Receive("H4"), [](CommandResult) {}), HasError(Error::kOverloaded));
}

}  // namespace
}  // namespace motcua::runtime
