#include "adapters/runtime/dossier_view_cache.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/engine.h"
#include "tests/support/fixtures.h"

namespace motcua::runtime {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

// A real log with dossiers received through the engine.
class DossierViewCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto log = sqlite::SqliteEventLog::Open(dir_.File("motcua.db"), projections::AllProjections());
    ASSERT_THAT(log, IsOk());
    log_ = std::move(*log);
    engine_ = std::make_unique<engine::Engine>(
        engine::EngineOptions{.unit_code = "000.00.07.H06", .fee_wait_pauses_clock = false},
        catalog_, ::motcua::testing::ShippedCalendar(), secrets_);
  }

  std::string Receive(const std::string& applicant) {
    v1::Command c;
    c.set_actor("tiepnhan01");
    c.mutable_receive()->set_procedure_code("1.004873");
    c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
    c.mutable_receive()->mutable_applicant()->set_name(applicant);
    engine::CommitBatch batch;
    auto out = engine_->Execute(c, Vn("2024-03-15 09:00"), batch);
    EXPECT_THAT(out, IsOk());
    EXPECT_THAT(log_->Commit(batch), IsOk());
    engine_->Committed(batch);
    return out.ok() ? out->dossier_code : "";
  }

  ::motcua::testing::TempDir dir_;
  std::shared_ptr<const catalog::Catalog> catalog_ = ::motcua::testing::ShippedCatalog();
  ::motcua::testing::CountingSecrets secrets_;
  std::unique_ptr<sqlite::SqliteEventLog> log_;
  std::unique_ptr<engine::Engine> engine_;
};

TEST_F(DossierViewCacheTest, FoldsTheCommittedHistoryOnceAndKeepsTheView) {
  const std::string a = Receive("An");
  DossierViewCache cache(*catalog_, 4);
  auto view = cache.Get(a, *log_);
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ((*view)->dossier().code(), a);
  EXPECT_EQ((*view)->dossier().applicant().name(), "An");
  EXPECT_EQ((*view)->dossier().last_seq(), 1u);
  // Kept: the same view, not a second read.
  auto again = cache.Get(a, *log_);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(*again, *view);
  EXPECT_EQ(cache.size(), 1u);
}

TEST_F(DossierViewCacheTest, EvictsTheLeastRecentlyUsedBeyondItsCapacity) {
  const std::string a = Receive("An"), b = Receive("Bình"), c = Receive("Chi");
  DossierViewCache cache(*catalog_, 2);
  // An empty view for a marks a's entry: a read of the log would not be empty.
  cache.Fresh(a);
  ASSERT_THAT(cache.Get(b, *log_), IsOk());
  ASSERT_THAT(cache.Get(a, *log_), IsOk());  // a is now the most recent
  ASSERT_THAT(cache.Get(c, *log_), IsOk());  // evicts b, not a
  EXPECT_EQ(cache.size(), 2u);
  auto still = cache.Get(a, *log_);
  ASSERT_THAT(still, IsOk());
  EXPECT_EQ((*still)->dossier().code(), "");  // the marked entry, not a re-read
  // b was evicted: read again from the log.
  auto vb = cache.Get(b, *log_);
  ASSERT_THAT(vb, IsOk());
  EXPECT_EQ((*vb)->dossier().applicant().name(), "Bình");
  EXPECT_EQ((*vb)->dossier().last_seq(), 2u);
}

TEST_F(DossierViewCacheTest, ForgetClearAndFreshDropWhatWasKept) {
  const std::string a = Receive("An");
  DossierViewCache cache(*catalog_, 4);
  ASSERT_THAT(cache.Get(a, *log_), IsOk());
  dossier::DossierViewBuilder* fresh = cache.Fresh(a);
  EXPECT_EQ(fresh->dossier().code(), "");  // empty, not the history
  EXPECT_EQ(cache.size(), 1u);
  cache.Forget(a);
  EXPECT_EQ(cache.size(), 0u);
  auto reread = cache.Get(a, *log_);
  ASSERT_THAT(reread, IsOk());
  EXPECT_EQ((*reread)->dossier().applicant().name(), "An");
  cache.Clear();
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace motcua::runtime
