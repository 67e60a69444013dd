// Scaling (bench --scaling): how each cost grows with the data, so that a
// province's IT centre can size a server for ten communes or a hundred. A
// year of traffic (YearOfTraffic) is generated at 10,000, 100,000 and
// 1,000,000 dossiers (--quick: 300, 1,000, 3,000), and each is measured in
// a fresh child process (bench --child-scaling DB), so that the resident
// set holds only what the measurement loads:
//
//   start-up, whole log     the log replayed into an empty engine, then
//                           every dossier scheduled (TrackAll)
//   start-up, snapshot      the snapshot of the log's head loaded, the
//                           events after it (none) replayed, TrackAll;
//                           beside it one raw scan of the events table,
//                           which the start must not exceed
//   statistics, the year    StatisticsFromStore for 2024 (GET /v1/stats)
//   a dossier's history     its events read from the log (the desk's and
//                           the citizen's view), mean over 1,000 dossiers
//   the desk's open list    the first 50 open dossiers by the office's
//                           deadline (GET /v1/dossiers?open=1)
//   memory per dossier      RSS after the start-up above minus the empty
//                           engine's, per dossier held
//
// The table gives each figure per size, the factor from one size to the
// next (sizes grow tenfold) and what that factor suggests: ~1 O(1), ~10
// O(n), clearly above 10 O(n log n) or worse, in between sublinear.
//
// Generating the 1,000,000-dossier year takes minutes: the data sets are
// kept in DIR/motcua-bench-cache and reused by the next run (delete the
// folder to generate them again).
#include <charconv>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "adapters/counters/store_statistics.h"
#include "adapters/projections/all_projections.h"
#include "adapters/runtime/system_ports.h"
#include "adapters/snapshot/engine_restore.h"
#include "adapters/snapshot/snapshot_file.h"
#include "adapters/sqlite/dossier_queries.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/alerts/deadline_watch.h"
#include "adapters/metrics/period.h"
#include "adapters/metrics/statistics.h"
#include "tools/bench/benchmarks.h"
#include "tools/bench/raw_sqlite.h"
#include "tools/bench/server_start.h"
#include "tools/common/subprocess.h"

namespace motcua::bench {

namespace {

constexpr const char* kNow = "2024-12-31 17:00";  // the year's last afternoon

// The measures, in the table's order: key, label, unit.
struct Measure {
  const char* key;
  const char* label;
  const char* unit;
};
constexpr Measure kMeasures[] = {
    {"startup_whole_ms", "start-up, whole log replayed", "ms"},
    {"startup_snapshot_ms", "start-up from the snapshot", "ms"},
    {"scan_ms", "(beside it: one raw scan of the events table)", "ms"},
    {"statistics_ms", "statistics for the year", "ms"},
    {"history_us", "a dossier's history read", "us"},
    {"open_list_ms", "the desk's 50 open dossiers by deadline", "ms"},
    {"bytes_per_dossier", "memory per dossier held", "bytes"},
};

void Print(const char* key, double value) {
  std::cout << key << " " << FormatFixed(value, 6) << std::endl;
}

Status RunChild(const BenchOptions& options, const std::string& db) {
  MOTCUA_ASSIGN_OR_RETURN(const ServerSetup setup, LoadServerSetup(options.config));
  runtime::RandomSecretSource secrets;
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::SqliteEventLog> log,
                          sqlite::SqliteEventLog::Open(db, projections::AllProjections()));
  const std::int64_t rss_empty = ResidentBytes();

  // The start as before snapshots: the whole log. Kept for the memory it
  // holds, the snapshot below and the codes the history reads ask for.
  auto engine =
      std::make_unique<engine::Engine>(setup.engine_options, setup.catalog, setup.calendar, secrets);
  Stopwatch whole;
  MOTCUA_RETURN_IF_ERROR(snapshot::LoadEngine({}, *log, *engine).status());
  auto watch = std::make_unique<alerts::DeadlineWatch>(*engine, setup.watch_options);
  watch->TrackAll();
  Print("startup_whole_ms", whole.Seconds() * 1000.0);
  Print("bytes_per_dossier", static_cast<double>(ResidentBytes() - rss_empty) /
                                 static_cast<double>(std::max<std::size_t>(1, engine->size())));
  Print("dossiers", static_cast<double>(engine->size()));

  // The start from the snapshot of the head.
  const std::filesystem::path path = snapshot::SnapshotPathFor(db);
  MOTCUA_ASSIGN_OR_RETURN(snapshot::Snapshot taken, snapshot::SnapshotOfHead(*log, *engine));
  MOTCUA_RETURN_IF_ERROR(snapshot::WriteSnapshotFile(path, taken));
  std::vector<std::string> codes;
  const std::size_t step = std::max<std::size_t>(1, engine->size() / 1000);
  for (std::uint32_t id = 0; id < engine->size(); id += static_cast<std::uint32_t>(step)) {
    codes.push_back(engine->code(id));
  }
  const std::size_t held = engine->size();
  watch.reset();
  engine.reset();
  std::vector<double> starts;
  for (int rep = 0; rep < 3; ++rep) {
    std::size_t dossiers = 0;
    MOTCUA_ASSIGN_OR_RETURN(double start, TimeStart(setup, path, *log, secrets, dossiers));
    if (dossiers != held) return Status(Error::kInternal, "the start from the snapshot lost dossiers");
    starts.push_back(start * 1000.0);
  }
  std::filesystem::remove(path);
  Print("startup_snapshot_ms", Median(starts));
  std::vector<double> scans;
  for (int rep = 0; rep < 3; ++rep) {
    std::size_t rows = 0;
    Stopwatch scan;
    MOTCUA_RETURN_IF_ERROR(RawScan(db, rows).status());
    scans.push_back(scan.Seconds() * 1000.0);
  }
  Print("scan_ms", Median(scans));

  // The readers, on a read-only connection as the server's query threads.
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> reader,
                          sqlite::Database::Open(db, sqlite::Database::Mode::kReadOnly));
  MOTCUA_ASSIGN_OR_RETURN(metrics::Period year, metrics::MakePeriod("2024-01-01", "2024-12-31"));
  const Instant now = *ParseVietnamMinute(kNow);
  metrics::StatisticsOptions stats_options;
  stats_options.generated_at = now;
  MOTCUA_RETURN_IF_ERROR(
      counters::StatisticsFromStore(*reader, *setup.catalog, year, now, stats_options).status());
  std::vector<double> stats;
  for (int rep = 0; rep < 5; ++rep) {
    Stopwatch watch_stats;
    MOTCUA_RETURN_IF_ERROR(
        counters::StatisticsFromStore(*reader, *setup.catalog, year, now, stats_options).status());
    stats.push_back(watch_stats.Seconds() * 1000.0);
  }
  Print("statistics_ms", Median(stats));

  sqlite::DossierEventReader history(*reader);
  Stopwatch reads;
  std::size_t events = 0;
  for (const std::string& code : codes) {
    MOTCUA_RETURN_IF_ERROR(history.Read(code, [&events](const v1::Event&) { ++events; }));
  }
  if (events == 0) return Status(Error::kInternal, "no history read");
  Print("history_us", reads.Seconds() * 1e6 / static_cast<double>(codes.size()));

  sqlite::DossierFilter open;
  open.open_only = true;
  open.limit = 50;
  std::vector<double> lists;
  for (int rep = 0; rep < 21; ++rep) {
    Stopwatch list;
    MOTCUA_RETURN_IF_ERROR(sqlite::ListDossiers(*reader, open).status());
    lists.push_back(list.Seconds() * 1000.0);
  }
  Print("open_list_ms", Median(lists));
  return Status::Ok();
}

std::string GrowsAs(double factor) {
  if (factor < 1.6) return "O(1)";
  if (factor < 7) return "sublinear";
  if (factor < 12.5) return "O(n)";
  return "O(n log n) or worse";
}

}  // namespace

int ScalingChild(const BenchOptions& options, const std::string& db) {
  if (Status s = RunChild(options, db); !s.ok()) {
    std::cerr << "bench child: " << s.ToString() << "\n";
    return 1;
  }
  return 0;
}

Status RunScaling(Context& context) {
  const std::vector<std::size_t> sizes = context.quick()
                                             ? std::vector<std::size_t>{300, 1'000, 3'000}
                                             : std::vector<std::size_t>{10'000, 100'000, 1'000'000};
  const std::filesystem::path cache = context.options().dir / "motcua-bench-cache";
  std::filesystem::create_directories(cache);
  std::vector<std::map<std::string, double>> figures;
  for (std::size_t size : sizes) {
    const std::string name = "year-" + std::to_string(size) + (context.quick() ? "-quick" : "");
    const std::filesystem::path db = cache / (name + ".db");
    const std::filesystem::path done = cache / (name + ".done");
    if (!std::filesystem::exists(done)) {
      std::cerr << "bench: generating a year of " << FormatCount(static_cast<double>(size))
                << " dossiers into " << db.string() << " ..." << std::endl;
      for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(db.string() + suffix);
      }
      MOTCUA_ASSIGN_OR_RETURN(
          Store store, GenerateStore(context, db.string(), YearOfTraffic(size), false));
      std::cerr << "bench: " << FormatCount(static_cast<double>(store.events)) << " events in "
                << FormatFixed(store.seconds, 1) << " s" << std::endl;
      std::ofstream(done) << store.events << "\n";
    }
    MOTCUA_ASSIGN_OR_RETURN(
        std::unique_ptr<common::Subprocess> child,
        common::Subprocess::Start({.argv = {common::SelfPath(), "--child-scaling", db.string(),
                                            "--config", context.options().config.string()}}));
    std::map<std::string, double>& m = figures.emplace_back();
    std::istringstream out(child->ReadAll());
    for (std::string key, value; out >> key >> value;) {
      std::from_chars(value.data(), value.data() + value.size(), m[key]);
    }
    if (int rc = child->Wait(); rc != 0) {
      return Status(Error::kInternal, "the measuring child failed on " + db.string() +
                                          " (exit " + std::to_string(rc) + ")");
    }
  }

  std::cout << "\nHow cost grows (bench --scaling; a year of traffic, each size measured in a "
               "fresh process)\n\n| measure |";
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    std::cout << " " << FormatCount(figures[i]["dossiers"]) << " dossiers |";
  }
  for (std::size_t i = 1; i < sizes.size(); ++i) std::cout << " x step " << i << " |";
  std::cout << " grows as |\n|---|";
  for (std::size_t i = 0; i < 2 * sizes.size(); ++i) std::cout << "---|";
  std::cout << "\n";
  for (const Measure& measure : kMeasures) {
    std::cout << "| " << measure.label << " |";
    for (auto& m : figures) {
      const double v = m[measure.key];
      std::cout << " " << (v >= 100 ? FormatCount(v) : FormatFixed(v, 2)) << " " << measure.unit
                << " |";
    }
    double last_factor = 0;
    for (std::size_t i = 1; i < figures.size(); ++i) {
      last_factor = figures[i][measure.key] / std::max(1e-9, figures[i - 1][measure.key]);
      std::cout << " " << FormatFixed(last_factor, 2) << " |";
    }
    std::cout << " " << GrowsAs(last_factor) << " |\n";
  }
  std::cout << "\nThe last factor (the step to the largest size) decides the class: the "
               "smallest sizes are dominated by fixed costs.\n";
  return Status::Ok();
}

}  // namespace motcua::bench
