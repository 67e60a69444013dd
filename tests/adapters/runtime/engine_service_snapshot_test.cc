// EngineService with its snapshot (docs/operations.md "Snapshots"): written
// in the background every N committed events and at Stop(), loaded at the
// next start so that only the events after it are replayed, and ignored
// (with a warning, the whole log replayed) when it does not match.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "adapters/runtime/engine_service.h"
#include "adapters/snapshot/snapshot_file.h"
#include "tests/adapters/runtime/service_fixtures.h"
#include "tests/support/fixtures.h"

namespace motcua::runtime {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::HasSubstr;

class EngineServiceSnapshotTest : public ::testing::Test {
 protected:
  void Open(std::uint64_t every = 100000) {
    service_.reset();
    auto opened = OpenTestService(EngineServiceOptions{.db_path = db_,
                                                       .log = &log_,
                                                       .snapshot_path = snapshot_.string(),
                                                       .snapshot_every_events = every},
                                  clock_, secrets_);
    ASSERT_THAT(opened, IsOk());
    service_ = std::move(*opened);
    service_->Start();
  }

  // Receives a dossier, each in a commit of its own; returns its code.
  std::string Receive(const std::string& applicant) {
    CommandRequest r;
    r.command.set_actor("tiepnhan01");
    r.command.mutable_receive()->set_procedure_code("1.004873");
    r.command.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
    r.command.mutable_receive()->mutable_applicant()->set_name(applicant);
    std::promise<CommandResult> promise;
    auto future = promise.get_future();
    EXPECT_THAT(service_->Submit(std::move(r),
                                 [&promise](CommandResult result) {
                                   promise.set_value(std::move(result));
                                 }),
                IsOk());
    CommandResult result = future.get();
    EXPECT_THAT(result.status, IsOk());
    return result.reply.dossier().code();
  }

  std::string Logged() const { return log_text_.str(); }

  ::motcua::testing::TempDir dir_;
  std::string db_ = dir_.File("motcua.db");
  std::filesystem::path snapshot_ = snapshot::SnapshotPathFor(db_);
  ManualClock clock_{Vn("2024-03-15 09:00")};
  ::motcua::testing::CountingSecrets secrets_;
  std::ostringstream log_text_;
  RequestLog log_{&log_text_};
  std::unique_ptr<EngineService> service_;
};

TEST_F(EngineServiceSnapshotTest, AStopWritesASnapshotAndTheNextStartReplaysNothing) {
  Open();
  std::string last;
  for (int i = 0; i < 30; ++i) last = Receive("Trần Thị Thu " + std::to_string(i));
  EXPECT_THAT(last, ::testing::EndsWith("-0030"));
  service_->Stop();
  EXPECT_THAT(Logged(), HasSubstr("snapshot: 30 dossiers up to event 30 written"));

  Open();
  EXPECT_EQ(service_->snapshot_seq_at_start(), 30u);
  EXPECT_EQ(service_->replayed_events(), 0u);
  EXPECT_EQ(service_->engine_on_thread().size(), 30u);
  // The day's numbering goes on from the loaded counters.
  EXPECT_THAT(Receive("Lê Văn Tám"), ::testing::EndsWith("-0031"));
}

TEST_F(EngineServiceSnapshotTest, CheckpointsAreWrittenInTheBackgroundAndACrashReplaysOnlyWhatCameAfter) {
  Open(/*every=*/10);
  for (int i = 0; i < 12; ++i) Receive("Phạm Minh " + std::to_string(i));
  // The checkpoint at 10 events or more is written by the writer's thread.
  std::uint64_t checkpoint = 0;
  for (int wait = 0; wait < 1000 && checkpoint == 0; ++wait) {
    auto read = snapshot::ReadSnapshotFile(snapshot_);
    if (read.ok()) checkpoint = read->stamp.seq;
    else std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_GE(checkpoint, 10u);
  ASSERT_LE(checkpoint, 12u);
  // A crash now: the file holds the checkpoint, the log 5 events more.
  const std::filesystem::path kept = dir_.path() / "checkpoint";
  std::filesystem::copy_file(snapshot_, kept);
  for (int i = 12; i < 17; ++i) Receive("Phạm Minh " + std::to_string(i));
  service_->Stop();
  std::filesystem::copy_file(kept, snapshot_, std::filesystem::copy_options::overwrite_existing);

  Open(/*every=*/10);
  EXPECT_EQ(service_->snapshot_seq_at_start(), checkpoint);
  EXPECT_EQ(service_->replayed_events(), 17u - checkpoint);
  EXPECT_EQ(service_->engine_on_thread().size(), 17u);
  EXPECT_THAT(Receive("Phạm Minh 17"), ::testing::EndsWith("-0018"));
}

TEST_F(EngineServiceSnapshotTest, ADamagedSnapshotIsIgnoredWithAWarningAndTheWholeLogReplayed) {
  Open();
  for (int i = 0; i < 5; ++i) Receive("Đỗ Quang " + std::to_string(i));
  service_->Stop();
  {
    // One bit of the last dossier's state flipped.
    std::fstream file(snapshot_, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(-40, std::ios::end);
    const char byte = static_cast<char>(file.get());
    file.seekp(-40, std::ios::end);
    file.put(static_cast<char>(byte ^ 0x01));
  }
  Open();
  EXPECT_THAT(Logged(), HasSubstr("snapshot: ignored, not a whole snapshot"));
  EXPECT_THAT(Logged(), HasSubstr("replayed the whole log"));
  EXPECT_EQ(service_->snapshot_seq_at_start(), 0u);
  EXPECT_EQ(service_->replayed_events(), 5u);
  EXPECT_THAT(Receive("Đỗ Quang 5"), ::testing::EndsWith("-0006"));
  // The stop replaces it with a whole one.
  service_->Stop();
  auto read = snapshot::ReadSnapshotFile(snapshot_);
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ(read->stamp.seq, 6u);
}

}  // namespace
}  // namespace motcua::runtime
