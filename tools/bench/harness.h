// The benchmark harness: a stopwatch, medians and percentiles, the process's
// resident memory, and the rows the suite prints (figure, same-run baseline,
// ratio, target) as a table and as JSON.
//
// Only ratios and same-run comparisons are targets: the machines these run
// on are shared, so absolute figures drift from run to run.
//
// Not thread-safe (one benchmark runs at a time); Stopwatch and the free
// functions may be used from any thread.
#ifndef MOTCUA_TOOLS_BENCH_HARNESS_H_
#define MOTCUA_TOOLS_BENCH_HARNESS_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace motcua::bench {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  void Restart() { start_ = std::chrono::steady_clock::now(); }
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

// The median of `values` (the mean of the middle two for an even count); 0
// for none.
double Median(std::vector<double> values);
// The p-th percentile (0..100, nearest rank) of `values`; 0 for none.
double Percentile(std::vector<double> values, double p);

// Resident set size of this process, in bytes (/proc/self/statm).
std::int64_t ResidentBytes();
// CPU time this process has used (user + system), in seconds. Beside a
// wall-clock figure it shows how much of it was waiting: for the disk, or
// for a core on a shared machine.
double ProcessCpuSeconds();

// The whole machine's CPU time since boot, summed over its cores, by what
// the cores did (/proc/stat): whether a figure was bound by the cores or by
// waiting, and how much the host's other guests took (steal).
struct MachineCpu {
  double busy = 0;    // user, nice, system, irq, softirq
  double idle = 0;    // idle and waiting for I/O
  double stolen = 0;  // running another guest of the host
};
MachineCpu MachineCpuSeconds();

// Runs `measure` `repetitions` times and returns the median of what it
// returns (each call measures one repetition, e.g. events per second).
double MedianOf(int repetitions, const std::function<double()>& measure);

// What a figure must reach. A row may carry several (all must hold).
struct Target {
  enum class Kind {
    kRatioAtLeast,   // ratio >= value
    kRatioAtMost,    // ratio <= value
    kFigureAtLeast,  // figure >= value
    kFigureAtMost,   // figure <= value
  };
  Kind kind;
  double value;
};

// One line of the table.
struct Row {
  std::string name;  // stable key for --only and the JSON, e.g. "ingest"
  std::string what;  // for people
  double figure = 0;
  std::string unit;  // "events/s", "bytes/dossier" ...
  std::optional<double> baseline;
  std::string baseline_what;
  // figure / baseline unless set otherwise (e.g. a time ratio).
  std::optional<double> ratio;
  // False when the baseline is context, not a comparison (the empty
  // engine's RSS beside a per-dossier figure): no ratio is shown.
  bool has_ratio = true;
  std::vector<Target> targets;  // none: reported only
  int repetitions = 1;
  // Extra figures shown under the table and in the JSON (p50, sizes ...).
  std::vector<std::pair<std::string, std::string>> details;

  // Whether every target holds; nullopt when the row has none.
  std::optional<bool> Met() const;
  double Ratio() const;
  Row& Detail(std::string key, std::string value) {
    details.emplace_back(std::move(key), std::move(value));
    return *this;
  }
};

// "1,234,567" / "12.3" style helpers for the table and details.
std::string FormatCount(double value);
std::string FormatFixed(double value, int decimals);
// Each repetition's figure, for the details: "1,234, 1,301, 1,187".
std::string FormatRuns(const std::vector<double>& values);

// The side-by-side table, one row per Row, then each row's details.
void PrintTable(const std::vector<Row>& rows, std::ostream& out);

// The machine-readable summary: {"machine": {...}, "command": ..., "results": [...]}.
// `failures` names benchmarks that could not run, with why.
std::string SummaryJson(const std::vector<Row>& rows,
                        const std::vector<std::pair<std::string, std::string>>& machine,
                        const std::vector<std::pair<std::string, std::string>>& failures,
                        const std::string& command);

// nproc, CPU model, memory, kernel: facts about where the figures come from.
std::vector<std::pair<std::string, std::string>> MachineFacts();

}  // namespace motcua::bench

#endif  // MOTCUA_TOOLS_BENCH_HARNESS_H_
