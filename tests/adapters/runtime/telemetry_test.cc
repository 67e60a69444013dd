#include "adapters/runtime/telemetry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>
#include <memory>
#include <string>

#include "adapters/api/route.h"
#include "adapters/runtime/engine_service.h"
#include "adapters/runtime/telemetry_live.h"
#include "adapters/sqlite/database.h"
#include "tests/adapters/runtime/service_fixtures.h"
#include "tests/support/fixtures.h"

namespace motcua::runtime {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(HistogramTest, BucketsAreCumulativeAndTheLastIsEverything) {
  Histogram h({1, 5, 10});
  for (double v : {0.5, 1.0, 3.0, 7.0, 50.0}) h.Observe(v);
  const Histogram::Counts counts = h.Read();
  // le=1 holds 0.5 and 1 (a bound is inclusive), le=5 adds 3, le=10 adds 7.
  EXPECT_EQ(counts.cumulative, (std::vector<std::uint64_t>{2, 3, 4, 5}));
  EXPECT_DOUBLE_EQ(counts.sum, 61.5);
}

TEST(TelemetryTest, RendersTheTextFormatWithTypesAndEscapedLabels) {
  Telemetry t;
  t.Request("/v1/dossiers/{code}", 200, std::chrono::milliseconds(3));
  t.Request("/v1/dossiers/{code}", 200, std::chrono::milliseconds(30));
  t.Request("/v1/dossiers/{code}", 404, std::chrono::milliseconds(1));
  t.Command("receive", "ok");
  t.Command("hand-over", "illegal_transition");
  t.Command("a\"b\\c\nd", "ok");
  t.Shed();
  t.AlertsRaised(3);
  t.AlertDelivered(std::chrono::seconds(20));
  t.AlertSetAside();
  LiveFigures live;
  live.queue_depth = 7;
  live.engine_answered = true;
  live.open_by_status = {{"received", 4}, {"processing", 2}};
  live.overdue = 1;
  live.ready = true;
  live.database_bytes = 4096;
  const std::string text = t.Render(live);

  EXPECT_THAT(text, HasSubstr("# TYPE motcua_http_requests_total counter\n"));
  EXPECT_THAT(text, HasSubstr("motcua_http_requests_total{route=\"/v1/dossiers/{code}\","
                              "status=\"200\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("motcua_http_requests_total{route=\"/v1/dossiers/{code}\","
                              "status=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE motcua_http_request_duration_seconds histogram\n"));
  EXPECT_THAT(text, HasSubstr("motcua_http_request_duration_seconds_bucket{route=\"/v1/dossiers/"
                              "{code}\",le=\"0.005\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("motcua_http_request_duration_seconds_bucket{route=\"/v1/dossiers/"
                              "{code}\",le=\"+Inf\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("motcua_http_request_duration_seconds_count{route=\"/v1/dossiers/"
                              "{code}\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("motcua_commands_total{kind=\"hand-over\","
                              "outcome=\"illegal_transition\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("motcua_commands_total{kind=\"a\\\"b\\\\c\\nd\",outcome=\"ok\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("motcua_engine_queue_depth 7\n"));
  EXPECT_THAT(text, HasSubstr("motcua_engine_shed_total 1\n"));
  EXPECT_THAT(text, HasSubstr("motcua_dossiers_open{status=\"processing\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("motcua_dossiers_overdue 1\n"));
  EXPECT_THAT(text, HasSubstr("motcua_alerts_raised_total 3\n"));
  EXPECT_THAT(text, HasSubstr("motcua_alerts_delivered_total 1\n"));
  EXPECT_THAT(text, HasSubstr("motcua_alerts_undelivered_total 1\n"));
  EXPECT_THAT(text, HasSubstr("motcua_alert_delivery_lag_seconds_bucket{le=\"60\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("motcua_ready 1\n"));
  EXPECT_THAT(text, HasSubstr("motcua_database_bytes 4096\n"));
  // No export has run since start: no export series, rather than a zero
  // that would read as "1970".
  EXPECT_THAT(text, Not(HasSubstr("motcua_export_last")));
  t.ExportFinished(1'700'000'000, false);
  EXPECT_THAT(t.Render(live), HasSubstr("motcua_export_last_ok 0\n"));
  EXPECT_THAT(t.Render(live), Not(HasSubstr("motcua_export_last_success_timestamp_seconds")));
  t.ExportFinished(1'700'003'600, true);
  EXPECT_THAT(t.Render(live),
              HasSubstr("motcua_export_last_success_timestamp_seconds 1700003600\n"));
  // Every line is a comment or "name{labels} value".
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find('\n', start);
    ASSERT_NE(end, std::string::npos) << "the text ends with a newline";
    const std::string line = text.substr(start, end - start);
    EXPECT_TRUE(line.starts_with("# HELP motcua_") || line.starts_with("# TYPE motcua_") ||
                line.starts_with("motcua_"))
        << line;
    start = end + 1;
  }
}

TEST(TelemetryTest, RouteLabelsAreTemplatesNeverTheValuesInThePath) {
  EXPECT_EQ(api::RouteLabelOf("GET", "/v1/dossiers/000.00.07.H06-240315-0012"),
            "/v1/dossiers/{code}");
  EXPECT_EQ(api::RouteLabelOf("GET", "/v1/lookup/000.00.07.H06-240315-0012?secret=K7Q"),
            "/v1/lookup/{code}");
  EXPECT_EQ(api::RouteLabelOf("POST", "/v1/commands/receive"), "/v1/commands/{name}");
  EXPECT_EQ(api::RouteLabelOf("GET", "/metrics"), "/metrics");
  EXPECT_EQ(api::RouteLabelOf("GET", "/wp-admin/Nguyễn"), "unmatched");
  EXPECT_EQ(api::RouteLabelOf("-", "-"), "unmatched");
}

class LiveFiguresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = OpenTestService(EngineServiceOptions{.db_path = db_, .telemetry = &telemetry_},
                                  clock_, secrets_);
    ASSERT_THAT(opened, IsOk());
    engine_ = std::move(*opened);
    engine_->Start();
  }

  Status Receive(const std::string& procedure) {
    CommandRequest r;
    r.command.set_actor("tiepnhan01");
    v1::Receive* body = r.command.mutable_receive();
    body->set_procedure_code(procedure);
    body->set_channel(v1::CHANNEL_COUNTER);
    body->mutable_applicant()->set_name("Nguyễn Văn An");
    auto promise = std::make_shared<std::promise<Status>>();
    auto future = promise->get_future();
    Status s = engine_->Submit(std::move(r),
                               [promise](CommandResult result) { promise->set_value(result.status); });
    if (!s.ok()) return s;
    return future.get();
  }

  ::motcua::testing::TempDir dir_;
  std::string db_ = dir_.File("motcua.db");
  ManualClock clock_{Vn("2024-03-15 09:00")};
  ::motcua::testing::CountingSecrets secrets_;
  Telemetry telemetry_;
  std::unique_ptr<EngineService> engine_;
};

TEST_F(LiveFiguresTest, CountsOpenAndOverdueDossiersCommandsAndCommitsFromTheRealEngine) {
  // 1.004873 takes three working days: received Friday 15 March 2024 at
  // 09:00, due Wednesday 20 March at 09:00.
  ASSERT_THAT(Receive("1.004873"), IsOk());
  ASSERT_THAT(Receive("1.004873"), IsOk());
  EXPECT_FALSE(Receive("no-such-procedure").ok());

  LiveFigures before = GatherLiveFigures(*engine_, nullptr, db_, Vn("2024-03-20 08:59"),
                                         std::chrono::seconds(10));
  ASSERT_TRUE(before.engine_answered);
  EXPECT_EQ(before.open_by_status["received"], 2u);
  EXPECT_EQ(before.overdue, 0u);
  EXPECT_GT(before.database_bytes, 0u);
  EXPECT_GT(before.disk_free_bytes, 0u);
  EXPECT_TRUE(before.ready);

  LiveFigures after = GatherLiveFigures(*engine_, nullptr, db_, Vn("2024-03-20 09:01"),
                                        std::chrono::seconds(10));
  EXPECT_EQ(after.overdue, 2u);

  const std::string text = telemetry_.Render(after);
  EXPECT_THAT(text, HasSubstr("motcua_commands_total{kind=\"receive\",outcome=\"ok\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("motcua_commands_total{kind=\"receive\",outcome=\"not_found\"} 1\n"));
  // Each command waited for its answer: one commit each, the refused one
  // wrote nothing.
  EXPECT_THAT(text, HasSubstr("motcua_commit_batch_commands_count 2\n"));
  EXPECT_THAT(text, HasSubstr("motcua_dossiers_overdue 2\n"));
}

}  // namespace
}  // namespace motcua::runtime
