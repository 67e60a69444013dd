#include "adapters/config/calendar_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "adapters/config/json_file.h"

namespace motcua::config {
namespace {

namespace fs = std::filesystem;
using std::chrono::minutes;
using ::testing::AllOf;
using ::testing::HasSubstr;

LocalDays D(int y, unsigned m, unsigned d) {
  return LocalDays(cal::year{y} / cal::month{m} / cal::day{d});
}

// Each test gets its own schedule folder under the test temp dir.
class CalendarFileTest : public ::testing::Test {
 protected:
  CalendarFileTest() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) / (std::string("calendar_file_") + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~CalendarFileTest() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& json) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << json;
    return path;
  }

  // The one-line error of loading the folder.
  std::string DirError() {
    auto loaded = LoadScheduleDir(dir_);
    EXPECT_FALSE(loaded.ok());
    if (loaded.ok()) return "";
    EXPECT_EQ(loaded.status().code(), Error::kConfig);
    EXPECT_EQ(loaded.status().message().find('\n'), std::string::npos) << loaded.status().message();
    return loaded.status().message();
  }

  fs::path dir_;
};

TEST_F(CalendarFileTest, LoadsTheShippedSchedules) {
  auto years = LoadScheduleDir(fs::path(MOTCUA_SOURCE_DIR) / "data" / "calendar");
  ASSERT_TRUE(years.ok()) << years.status().ToString();
  ASSERT_EQ(years->size(), 4u);  // 2023–2026; 2027 is marked provisional
  EXPECT_EQ((*years)[0].year, 2023);
  EXPECT_EQ((*years)[3].year, 2026);
  EXPECT_EQ((*years)[1].off.size(), 12u);
  EXPECT_EQ((*years)[1].work, std::vector<LocalDays>{D(2024, 5, 4)});
  EXPECT_EQ((*years)[3].work, (std::vector<LocalDays>{D(2026, 1, 10), D(2026, 8, 22)}));
}

TEST_F(CalendarFileTest, ALaterFileReplacesAYearAndAddsNewOnes) {
  Write("a-base.json", R"({"years": {
      "2024": {"off": ["2024-01-01", "2024-04-29"], "work": ["2024-05-04"]},
      "2025": {"off": ["2025-01-01"]}}})");
  Write("b-fix.json", R"({"years": {
      "2024": {"off": ["2024-01-01"]},
      "2027": {"off": ["2027-01-01", "2027-02-05"], "sources": ["Thông báo giả định"]}}})");
  Write("notes.txt", "not a schedule");
  auto years = LoadScheduleDir(dir_);
  ASSERT_TRUE(years.ok()) << years.status().ToString();
  ASSERT_EQ(years->size(), 3u);
  EXPECT_EQ((*years)[0].year, 2024);
  EXPECT_EQ((*years)[0].off, std::vector<LocalDays>{D(2024, 1, 1)});  // replaced whole
  EXPECT_TRUE((*years)[0].work.empty());
  EXPECT_EQ((*years)[1].year, 2025);
  EXPECT_EQ((*years)[2].year, 2027);

  // And the calendar built from the folder treats 2027 as official.
  v1::CalendarConfig config;
  config.set_schedule_dir(dir_.string());
  auto calendar = LoadCalendar(config);
  ASSERT_TRUE(calendar.ok()) << calendar.status().ToString();
  EXPECT_FALSE((*calendar)->IsProvisional(2027));
  EXPECT_FALSE((*calendar)->IsWorkingDay(D(2027, 2, 5)));
  EXPECT_TRUE((*calendar)->IsWorkingDay(D(2027, 2, 8)));  // the rules would say Tết
  EXPECT_TRUE((*calendar)->IsWorkingDay(D(2024, 4, 29)));
  EXPECT_TRUE((*calendar)->IsProvisional(2026));
}

TEST_F(CalendarFileTest, AProvisionalEntryIsNotOfficialAndRetractsAnEarlierOne) {
  Write("1.json", R"({"years": {"2027": {"off": ["2027-01-01"]}}})");
  Write("2.json", R"({"years": {"2027": {"provisional": true, "off": ["2027-01-01"]}}})");
  auto years = LoadScheduleDir(dir_);
  ASSERT_TRUE(years.ok());
  EXPECT_TRUE(years->empty());
}

TEST_F(CalendarFileTest, ErrorsNameTheFileAndTheEntry) {
  const fs::path file = Write("x.json", R"({"years": {"2024": {"off": ["2024-05-04"]}}})");
  EXPECT_THAT(DirError(), AllOf(HasSubstr(file.string()), HasSubstr("năm 2024"),
                                HasSubstr("off 2024-05-04 là ngày cuối tuần")));
  Write("x.json", R"({"years": {"2024": {"work": ["2024-05-06"]}}})");
  EXPECT_THAT(DirError(),
              AllOf(HasSubstr(file.string()), HasSubstr("work 2024-05-06 là ngày thường")));
  Write("x.json", R"({"years": {"2024": {"off": ["2025-01-02"]}}})");
  EXPECT_THAT(DirError(), AllOf(HasSubstr(file.string()), HasSubstr("không thuộc năm 2024")));
  Write("x.json", R"({"years": {"2024": {"off": ["2024-13-01"]}}})");
  EXPECT_THAT(DirError(), AllOf(HasSubstr(file.string()), HasSubstr("năm '2024'"), HasSubstr("off"),
                                HasSubstr("2024-13-01")));
  Write("x.json", R"({"years": {"2024": {"off": ["2024/05/02"]}}})");
  EXPECT_THAT(DirError(), AllOf(HasSubstr(file.string()), HasSubstr("2024/05/02")));
  Write("x.json", R"({"years": {"24": {"off": []}}})");
  EXPECT_THAT(DirError(), AllOf(HasSubstr(file.string()), HasSubstr("'24'")));
  Write("x.json", R"({"years": {"1850": {"off": []}}})");
  EXPECT_THAT(DirError(), AllOf(HasSubstr(file.string()), HasSubstr("1900–2100")));
  // A misspelt field is an error, not an ignored one.
  Write("x.json", R"({"years": {"2024": {"offf": ["2024-05-02"]}}})");
  EXPECT_THAT(DirError(), AllOf(HasSubstr(file.string()), HasSubstr("offf")));
  // Even in a year marked provisional.
  Write("x.json", R"({"years": {"2027": {"provisional": true, "off": ["2027-05-01"]}}})");
  EXPECT_THAT(DirError(), HasSubstr("off 2027-05-01 là ngày cuối tuần"));
}

// A configuration file's values reach the error only quoted
// (engine/base/quote.h): the error goes to a terminal, a log, and through
// the calendar reload endpoint to an HTTP reply.
TEST_F(CalendarFileTest, ValuesFromTheFileAreQuotedInErrors) {
  Write("x.json", R"({"years": {"20\u001b[2J24": {"off": []}}})");
  EXPECT_THAT(DirError(), HasSubstr("năm '20[2J24': tên năm phải là 4 chữ số"));
  Write("x.json", "{\"years\": {\"2024\": {\"off\": [\"2024-05-0\\u2028" + std::string(300, '9') +
                      "\"]}}}");
  EXPECT_THAT(DirError(),
              HasSubstr("ngày không hợp lệ '2024-05-0" + std::string(116, '9') + "…' (cần YYYY-MM-DD)"));
}

TEST_F(CalendarFileTest, AMissingFolderIsAnError) {
  v1::CalendarConfig config;
  config.set_schedule_dir((dir_ / "nope").string());
  auto calendar = LoadCalendar(config);
  ASSERT_FALSE(calendar.ok());
  EXPECT_THAT(calendar.status().message(), HasSubstr("nope"));
}

TEST_F(CalendarFileTest, NoFolderMeansEveryYearIsProvisional) {
  auto calendar = LoadCalendar(v1::CalendarConfig());
  ASSERT_TRUE(calendar.ok());
  EXPECT_TRUE((*calendar)->IsProvisional(2024));
  EXPECT_FALSE((*calendar)->IsWorkingDay(D(2024, 2, 12)));  // Tết by the rules
}

v1::OfficeHours Hours(const std::string& json) {
  v1::CalendarConfig config;
  EXPECT_TRUE(ParseJson(R"({"office_hours": )" + json + "}", "test", config).ok());
  return config.office_hours();
}

TEST(OfficeHoursConfig, EmptyMeansTheDefault) {
  auto hours = ParseOfficeHours(v1::OfficeHours(), "motcuad.json");
  ASSERT_TRUE(hours.ok());
  EXPECT_EQ(hours->periods.size(), 1u);
  EXPECT_EQ(hours->periods[0].sessions, calendar::OfficeHours::Default().periods[0].sessions);
}

TEST(OfficeHoursConfig, ParsesSeasonalPeriods) {
  auto hours = ParseOfficeHours(Hours(R"({"periods": [
        {"from": "04-15", "sessions": [{"start": "07:00", "end": "11:30"},
                                       {"start": "13:30", "end": "17:00"}]},
        {"from": "10-15", "sessions": [{"start": "07:30", "end": "12:00"},
                                       {"start": "13:00", "end": "16:30"}]}]})"),
                                "motcuad.json");
  ASSERT_TRUE(hours.ok()) << hours.status().ToString();
  ASSERT_EQ(hours->periods.size(), 2u);
  EXPECT_EQ(hours->periods[1].month, 10u);
  EXPECT_EQ(hours->periods[1].day, 15u);
  EXPECT_EQ(hours->periods[1].sessions[1].end, minutes(16 * 60 + 30));
}

TEST(OfficeHoursConfig, ErrorsNameTheConfigFileAndTheEntry) {
  auto error = [](const std::string& json) {
    auto hours = ParseOfficeHours(Hours(json), "/etc/motcuad.json");
    EXPECT_FALSE(hours.ok());
    EXPECT_EQ(hours.status().code(), Error::kConfig);
    EXPECT_EQ(hours.status().message().find('\n'), std::string::npos);
    return hours.status().message();
  };
  EXPECT_THAT(
      error(R"({"periods": [{"from": "01-01", "sessions": [{"start": "07:00", "end": "12:00"},
                                                           {"start": "11:00", "end": "17:00"}]}]})"),
      AllOf(HasSubstr("/etc/motcuad.json"), HasSubstr("periods[0]"), HasSubstr("chồng")));
  EXPECT_THAT(
      error(R"({"periods": [{"from": "1-1", "sessions": [{"start": "07:00", "end": "11:00"}]}]})"),
      AllOf(HasSubstr("periods[0]"), HasSubstr("'1-1'")));
  EXPECT_THAT(
      error(
          R"({"periods": [{"from": "02-30", "sessions": [{"start": "07:00", "end": "11:00"}]}]})"),
      HasSubstr("02-30"));
  EXPECT_THAT(
      error(R"({"periods": [{"from": "01-01", "sessions": [{"start": "7h", "end": "11:00"}]}]})"),
      AllOf(HasSubstr("periods[0].sessions[0]"), HasSubstr("'7h'")));
  EXPECT_THAT(error(R"({"periods": [{"from": "01-01", "sessions": []}]})"),
              HasSubstr("không có ca"));
  EXPECT_THAT(
      error(R"({"periods": [{"from": "01-01", "sessions": [{"start": "7
<b>", "end": "11"}]}]})"),
      AllOf(HasSubstr("sessions[0] '7<b>'–'11': giờ không hợp lệ '7<b>' (cần HH:MM)")));
  EXPECT_THAT(error(R"({"periods": [
      {"from": "06-01", "sessions": [{"start": "07:00", "end": "11:00"}]},
      {"from": "01-01", "sessions": [{"start": "07:00", "end": "11:00"}]}]})"),
              HasSubstr("thứ tự"));
}

}  // namespace
}  // namespace motcua::config
