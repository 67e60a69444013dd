// Subprocess: runs another program with its output on pipes, for the
// programs and tests that drive a real binary: the benchmark (the server,
// and itself re-run for a clean heap), the end-to-end tests (motcuad, the
// motcua desk client, `motcua alerts --follow`).
//
// Contract:
// - argv[0] is the program's path (no PATH search); the child gets the
//   parent's environment with `env` added (an entry of the same name is
//   replaced) and inherits its stdin.
// - Its stdout is always a pipe to the parent; its stderr is inherited, a
//   pipe, or appended to a file (Options::stderr_mode).
// - The Subprocess object owns the child: the destructor kills (SIGKILL) and
//   reaps a child still running, and closes the pipes, so no test or
//   benchmark leaves a process behind when it fails half-way.
// - Exit statuses are one int: the exit code (0–255), or -1000 - N when
//   killed by signal N.
// - A pipe the parent does not read can fill (64 KiB on Linux) and block the
//   child; read what you pipe, or use RunToCompletion, which reads both streams.
// - Not thread-safe: one thread drives a Subprocess. RunToCompletion is reentrant.
#ifndef MOTCUA_TOOLS_COMMON_SUBPROCESS_H_
#define MOTCUA_TOOLS_COMMON_SUBPROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/status.h"

namespace motcua::common {

enum class Stream { kStdout = 0, kStderr = 1 };

struct RunResult;

class Subprocess {
 public:
  enum class StderrMode { kInherit, kPipe, kFile };

  struct Options {
    std::vector<std::string> argv = {};           // argv[0]: the program's path
    std::map<std::string, std::string> env = {};  // added to the parent's environment
    StderrMode stderr_mode = StderrMode::kInherit;
    std::string stderr_path = {};  // kFile: appended to, created if missing
  };

  // Starts the program. kInvalidArgument for an empty argv; kInternal when it
  // cannot be started (no such file, not executable, out of resources).
  static Result<std::unique_ptr<Subprocess>> Start(const Options& options);
  ~Subprocess();
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  // The child's process id; -1 once it has been reaped.
  pid_t pid() const { return pid_; }

  // The next line of `stream` (without its newline). kNotFound at the end of
  // the stream (an unterminated last line stays buffered: ReadAll returns
  // it); kInternal when no complete line came within `timeout`, or for a
  // stream that is not a pipe.
  Result<std::string> ReadLine(std::chrono::milliseconds timeout, Stream stream = Stream::kStdout);
  // Everything left on `stream` up to its end (blocks until the child closes
  // it, normally by exiting); empty for a stream that is not a pipe.
  std::string ReadAll(Stream stream = Stream::kStdout);

  // Sends `signal` to a child not yet reaped.
  void Signal(int signal);
  // Waits for the exit and reaps the child: its status (see above); -1 if it
  // was already reaped.
  int Wait();
  // As Wait, for at most `limit`; nullopt (the child still running) after it.
  std::optional<int> WaitFor(std::chrono::milliseconds limit);

  // CPU time (user + system) the child has used so far, in seconds, from
  // /proc/PID/stat; 0 when it cannot be read (e.g. once reaped).
  double CpuSeconds() const;

 private:
  friend RunResult RunToCompletion(const std::vector<std::string>& argv,
                                   const std::map<std::string, std::string>& env);
  Subprocess() = default;
  pid_t pid_ = -1;
  int fds_[2] = {-1, -1};  // by Stream
  std::string buffered_[2];
};

// What RunToCompletion collects.
struct RunResult {
  int exit_code = -1;  // as Wait; -1 when the program could not be started
  std::string out;
  std::string err;
};

// Runs argv to completion with `env` added, both output streams on pipes
// read together (so neither can fill and block the child).
RunResult RunToCompletion(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env = {});

// This program's own path (/proc/self/exe), to run itself as a child. The
// link, not its target: it still runs this program after a rebuild replaced
// the file during a long run.
std::string SelfPath();

}  // namespace motcua::common

#endif  // MOTCUA_TOOLS_COMMON_SUBPROCESS_H_
