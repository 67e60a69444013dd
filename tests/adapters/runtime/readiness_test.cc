#include "adapters/runtime/readiness.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>
#include <memory>
#include <string>

#include "adapters/runtime/engine_service.h"
#include "adapters/sqlite/database.h"
#include "tests/adapters/runtime/service_fixtures.h"
#include "tests/support/fixtures.h"

namespace motcua::runtime {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class ReadinessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = OpenTestService(EngineServiceOptions{.db_path = db_}, clock_, secrets_);
    ASSERT_THAT(opened, IsOk());
    engine_ = std::move(*opened);
    engine_->Start();
  }

  Status Receive() {
    CommandRequest r;
    r.command.set_actor("tiepnhan01");
    v1::Receive* body = r.command.mutable_receive();
    body->set_procedure_code("1.004873");
    body->set_channel(v1::CHANNEL_COUNTER);
    body->mutable_applicant()->set_name("Nguyễn Văn An");
    auto promise = std::make_shared<std::promise<Status>>();
    auto future = promise->get_future();
    Status s = engine_->Submit(std::move(r),
                               [promise](CommandResult result) { promise->set_value(result.status); });
    if (!s.ok()) return s;
    return future.get();
  }

  void Sql(const std::string& sql) {
    auto db = sqlite::Database::Open(db_);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec(sql), IsOk());
  }

  ::motcua::testing::TempDir dir_;
  std::string db_ = dir_.File("motcua.db");
  ManualClock clock_{Vn("2024-03-15 09:00")};
  ::motcua::testing::CountingSecrets secrets_;
  std::unique_ptr<EngineService> engine_;
};

TEST_F(ReadinessTest, NotReadyUntilStartedAndAgainOnceStopping) {
  Readiness readiness({.db_path = db_, .min_free_mib = 0, .engine = engine_.get()});
  EXPECT_THAT(readiness.Problems(),
              ElementsAre("starting: replaying the log and arming the alerts"));
  readiness.MarkStarted();
  EXPECT_THAT(readiness.Problems(), IsEmpty());
  readiness.MarkStopping();
  EXPECT_THAT(readiness.Problems(), ElementsAre("stopping"));
}

TEST_F(ReadinessTest, AFailedCommitMakesItNotReadyUntilACommitSucceeds) {
  Readiness readiness({.db_path = db_, .min_free_mib = 0, .engine = engine_.get()});
  readiness.MarkStarted();
  ASSERT_THAT(Receive(), IsOk());
  EXPECT_THAT(readiness.Problems(), IsEmpty());
  // The real file refuses the log's inserts, as a full disk would.
  Sql("CREATE TRIGGER fail_events BEFORE INSERT ON events "
      "BEGIN SELECT RAISE(ABORT, 'disk full'); END");
  EXPECT_FALSE(Receive().ok());
  EXPECT_THAT(readiness.Problems(),
              ElementsAre("database not writable: the last commit failed"));
  Sql("DROP TRIGGER fail_events");
  ASSERT_THAT(Receive(), IsOk());
  EXPECT_THAT(readiness.Problems(), IsEmpty());
}

TEST_F(ReadinessTest, TooLittleDiskSpaceIsNamedWithWhatIsAvailable) {
  // A zettabyte.
  Readiness readiness(
      {.db_path = db_, .min_free_mib = std::uint64_t{1} << 50, .engine = engine_.get()});
  readiness.MarkStarted();
  const auto problems = readiness.Problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0], HasSubstr("disk nearly full: "));
  EXPECT_THAT(problems[0], HasSubstr(" MiB available, at least "));
}

TEST_F(ReadinessTest, ADatabaseWhoseFolderIsGoneIsNotWritable) {
  Readiness readiness(
      {.db_path = dir_.File("gone/motcua.db"), .min_free_mib = 0, .engine = engine_.get()});
  readiness.MarkStarted();
  const auto problems = readiness.Problems();
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0], "database not writable");
}

}  // namespace
}  // namespace motcua::runtime
