// End to end: runs the built `motcua` binary (MOTCUA_BIN) as a user would,
// and checks stdout, stderr and the exit code of `due` and `calendar`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace motcua {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Single-quoted for /bin/sh: arguments contain spaces and quotes.
std::string ShellQuote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

class CalendarCommandsTest : public ::testing::Test {
 protected:
  CalendarCommandsTest() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) / (std::string("motcua_cli_") + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~CalendarCommandsTest() override { fs::remove_all(dir_); }

  // Runs motcua with `args`; `env` is a prefix of VAR=value assignments.
  ProcessResult Motcua(const std::vector<std::string>& args, const std::string& env = "") {
    std::string command = "env -u MOTCUA_CONFIG " + env + " " + ShellQuote(MOTCUA_BIN);
    for (const std::string& a : args) command += " " + ShellQuote(a);
    command +=
        " >" + ShellQuote((dir_ / "out").string()) + " 2>" + ShellQuote((dir_ / "err").string());
    const int status = std::system(command.c_str());
    ProcessResult run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = Slurp(dir_ / "out");
    run.err = Slurp(dir_ / "err");
    return run;
  }

  // With the shipped configuration, named explicitly.
  ProcessResult Shipped(std::vector<std::string> args) {
    args.insert(args.begin(),
                {"--config", std::string(MOTCUA_SOURCE_DIR) + "/data/config/motcuad.json"});
    return Motcua(args);
  }

  // A bad-usage run: exit 2, nothing on stdout, one "motcua: ..." line on stderr.
  void ExpectUsageError(const std::vector<std::string>& args, const std::string& fragment) {
    SCOPED_TRACE(::testing::PrintToString(args));
    const ProcessResult run = Shipped(args);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_THAT(run.err, StartsWith("motcua: "));
    EXPECT_THAT(run.err, HasSubstr(fragment));
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_EQ(run.err.back(), '\n');
  }

  fs::path WriteConfig(const std::string& schedule_dir, const std::string& office_hours = "") {
    const fs::path path = dir_ / "motcuad.json";
    std::ofstream(path) << R"({"unit_code": "000.00.07.H06", "calendar": {)"
                        << (office_hours.empty() ? "" : R"("office_hours": )" + office_hours + ",")
                        << R"("schedule_dir": ")" << schedule_dir << R"("}})";
    return path;
  }

  fs::path dir_;
};

TEST_F(CalendarCommandsTest, DueForEveryUnit) {
  // Hand-checked in tests/engine/calendar/working_calendar_test.cc.
  ProcessResult run = Shipped({"due", "--received", "2024-02-07 14:00", "--working-days", "3"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "2024-02-19 14:00\n");
  EXPECT_EQ(run.err, "");
  run = Shipped({"due", "--received", "2024-03-12 10:00", "--working-hours", "4"});
  EXPECT_EQ(run.out, "2024-03-12 16:00\n");
  run = Shipped({"due", "--received=2024-04-25 10:00", "--calendar-days=5"});
  EXPECT_EQ(run.out, "2024-05-02 17:00\n");
  run = Shipped({"due", "--received", "2024-03-12 15:00", "--same-day"});
  EXPECT_EQ(run.out, "2024-03-13 17:00\n");
  run = Shipped({"due", "--same-day", "--cutoff", "16:00", "--received", "2024-03-12 15:30"});
  EXPECT_EQ(run.out, "2024-03-12 17:00\n");
  // Friday evening, a worked Saturday.
  run = Shipped({"due", "--received", "2026-08-21 17:30", "--working-days", "1"});
  EXPECT_EQ(run.out, "2026-08-22 17:00\n");
  EXPECT_EQ(run.exit_code, 0);
}

TEST_F(CalendarCommandsTest, DueSaysSoWhenAProvisionalYearIsInvolved) {
  const ProcessResult run =
      Shipped({"due", "--received", "2026-12-31 10:00", "--working-days", "2"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const auto newline = run.out.find('\n');
  ASSERT_NE(newline, std::string::npos);
  EXPECT_EQ(run.out.substr(0, newline + 1), "2027-01-05 10:00\n");
  EXPECT_THAT(run.out.substr(newline + 1), StartsWith("Tạm tính: năm 2027 chưa có lịch"));
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 2);
}

TEST_F(CalendarCommandsTest, CalendarListsOfficialAndRuleDays) {
  ProcessResult run = Shipped({"calendar", "2024"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, StartsWith("Năm 2024: lịch nghỉ chính thức\n"));
  EXPECT_THAT(run.out, HasSubstr("2024-02-12 Thứ Hai: nghỉ (chính thức) — Tết Nguyên đán\n"));
  EXPECT_THAT(run.out, HasSubstr("2024-05-04 Thứ Bảy: làm việc (chính thức) — Làm bù"));
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1 + 13);  // 12 off, 1 worked
  EXPECT_THAT(run.out, ::testing::Not(HasSubstr("theo quy định")));

  run = Shipped({"calendar", "2027"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, StartsWith("Năm 2027: chưa có lịch chính thức"));
  EXPECT_THAT(run.out,
              HasSubstr("2027-02-10 Thứ Tư: nghỉ (theo quy định) — Nghỉ bù Tết Nguyên đán\n"));
  EXPECT_THAT(run.out, ::testing::Not(HasSubstr("(chính thức)")));
}

TEST_F(CalendarCommandsTest, BadInputIsOneLineAndExitCode2) {
  ExpectUsageError({"due", "--received", "2024-02-07", "--working-days", "3"}, "--received");
  ExpectUsageError({"due", "--received", "07/02/2024 14:00", "--working-days", "3"},
                   "'07/02/2024'");
  ExpectUsageError({"due", "--received", "2024-02-07 14:00", "--working-days", "-3"}, "'-3'");
  ExpectUsageError({"due", "--received", "2024-02-07 14:00", "--working-hours", "x"}, "'x'");
  ExpectUsageError({"due", "--received", "2024-02-07 14:00", "--weeks", "3"}, "--weeks");
  ExpectUsageError(
      {"due", "--received", "2024-02-07 14:00", "--working-days", "3", "--calendar-days", "3"},
      "chỉ được chọn một");
  ExpectUsageError({"due", "--received", "2024-02-07 14:00"}, "thiếu đơn vị");
  ExpectUsageError({"due", "--working-days", "3"}, "--received");
  ExpectUsageError({"due", "--received", "2024-02-07 14:00", "--same-day", "--cutoff", "25:00"},
                   "--cutoff");
  ExpectUsageError(
      {"due", "--received", "2024-02-07 14:00", "--working-days", "1", "--cutoff", "16:00"},
      "--cutoff");
  ExpectUsageError({"due", "--received", "1899-12-31 10:00", "--working-days", "1"}, "1900–2100");
  ExpectUsageError({"calendar"}, "YEAR");
  ExpectUsageError({"calendar", "24"}, "'24'");
  ExpectUsageError({"calendar", "2024", "2025"}, "2025");
  ExpectUsageError({"calendar", "2101"}, "1900–2100");
  // What was typed is quoted (engine/base/quote.h): no terminal controls,
  // U+FFFD for bytes that are not UTF-8, at most 128 bytes.
  ExpectUsageError({"calendar", "20\x1B[2J24"}, "năm không hợp lệ '20[2J24' (cần YYYY)\n");
  ExpectUsageError({"due", "--received", "2024-02-07 14:00", "--working-days", "3\xFF\r\n"},
                   "nhận được '3\xEF\xBF\xBD'\n");
  ExpectUsageError({"due", "--received", "2024-02-07 14:00\x1B" + std::string(200, '0'),
                    "--working-days", "3"},
                   "'2024-02-07 14:00" + std::string(109, '0') + "…'");
}

TEST_F(CalendarCommandsTest, AResultBeyondTheRangeIsRefused) {
  const ProcessResult run =
      Shipped({"due", "--received", "2100-12-31 10:00", "--working-days", "5"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, StartsWith("motcua: "));
  EXPECT_THAT(run.err, HasSubstr("phạm vi"));
  EXPECT_EQ(run.out, "");
}

// A user adds 2027 with one file in the schedule folder: no rebuild, and
// the answer is no longer provisional. The folder comes from a config given
// through $MOTCUA_CONFIG (the default when --config is absent).
TEST_F(CalendarCommandsTest, AYearAddedWithOneFileIsUsedAtOnce) {
  const fs::path schedules = dir_ / "calendar";
  fs::create_directories(schedules);
  fs::copy_file(fs::path(MOTCUA_SOURCE_DIR) / "data/calendar/vn-official-days.json",
                schedules / "vn-official-days.json");
  std::ofstream(schedules / "zz-2027.json")
      << R"({"years": {"2027": {"off": ["2027-01-01", "2027-02-04", "2027-02-05",
             "2027-02-08", "2027-02-09", "2027-02-10"]}}})";
  const fs::path config = WriteConfig(schedules.string());
  // Thu 31/12/2026 10:00 = 5 h; Fri 1/1/2027 off; Mon 4/1 8 h; Tue 5/1 3 h.
  ProcessResult run = Motcua({"due", "--received", "2026-12-31 10:00", "--working-days", "2"},
                             "MOTCUA_CONFIG=" + ShellQuote(config.string()));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "2027-01-05 10:00\n");
  // Wed 3/2/2027 09:00 = 6 h; off Thu 4/2 – Wed 10/2 by the new file;
  // Thu 11/2 (a rule nghỉ bù, now a working day) 2 h: 09:00.
  run = Motcua({"due", "--received", "2027-02-03 09:00", "--working-days", "1"},
               "MOTCUA_CONFIG=" + ShellQuote(config.string()));
  EXPECT_EQ(run.out, "2027-02-11 09:00\n");
  run = Motcua({"--config", config.string(), "calendar", "2027"});
  EXPECT_THAT(run.out, StartsWith("Năm 2027: lịch nghỉ chính thức\n"));
  EXPECT_THAT(run.out,
              HasSubstr("2027-02-04 Thứ Năm: nghỉ (chính thức) — Nghỉ dịp Tết Nguyên đán"));
}

// Without --config and $MOTCUA_CONFIG, the installed default: never the
// source tree this binary was built from.
TEST_F(CalendarCommandsTest, TheDefaultConfigIsTheInstalledOne) {
  if (fs::exists(MOTCUA_DEFAULT_CONFIG)) GTEST_SKIP() << MOTCUA_DEFAULT_CONFIG << " exists here";
  const ProcessResult run =
      Motcua({"due", "--received", "2025-01-24 09:00", "--working-days", "2"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "motcua: không đọc được tệp " + std::string(MOTCUA_DEFAULT_CONFIG) + "\n");
}

TEST_F(CalendarCommandsTest, ConfiguredOfficeHoursAreUsed) {
  const fs::path config =
      WriteConfig(std::string(MOTCUA_SOURCE_DIR) + "/data/calendar",
                  R"({"periods": [{"from": "01-01", "sessions": [{"start": "07:30", "end": "12:00"},
                                                     {"start": "13:00", "end": "16:30"}]}]})");
  // 07:30–12:00 is 4.5 h; Tue 10:00 + 4 h = 2 h to 12:00, 2 h from 13:00.
  const ProcessResult run = Motcua({"--config", config.string(), "due", "--received",
                                    "2024-03-12 10:00", "--working-hours", "4"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "2024-03-12 15:00\n");
}

TEST_F(CalendarCommandsTest, ABrokenScheduleFileIsOneLineNamingIt) {
  const fs::path schedules = dir_ / "calendar";
  fs::create_directories(schedules);
  std::ofstream(schedules / "bad.json") << R"({"years": {"2024": {"off": ["2024-05-04"]}}})";
  const fs::path config = WriteConfig(schedules.string());
  const ProcessResult run = Motcua({"--config", config.string(), "calendar", "2024"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, StartsWith("motcua: "));
  EXPECT_THAT(run.err, HasSubstr((schedules / "bad.json").string()));
  EXPECT_THAT(run.err, HasSubstr("off 2024-05-04 là ngày cuối tuần"));
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1);
}

}  // namespace
}  // namespace motcua
