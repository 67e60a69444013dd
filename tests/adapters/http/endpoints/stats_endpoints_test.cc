// The statistics routes through ApiHandler (roles, parameters, renderings),
// the history import on the engine thread, and the daily export timer.
#include "adapters/http/endpoints/stats_endpoints.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "adapters/http/api_handler.h"
#include "adapters/api/body_codec.h"
#include "adapters/runtime/daily_export_timer.h"
#include "adapters/metrics/statistics.h"
#include "adapters/metrics/targets.h"
#include "engine/base/proto_time.h"
#include "motcua/v1/api.pb.h"
#include "tests/adapters/http/api_harness.h"
#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::HasSubstr;

constexpr const char* kAdmin = "admin-token-0001";
constexpr const char* kStatistics = "statistics-token-0001";
constexpr const char* kReception = "reception-token-0001";

std::shared_ptr<const Authenticator> Users() {
  auto built = Authenticator::Build(
      ::motcua::testing::MakeUsers({{"quantri01", v1::ROLE_ADMIN, kAdmin},
                                    {"thongke01", v1::ROLE_STATISTICS, kStatistics},
                                    {"tiepnhan01", v1::ROLE_RECEPTION, kReception}}),
      "test users");
  EXPECT_THAT(built, IsOk());
  return *built;
}

class StatsEndpointsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto targets =
        metrics::LoadTargets(::motcua::testing::SourceDir() / "data/targets/ngoc-son-2024.json");
    ASSERT_THAT(targets, IsOk());
    stats_ = std::make_shared<runtime::StatsContext>(
        runtime::StatsContext{.unit_code = "000.00.07.H06", .unit_name = "UBND xã Ngọc Sơn",
                     .targets = *targets});
    api_ = std::make_unique<testing::ApiHarness>(
        ApiContext{.catalog = ::motcua::testing::ShippedCatalog(), .users = Users(), .unit = {},
                   .stats = stats_},
        Vn("2024-04-10 09:00"));
  }

  Response Call(bhttp::verb method, const std::string& target, const std::string& token,
                const std::string& body = "", const std::string& accept = "") {
    return api_->Send(
        {.method = method, .target = target, .body = body, .token = token, .accept = accept});
  }

  static std::string Event(const char* code, const char* at, const std::string& kind) {
    return std::string(R"({"dossierCode": ")") + code + R"(", "actor": "nhaplieu", "at": ")" + at +
           "\", " + kind + "}";
  }

  // March 2024: d1 received online, handed over, ready, returned
  // electronically; d2 received at the counter and still in progress.
  // Line 5 is `fifth` (the return of d1 by default).
  std::string MarchFile(const std::string& fifth = "") {
    const char* d1 = "000.00.07.H06-240304-0001";
    const char* d2 = "000.00.07.H06-240305-0001";
    return Event(d1, "2024-03-03T13:00:00Z",
                 R"("registeredOnline": {"procedureCode": "1.004873", "applicant": {"name": "Phạm Thu Hà"}})") +
           "\n" +
           Event(d1, "2024-03-04T01:00:00Z", R"("received": {"procedureCode": "1.004873", "channel": "CHANNEL_ONLINE"})") + "\n" +
           "\n" +
           Event(d1, "2024-03-04T02:00:00Z",
                 R"("handedOver": {"toUnit": "Tư pháp - Hộ tịch", "electronic": true})") + "\n" +
           (fifth.empty() ? Event(d1, "2024-03-04T03:00:00Z",
                                  R"("resultReady": {"resultKind": "RESULT_KIND_ELECTRONIC"})")
                          : fifth) + "\n" +
           Event(d1, "2024-03-04T04:00:00Z",
                 R"("resultReturned": {"method": "RETURN_METHOD_ELECTRONIC"})") + "\n" +
           Event(d2, "2024-03-05T01:00:00Z",
                 R"("received": {"procedureCode": "1.004873", "applicant": {"name": "Lê Văn An"}, "channel": "CHANNEL_COUNTER"})") +
           "\n";
  }

  void Import() {
    Response res = Call(bhttp::verb::post, "/v1/import", kAdmin, MarchFile());
    ASSERT_EQ(res.result_int(), 200u) << res.body();
  }

  template <class M>
  M Parse(const Response& res) {
    M m;
    EXPECT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, m), IsOk()) << res.body();
    return m;
  }

  std::shared_ptr<runtime::StatsContext> stats_;
  std::unique_ptr<testing::ApiHarness> api_;
};

TEST_F(StatsEndpointsTest, ImportIsAllOrNothingAndNamesTheBadLine) {
  // Line 5 returns d1 before its result is ready.
  const std::string bad = MarchFile(Event("000.00.07.H06-240304-0001", "2024-03-04T03:00:00Z",
                                          R"("resultReturned": {"method": "RETURN_METHOD_COUNTER"})"));
  Response refused = Call(bhttp::verb::post, "/v1/import", kAdmin, bad);
  EXPECT_EQ(refused.result_int(), 409u) << refused.body();
  EXPECT_THAT(Parse<v1::ErrorReply>(refused).message(), ::testing::StartsWith("dòng 5: "));
  Response none = Call(bhttp::verb::get, "/v1/stats?from=2024-03-01&to=2024-03-31", kStatistics);
  EXPECT_EQ(Parse<v1::Statistics>(none).remote_online_use().den(), 0u);  // nothing was written

  Response forbidden = Call(bhttp::verb::post, "/v1/import", kStatistics, MarchFile());
  EXPECT_EQ(forbidden.result_int(), 403u);

  Response ok = Call(bhttp::verb::post, "/v1/import", kAdmin, MarchFile());
  ASSERT_EQ(ok.result_int(), 200u) << ok.body();
  v1::ImportReply reply = Parse<v1::ImportReply>(ok);
  EXPECT_EQ(reply.events(), 6u);
  EXPECT_EQ(reply.dossiers(), 2u);
  EXPECT_EQ(reply.first_seq(), 1u);
  EXPECT_EQ(reply.last_seq(), 6u);
}

TEST_F(StatsEndpointsTest, StatsForStatisticsLeaderAndAdminWithTheKeysAsNamed) {
  Import();
  EXPECT_EQ(Call(bhttp::verb::get, "/v1/stats?from=2024-03-01&to=2024-03-31", kReception)
                .result_int(),
            403u);
  Response res = Call(bhttp::verb::get, "/v1/stats?from=2024-03-01&to=2024-03-31&format=json",
                      kStatistics);
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  google::protobuf::Struct json;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(res.body(), &json).ok());
  const auto& remote = json.fields().at("remote_online_use").struct_value().fields();
  EXPECT_EQ(remote.at("num").number_value(), 1);
  EXPECT_EQ(remote.at("den").number_value(), 2);
  EXPECT_EQ(remote.at("ratio").number_value(), 0.5);
  EXPECT_EQ(json.fields().at("source").string_value(), "log");  // March is past on 04-10
  const auto& total =
      json.fields().at("report").struct_value().fields().at("total").struct_value().fields();
  EXPECT_EQ(total.at("to_handle").number_value(), 2);
  EXPECT_EQ(total.at("in_progress").number_value(), 1);
  // The server's plan is judged in.
  EXPECT_EQ(json.fields().at("targets").list_value().values_size(), 10);

  // Protobuf for the desk client, with the dossier codes on request.
  Response pb = Call(bhttp::verb::get, "/v1/stats?from=2024-03-01&to=2024-03-31&codes=1",
                     kAdmin, "", std::string(api::kProtobufType));
  ASSERT_EQ(pb.result_int(), 200u);
  v1::Statistics stats;
  ASSERT_TRUE(stats.ParseFromString(pb.body()));
  EXPECT_THAT(stats.remote_online_use().codes().num(),
              ::testing::ElementsAre("000.00.07.H06-240304-0001"));
  EXPECT_EQ(stats.unit(), "UBND xã Ngọc Sơn");

  Response csv = Call(bhttp::verb::get, "/v1/stats?from=2024-03-01&to=2024-03-31&format=csv",
                      kStatistics);
  EXPECT_EQ(csv.result_int(), 200u);
  EXPECT_EQ(csv.body().substr(0, 3), "\xEF\xBB\xBF");
  Response table = Call(bhttp::verb::get,
                        "/v1/stats?from=2024-03-01&to=2024-03-31&format=table", kStatistics);
  EXPECT_THAT(table.body(), HasSubstr("Hồ sơ nộp trực tuyến từ xa"));
}

TEST_F(StatsEndpointsTest, BadParametersAreRefusedInVietnamese) {
  auto code = [&](const std::string& target) {
    Response res = Call(bhttp::verb::get, target, kStatistics);
    return std::make_pair(res.result_int(), Parse<v1::ErrorReply>(res).message());
  };
  EXPECT_EQ(code("/v1/stats?from=2024-03-01").second, "tham số to là bắt buộc (YYYY-MM-DD)");
  EXPECT_THAT(code("/v1/stats?from=2024-03-31&to=2024-03-01").second, HasSubstr("trước ngày đầu"));
  EXPECT_THAT(code("/v1/stats?from=2024-03-01&to=2024-03-31&format=xml").second, HasSubstr("xml"));
  EXPECT_THAT(code("/v1/stats?from=2024-03-01&to=2024-03-31&codes=yes").second, HasSubstr("codes"));
  EXPECT_EQ(code("/v1/stats?from=2024-03-01&to=2024-03-31&unit=x").first, 400u);
}

TEST_F(StatsEndpointsTest, TheTrendsMonthsAreTheStatsOfTheSameDates) {
  Import();
  Response res = Call(bhttp::verb::get, "/v1/stats/trend?to=2024-03-31&months=3", kStatistics);
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto trend = Parse<v1::StatisticsTrend>(res);
  ASSERT_EQ(trend.months_size(), 3);
  EXPECT_EQ(trend.months(0).from(), "2024-01-01");
  EXPECT_EQ(trend.months(1).to(), "2024-02-29");
  const v1::Statistics& march = trend.months(2);
  EXPECT_EQ(march.from(), "2024-03-01");
  EXPECT_FALSE(march.has_report());  // stock figures are not in the counters

  const auto stats = Parse<v1::Statistics>(
      Call(bhttp::verb::get, "/v1/stats?from=2024-03-01&to=2024-03-31", kStatistics));
  EXPECT_EQ(stats.source(), "log");  // a past month: the exact fold, another path
  for (std::string_view name : metrics::kRateNames) {
    const v1::RateFigure& a = *metrics::FindRate(march, name);
    const v1::RateFigure& b = *metrics::FindRate(stats, name);
    EXPECT_EQ(a.num(), b.num()) << name;
    EXPECT_EQ(a.den(), b.den()) << name;
  }
  EXPECT_EQ(march.remote_online_use().num(), 1u);
  EXPECT_EQ(march.remote_online_use().den(), 2u);
  ASSERT_EQ(march.targets_size(), stats.targets_size());
  for (int i = 0; i < march.targets_size(); ++i) {
    EXPECT_EQ(march.targets(i).met(), stats.targets(i).met()) << march.targets(i).id();
  }

  // Without `to`: up to today (the clock's 2024-04-10), twelve months.
  const auto recent =
      Parse<v1::StatisticsTrend>(Call(bhttp::verb::get, "/v1/stats/trend", kStatistics));
  ASSERT_EQ(recent.months_size(), 12);
  EXPECT_EQ(recent.months(0).from(), "2023-05-01");
  EXPECT_EQ(recent.months(11).from(), "2024-04-01");
  EXPECT_EQ(recent.months(11).to(), "2024-04-10");

  EXPECT_EQ(Call(bhttp::verb::get, "/v1/stats/trend", kReception).result_int(), 403u);
  Response zero = Call(bhttp::verb::get, "/v1/stats/trend?months=0", kStatistics);
  EXPECT_EQ(zero.result_int(), 422u);
  EXPECT_THAT(zero.body(), HasSubstr("months"));
  Response bad_to = Call(bhttp::verb::get, "/v1/stats/trend?to=2024-13-01", kStatistics);
  EXPECT_EQ(bad_to.result_int(), 422u);
  EXPECT_THAT(bad_to.body(), HasSubstr("tham số to"));
  EXPECT_EQ(Call(bhttp::verb::get, "/v1/stats/trend?month=3", kStatistics).result_int(), 400u);
}

TEST_F(StatsEndpointsTest, ResolvedDossiersByTheOfficerWhoRecordedTheResult) {
  Import();
  const auto stats = Parse<v1::Statistics>(
      Call(bhttp::verb::get, "/v1/stats?from=2024-03-01&to=2024-03-31", kStatistics));
  ASSERT_EQ(stats.by_holder_size(), 1);
  const v1::HolderRow& row = stats.by_holder(0);
  // "nhaplieu" is not in the users file: no unit, the name itself.
  EXPECT_EQ(row.officer(), "nhaplieu");
  EXPECT_EQ(row.officer_name(), "nhaplieu");
  EXPECT_EQ(row.unit(), "");
  EXPECT_EQ(row.procedure_code(), "1.004873");
  EXPECT_EQ(row.resolved(), 1u);
  EXPECT_EQ(row.on_time(), 1u);
  EXPECT_EQ(row.late(), 0u);
  // Received Monday 4 March 08:00, ready 10:00 the same morning.
  EXPECT_EQ(row.average_working_seconds(), 2u * 3600);

  // The same reply carries the steps of d1's internal process (4/12/4/4 h
  // before 2025-07-01) by who held them: step 1 (08:00-09:00, due 12:00)
  // held by the receiver, whose unit the users file does not know (the
  // receipt's unit code then); step 2 (09:00-10:00, due two days later)
  // held by Tư pháp with no officer named. The result's step 3 never started:
  // the result was not handed over.
  ASSERT_EQ(stats.by_step_holder_size(), 2);
  const v1::StepHolderRow& receiver = stats.by_step_holder(0);
  EXPECT_EQ(receiver.unit(), "000.00.07.H06");
  EXPECT_EQ(receiver.officer(), "nhaplieu");
  EXPECT_EQ(receiver.officer_name(), "nhaplieu");
  EXPECT_EQ(receiver.finished(), 1u);
  EXPECT_EQ(receiver.on_time(), 1u);
  EXPECT_EQ(receiver.working_seconds(), 3600);
  const v1::StepHolderRow& justice = stats.by_step_holder(1);
  EXPECT_EQ(justice.unit(), "Tư pháp - Hộ tịch");
  EXPECT_EQ(justice.officer(), "");
  EXPECT_EQ(justice.officer_name(), "");
  EXPECT_EQ(justice.finished(), 1u);
  EXPECT_EQ(justice.early(), 1u);
  EXPECT_EQ(justice.average_working_seconds(), 3600);
  // Only the message has them: not the CSV.
  Response csv =
      Call(bhttp::verb::get, "/v1/stats?from=2024-03-01&to=2024-03-31&format=csv", kStatistics);
  EXPECT_THAT(csv.body(), ::testing::Not(HasSubstr("Tư pháp - Hộ tịch")));

  // Nothing was resolved, and no step ended, in February.
  const auto february = Parse<v1::Statistics>(
      Call(bhttp::verb::get, "/v1/stats?from=2024-02-01&to=2024-02-29", kStatistics));
  EXPECT_EQ(february.by_holder_size(), 0);
  EXPECT_EQ(february.by_step_holder_size(), 0);
}

TEST_F(StatsEndpointsTest, RatingsAreCountedByLevelAndBothDissatisfiedLevelsAreDislikes) {
  const std::string rated =
      MarchFile() + Event("000.00.07.H06-240304-0001", "2024-03-04T05:00:00Z",
                          R"("rated": {"satisfaction": "SATISFACTION_VERY_DISSATISFIED"})") +
      "\n";
  ASSERT_EQ(Call(bhttp::verb::post, "/v1/import", kAdmin, rated).result_int(), 200u);
  for (const char* to : {"2024-03-31", "2024-04-30"}) {  // the log, then the counters
    const auto stats = Parse<v1::Statistics>(Call(
        bhttp::verb::get, std::string("/v1/stats?from=2024-03-01&to=") + to, kStatistics));
    ASSERT_EQ(stats.satisfaction_size(), 1) << to;
    EXPECT_EQ(stats.satisfaction(0).procedure_code(), "1.004873");
    EXPECT_EQ(stats.satisfaction(0).rated(), 1u);
    EXPECT_EQ(stats.satisfaction(0).very_dissatisfied(), 1u);
    EXPECT_EQ(stats.satisfaction(0).dislike(), 1u);
    EXPECT_EQ(stats.satisfaction_total().very_dissatisfied(), 1u);
    EXPECT_EQ(stats.national_score().dissatisfied().num(), 1u);
  }
  Response csv =
      Call(bhttp::verb::get, "/v1/stats?from=2024-03-01&to=2024-03-31&format=csv", kStatistics);
  EXPECT_THAT(csv.body(), HasSubstr("Rất không hài lòng"));
  EXPECT_THAT(std::string(csv[bhttp::field::content_disposition]),
              HasSubstr("thong-ke-2024-03-01-2024-03-31.csv"));
}

TEST_F(StatsEndpointsTest, TheReportDownloadsAsAnExcelWorkbook) {
  Import();
  Response res =
      Call(bhttp::verb::get, "/v1/stats?from=2024-03-01&to=2024-03-31&format=xlsx", kStatistics);
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_EQ(res[bhttp::field::content_type],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(res[bhttp::field::content_disposition],
            "attachment; filename=\"thong-ke-2024-03-01-2024-03-31.xlsx\"");
  // A zip archive (the workbook's parts, as Excel expects them).
  EXPECT_EQ(res.body().substr(0, 2), "PK");
  EXPECT_THAT(res.body(), HasSubstr("xl/workbook.xml"));
  EXPECT_THAT(res.body(), HasSubstr("xl/worksheets/sheet3.xml"));
  EXPECT_EQ(Call(bhttp::verb::get, "/v1/stats?from=2024-03-01&to=2024-03-31&format=xlsx",
                 kReception)
                .result_int(),
            403u);
}

TEST_F(StatsEndpointsTest, PortalExportIsForTheAdminWithThePortalsNames) {
  Import();
  EXPECT_EQ(Call(bhttp::verb::get, "/v1/export/portal?from=2024-03-01&to=2024-03-31", kStatistics)
                .result_int(),
            403u);
  Response res = Call(bhttp::verb::get, "/v1/export/portal?from=2024-03-01&to=2024-03-31", kAdmin);
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_THAT(res.body(), HasSubstr("\"MaHoSo\": \"000.00.07.H06-240304-0001\""));
  EXPECT_THAT(res.body(), HasSubstr("\"KenhThucHien\": 2"));
  EXPECT_THAT(res.body(), HasSubstr("\"NgayTiepNhan\": \"20240304080000\""));
  EXPECT_THAT(res.body(), HasSubstr("\"TrangThaiHoSo\": 10"));
}

TEST_F(StatsEndpointsTest, TheDailyExportTimerCatchesUpAtStart) {
  Import();
  const std::filesystem::path exports = api_->dir() / "exports";
  std::filesystem::create_directories(exports);
  std::ofstream(exports / "2024-04-07.json") << "{}";
  std::ofstream(exports / "2024-04-07.csv") << "";
  std::ostringstream log_lines;
  runtime::RequestLog log(&log_lines);
  net::io_context ioc;
  exporter::DailyExportSchedule schedule{exports, std::chrono::minutes(17 * 60 + 30)};
  runtime::DailyExportTimer timer(ioc, api_->queries(), api_->clock(), schedule,
                                  ::motcua::testing::ShippedCatalog(), *stats_, log);
  // 04-10 09:00: the 8th and the 9th are due (the 10th only at 17:30).
  timer.Start();
  // Start() has queued the run on a query thread, which then posts the
  // re-arming to `ioc`: Stop() waits for the queued run to finish (it joins
  // the pool), then the timer is stopped.
  api_->queries().Stop();
  timer.Stop();
  ioc.run();  // returns: nothing is armed after Stop()
  EXPECT_TRUE(std::filesystem::exists(exports / "2024-04-08.csv"));
  EXPECT_TRUE(std::filesystem::exists(exports / "2024-04-09.csv"));
  EXPECT_FALSE(std::filesystem::exists(exports / "2024-04-10.json"));
  std::ifstream in(exports / "2024-04-09.json");
  std::stringstream json;
  json << in.rdbuf();
  EXPECT_THAT(json.str(), HasSubstr("\"from\": \"2024-01-01\""));
  EXPECT_THAT(json.str(), HasSubstr("\"to\": \"2024-04-09\""));
  EXPECT_THAT(log_lines.str(), HasSubstr("daily export: wrote 2024-04-09.json"));
}

}  // namespace
}  // namespace motcua::http
