// The focal point's commands end to end: history imported with
// `motcua import`, the figures read back with `motcua stats` in every
// format, the portal's export, and the daily export motcuad writes by
// itself.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "tests/e2e/e2e_support.h"
#include "tests/support/fixtures.h"

namespace motcua::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string Event(const char* code, const char* at, const std::string& kind) {
  return std::string(R"({"dossierCode": ")") + code + R"(", "actor": "nhaplieu", "at": ")" + at +
         "\", " + kind + "}\n";
}

// Two dossiers of March 2024; `fourth` replaces line 4 (d1's result).
std::string History(const std::string& fourth = "") {
  const char* d1 = "000.00.07.H06-240304-0001";
  const char* d2 = "000.00.07.H06-240305-0001";
  return Event(d1, "2024-03-04T01:00:00Z",
               R"("received": {"procedureCode": "1.004873", "applicant": {"name": "Phạm Thu Hà"}, "channel": "CHANNEL_COUNTER", "documents": [{"name": "Tờ khai", "reused": true}]})") +
         Event(d1, "2024-03-04T02:00:00Z",
               R"("handedOver": {"toUnit": "Tư pháp - Hộ tịch", "electronic": true})") +
         "\n" +
         (fourth.empty() ? Event(d1, "2024-03-05T02:00:00Z",
                                 R"("resultReady": {"resultKind": "RESULT_KIND_ELECTRONIC"})")
                         : fourth) +
         Event(d1, "2024-03-05T03:00:00Z",
               R"("resultReturned": {"method": "RETURN_METHOD_COUNTER"})") +
         Event(d2, "2024-03-05T01:00:00Z",
               R"("received": {"procedureCode": "1.004873", "applicant": {"name": "Lê Văn An"}, "channel": "CHANNEL_POST"})");
}

class StatsE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteConfig(config_, db_);
    server_ = ServerProcess::Start(config_, log_);
    ASSERT_NE(server_, nullptr);
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->StopWith(SIGTERM), 0);
    }
  }

  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = dir_.File(name);
    std::ofstream(path) << text;
    return path;
  }

  ProcessResult Run(const std::string& token, const std::vector<std::string>& args) {
    return Motcua(server_->url(), token, args);
  }

  ::motcua::testing::TempDir dir_;
  std::string config_ = dir_.File("motcuad.json");
  std::string db_ = dir_.File("motcua.db");
  std::string log_ = dir_.File("motcuad.log");
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(StatsE2eTest, ABadHistoryFileWritesNothingAndNamesItsLine) {
  // Line 4 returns d1 before it is ready.
  const std::string bad = WriteFile(
      "bad.jsonl",
      History(Event("000.00.07.H06-240304-0001", "2024-03-05T02:00:00Z",
                    R"("resultReturned": {"method": "RETURN_METHOD_COUNTER"})")));
  const std::string before = DumpStore(db_);
  ProcessResult r = Run(kAdmin, {"import", bad});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, StartsWith("motcua: " + bad + ": dòng 4: hồ sơ 000.00.07.H06-240304-0001"));
  EXPECT_EQ(CountEvents(db_), 0);
  EXPECT_EQ(DumpStore(db_), before);
  // Only an administrator imports.
  EXPECT_EQ(Run(kStatistics, {"import", WriteFile("good.jsonl", History())}).exit_code, 1);
}

TEST_F(StatsE2eTest, ImportedHistoryIsInTheStatisticsInEveryFormat) {
  ProcessResult imported = Run(kAdmin, {"import", WriteFile("good.jsonl", History())});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out, "Đã nhập 5 sự kiện của 2 hồ sơ (sự kiện số 1–5).\n");

  ProcessResult json = Run(kStatistics, {"stats", "--from", "2024-03-01", "--to", "2024-03-31",
                                         "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  google::protobuf::Struct parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json.out, &parsed).ok()) << json.out;
  const auto& reused = parsed.fields().at("documents_reused").struct_value().fields();
  EXPECT_EQ(reused.at("num").number_value(), 1);  // d1 ended in March, with a reused document
  EXPECT_EQ(reused.at("den").number_value(), 1);
  const auto& total =
      parsed.fields().at("report").struct_value().fields().at("total").struct_value().fields();
  EXPECT_EQ(total.at("to_handle").number_value(), 2);
  EXPECT_EQ(total.at("new_counter_or_post").number_value(), 2);
  EXPECT_EQ(total.at("resolved").number_value(), 1);
  EXPECT_EQ(total.at("in_progress").number_value(), 1);

  ProcessResult table = Run(kLeader, {"stats", "--from", "2024-03-01", "--to", "2024-03-31"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, HasSubstr("Kỳ thống kê: từ ngày 01/03/2024 đến ngày 31/03/2024"));
  EXPECT_THAT(table.out, HasSubstr("Kế hoạch Cải cách hành chính Nhà nước xã Ngọc Sơn năm 2024"));

  ProcessResult csv = Run(kStatistics, {"stats", "--from", "2024-03-01", "--to", "2024-03-31",
                                        "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_THAT(csv.out, HasSubstr("\r\ndocuments_reused,"));

  // Another plan, judged by the client.
  const std::string plan = WriteFile(
      "plan.json", R"({"plan": "Kế hoạch thử", "targets": [{"id": "documents_reused", "op": ">=", "value": 1.0}]})");
  ProcessResult judged = Run(kStatistics, {"stats", "--from", "2024-03-01", "--to", "2024-03-31",
                                           "--targets", plan});
  ASSERT_EQ(judged.exit_code, 0) << judged.err;
  EXPECT_THAT(judged.out, HasSubstr("So với: Kế hoạch thử"));
  EXPECT_THAT(judged.out, HasSubstr("Đạt (+0,0 điểm %)"));

  EXPECT_EQ(Run(kReception, {"stats", "--from", "2024-03-01", "--to", "2024-03-31"}).exit_code, 1);
  EXPECT_EQ(Run(kStatistics, {"stats", "--from", "2024-03-01"}).exit_code, 2);
}

// --codes adds the dossiers counted in each figure, after the figures
// themselves (which do not change), in the table and in the CSV.
TEST_F(StatsE2eTest, CodesListTheDossiersBehindEachFigureInTableAndCsv) {
  ASSERT_EQ(Run(kAdmin, {"import", WriteFile("good.jsonl", History())}).exit_code, 0);
  const std::string d1 = "000.00.07.H06-240304-0001";  // resolved, a reused document
  const std::string d2 = "000.00.07.H06-240305-0001";  // still in progress
  const std::vector<std::string> march = {"stats", "--from", "2024-03-01", "--to", "2024-03-31"};

  std::map<std::string, std::string> with_codes;
  for (const std::string format : {"table", "csv"}) {
    SCOPED_TRACE(format);
    std::vector<std::string> args = march;
    args.insert(args.end(), {"--format", format});
    const ProcessResult plain = Run(kStatistics, args);
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_THAT(plain.out, Not(HasSubstr(d1)));
    args.push_back("--codes");
    const ProcessResult codes = Run(kStatistics, args);
    ASSERT_EQ(codes.exit_code, 0) << codes.err;
    EXPECT_THAT(codes.out, StartsWith(plain.out));
    EXPECT_GT(codes.out.size(), plain.out.size());
    with_codes[format] = codes.out;
  }

  const std::string& table = with_codes["table"];
  EXPECT_THAT(table, HasSubstr("\nIV. MÃ HỒ SƠ ĐƯỢC ĐẾM TRONG TỪNG SỐ LIỆU\n"));
  EXPECT_THAT(table, HasSubstr("Hồ sơ không phải cung cấp lại giấy tờ — Tử số (1):\n    " + d1 +
                               "\n"));
  EXPECT_THAT(table, HasSubstr("Đã giải quyết, thủ tục 1.004873 (1):\n    " + d1 + "\n"));
  EXPECT_THAT(table, HasSubstr("Đang giải quyết, thủ tục 1.004873 (1):\n    " + d2 + "\n"));
  EXPECT_THAT(table, HasSubstr("Tổng số hồ sơ cần giải quyết, thủ tục 1.004873 (2):\n    " + d1 +
                               ", " + d2 + "\n"));

  const std::string& csv = with_codes["csv"];
  EXPECT_THAT(csv, HasSubstr("\r\n\r\nMã số liệu,Số liệu,Mã thủ tục,Phần,Mã hồ sơ\r\n"));
  EXPECT_THAT(csv, HasSubstr("\r\ndocuments_reused,Hồ sơ không phải cung cấp lại giấy tờ,,Tử số," +
                             d1 + "\r\n"));
  EXPECT_THAT(csv, HasSubstr("\r\nreport.resolved,Đã giải quyết,1.004873,," + d1 + "\r\n"));
  EXPECT_THAT(csv, HasSubstr("\r\nreport.in_progress,Đang giải quyết,1.004873,," + d2 + "\r\n"));
}

TEST_F(StatsE2eTest, PortalExportWritesThePortalsFormat) {
  ASSERT_EQ(Run(kAdmin, {"import", WriteFile("good.jsonl", History())}).exit_code, 0);
  const std::string out = dir_.File("dvc.json");
  ProcessResult r = Run(kAdmin, {"export-portal", "--from", "2024-03-01", "--to", "2024-03-31",
                                 "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Đã ghi 2 hồ sơ vào " + out + "\n");
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_THAT(text.str(), HasSubstr("\"MaHoSo\": \"000.00.07.H06-240305-0001\""));
  EXPECT_THAT(text.str(), HasSubstr("\"KenhThucHien\": 3"));
}

TEST_F(StatsE2eTest, MotcuadWritesTheLatestDueDayAtStart) {
  // WriteConfig puts the export folder beside the configuration.
  const std::filesystem::path exports = std::filesystem::path(config_).parent_path() / "exports";
  // Written by motcuad's own query thread: the folder is polled.
  EXPECT_TRUE(::motcua::testing::Eventually([&] {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(exports, ec)) {
      if (e.path().extension() == ".json") return true;
    }
    return false;
  })) << "no daily export in " << exports;
}

}  // namespace
}  // namespace motcua::e2e
