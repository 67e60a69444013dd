// The webhook's tables on a real SQLite file: the cursor, and the list of
// alerts set aside (recorded, listed with their alert, retried by hand,
// recorded again after a failed retry, forgotten once delivered), kept
// across connections.
#include "adapters/sqlite/webhook_queries.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "adapters/sqlite/alert_projection.h"
#include "adapters/sqlite/dossier_projection.h"
#include "adapters/sqlite/schema.h"
#include "engine/base/proto_time.h"
#include "tests/support/fixtures.h"

namespace motcua::sqlite {
namespace {

using ::motcua::testing::IsOk;

constexpr std::string_view kUrl = "http://127.0.0.1:9/hook";

class WebhookQueriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(path_);
    ASSERT_THAT(db, IsOk());
    db_ = std::move(*db);
    DossierProjection dossiers;
    AlertProjection alerts;
    // The log's own tables first, as SqliteEventLog::Open makes them: the
    // projections' migrations may read the events.
    ASSERT_THAT(Migrate(*db_, "events", EventLogMigrations()), IsOk());
    ASSERT_THAT(Migrate(*db_, dossiers.component(), dossiers.migrations()), IsOk());
    ASSERT_THAT(Migrate(*db_, alerts.component(), alerts.migrations()), IsOk());
    ASSERT_THAT(Migrate(*db_, "webhook", WebhookMigrations()), IsOk());
    ASSERT_THAT(alerts.Prepare(*db_), IsOk());
    for (const std::uint64_t seq : {std::uint64_t{3}, std::uint64_t{5}, std::uint64_t{8}}) {
      engine::PendingEvent pending;
      v1::Event& e = pending.event;
      e.set_seq(seq);
      e.set_dossier_code("000.00.07.H06-261202-000" + std::to_string(seq));
      SetSeconds(1000 + static_cast<std::int64_t>(seq), e.mutable_at());
      e.mutable_alert_raised()->set_kind(v1::ALERT_KIND_OVERDUE);
      SetSeconds(900, e.mutable_alert_raised()->mutable_moment());
      SetSeconds(900, e.mutable_alert_raised()->mutable_appointment_at());
      ASSERT_THAT(alerts.Apply(pending), IsOk());
    }
  }

  static UndeliveredRecord Refused(std::uint64_t seq, std::int64_t at) {
    return {.seq = seq,
            .reason = UndeliveredReason::kRefused,
            .http_status = 404,
            .last_error = "HTTP 404",
            .attempts = 1,
            .last_attempt_at = at,
            .at = at};
  }

  ::motcua::testing::TempDir dir_;
  std::string path_ = dir_.File("motcua.db");
  std::unique_ptr<Database> db_;
};

TEST_F(WebhookQueriesTest, TheCursorStartsMovesAndIsPerUrl) {
  EXPECT_EQ(*WebhookCursor(*db_, kUrl), std::nullopt);
  ASSERT_THAT(SaveWebhookCursor(*db_, kUrl, 5, 100), IsOk());
  ASSERT_THAT(SaveWebhookCursor(*db_, kUrl, 8, 101), IsOk());
  EXPECT_EQ(*WebhookCursor(*db_, kUrl), 8u);
  EXPECT_EQ(*WebhookCursor(*db_, "http://127.0.0.1:9/other"), std::nullopt);
}

TEST_F(WebhookQueriesTest, SetAsideAlertsAreListedWithTheirAlertAndOutliveTheConnection) {
  ASSERT_THAT(RecordUndelivered(*db_, kUrl, Refused(5, 2000), std::nullopt), IsOk());
  ASSERT_THAT(RecordUndelivered(*db_, kUrl,
                                {.seq = 3,
                                 .reason = UndeliveredReason::kTooOld,
                                 .http_status = 0,
                                 .last_error = "connection refused",
                                 .attempts = 7,
                                 .last_attempt_at = 1990,
                                 .at = 2001},
                                std::nullopt),
              IsOk());
  ASSERT_THAT(RecordUndelivered(*db_, "http://127.0.0.1:9/other", Refused(8, 2002), std::nullopt),
              IsOk());
  db_.reset();  // what a restart sees
  auto reopened = Database::Open(path_, Database::Mode::kReadOnly);
  ASSERT_THAT(reopened, IsOk());
  auto rows = ListUndelivered(**reopened, kUrl, 10);
  ASSERT_THAT(rows, IsOk());
  ASSERT_EQ(rows->size(), 2u);
  const UndeliveredRow& old = (*rows)[0];  // in seq order
  EXPECT_EQ(old.alert.seq, 3u);
  EXPECT_EQ(old.alert.code, "000.00.07.H06-261202-0003");
  EXPECT_EQ(old.alert.deliver_at, 1003);
  EXPECT_EQ(old.reason, UndeliveredReason::kTooOld);
  EXPECT_EQ(old.http_status, 0);
  EXPECT_EQ(old.last_error, "connection refused");
  EXPECT_EQ(old.attempts, 7u);
  EXPECT_EQ(old.last_attempt_at, 1990);
  EXPECT_EQ(old.undelivered_at, 2001);
  EXPECT_EQ(old.retry_requested_at, std::nullopt);
  const UndeliveredRow& refused = (*rows)[1];
  EXPECT_EQ(refused.alert.seq, 5u);
  EXPECT_EQ(refused.reason, UndeliveredReason::kRefused);
  EXPECT_EQ(refused.http_status, 404);
  EXPECT_EQ(refused.attempts, 1u);
  auto first = ListUndelivered(**reopened, kUrl, 1);
  ASSERT_THAT(first, IsOk());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].alert.seq, 3u);
}

TEST_F(WebhookQueriesTest, ARetryQueuesAgainAndAFailedOneAddsItsAttempts) {
  ASSERT_THAT(RecordUndelivered(*db_, kUrl, Refused(3, 2000), std::nullopt), IsOk());
  ASSERT_THAT(RecordUndelivered(*db_, kUrl, Refused(5, 2000), std::nullopt), IsOk());
  EXPECT_EQ(RequestRetry(*db_, kUrl, 9, 3000).status().code(), Error::kNotFound);
  auto one = RequestRetry(*db_, kUrl, 5, 3000);
  ASSERT_THAT(one, IsOk());
  EXPECT_EQ(*one, 1u);
  auto queued = ListUndelivered(*db_, kUrl, 10, /*retry_only=*/true);
  ASSERT_THAT(queued, IsOk());
  ASSERT_EQ(queued->size(), 1u);
  EXPECT_EQ((*queued)[0].alert.seq, 5u);
  EXPECT_EQ((*queued)[0].retry_requested_at, 3000);

  // The retry fails again (now too old, never tried): the earlier error and
  // attempt stay, the attempts add up, and the request is done.
  ASSERT_THAT(RecordUndelivered(*db_, kUrl,
                                {.seq = 5,
                                 .reason = UndeliveredReason::kTooOld,
                                 .http_status = 0,
                                 .last_error = "",
                                 .attempts = 0,
                                 .last_attempt_at = 0,
                                 .at = 4000},
                                3000),
              IsOk());
  auto rows = ListUndelivered(*db_, kUrl, 10);
  ASSERT_THAT(rows, IsOk());
  ASSERT_EQ(rows->size(), 2u);
  const UndeliveredRow& again = (*rows)[1];
  EXPECT_EQ(again.reason, UndeliveredReason::kTooOld);
  EXPECT_EQ(again.last_error, "HTTP 404");
  EXPECT_EQ(again.attempts, 1u);
  EXPECT_EQ(again.last_attempt_at, 2000);
  EXPECT_EQ(again.undelivered_at, 4000);
  EXPECT_EQ(again.retry_requested_at, std::nullopt);

  // A retry asked again while one was under way stays asked.
  auto all = RequestRetry(*db_, kUrl, std::nullopt, 5000);
  ASSERT_THAT(all, IsOk());
  EXPECT_EQ(*all, 2u);
  ASSERT_THAT(RecordUndelivered(*db_, kUrl, Refused(5, 5001), /*retry_seen=*/4500), IsOk());
  queued = ListUndelivered(*db_, kUrl, 10, /*retry_only=*/true);
  ASSERT_THAT(queued, IsOk());
  EXPECT_EQ(queued->size(), 2u);

  // Delivered: it leaves the list.
  ASSERT_THAT(ForgetUndelivered(*db_, kUrl, 3), IsOk());
  rows = ListUndelivered(*db_, kUrl, 10);
  ASSERT_THAT(rows, IsOk());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].alert.seq, 5u);
  EXPECT_EQ((*rows)[0].attempts, 2u);
}

}  // namespace
}  // namespace motcua::sqlite
