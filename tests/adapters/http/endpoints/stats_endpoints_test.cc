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
