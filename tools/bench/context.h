// What every benchmark shares: the options, the shipped catalog and
// calendar (the real data the product runs with), a temporary directory for
// the SQLite files, and the deterministic data sets (tools/workload), the
// largest of which is generated once per run and reused.
//
// Not thread-safe: benchmarks run one at a time.
#ifndef MOTCUA_TOOLS_BENCH_CONTEXT_H_
#define MOTCUA_TOOLS_BENCH_CONTEXT_H_

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "engine/base/status.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "engine/engine.h"
#include "engine/ports/secret_source.h"
#include "motcua/v1/config.pb.h"
#include "tools/workload/workload.h"

namespace motcua::bench {

struct BenchOptions {
  bool quick = false;  // tiny sizes: proves each benchmark runs, measures nothing
  int repetitions = 5;
  // The share of the full sizes (1,000,000 dossiers, 8,000,000 events)
  // the two large data sets are generated at. Generating them goes through
  // the engine and the log at the ingest rate, so the full size takes most
  // of an hour on a shared 2-core machine: the default is what fits in the
  // suite's ~15 minutes there (bench --scale 1 runs the full sizes).
  double scale = 0.1;
  std::filesystem::path config;   // motcuad.json: catalog, calendar, unit
  std::filesystem::path dir;      // where the SQLite files go (a fresh subfolder)
  std::filesystem::path motcuad;  // the server binary, for the HTTP benchmark
  std::filesystem::path web_root = "web/dist";  // the built web desk (bench_web.cc)
  bool keep_files = false;
};

// A store generated through the engine and the SQLite event log.
struct Store {
  std::string path;
  std::size_t dossiers = 0;  // planned by the workload
  std::size_t events = 0;
  double seconds = 0;  // generation time (not a benchmark figure)
  // The engine that wrote it, still holding every dossier (null unless kept).
  std::unique_ptr<engine::Engine> engine;
};

class Context {
 public:
  static Result<std::unique_ptr<Context>> Create(BenchOptions options);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const BenchOptions& options() const { return options_; }
  bool quick() const { return options_.quick; }
  // `full` repetitions scaled by --repetitions (5 keeps `full`), one when quick.
  int Repetitions(int full) const {
    return quick() ? 1 : std::max(1, full * options_.repetitions / 5);
  }
  // `full` in a real run, `tiny` in a quick one.
  std::size_t Size(std::size_t full, std::size_t tiny) const { return quick() ? tiny : full; }
  // `full` times --scale (at least `tiny`) in a real run, `tiny` in a quick one.
  std::size_t Scaled(std::size_t full, std::size_t tiny) const;

  const v1::ServerConfig& config() const { return config_; }
  std::shared_ptr<const catalog::Catalog> catalog() const { return catalog_; }
  std::shared_ptr<const calendar::WorkingCalendar> calendar() const { return calendar_; }
  SecretSource& secrets() { return *secrets_; }
  engine::EngineOptions engine_options() const;
  std::unique_ptr<engine::Engine> NewEngine();

  // A fresh path in the run's directory (an existing file of that name and
  // its WAL are removed first), with the disk settled: what earlier runs
  // wrote is flushed (sync) before this one starts, so that the fsyncs of
  // the run about to be timed do not queue behind the kernel's write-back of
  // the previous run's files (a lifecycles run after the ingest benchmark
  // lost 10-15%, its raw floor too).
  std::string FreshPath(const std::string& name) const;
  const std::filesystem::path& dir() const { return dir_; }

  // A year of realistic traffic (receipts over 2024, the history up to
  // 2024-12-31 16:00, so a few hundred dossiers are still open): 1,000,000
  // dossiers times --scale, about 8 events each (quick: 1,000). Generated on first use;
  // the engine is kept for the statistics benchmark.
  Result<Store*> YearStore();

 private:
  Context(BenchOptions options, std::filesystem::path dir);

  BenchOptions options_;
  std::filesystem::path dir_;
  v1::ServerConfig config_;
  std::shared_ptr<const catalog::Catalog> catalog_;
  std::shared_ptr<const calendar::WorkingCalendar> calendar_;
  std::unique_ptr<SecretSource> secrets_;
  std::unique_ptr<Store> year_;
};

// Workload options for a year of traffic (see YearStore) over `dossiers`.
workload::WorkloadOptions YearOfTraffic(std::size_t dossiers);
// Workload options for `dossiers` open dossiers received over the three
// working days before 2025-04-09 16:00, all still open then (keep_open):
// counter, post and online, about a tenth waiting for or past a
// supplementation.
workload::WorkloadOptions OpenDossiers(std::size_t dossiers);

// Plays `workload` through a new engine and a SqliteEventLog with every
// projection at `path`, in batches of 1,000 commands (as the server's group
// commit does). Keeps the engine in the Store when `keep_engine`.
Result<Store> GenerateStore(Context& context, const std::string& path,
                            const workload::WorkloadOptions& workload, bool keep_engine);

}  // namespace motcua::bench

#endif  // MOTCUA_TOOLS_BENCH_CONTEXT_H_
