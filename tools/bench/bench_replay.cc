// Replay: rebuild every projection from the log (sqlite::RebuildProjections,
// what `motcua check` and a projection's migration run) over the year of
// traffic, about 8,000,000 events, into a fresh SQLite file. Baseline, same
// run, same file: a raw scan of the events table in seq order reading every
// body (SELECT seq, body ... ORDER BY seq through the C API), the floor
// under any replay. Both run with the file in the OS page cache (a warm-up
// scan first). Target: the rebuild reaches >= 0.1 of the scan's rows/s.
// Also reported: the server's start-up replay (the log into a fresh engine).
#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/integrity.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "tools/bench/benchmarks.h"
#include "tools/bench/raw_sqlite.h"

namespace motcua::bench {

namespace {

Result<double> Rebuild(Context& context, const std::string& source_path, std::size_t events) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> source,
                          sqlite::Database::Open(source_path, sqlite::Database::Mode::kReadOnly));
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> target,
                          sqlite::Database::Open(context.FreshPath("rebuilt.db")));
  Stopwatch watch;
  MOTCUA_RETURN_IF_ERROR(sqlite::RebuildProjections(*source, projections::AllProjections,
                                                    *context.catalog(), *target));
  return static_cast<double>(events) / watch.Seconds();
}

// Events per second of the server's start-up replay into a fresh engine.
Result<double> StartupReplay(Context& context, const std::string& path) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::SqliteEventLog> log,
                          sqlite::SqliteEventLog::Open(path, projections::AllProjections()));
  std::unique_ptr<engine::Engine> engine = context.NewEngine();
  std::size_t events = 0;
  Stopwatch watch;
  MOTCUA_RETURN_IF_ERROR(log->ReadAll([&](const v1::Event& e) {
    ++events;
    return engine->Replay(e);
  }));
  return static_cast<double>(events) / watch.Seconds();
}

}  // namespace

Result<std::vector<Row>> RunReplay(Context& context) {
  MOTCUA_ASSIGN_OR_RETURN(Store * store, context.YearStore());
  std::size_t rows = 0;
  MOTCUA_RETURN_IF_ERROR(RawScan(store->path, rows).status());  // warm the page cache
  // At 8 million events a rebuild takes a while: three repetitions.
  const int reps = context.Repetitions(3);
  std::vector<double> scans, rebuilds;
  for (int rep = 0; rep < reps; ++rep) {
    MOTCUA_ASSIGN_OR_RETURN(double scan, RawScan(store->path, rows));
    scans.push_back(scan);
    MOTCUA_ASSIGN_OR_RETURN(double rebuild, Rebuild(context, store->path, rows));
    rebuilds.push_back(rebuild);
  }
  MOTCUA_ASSIGN_OR_RETURN(double startup, StartupReplay(context, store->path));

  Row row;
  row.name = "replay";
  row.what = "rebuild all projections from the log into a fresh file (RebuildProjections)";
  row.figure = Median(rebuilds);
  row.unit = "events/s";
  row.baseline = Median(scans);
  row.baseline_what = "rows/s raw scan of the events table";
  row.targets = {{Target::Kind::kRatioAtLeast, 0.1}};
  row.repetitions = reps;
  row.Detail("events", FormatCount(static_cast<double>(rows)) + " (" +
                           FormatCount(static_cast<double>(store->dossiers)) + " dossiers)");
  row.Detail("rebuild runs (events/s)", FormatRuns(rebuilds));
  row.Detail("scan runs (rows/s)", FormatRuns(scans));
  row.Detail("server start-up replay into the engine (1 run)", FormatCount(startup) + " events/s");
  return std::vector<Row>{row};
}

}  // namespace motcua::bench
