#include "adapters/sqlite/wal_checkpointer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "tests/support/fixtures.h"

namespace motcua::sqlite {
namespace {

using ::motcua::testing::IsOk;

class WalCheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(path_);
    ASSERT_THAT(db, IsOk());
    writer_ = std::move(*db);
    ASSERT_THAT(writer_->Exec("CREATE TABLE pages (n INTEGER PRIMARY KEY, fill BLOB)"), IsOk());
  }

  // One transaction of `rows` rows of ~4 KB: about a WAL frame each.
  void Write(int rows) {
    Transaction tx(*writer_);
    ASSERT_THAT(tx.status(), IsOk());
    Statement st(*writer_, "INSERT INTO pages (fill) VALUES (zeroblob(4000))");
    for (int i = 0; i < rows; ++i) ASSERT_THAT(st.Run(), IsOk());
    ASSERT_THAT(tx.Commit(), IsOk());
  }

  // Frames in the WAL, from a connection of the test's own (a PASSIVE
  // checkpoint reports them; with the writer idle it also copies them).
  long long WalFrames() {
    auto db = Database::Open(path_);
    if (!db.ok()) return -1;
    Statement st(**db, "PRAGMA wal_checkpoint(PASSIVE)");
    return st.Step() ? st.ColumnInt(1) : -1;
  }

  std::uintmax_t MainFileSize() { return std::filesystem::file_size(path_); }

  ::motcua::testing::TempDir dir_;
  std::string path_ = dir_.File("wal.db");
  std::unique_ptr<Database> writer_;
};

TEST_F(WalCheckpointerTest, TheWritersCommitsNoLongerCheckpoint) {
  // A threshold never reached: nothing checkpoints, so the WAL keeps every
  // frame past SQLite's own 1,000-page checkpoint.
  auto checkpointer =
      WalCheckpointer::Start(*writer_, /*threshold_pages=*/1 << 30, /*writer_limit_pages=*/1 << 30);
  ASSERT_THAT(checkpointer, IsOk());
  for (int i = 0; i < 15; ++i) Write(100);
  EXPECT_EQ((*checkpointer)->checkpoints(), 0u);
  EXPECT_GT(WalFrames(), 1000);
}

TEST_F(WalCheckpointerTest, PastItsLimitTheWriterCheckpointsItselfSoTheWalStaysBounded) {
  // The thread is never woken (its threshold is out of reach): only the
  // writer's own checkpoint past 500 pages moves the pages into the file.
  auto checkpointer =
      WalCheckpointer::Start(*writer_, /*threshold_pages=*/1 << 30, /*writer_limit_pages=*/500);
  ASSERT_THAT(checkpointer, IsOk());
  const std::uintmax_t before = MainFileSize();
  for (int i = 0; i < 15; ++i) Write(100);
  EXPECT_EQ((*checkpointer)->checkpoints(), 0u);
  EXPECT_GE(MainFileSize(), before + 1000u * 4000u);
  EXPECT_LT(WalFrames(), 700);
}

TEST_F(WalCheckpointerTest, ItsThreadCopiesTheWalIntoTheDatabaseFile) {
  auto checkpointer = WalCheckpointer::Start(*writer_, /*threshold_pages=*/50);
  ASSERT_THAT(checkpointer, IsOk());
  const std::uintmax_t before = MainFileSize();
  Write(200);  // ~800 KB, past the threshold
  // The checkpoint runs on the checkpointer's thread, after the commit.
  ASSERT_TRUE(::motcua::testing::Eventually([&] { return (*checkpointer)->checkpoints() >= 1; }));
  EXPECT_GE(MainFileSize(), before + 200u * 4000u);
}

TEST_F(WalCheckpointerTest, StoppingGivesTheWriterItsOwnCheckpointsBack) {
  {
    auto checkpointer = WalCheckpointer::Start(*writer_, /*threshold_pages=*/1 << 30,
                                               /*writer_limit_pages=*/1 << 30);
    ASSERT_THAT(checkpointer, IsOk());
  }
  const std::uintmax_t before = MainFileSize();
  for (int i = 0; i < 15; ++i) Write(100);  // past 1,000 pages: SQLite checkpoints
  EXPECT_GE(MainFileSize(), before + 1000u * 4000u);
}

}  // namespace
}  // namespace motcua::sqlite
