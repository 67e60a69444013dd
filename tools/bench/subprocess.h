// Subprocess: a child program with its stdout on a pipe, for the benchmarks
// that measure in another process (the server, and the memory measurement,
// which must start from a clean heap). The destructor kills (SIGKILL) and
// reaps a child still running. Not thread-safe.
#ifndef MOTCUA_TOOLS_BENCH_SUBPROCESS_H_
#define MOTCUA_TOOLS_BENCH_SUBPROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/status.h"

namespace motcua::bench {

class Subprocess {
 public:
  // Starts argv[0] (a path) with `argv`; its stderr goes to `stderr_path`
  // (appended), or is inherited when empty.
  static Result<std::unique_ptr<Subprocess>> Start(const std::vector<std::string>& argv,
                                                   const std::string& stderr_path = "");
  ~Subprocess();
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  // The next line of its stdout (without the newline); an error at end of
  // stream or after `timeout`.
  Result<std::string> ReadLine(std::chrono::milliseconds timeout);
  // Everything left on its stdout, up to end of stream.
  std::string ReadAll();
  // Sends `signal`; then Wait().
  void Signal(int signal);
  // Waits for the exit: the exit code, or -1000 - signal when killed by one.
  int Wait();
  // CPU time (user + system) the child has used so far, in seconds
  // (/proc/PID/stat); 0 when it cannot be read.
  double CpuSeconds() const;

 private:
  Subprocess() = default;
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string buffered_;
};

// This program's own path (/proc/self/exe), to run itself as a child.
std::string SelfPath();

}  // namespace motcua::bench

#endif  // MOTCUA_TOOLS_BENCH_SUBPROCESS_H_
