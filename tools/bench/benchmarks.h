// The benchmarks of the suite (docs/performance.md), among them the calendar's
// and the deadline scheduler's, one file each. Each returns its rows:
// the figure, the baseline measured in the same run, the ratio and the
// target; an error when it could not run at all.
#ifndef MOTCUA_TOOLS_BENCH_BENCHMARKS_H_
#define MOTCUA_TOOLS_BENCH_BENCHMARKS_H_

#include <span>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "tools/bench/context.h"
#include "tools/bench/harness.h"

namespace motcua::bench {

struct Benchmark {
  std::string_view name;  // for --only
  std::string_view summary;
  Result<std::vector<Row>> (*run)(Context& context);
};

// In the order the suite runs them (cheapest first).
std::span<const Benchmark> AllBenchmarks();

Result<std::vector<Row>> RunDeadlines(Context& context);     // bench_deadlines.cc
Result<std::vector<Row>> RunIngest(Context& context);        // bench_ingest.cc
Result<std::vector<Row>> RunLifecycles(Context& context);    // bench_lifecycles.cc
Result<std::vector<Row>> RunHttp(Context& context);          // bench_http.cc
Result<std::vector<Row>> RunOpenDossiers(Context& context);  // bench_open_dossiers.cc
Result<std::vector<Row>> RunReplay(Context& context);        // bench_replay.cc
Result<std::vector<Row>> RunStatistics(Context& context);    // bench_statistics.cc
Result<std::vector<Row>> RunWebDesk(Context& context);       // bench_web.cc
Result<std::vector<Row>> RunDashboard(Context& context);     // bench_dashboard.cc

// The child side of RunOpenDossiers (bench --child-open-dossiers DB): loads
// the store into a fresh engine and prints its measurements, one
// "key value" line each. Returns the exit code.
int OpenDossiersChild(const BenchOptions& options, const std::string& db);

// bench --scaling (bench_scaling.cc): each cost at three sizes and how it
// grows; prints its table. Not part of the suite's rows.
Status RunScaling(Context& context);
// Its child side (bench --child-scaling DB). Returns the exit code.
int ScalingChild(const BenchOptions& options, const std::string& db);

}  // namespace motcua::bench

#endif  // MOTCUA_TOOLS_BENCH_BENCHMARKS_H_
