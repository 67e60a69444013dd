// Engine ingest: desk commands -> validated events -> the SQLite log with
// every projection, in process, committed 1,000 commands per transaction (the
// server's group commit), WAL and synchronous=FULL: the product's write path
// without HTTP. The traffic is a year of the workload (tools/workload: every
// channel, supplementation, fees, late results ...), recorded once as
// commands and replayed into a fresh engine and file each repetition, so
// the figure is the engine and the log alone, not the generator.
//
// Baseline, same run, same machine: raw SQLite doing the same storage work
// without the engine: each of the very events the engine wrote (same
// bodies, same hash sizes, same batch boundaries) appended to a table of the
// log's schema, and the dossier's row upserted into a table of the
// `dossiers` projection's schema with the same values, through the C API
// with prepared statements and static binds, WAL and synchronous=FULL.
// Target: the engine reaches >= 0.5 of the baseline's events per second.
#include <string>
#include <vector>

#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "tools/bench/benchmarks.h"
#include "tools/bench/raw_sqlite.h"

namespace motcua::bench {

namespace {

constexpr std::size_t kBatch = 1000;

struct Recorded {
  Instant at;
  v1::Command command;
};

// Plays the workload once through an in-memory engine, keeping its
// commands: a fresh engine given them in order assigns the same codes.
std::vector<Recorded> RecordTraffic(Context& context, const workload::WorkloadOptions& options) {
  std::unique_ptr<engine::Engine> engine = context.NewEngine();
  workload::Workload traffic(options, *context.catalog(), *context.calendar());
  engine::CommitBatch batch;
  std::vector<Recorded> recorded;
  while (auto step = traffic.Next()) {
    auto out = engine->Execute(step->command, step->at, batch);
    if (out.ok()) {
      traffic.Done(*step, out->dossier_code,
                   FromUnixSeconds(engine->Find(out->dossier_code)->appointment_at));
    } else {
      traffic.Done(*step, "", Instant{});
    }
    recorded.push_back({step->at, std::move(step->command)});
    if (batch.events.size() >= kBatch) {
      engine->Committed(batch);
      batch.clear();
    }
  }
  return recorded;
}

struct EngineRun {
  double seconds = 0;
  double cpu_seconds = 0;
  std::size_t events = 0;
  std::vector<std::size_t> batches;  // events per commit, for the baseline
};

Result<EngineRun> EngineIngest(Context& context, const std::vector<Recorded>& traffic,
                               const std::string& path) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::SqliteEventLog> log,
                          sqlite::SqliteEventLog::Open(path, projections::AllProjections()));
  std::unique_ptr<engine::Engine> engine = context.NewEngine();
  EngineRun run;
  engine::CommitBatch batch;
  std::size_t commands = 0;
  auto commit = [&]() -> Status {
    if (batch.events.empty()) return Status::Ok();
    run.batches.push_back(batch.events.size());
    run.events += batch.events.size();
    if (Status s = log->Commit(batch); !s.ok()) {
      engine->Rollback(batch);
      return s;
    }
    engine->Committed(batch);
    batch.clear();
    return Status::Ok();
  };
  Stopwatch watch;
  const double cpu = ProcessCpuSeconds();
  for (const Recorded& r : traffic) {
    // A refused command is part of the traffic (the workload abandons the
    // dossier); it costs validation and writes nothing.
    (void)engine->Execute(r.command, r.at, batch);
    if (++commands % kBatch == 0) MOTCUA_RETURN_IF_ERROR(commit());
  }
  MOTCUA_RETURN_IF_ERROR(commit());
  run.seconds = watch.Seconds();
  run.cpu_seconds = ProcessCpuSeconds() - cpu;
  return run;
}

}  // namespace

Result<std::vector<Row>> RunIngest(Context& context) {
  // 10,000 dossiers (~68,000 events, 68 commits): enough commits for a
  // steady rate, small enough for five repetitions of both sides in ~2 min.
  const std::size_t dossiers = context.Size(10'000, 200);
  const std::vector<Recorded> traffic = RecordTraffic(context, YearOfTraffic(dossiers));
  const int reps = context.Repetitions(5);

  std::vector<double> engine_rates, raw_rates, engine_cpu, raw_cpu;
  EngineRun last;
  std::vector<RawEvent> raw_events;
  for (int rep = 0; rep < reps; ++rep) {
    const std::string engine_path = context.FreshPath("ingest-engine.db");
    MOTCUA_ASSIGN_OR_RETURN(last, EngineIngest(context, traffic, engine_path));
    engine_rates.push_back(static_cast<double>(last.events) / last.seconds);
    engine_cpu.push_back(last.cpu_seconds / static_cast<double>(last.events) * 1e6);
    if (raw_events.empty()) {
      MOTCUA_ASSIGN_OR_RETURN(raw_events, LoadRawEvents(*context.catalog(), engine_path));
    }
    MOTCUA_ASSIGN_OR_RETURN(
        RawRun raw, RawIngest(raw_events, last.batches, context.FreshPath("ingest-raw.db")));
    raw_rates.push_back(raw.events_per_second);
    raw_cpu.push_back(raw.cpu_per_event * 1e6);
  }
  std::size_t bytes = 0;
  for (const RawEvent& e : raw_events) bytes += e.body.size();

  Row row;
  row.name = "ingest";
  row.what =
      "engine ingest: commands -> validated events -> SQLite log + all projections, "
      "1,000 commands per transaction, synchronous=FULL";
  row.figure = Median(engine_rates);
  row.unit = "events/s";
  row.baseline = Median(raw_rates);
  row.baseline_what = "events/s raw SQLite append + upsert";
  row.targets = {{Target::Kind::kRatioAtLeast, 0.5}};
  row.repetitions = reps;
  row.Detail("traffic", FormatCount(static_cast<double>(dossiers)) + " dossiers, " +
                            FormatCount(static_cast<double>(traffic.size())) + " commands, " +
                            FormatCount(static_cast<double>(last.events)) + " events, " +
                            FormatCount(static_cast<double>(last.batches.size())) + " commits");
  row.Detail("mean event body",
             FormatFixed(static_cast<double>(bytes) /
                             static_cast<double>(std::max<std::size_t>(1, raw_events.size())),
                         0) +
                 " bytes");
  row.Detail("engine runs (events/s)", FormatRuns(engine_rates));
  row.Detail("baseline runs (events/s)", FormatRuns(raw_rates));
  row.Detail(
      "CPU time per event, engine / baseline (median)",
      FormatFixed(Median(engine_cpu), 1) + " us / " + FormatFixed(Median(raw_cpu), 1) + " us");
  return std::vector<Row>{row};
}

}  // namespace motcua::bench
