// The command-line conventions of the three tools, on the built binaries:
// --help, -h and `motcua help COMMAND` print the usage and exit 0 for every
// command; --version prints the project version and the build's git commit;
// a bad command line is one line on stderr with exit code 2, and nothing is
// done (motcua is pointed at a closed port: a request would exit 3).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/e2e/e2e_support.h"

namespace motcua {
namespace {

using e2e::ProcessResult;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;
using ::testing::StartsWith;

// Every command the README and the tests use: none may disappear.
const std::set<std::string> kCommands = {"receive",
                                         "register-online",
                                         "accept",
                                         "refuse",
                                         "hand-over",
                                         "request-supplement",
                                         "supplement",
                                         "request-fee",
                                         "pay",
                                         "stop",
                                         "withdraw",
                                         "result-ready",
                                         "slip",
                                         "book",
                                         "return",
                                         "rate",
                                         "show",
                                         "list",
                                         "catalog",
                                         "receipt",
                                         "lookup",
                                         "alerts",
                                         "apologize",
                                         "apology",
                                         "calendar-reload",
                                         "due",
                                         "calendar",
                                         "stats",
                                         "export-portal",
                                         "import",
                                         "check",
                                         "backup",
                                         "hash-token",
                                         "password",
                                         "help"};

// No server listens there: a command that sent anything would exit 3.
const std::map<std::string, std::string> kNoServer = {{"MOTCUA_SERVER", "http://127.0.0.1:1"},
                                                      {"MOTCUA_TOKEN", "demo-admin-token"}};

ProcessResult Motcua(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {MOTCUA_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return e2e::RunProcess(argv, kNoServer);
}

// Not "Run": inside a TEST body that name is ::testing::Test::Run.
ProcessResult RunProgram(const std::string& program, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {program};
  argv.insert(argv.end(), args.begin(), args.end());
  return e2e::RunProcess(argv);
}

// The command names listed under "Lệnh:" in `motcua --help`.
std::set<std::string> ListedCommands(const std::string& help) {
  std::set<std::string> names;
  std::istringstream in(help.substr(help.find("\nLệnh:\n") + 1));
  std::string line;
  std::getline(in, line);  // the heading
  while (std::getline(in, line) && line.rfind("  ", 0) == 0) {
    names.insert(line.substr(2, line.find(' ', 2) - 2));
  }
  return names;
}

// A refusal: exit 2, nothing on stdout, exactly "PROGRAM: <...fragment...>\n" on stderr.
void ExpectOneLineRefusal(const ProcessResult& run, const std::string& program,
                          const std::string& fragment) {
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, StartsWith(program + ": "));
  EXPECT_THAT(run.err, HasSubstr(fragment));
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_FALSE(run.err.empty() || run.err.back() != '\n') << run.err;
}

TEST(CliConventionsTest, TopLevelHelpListsEveryCommandAndExits0) {
  const ProcessResult help = Motcua({"--help"});
  ASSERT_EQ(help.exit_code, 0) << help.err;
  EXPECT_EQ(help.err, "");
  EXPECT_THAT(help.out, HasSubstr("Cách dùng: motcua [TÙY CHỌN CHUNG] LỆNH [THAM SỐ]\n"));
  for (const char* global :
       {"--server URL", "--token MÃ", "--ca-file TỆP", "--config TỆP", "--version"}) {
    EXPECT_THAT(help.out, HasSubstr(global));
  }
  EXPECT_EQ(ListedCommands(help.out), kCommands);
  EXPECT_THAT(help.out, Not(HasSubstr("__complete")));  // the completion helper is hidden
  for (const std::vector<std::string>& same :
       std::vector<std::vector<std::string>>{{"-h"}, {"help"}, {"--token", "x", "--help"}}) {
    const ProcessResult again = Motcua(same);
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, help.out) << ::testing::PrintToString(same);
  }
}

TEST(CliConventionsTest, EveryCommandPrintsItsUsageForHelpDashHAndHelpCommand) {
  for (const std::string& command : kCommands) {
    SCOPED_TRACE(command);
    const ProcessResult help = Motcua({command, "--help"});
    ASSERT_EQ(help.exit_code, 0) << help.err;
    EXPECT_EQ(help.err, "");
    EXPECT_THAT(help.out, StartsWith(command + ": "));
    EXPECT_THAT(help.out, HasSubstr("\nCách dùng: motcua [TÙY CHỌN CHUNG] " + command));
    EXPECT_THAT(help.out, HasSubstr("-h,--help"));
    EXPECT_EQ(Motcua({command, "-h"}).out, help.out);
    const ProcessResult via_help = Motcua({"help", command});
    EXPECT_EQ(via_help.exit_code, 0);
    EXPECT_EQ(via_help.out, help.out);
  }
}

TEST(CliConventionsTest, ACommandsHelpNamesEachOfItsOptions) {
  // Before CLI11, `motcua stats --help` was refused as an unknown option.
  const ProcessResult stats = Motcua({"stats", "--help"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_THAT(stats.out, StartsWith("stats: thống kê"));
  for (const char* option : {"--from YYYY-MM-DD", "--to YYYY-MM-DD", "--format table|json|csv",
                             "--targets TỆP", "--codes"}) {
    EXPECT_THAT(stats.out, HasSubstr(option));
  }
  const ProcessResult show = Motcua({"show", "-h"});
  EXPECT_THAT(show.out, HasSubstr("\nTham số:\n  MÃ_HS"));
  // Descriptions start in one column although "MÃ_HS" has more bytes than letters.
  const ProcessResult rate = Motcua({"help", "rate"});
  const auto column = [&](const std::string& text, const std::string& description) {
    const std::size_t at = text.find(description);
    const std::size_t line = text.rfind('\n', at) + 1;
    return std::count_if(text.begin() + static_cast<std::ptrdiff_t>(line),
                         text.begin() + static_cast<std::ptrdiff_t>(at),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  };
  EXPECT_EQ(column(rate.out, "mã hồ sơ"), column(rate.out, "có phản ánh, kiến nghị"));
}

TEST(CliConventionsTest, HelpForAnUnknownCommandIsRefused) {
  ExpectOneLineRefusal(Motcua({"help", "fly"}), "motcua", "lệnh không tồn tại 'fly'");
}

TEST(CliConventionsTest, VersionPrintsTheProjectVersionAndTheBuildsCommit) {
  for (const char* program : {MOTCUA_BINARY, MOTCUAD_BINARY, BENCH_BINARY}) {
    SCOPED_TRACE(program);
    const ProcessResult run = RunProgram(program, {"--version"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    const std::string name = std::filesystem::path(program).filename().string();
    EXPECT_THAT(run.out, MatchesRegex(name + " " + std::string(MOTCUA_VERSION) +
                                      " \\(commit ([0-9a-f]{4,40}|unknown)\\)\n"));
    if (std::filesystem::exists(std::filesystem::path(MOTCUA_SOURCE_DIR) / ".git") &&
        std::filesystem::exists("/usr/bin/git")) {
      // Built from this checkout: the commit is one of its commits (HEAD may
      // have moved on since the build). Found with find, not std::regex,
      // which GCC 12 warns about under ASan (-Wmaybe-uninitialized).
      const std::size_t at = run.out.find("(commit ");
      ASSERT_NE(at, std::string::npos) << run.out;
      const std::string commit = run.out.substr(at + 8, run.out.find(')', at) - at - 8);
      EXPECT_NE(commit, "unknown");
      const ProcessResult git =
          RunProgram("/usr/bin/git", {"-C", MOTCUA_SOURCE_DIR, "cat-file", "-t", commit});
      EXPECT_EQ(git.out, "commit\n") << commit;
    }
  }
}

TEST(CliConventionsTest, BadCommandLinesAreOneLineExit2AndSendNothing) {
  const struct {
    std::vector<std::string> args;
    std::string fragment;
  } cases[] = {
      {{"stats", "--from", "2024-01-01", "--to", "2024-01-31", "--bogus"},
       "tùy chọn không hợp lệ --bogus"},
      {{"stats", "--bogus=1"}, "tùy chọn không hợp lệ --bogus"},
      {{"--bogus", "catalog"}, "tùy chọn không hợp lệ --bogus"},
      {{"catalog", "--server", "http://127.0.0.1:1"}, "tùy chọn không hợp lệ --server"},
      {{"fly"}, "lệnh không tồn tại 'fly' (xem motcua --help)"},
      {{}, "thiếu lệnh"},
      {{"stats", "--from"}, "tùy chọn --from thiếu giá trị"},
      {{"--server"}, "tùy chọn --server thiếu giá trị"},
      {{"stats", "--from", "2024-01-01", "--from", "2024-02-01"}, "tùy chọn --from bị lặp lại"},
      {{"receipt", "X", "--html=1"}, "tùy chọn --html không nhận giá trị"},
      {{"show"}, "thiếu tham số MÃ_HS"},
      {{"show", "A", "B"}, "tham số thừa 'B'"},
      {{"stats", "--from", "2024-01-01", "--to", "2024-01-31", "--format", "xml"},
       "--format phải là table|json|csv, nhận được 'xml'"},
      {{"receive", "--procedure", "1.004873"}, "thiếu tùy chọn --applicant"},
      {{"pay", "X", "--method", "pigeon"}, "--method phải là portal|gateway|cash"},
      // What the officer typed is quoted (engine/base/quote.h): bytes that are
      // not UTF-8 as U+FFFD, no terminal controls, at most 128 bytes.
      {{"fl\xC1\x1B[2Jy"}, "lệnh không tồn tại 'fl\xEF\xBF\xBD[2Jy' (xem motcua --help)"},
      {{"stats", "--from", "2024-01-01", "--to", "2024-01-31", "--format", "x\r\nml\xFF"},
       "--format phải là table|json|csv, nhận được 'xml\xEF\xBF\xBD'\n"},
      {{"show", "A", std::string(300, 'B')}, "tham số thừa '" + std::string(125, 'B') + "…'\n"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.args));
    ExpectOneLineRefusal(Motcua(c.args), "motcua", c.fragment);
  }
}

TEST(CliConventionsTest, MotcuadAndBenchFollowTheSameConventions) {
  for (const char* program : {MOTCUAD_BINARY, BENCH_BINARY}) {
    SCOPED_TRACE(program);
    const std::string name = std::filesystem::path(program).filename().string();
    for (const char* flag : {"--help", "-h"}) {
      const ProcessResult help = RunProgram(program, {flag});
      EXPECT_EQ(help.exit_code, 0) << help.err;
      EXPECT_THAT(help.out, HasSubstr("--config FILE"));
      EXPECT_THAT(help.out, HasSubstr("--version"));
    }
    ExpectOneLineRefusal(RunProgram(program, {"--bogus"}), name, "--bogus");
    ExpectOneLineRefusal(RunProgram(program, {"--config"}), name, "--config");
  }
  EXPECT_THAT(RunProgram(BENCH_BINARY, {"--help"}).out, HasSubstr("\n  statistics: "));
  ExpectOneLineRefusal(RunProgram(MOTCUAD_BINARY, {"--max-batch", "0"}), "motcuad", "--max-batch");
  ExpectOneLineRefusal(RunProgram(MOTCUAD_BINARY, {"--db", ""}), "motcuad", "--db");
  ExpectOneLineRefusal(RunProgram(BENCH_BINARY, {"--only", "deadlines,nope"}), "bench", "nope");
  ExpectOneLineRefusal(RunProgram(BENCH_BINARY, {"--scale", "0"}), "bench", "--scale");
}

}  // namespace
}  // namespace motcua
