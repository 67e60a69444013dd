#include "adapters/runtime/request_log.h"

#include <gmock/gmock.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <string>

#include "tests/support/fixtures.h"

namespace motcua::runtime {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::testing::MatchesRegex;

using std::chrono::microseconds;

// Each line of the log parsed as JSON, failing the test if one is not.
std::vector<google::protobuf::Struct> JsonLines(const std::string& text) {
  std::vector<google::protobuf::Struct> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    google::protobuf::Struct parsed;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(line, &parsed).ok()) << line;
    lines.push_back(parsed);
  }
  return lines;
}

TEST(RequestLogTest, TextLinesStartWithTheirLevel) {
  std::ostringstream out;
  RequestLog log(&out);
  log.Request("GET", "/v1/lookup/X?secret=S3CR3T", 200, microseconds(1500), "ab12cd34-7");
  log.Request("POST", "/v1/commands/receive", 503, microseconds(200));
  log.Note("motcuad: stopped");
  log.Warning("webhook: alert #3 not delivered");
  log.Error("daily export failed\nsecond line");
  EXPECT_EQ(out.str(),
            "info: GET /v1/lookup/X 200 1.5ms id=ab12cd34-7\n"
            "error: POST /v1/commands/receive 503 0.2ms\n"
            "info: motcuad: stopped\n"
            "warning: webhook: alert #3 not delivered\n"
            "error: daily export failed second line\n");
}

TEST(RequestLogTest, JournalLinesCarryTheSdDaemonPriority) {
  std::ostringstream out;
  RequestLog log(&out, LogFormat::kJournal);
  log.Request("GET", "/healthz", 200, microseconds(900));
  log.Warning("auth: failed authentication");
  log.Error("alerts: could not record 2 alert(s)");
  EXPECT_EQ(out.str(),
            "<6>GET /healthz 200 0.9ms\n"
            "<4>auth: failed authentication\n"
            "<3>alerts: could not record 2 alert(s)\n");
}

TEST(RequestLogTest, JsonLinesAreOneObjectEachWithoutTheQuery) {
  std::ostringstream out;
  RequestLog log(&out, LogFormat::kJson);
  log.Request("GET", "/v1/lookup/X?secret=S3CR3T", 404, microseconds(2300), "ab12cd34-7");
  log.Error("a \"quoted\" word\tand a tab");
  EXPECT_THAT(out.str(), ::testing::Not(::testing::HasSubstr("S3CR3T")));
  const auto lines = JsonLines(out.str());
  ASSERT_EQ(lines.size(), 2u);
  const auto& request = lines[0].fields();
  EXPECT_EQ(request.at("level").string_value(), "info");
  EXPECT_EQ(request.at("method").string_value(), "GET");
  EXPECT_EQ(request.at("path").string_value(), "/v1/lookup/X");
  EXPECT_EQ(request.at("status").number_value(), 404);
  EXPECT_DOUBLE_EQ(request.at("ms").number_value(), 2.3);
  EXPECT_EQ(request.at("id").string_value(), "ab12cd34-7");
  EXPECT_THAT(request.at("time").string_value(),
              MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z"));
  const auto& note = lines[1].fields();
  EXPECT_EQ(note.at("level").string_value(), "error");
  EXPECT_EQ(note.at("msg").string_value(), "a \"quoted\" word\tand a tab");
}

TEST(RequestLogTest, FormatsAreNamedAndAnUnknownOneIsRefused) {
  EXPECT_THAT(ParseLogFormat("text"), IsOk());
  EXPECT_EQ(*ParseLogFormat("journal"), LogFormat::kJournal);
  EXPECT_EQ(*ParseLogFormat("json"), LogFormat::kJson);
  EXPECT_THAT(ParseLogFormat("xml"), HasError(Error::kInvalidArgument));
}

}  // namespace
}  // namespace motcua::runtime
