#include "adapters/export/daily_export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <google/protobuf/util/json_util.h>

#include <fstream>
#include <sstream>

#include "motcua/v1/admin.pb.h"
#include "tests/support/fixtures.h"

namespace motcua::exporter {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::ElementsAre;

LocalDays Day(const char* text) { return *ParseDate(text); }

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

DailyExportSchedule At1730(const std::filesystem::path& dir = {}) {
  v1::ExportConfig config;
  config.set_dir(dir.string());
  return *ScheduleOf(config);
}

// A day's statistics as a compute callback would give them.
v1::Statistics StatsFor(LocalDays day) {
  v1::Statistics s;
  metrics::Period p = DailyExportPeriod(day);
  s.set_from(FormatDate(p.from));
  s.set_to(FormatDate(p.to));
  s.mutable_resolved_on_time()->set_num(9);
  s.mutable_resolved_on_time()->set_den(10);
  s.mutable_resolved_on_time()->set_ratio(0.9);
  return s;
}

TEST(DailyExport, TheDefaultTimeIs1730AndABadOneIsAConfigError) {
  EXPECT_EQ(At1730().time, std::chrono::minutes(17 * 60 + 30));
  v1::ExportConfig config;
  config.set_time("07:05");
  EXPECT_EQ(ScheduleOf(config)->time, std::chrono::minutes(7 * 60 + 5));
  config.set_time("24:00");
  EXPECT_THAT(ScheduleOf(config), HasError(Error::kConfig));
  config.set_time("5pm");
  EXPECT_THAT(ScheduleOf(config), HasError(Error::kConfig));
}

TEST(DailyExport, AFileCoversTheYearToItsDay) {
  metrics::Period p = DailyExportPeriod(Day("2024-03-15"));
  EXPECT_EQ(FormatDate(p.from), "2024-01-01");
  EXPECT_EQ(FormatDate(p.to), "2024-03-15");
}

TEST(DailyExport, ADayFallsDueAtItsExportTimeInVietnam) {
  const DailyExportSchedule s = At1730();
  EXPECT_EQ(LatestDueDay(s, Vn("2024-03-05 17:29")), Day("2024-03-04"));
  EXPECT_EQ(LatestDueDay(s, Vn("2024-03-05 17:30")), Day("2024-03-05"));
  EXPECT_EQ(LatestDueDay(s, Vn("2024-03-06 00:10")), Day("2024-03-05"));
  EXPECT_EQ(NextExportTime(s, Vn("2024-03-05 09:00")), Vn("2024-03-05 17:30"));
  EXPECT_EQ(NextExportTime(s, Vn("2024-03-05 17:30")), Vn("2024-03-06 17:30"));
}

TEST(DailyExport, CatchUpCoversEveryDayMissedWhileDown) {
  const DailyExportSchedule s = At1730();
  // Last written on the 1st; back up on the 5th after the export time.
  EXPECT_THAT(DueDays(s, Day("2024-03-01"), Vn("2024-03-05 18:00")),
              ElementsAre(Day("2024-03-02"), Day("2024-03-03"), Day("2024-03-04"),
                          Day("2024-03-05")));
  // Back before the export time: the 5th is not due yet.
  EXPECT_THAT(DueDays(s, Day("2024-03-01"), Vn("2024-03-05 08:00")),
              ElementsAre(Day("2024-03-02"), Day("2024-03-03"), Day("2024-03-04")));
  EXPECT_THAT(DueDays(s, Day("2024-03-05"), Vn("2024-03-05 20:00")), ::testing::IsEmpty());
  EXPECT_THAT(DueDays(s, std::nullopt, Vn("2024-03-05 20:00")), ElementsAre(Day("2024-03-05")));
  // Down for years: only the newest days, within the bound.
  auto days = DueDays(s, Day("2020-01-01"), Vn("2024-03-05 20:00"), 3);
  EXPECT_THAT(days, ElementsAre(Day("2024-03-03"), Day("2024-03-04"), Day("2024-03-05")));
}

TEST(DailyExport, WritesBothFilesOfEachDueDayAndCatchesUpFromTheFolder) {
  ::motcua::testing::TempDir dir;
  const DailyExportSchedule s = At1730(dir.path() / "exports");  // created on demand
  std::vector<LocalDays> computed;
  auto compute = [&](LocalDays day) -> Result<v1::Statistics> {
    computed.push_back(day);
    return StatsFor(day);
  };
  auto first = RunDailyExport(s, Vn("2024-03-01 17:45"), compute);
  ASSERT_THAT(first, IsOk());
  EXPECT_THAT(*first, ElementsAre(Day("2024-03-01")));
  EXPECT_EQ(LastExportedDay(s.dir), Day("2024-03-01"));

  const std::string json = Slurp(DailyFile(s.dir, Day("2024-03-01"), "json"));
  EXPECT_THAT(json, ::testing::HasSubstr("\"from\": \"2024-01-01\""));
  EXPECT_THAT(json, ::testing::HasSubstr("\"to\": \"2024-03-01\""));
  EXPECT_THAT(json, ::testing::HasSubstr("\"resolved_on_time\": {"));
  const std::string csv = Slurp(DailyFile(s.dir, Day("2024-03-01"), "csv"));
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_THAT(csv, ::testing::HasSubstr("resolved_on_time,"));

  // Down from the 2nd to the 4th, back on the 4th at noon.
  computed.clear();
  auto second = RunDailyExport(s, Vn("2024-03-04 12:00"), compute);
  ASSERT_THAT(second, IsOk());
  EXPECT_THAT(*second, ElementsAre(Day("2024-03-02"), Day("2024-03-03")));
  EXPECT_EQ(computed, *second);
  // Run again at once: nothing is due.
  auto third = RunDailyExport(s, Vn("2024-03-04 12:01"), compute);
  ASSERT_THAT(third, IsOk());
  EXPECT_THAT(*third, ::testing::IsEmpty());
}

TEST(DailyExport, TheJsonCarriesTheLogHeadAsAnAnchorTheCsvDoesNot) {
  ::motcua::testing::TempDir dir;
  v1::Statistics stats = StatsFor(Day("2024-03-01"));
  stats.mutable_log_head()->set_seq(42);
  stats.mutable_log_head()->set_hash(std::string(62, 'a') + "0f");
  ASSERT_THAT(WriteDailyExport(dir.path(), Day("2024-03-01"), stats), IsOk());
  const std::string json = Slurp(DailyFile(dir.path(), Day("2024-03-01"), "json"));
  EXPECT_THAT(json, ::testing::HasSubstr("\"log_head\": {"));
  // What `motcua check --anchors` reads back of it, the statistics ignored.
  v1::AnchorFile anchor;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &anchor, options).ok());
  EXPECT_EQ(anchor.log_head().seq(), 42u);
  EXPECT_EQ(anchor.log_head().hash(), stats.log_head().hash());
  const std::string csv = Slurp(DailyFile(dir.path(), Day("2024-03-01"), "csv"));
  EXPECT_THAT(csv, ::testing::Not(::testing::HasSubstr("log_head")));
}

TEST(DailyExport, ACrashMidExportLeavesNoPartialDayAndIsRedoneNextTime) {
  ::motcua::testing::TempDir dir;
  const DailyExportSchedule s = At1730(dir.path());
  auto compute = [](LocalDays day) -> Result<v1::Statistics> { return StatsFor(day); };
  ASSERT_THAT(RunDailyExport(s, Vn("2024-03-01 18:00"), compute), IsOk());

  // Writes: 03-02 csv, 03-02 json, 03-03 csv <- dies here.
  int writes = 0;
  AtomicWriteOptions crash;
  crash.TEST_before_rename = [&](const std::filesystem::path&) {
    return ++writes == 3 ? Status(Error::kStorage, "simulated crash") : Status::Ok();
  };
  auto failed = RunDailyExport(s, Vn("2024-03-04 18:00"), compute, crash);
  EXPECT_THAT(failed, HasError(Error::kStorage));
  EXPECT_EQ(LastExportedDay(s.dir), Day("2024-03-02"));
  EXPECT_FALSE(std::filesystem::exists(DailyFile(s.dir, Day("2024-03-03"), "csv")));
  EXPECT_FALSE(std::filesystem::exists(DailyFile(s.dir, Day("2024-03-03"), "json")));
  // A day with only one file (the process died between the two) is not done.
  std::ofstream(DailyFile(s.dir, Day("2024-03-03"), "json")) << "{}";
  EXPECT_EQ(LastExportedDay(s.dir), Day("2024-03-02"));

  auto retry = RunDailyExport(s, Vn("2024-03-04 18:00"), compute);
  ASSERT_THAT(retry, IsOk());
  EXPECT_THAT(*retry, ElementsAre(Day("2024-03-03"), Day("2024-03-04")));
  EXPECT_THAT(Slurp(DailyFile(s.dir, Day("2024-03-03"), "json")),
              ::testing::HasSubstr("\"to\": \"2024-03-03\""));
}

TEST(DailyExport, OnlyWellFormedDayFilesCount) {
  ::motcua::testing::TempDir dir;
  for (const char* name : {"2024-13-01.json", "2024-13-01.csv", "notes.json", "2024-3-1.json",
                           "2024-02-30.json", "2024-02-30.csv", "2024-01-31.json", "2024-01-31.csv",
                           ".2024-06-01.json.tmp.x1"}) {
    std::ofstream(dir.path() / name) << "x";
  }
  EXPECT_EQ(LastExportedDay(dir.path()), Day("2024-01-31"));
  EXPECT_EQ(LastExportedDay(dir.path() / "none"), std::nullopt);
}

}  // namespace
}  // namespace motcua::exporter
