// The subprocess library (tools/common/subprocess.h) against real children
// run through /bin/sh: lines on both streams, the end of a stream, timeouts,
// exit codes and signals, the environment, stderr to a file, a child left
// running, and RunToCompletion reading two full pipes at once.
#include "tools/common/subprocess.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <cerrno>
#include <fstream>
#include <sstream>

#include "tests/support/fixtures.h"

namespace motcua::common {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using std::chrono::milliseconds;

Subprocess::Options Shell(const std::string& script,
                          Subprocess::StderrMode mode = Subprocess::StderrMode::kPipe) {
  return {.argv = {"/bin/sh", "-c", script}, .stderr_mode = mode};
}

std::unique_ptr<Subprocess> StartOrDie(const Subprocess::Options& options) {
  auto p = Subprocess::Start(options);
  EXPECT_THAT(p, IsOk());
  return p.ok() ? std::move(*p) : nullptr;
}

TEST(Subprocess, ReadsLinesFromEachStreamThenTheEnd) {
  auto p = StartOrDie(Shell("echo một; echo hai >&2; printf 'ba\\nbốn'"));
  ASSERT_NE(p, nullptr);
  auto line = p->ReadLine(milliseconds(10000));
  ASSERT_THAT(line, IsOk());
  EXPECT_EQ(*line, "một");
  line = p->ReadLine(milliseconds(10000), Stream::kStderr);
  ASSERT_THAT(line, IsOk());
  EXPECT_EQ(*line, "hai");
  line = p->ReadLine(milliseconds(10000));
  ASSERT_THAT(line, IsOk());
  EXPECT_EQ(*line, "ba");
  // "bốn" has no newline: the stream ends, and ReadAll still has it.
  EXPECT_THAT(p->ReadLine(milliseconds(10000)), HasError(Error::kNotFound));
  EXPECT_EQ(p->ReadAll(), "bốn");
  EXPECT_EQ(p->Wait(), 0);
  EXPECT_EQ(p->pid(), -1);
}

TEST(Subprocess, ANoLineWithinTheTimeoutIsAnErrorAndTheLineStillComes) {
  auto p = StartOrDie(Shell("sleep 1; echo late"));
  ASSERT_NE(p, nullptr);
  EXPECT_THAT(p->ReadLine(milliseconds(50)), HasError(Error::kInternal));
  auto line = p->ReadLine(milliseconds(30000));
  ASSERT_THAT(line, IsOk());
  EXPECT_EQ(*line, "late");
}

TEST(Subprocess, ReportsExitCodesAndSignals) {
  auto exits = StartOrDie(Shell("exit 7"));
  ASSERT_NE(exits, nullptr);
  EXPECT_EQ(exits->Wait(), 7);
  EXPECT_EQ(exits->Wait(), -1);  // already reaped

  auto sleeper = StartOrDie(Shell("echo ready; exec sleep 60"));
  ASSERT_NE(sleeper, nullptr);
  ASSERT_THAT(sleeper->ReadLine(milliseconds(10000)), IsOk());
  EXPECT_EQ(sleeper->WaitFor(milliseconds(100)), std::nullopt);  // still running
  sleeper->Signal(SIGTERM);
  EXPECT_EQ(sleeper->WaitFor(milliseconds(30000)), -1000 - SIGTERM);
}

TEST(Subprocess, TheDestructorKillsAndReapsAChildStillRunning) {
  pid_t pid = -1;
  {
    auto p = StartOrDie(Shell("echo ready; exec sleep 60"));
    ASSERT_NE(p, nullptr);
    ASSERT_THAT(p->ReadLine(milliseconds(10000)), IsOk());
    pid = p->pid();
    ASSERT_GT(pid, 0);
    ASSERT_EQ(::kill(pid, 0), 0);
  }
  // Reaped, not a zombie: the pid no longer exists.
  errno = 0;
  EXPECT_EQ(::kill(pid, 0), -1);
  EXPECT_EQ(errno, ESRCH);
}

TEST(Subprocess, AddsToTheParentsEnvironment) {
  ASSERT_EQ(::setenv("MOTCUA_SUBPROCESS_TEST_KEPT", "giữ", 1), 0);
  ASSERT_EQ(::setenv("MOTCUA_SUBPROCESS_TEST_REPLACED", "cũ", 1), 0);
  Subprocess::Options options = Shell(
      "echo \"$MOTCUA_SUBPROCESS_TEST_KEPT $MOTCUA_SUBPROCESS_TEST_REPLACED "
      "$MOTCUA_SUBPROCESS_TEST_ADDED\"");
  options.env = {{"MOTCUA_SUBPROCESS_TEST_REPLACED", "mới"},
                 {"MOTCUA_SUBPROCESS_TEST_ADDED", "thêm"}};
  auto p = StartOrDie(options);
  ASSERT_NE(p, nullptr);
  auto line = p->ReadLine(milliseconds(10000));
  ASSERT_THAT(line, IsOk());
  EXPECT_EQ(*line, "giữ mới thêm");
  ::unsetenv("MOTCUA_SUBPROCESS_TEST_KEPT");
  ::unsetenv("MOTCUA_SUBPROCESS_TEST_REPLACED");
}

TEST(Subprocess, AppendsStderrToAFile) {
  ::motcua::testing::TempDir dir;
  const std::string log = dir.File("child.log");
  std::ofstream(log) << "trước\n";
  Subprocess::Options options = Shell("echo out; echo err >&2", Subprocess::StderrMode::kFile);
  options.stderr_path = log;
  auto p = StartOrDie(options);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->ReadAll(), "out\n");
  EXPECT_EQ(p->ReadAll(Stream::kStderr), "");  // not a pipe
  EXPECT_THAT(p->ReadLine(milliseconds(10), Stream::kStderr), HasError(Error::kInternal));
  EXPECT_EQ(p->Wait(), 0);
  std::stringstream text;
  text << std::ifstream(log).rdbuf();
  EXPECT_EQ(text.str(), "trước\nerr\n");
}

TEST(Subprocess, AProgramThatCannotStartIsAnError) {
  EXPECT_THAT(Subprocess::Start({.argv = {"/nonexistent/motcua-no-such-program"}}),
              HasError(Error::kInternal));
  EXPECT_THAT(Subprocess::Start({}), HasError(Error::kInvalidArgument));
  EXPECT_EQ(RunToCompletion({"/nonexistent/motcua-no-such-program"}).exit_code, -1);
}

TEST(Subprocess, CountsTheChildsCpuTime) {
  auto p =
      StartOrDie(Shell("i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo done; "
                       "exec sleep 60"));
  ASSERT_NE(p, nullptr);
  ASSERT_THAT(p->ReadLine(milliseconds(120000)), IsOk());
  EXPECT_GT(p->CpuSeconds(), 0.0);
  p->Signal(SIGKILL);
  EXPECT_EQ(p->Wait(), -1000 - SIGKILL);
  EXPECT_EQ(p->CpuSeconds(), 0.0);  // reaped
}

// 4096 lines of 64 bytes on each stream, far more than a pipe holds:
// reading one stream to its end before the other would deadlock.
TEST(RunToCompletion, CollectsBothStreamsInFullAndTheExitCode) {
  const std::string out_line(63, 'o');
  const std::string err_line(63, 'e');
  const RunResult r = RunToCompletion({"/bin/sh", "-c",
                                       "i=0; while [ $i -lt 4096 ]; do echo \"$OUT_LINE\"; "
                                       "echo \"$ERR_LINE\" >&2; i=$((i+1)); done; exit 3"},
                                      {{"OUT_LINE", out_line}, {"ERR_LINE", err_line}});
  EXPECT_EQ(r.exit_code, 3);
  std::string expected_out;
  std::string expected_err;
  for (int i = 0; i < 4096; ++i) {
    expected_out += out_line + "\n";
    expected_err += err_line + "\n";
  }
  EXPECT_EQ(r.out.size(), 4096u * 64);
  EXPECT_TRUE(r.out == expected_out);
  EXPECT_TRUE(r.err == expected_err);
}

TEST(RunToCompletion, PassesArgumentsVerbatim) {
  const RunResult r =
      RunToCompletion({"/bin/sh", "-c", "printf '%s|' \"$@\"", "sh", "a b", "", "ờ*"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "a b||ờ*|");
  EXPECT_EQ(r.err, "");
}

}  // namespace
}  // namespace motcua::common
