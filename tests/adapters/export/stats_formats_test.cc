// The three renderings of one period's statistics: JSON (keys exactly as
// named), CSV (BOM, CRLF, quoting) and the Vietnamese table.
#include "adapters/export/stats_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "adapters/export/stats_csv.h"
#include "adapters/export/stats_table.h"
#include "adapters/text/utf8.h"
#include "adapters/metrics/fact_sources.h"
#include "adapters/metrics/statistics.h"
#include "adapters/metrics/targets.h"
#include "tests/adapters/metrics/hand_history.h"

namespace motcua::exporter {
namespace {

using ::motcua::testing::HandHistory;
using ::motcua::testing::IsOk;
using ::testing::HasSubstr;

class StatsFormatsTest : public ::testing::Test {
 protected:
  StatsFormatsTest() : h_(dir_.File("motcua.db")) {
    // d1: online, fee paid online, ready early, returned electronically.
    h_.Registered(d1, "1.001193", "2024-03-01 20:00");
    h_.Received(d1, "1.001193", v1::CHANNEL_ONLINE, "2024-03-04 08:00", "2024-03-08 17:00",
                {true, true});
    h_.HandedOver(d1, "2024-03-04 09:00", true);
    h_.FeePaid(d1, "2024-03-04 10:00", 8000, v1::PAYMENT_METHOD_PROVINCIAL_GATEWAY);
    h_.ResultReady(d1, "2024-03-06 10:00", v1::RESULT_KIND_ELECTRONIC);
    h_.Returned(d1, "2024-03-06 11:00", v1::RETURN_METHOD_ELECTRONIC);
    // d2: at the counter, still in progress at the end of March.
    h_.Received(d2, "1.000894", v1::CHANNEL_COUNTER, "2024-03-28 08:00", "2024-04-03 17:00");
    // d3: at the counter, withdrawn.
    h_.Received(d3, "1.000894", v1::CHANNEL_COUNTER, "2024-03-11 08:00", "2024-03-15 17:00");
    h_.Withdrawn(d3, "2024-03-12 08:00");
    h_.Commit();

    const metrics::Period march = *metrics::MakePeriod("2024-03-01", "2024-03-31");
    auto facts = metrics::FactsFromLog(h_.log(), h_.catalog(), march.end());
    EXPECT_THAT(facts, IsOk());
    metrics::StatisticsOptions options;
    options.unit = "UBND xã Ngọc Sơn";
    options.source = "log";
    stats_ = metrics::ComputeStatistics(*facts, h_.catalog(), march, options);
    auto targets =
        metrics::LoadTargets(::motcua::testing::SourceDir() / "data/targets/ngoc-son-2024.json");
    EXPECT_THAT(targets, IsOk());
    metrics::EvaluateTargets(*targets, stats_);
  }

  const std::string d1 = HandHistory::Code("240301", 1);
  const std::string d2 = HandHistory::Code("240328", 1);
  const std::string d3 = HandHistory::Code("240311", 1);
  ::motcua::testing::TempDir dir_;
  HandHistory h_;
  v1::Statistics stats_;
};

TEST_F(StatsFormatsTest, JsonHasEveryRateAsNumDenRatioAndTheReport) {
  auto json = StatisticsToJson(stats_);
  ASSERT_THAT(json, IsOk());
  google::protobuf::Struct parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*json, &parsed).ok());
  const auto& top = parsed.fields();
  for (std::string_view name : metrics::kRateNames) {
    ASSERT_TRUE(top.contains(std::string(name))) << name;
    const auto& rate = top.at(std::string(name)).struct_value().fields();
    for (const char* key : {"num", "den", "ratio"}) {
      ASSERT_TRUE(rate.contains(key)) << name << "." << key;
      // Numbers, not the strings proto3 JSON uses for 64-bit integers.
      EXPECT_TRUE(rate.at(key).has_number_value()) << name << "." << key;
    }
  }
  const auto& on_time = top.at("resolved_on_time").struct_value().fields();
  EXPECT_EQ(on_time.at("num").number_value(), 1);
  EXPECT_EQ(on_time.at("den").number_value(), 1);
  EXPECT_EQ(on_time.at("ratio").number_value(), 1.0);
  // A zero is printed, not left out.
  const auto& early_late = top.at("report").struct_value().fields().at("total").struct_value();
  EXPECT_EQ(early_late.fields().at("resolved_late").number_value(), 0);
  EXPECT_EQ(early_late.fields().at("to_handle").number_value(), 3);
  EXPECT_EQ(early_late.fields().at("withdrawn").number_value(), 1);
  EXPECT_TRUE(top.contains("targets"));
  EXPECT_TRUE(top.contains("national_score"));
  EXPECT_EQ(top.at("from").string_value(), "2024-03-01");
  // No codes unless asked for.
  EXPECT_THAT(*json, ::testing::Not(HasSubstr("\"codes\"")));
}

TEST_F(StatsFormatsTest, JsonRoundTripsThroughTheSchema) {
  auto json = StatisticsToJson(stats_);
  ASSERT_THAT(json, IsOk());
  v1::Statistics back;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*json, &back).ok());
  EXPECT_EQ(back.DebugString(), stats_.DebugString());
}

TEST_F(StatsFormatsTest, CsvIsUtf8WithBomCrlfAndOneRowPerRateAndProcedure) {
  const std::string csv = StatisticsToCsv(stats_);
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.find('\n'), csv.find("\r\n") + 1);  // every line ends CRLF
  std::vector<std::string> lines;
  for (std::size_t at = 3; at < csv.size();) {
    std::size_t eol = csv.find("\r\n", at);
    lines.push_back(csv.substr(at, eol - at));
    at = eol + 2;
  }
  EXPECT_THAT(lines, ::testing::Contains("Đơn vị,UBND xã Ngọc Sơn,Từ ngày,2024-03-01,Đến ngày,2024-03-31"));
  EXPECT_THAT(lines, ::testing::Contains("resolved_on_time,Hồ sơ giải quyết trước và đúng hạn,1,1,"
                                         "100.00,> 90.00,Đạt,10.00"));
  EXPECT_THAT(lines, ::testing::Contains("online_payment,Hồ sơ có phí được thanh toán trực tuyến,1,1,"
                                         "100.00,> 60.00,Đạt,40.00"));
  // Withdrawn d3 ended too: 1 of 2 ended dossiers reused a document.
  EXPECT_THAT(lines, ::testing::Contains(HasSubstr("documents_reused,Hồ sơ không phải cung cấp lại giấy tờ,1,2,50.00,> 50.00,Chưa đạt,0.00")));
  EXPECT_THAT(lines, ::testing::Contains(::testing::StartsWith("1.000894,Đăng ký kết hôn,2,0,2,0,0,0,0,0,1,1,0,0,1,0,1")));
  EXPECT_THAT(lines, ::testing::Contains(::testing::StartsWith(",Tổng cộng,3,1,2,0,1,1,0,0,1,1,0,0,1,0,1")));
}

TEST(StatsCsv, FieldsWithCommasQuotesOrLineBreaksAreQuoted) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("Tiếp nhận, trả kết quả"), "\"Tiếp nhận, trả kết quả\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
}

TEST_F(StatsFormatsTest, TableIsInVietnameseWithTargetsAndTheLegend) {
  const std::string table = StatisticsToTable(stats_);
  EXPECT_THAT(table, HasSubstr("THỐNG KÊ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"));
  EXPECT_THAT(table, HasSubstr("Kỳ thống kê: từ ngày 01/03/2024 đến ngày 31/03/2024"));
  EXPECT_THAT(table, HasSubstr("Kế hoạch Cải cách hành chính Nhà nước xã Ngọc Sơn năm 2024"));
  EXPECT_THAT(table, HasSubstr("Hồ sơ nộp trực tuyến từ xa"));
  EXPECT_THAT(table, HasSubstr("50,0%"));           // Vietnamese decimal comma
  EXPECT_THAT(table, HasSubstr("trên 90%"));
  EXPECT_THAT(table, HasSubstr("Chưa đạt (+0,0 điểm %)"));  // reuse: 50% is not "above 50%"
  EXPECT_THAT(table, HasSubstr("1.000894"));
  EXPECT_THAT(table, HasSubstr("Đăng ký kết hôn"));
  EXPECT_THAT(table, HasSubstr("ĐGQ = Đã giải quyết"));
  EXPECT_THAT(table, HasSubstr("Quyết định 766/QĐ-TTg"));
  // The ratio column is right-aligned: in every rate row the first '%'
  // ends at the same screen column.
  std::istringstream in(table);
  std::string line;
  while (std::getline(in, line) && line.rfind("I. CÁC TỶ LỆ", 0) != 0) {
  }
  std::getline(in, line);  // header
  std::getline(in, line);  // rule
  std::set<std::size_t> columns;
  int rows = 0;
  while (std::getline(in, line) && !line.empty()) {
    ++rows;
    columns.insert(text::DisplayWidth(line.substr(0, line.find('%') + 1)));
  }
  EXPECT_EQ(rows, 10);
  EXPECT_EQ(columns.size(), 1u);
}

}  // namespace
}  // namespace motcua::exporter
