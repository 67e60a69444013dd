// motcua's bash completion as bash runs it: the script
// (tools/motcua/completion/motcua.bash) is sourced in a real bash, COMP_WORDS
// and COMP_CWORD are set as bash sets them when Tab is pressed, _motcua is
// called, and COMPREPLY is read back. The candidates come from the built
// motcua (`motcua __complete`), so the test also checks that every command
// and every option its --help lists can be completed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/e2e/e2e_support.h"
#include "tests/support/fixtures.h"

namespace motcua {
namespace {

using ::testing::ElementsAre;
using ::testing::IsSupersetOf;

// Single-quoted for bash.
std::string Quote(const std::string& word) {
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

class CompletionTest : public ::testing::Test {
 protected:
  // COMPREPLY after Tab on the last of `words` (the words after "motcua";
  // the last one is the word being completed, "" for a new word), run in
  // `dir_`.
  std::vector<std::string> Complete(const std::vector<std::string>& words) {
    std::string comp_words = Quote(MOTCUA_BINARY);
    for (const std::string& w : words) comp_words += " " + Quote(w);
    const std::string script = "cd " + Quote(dir_.path().string()) + " && source " +
                               Quote(kScript) + " && COMP_WORDS=(" + comp_words +
                               ") && COMP_CWORD=" + std::to_string(words.size()) +
                               " && _motcua && printf '%s\\n' \"${COMPREPLY[@]}\"";
    const e2e::ProcessResult run = e2e::RunProcess({"/bin/bash", "--norc", "-c", script});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    std::vector<std::string> reply;
    std::istringstream in(run.out);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) reply.push_back(line);
    }
    return reply;
  }

  static constexpr const char* kScript = MOTCUA_SOURCE_DIR "/tools/motcua/completion/motcua.bash";
  ::motcua::testing::TempDir dir_;
};

TEST_F(CompletionTest, CommandsByPrefix) {
  EXPECT_THAT(Complete({"sta"}), ElementsAre("stats"));
  EXPECT_THAT(Complete({"st"}), ElementsAre("stats", "stop"));
  EXPECT_THAT(Complete({"re"}),
              ElementsAre("receipt", "receive", "refuse", "register-online", "request-fee",
                          "request-supplement", "result-ready", "return"));
  EXPECT_THAT(Complete({"zzz"}), ElementsAre());
  // After the global options and their values.
  EXPECT_THAT(Complete({"--server", "http", ":", "//127.0.0.1", ":", "8080", "ca"}),
              ElementsAre("calendar", "calendar-reload", "catalog"));
  EXPECT_THAT(Complete({"--"}),
              ElementsAre("--ca-file", "--config", "--help", "--server", "--token", "--version"));
  EXPECT_THAT(Complete({"help", "ca"}), ElementsAre("calendar", "calendar-reload", "catalog"));
}

TEST_F(CompletionTest, OptionsOfTheCommandNotYetGiven) {
  EXPECT_THAT(Complete({"stats", "--f"}), ElementsAre("--format", "--from"));
  EXPECT_THAT(Complete({"stats", "--from", "2024-01-01", "--f"}), ElementsAre("--format"));
  EXPECT_THAT(Complete({"stats", "--from", "=", "2024-01-01", "--to", "2024-01-31", "--"}),
              ElementsAre("--codes", "--format", "--targets"));
  EXPECT_THAT(Complete({"hand-over", "X", "--p"}), ElementsAre("--paper"));
  // A dossier code is not guessed.
  EXPECT_THAT(Complete({"show", ""}), ElementsAre());
}

TEST_F(CompletionTest, ChoicesAndFiles) {
  EXPECT_THAT(Complete({"stats", "--format", ""}), ElementsAre("csv", "json", "table"));
  EXPECT_THAT(Complete({"stats", "--format", "c"}), ElementsAre("csv"));
  // "--format=c": bash splits at '='; the reply replaces only what follows it.
  EXPECT_THAT(Complete({"stats", "--format", "=", "c"}), ElementsAre("csv"));
  EXPECT_THAT(Complete({"pay", "X", "--method", ""}), ElementsAre("cash", "gateway", "portal"));
  std::ofstream(dir_.File("ke-hoach.json")) << "{}";
  std::ofstream(dir_.File("lich-su.jsonl")) << "";
  EXPECT_THAT(Complete({"stats", "--targets", "ke"}), ElementsAre("ke-hoach.json"));
  EXPECT_THAT(Complete({"import", "li"}), ElementsAre("lich-su.jsonl"));
  EXPECT_THAT(Complete({"--config", "ke"}), ElementsAre("ke-hoach.json"));
}

// The script and the parser cannot drift: every command and option that
// --help shows is completed.
TEST_F(CompletionTest, EverythingTheHelpListsCompletes) {
  const e2e::ProcessResult help = e2e::RunProcess({MOTCUA_BINARY, "--help"});
  ASSERT_EQ(help.exit_code, 0);
  std::vector<std::string> commands;
  std::istringstream in(help.out.substr(help.out.find("\nLệnh:\n") + 1));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line) && line.rfind("  ", 0) == 0) {
    commands.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  ASSERT_GT(commands.size(), 30u);
  EXPECT_THAT(Complete({""}), IsSupersetOf(commands));

  for (const std::string& command : commands) {
    if (command == "help") continue;
    SCOPED_TRACE(command);
    const e2e::ProcessResult usage = e2e::RunProcess({MOTCUA_BINARY, command, "--help"});
    std::set<std::string> options;
    std::istringstream lines(usage.out);
    while (std::getline(lines, line)) {
      if (line.rfind("  --", 0) == 0) options.insert(line.substr(2, line.find(' ', 2) - 2));
    }
    const std::vector<std::string> reply = Complete({command, "--"});
    EXPECT_THAT(reply, IsSupersetOf(options));
    EXPECT_EQ(reply.size(), options.size() + 1) << "--help and the options, nothing else";
  }
}

}  // namespace
}  // namespace motcua
