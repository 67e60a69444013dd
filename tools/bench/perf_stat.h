// PerfStat: counts events of another process with `perf stat` (Debian's
// linux-perf), for the benchmarks' per-command figures: system calls,
// context switches, and calls of the allocator through uprobes
// (MallocProbe). Both need root (or a permissive perf_event_paranoid); when
// perf is missing or refuses, they fail with the reason, and the benchmark
// says it did not count.
#ifndef MOTCUA_TOOLS_BENCH_PERF_STAT_H_
#define MOTCUA_TOOLS_BENCH_PERF_STAT_H_

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "tools/common/subprocess.h"

namespace motcua::bench {

inline constexpr const char* kPerfBinary = "/usr/bin/perf";

class PerfStat {
 public:
  // Starts counting `events` of process `pid` (its threads included) into
  // `out`.
  static Result<std::unique_ptr<PerfStat>> Attach(pid_t pid, const std::vector<std::string>& events,
                                                  const std::filesystem::path& out);
  // Ends the count; each event's total.
  Result<std::map<std::string, double>> Stop();

 private:
  PerfStat(std::unique_ptr<common::Subprocess> perf, std::filesystem::path out)
      : perf_(std::move(perf)), out_(std::move(out)) {}
  std::unique_ptr<common::Subprocess> perf_;
  std::filesystem::path out_;
};

// Uprobes on the allocator's entry points while it lives, in the library
// that serves this process's malloc. motcuad is linked as the benchmark is
// (CMakeLists.txt MOTCUA_JEMALLOC), so that library is the server's too.
// glibc: malloc, where operator new ends. jemalloc serves operator new
// itself: malloc, new and new[].
class MallocProbe {
 public:
  static Result<std::unique_ptr<MallocProbe>> Add();
  ~MallocProbe();
  MallocProbe(const MallocProbe&) = delete;
  MallocProbe& operator=(const MallocProbe&) = delete;

  // The perf events to count, one per entry point.
  const std::vector<std::string>& events() const { return events_; }
  // The library probed, e.g. "libjemalloc.so.2".
  const std::string& library() const { return library_; }
  // The allocations in `counts` (PerfStat::Stop): the sum over events().
  double Allocations(const std::map<std::string, double>& counts) const;

 private:
  MallocProbe() = default;
  std::vector<std::string> events_;
  std::string library_;
};

}  // namespace motcua::bench

#endif  // MOTCUA_TOOLS_BENCH_PERF_STAT_H_
