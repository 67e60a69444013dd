// Open dossiers: what 1,000,000 open dossiers cost a
// running server, measured in a child process (this program run with
// --child-open-dossiers) so that nothing the parent allocated (the
// generator, other benchmarks' data) is in its resident set:
//
//   open_memory       RSS with every dossier loaded (the server's start-up
//                     replay of the log into the engine) and scheduled
//                     (DeadlineWatch::TrackAll), minus the RSS of the same
//                     process with the log open and the engine empty, per
//                     open dossier. Target <= 500 bytes.
//   scheduler_memory  the DeadlineWatch's share of it (RSS after TrackAll
//                     minus RSS before it), per open dossier.
//   alert_delay       from a due moment's timer firing to its alert event
//                     committed (TakeDue, Engine::Import, one SQLite commit
//                     with synchronous=FULL), with a hand-driven clock that
//                     steps from moment to moment, 1M dossiers tracked.
//   rearm             after a calendar change (an extra day off on
//                     2025-04-14): PlanRetime (each affected dossier's
//                     history read from the log), the Retimed events
//                     imported and committed, SetCalendar, TrackAll.
//   startup           a start as motcuad's (EngineService::Open and the
//                     alert watch's TrackAll): the snapshot written at the
//                     log's head (adapters/snapshot) loaded into a fresh
//                     engine, the events after it replayed (none), every
//                     dossier scheduled. Baseline, same child: one raw scan
//                     of the events table. Target: the start takes no
//                     longer than the scan.
//
// The data set: the workload with keep_open (OpenDossiers in context.h),
// receipts over the three working days before 2025-04-09 16:00, counter,
// post and online, a tenth with supplementation; all open then, where the
// clock starts.
// One repetition: at this scale a run is minutes, and memory does not drift
// as times do.
#include <sqlite3.h>

#include <charconv>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "adapters/config/calendar_file.h"
#include "adapters/config/catalog_file.h"
#include "adapters/config/server_config.h"
#include "adapters/projections/all_projections.h"
#include "adapters/runtime/system_ports.h"
#include "adapters/snapshot/engine_restore.h"
#include "adapters/snapshot/snapshot_file.h"
#include "adapters/sqlite/dossier_queries.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/alerts/deadline_watch.h"
#include "engine/retime.h"
#include "tools/bench/benchmarks.h"
#include "tools/bench/raw_sqlite.h"
#include "tools/bench/server_start.h"
#include "tools/common/subprocess.h"

namespace motcua::bench {

namespace {

constexpr const char* kStart = "2025-04-09 16:00";  // the server starts here
constexpr const char* kExtraDayOff = "2025-04-14";  // the calendar change (a Monday)

// The child's measurements, printed as "key value" lines.
class Report {
 public:
  void Add(const std::string& key, double value) {
    std::cout << key << " " << FormatFixed(value, 6) << std::endl;
  }
};

Status Commit(sqlite::SqliteEventLog& log, engine::Engine& engine, engine::CommitBatch& batch) {
  if (Status s = log.Commit(batch); !s.ok()) {
    engine.Rollback(batch);
    return s;
  }
  engine.Committed(batch);
  batch.clear();
  return Status::Ok();
}

// Imports `alerts` and commits them in batches of kMaxAlertsPerCommit, as
// the server's alert watcher does, re-tracking their dossiers afterwards as
// the owner of the watch must. Returns when, on `since_start`, the first
// batch was committed: the moment the server starts serving (alert_watcher.h).
Result<double> RaiseAlerts(std::vector<v1::Event> alerts, sqlite::SqliteEventLog& log,
                           engine::Engine& engine, alerts::DeadlineWatch& watch,
                           const Stopwatch& since_start) {
  engine::CommitBatch batch;
  std::vector<std::uint32_t> touched;
  std::optional<double> first_commit;
  for (v1::Event& alert : alerts) {
    touched.push_back(engine.IdOf(alert.dossier_code()));
    MOTCUA_RETURN_IF_ERROR(engine.Import(std::move(alert), batch));
    if (batch.events.size() >= alerts::kMaxAlertsPerCommit) {
      MOTCUA_RETURN_IF_ERROR(Commit(log, engine, batch));
      if (!first_commit) first_commit = since_start.Seconds();
    }
  }
  MOTCUA_RETURN_IF_ERROR(Commit(log, engine, batch));
  if (!first_commit) first_commit = since_start.Seconds();
  for (std::uint32_t id : touched) watch.Track(id);
  return *first_commit;
}

Result<std::shared_ptr<const calendar::WorkingCalendar>> CalendarWithExtraDayOff(
    const v1::ServerConfig& config, const std::filesystem::path& config_path) {
  MOTCUA_ASSIGN_OR_RETURN(calendar::CalendarOptions options,
                          config::LoadCalendarOptions(config.calendar(), config_path));
  MOTCUA_ASSIGN_OR_RETURN(LocalDays day, ParseDate(kExtraDayOff));
  const int year = static_cast<int>(cal::year_month_day(day).year());
  auto it = std::find_if(options.official.begin(), options.official.end(),
                         [&](const calendar::YearSchedule& y) { return y.year == year; });
  if (it == options.official.end()) {
    return Status(Error::kConfig, "the shipped schedules have no " + std::to_string(year));
  }
  it->off.insert(std::upper_bound(it->off.begin(), it->off.end(), day), day);
  return calendar::WorkingCalendar::Build(std::move(options));
}

// The start from a snapshot, against a raw scan of the same log. Last in
// the child: the second engine it loads would inflate the RSS figures.
Status MeasureStartup(const std::string& db, sqlite::SqliteEventLog& log,
                      const engine::Engine& engine, const ServerSetup& setup,
                      const BenchOptions& options, Report& report) {
  const std::filesystem::path path = snapshot::SnapshotPathFor(db);
  Stopwatch write;
  MOTCUA_ASSIGN_OR_RETURN(snapshot::Snapshot taken, snapshot::SnapshotOfHead(log, engine));
  MOTCUA_RETURN_IF_ERROR(snapshot::WriteSnapshotFile(path, taken));
  report.Add("snapshot_write_seconds", write.Seconds());
  report.Add("snapshot_bytes", static_cast<double>(std::filesystem::file_size(path)));
  std::size_t rows = 0;
  MOTCUA_RETURN_IF_ERROR(RawScan(db, rows).status());  // warm, as the start below is
  const int reps = options.quick ? 1 : 3;
  std::vector<double> scans, starts;
  runtime::RandomSecretSource secrets;
  for (int rep = 0; rep < reps; ++rep) {
    Stopwatch scan;
    MOTCUA_RETURN_IF_ERROR(RawScan(db, rows).status());
    scans.push_back(scan.Seconds());
    std::size_t dossiers = 0;
    MOTCUA_ASSIGN_OR_RETURN(double start, TimeStart(setup, path, log, secrets, dossiers));
    starts.push_back(start);
    if (dossiers != engine.size()) {
      return Status(Error::kInternal, "the start from the snapshot lost dossiers");
    }
  }
  report.Add("scan_rows", static_cast<double>(rows));
  report.Add("scan_seconds", Median(scans));
  report.Add("startup_seconds", Median(starts));
  std::filesystem::remove(path);
  return Status::Ok();
}

Status RunChild(const BenchOptions& options, const std::string& db, Report& report) {
  MOTCUA_ASSIGN_OR_RETURN(const ServerSetup setup, LoadServerSetup(options.config));
  runtime::RandomSecretSource secrets;
  // As the server starts: the log open, an empty engine and its watch.
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::SqliteEventLog> log,
                          sqlite::SqliteEventLog::Open(db, projections::AllProjections()));
  engine::Engine engine(setup.engine_options, setup.catalog, setup.calendar, secrets);
  alerts::DeadlineWatch watch(engine, setup.watch_options);
  const std::int64_t rss_empty = ResidentBytes();

  Stopwatch replay;
  std::size_t events = 0;
  MOTCUA_RETURN_IF_ERROR(log->ReadAll([&](const v1::Event& e) {
    ++events;
    return engine.Replay(e);
  }));
  const double replay_seconds = replay.Seconds();
  const std::int64_t rss_loaded = ResidentBytes();
  Stopwatch track;
  watch.TrackAll();
  const double track_seconds = track.Seconds();
  const std::int64_t rss_scheduled = ResidentBytes();
  std::size_t open = 0;
  for (std::uint32_t id = 0; id < engine.size(); ++id) open += engine.state(id).open();
  report.Add("events", static_cast<double>(events));
  report.Add("dossiers", static_cast<double>(engine.size()));
  report.Add("open", static_cast<double>(open));
  report.Add("rss_empty", static_cast<double>(rss_empty));
  report.Add("rss_loaded", static_cast<double>(rss_loaded));
  report.Add("rss_scheduled", static_cast<double>(rss_scheduled));
  report.Add("replay_seconds", replay_seconds);
  report.Add("track_seconds", track_seconds);
  report.Add("pending", static_cast<double>(watch.pending()));
  int cache_used = 0;
  int cache_highwater = 0;
  sqlite3_db_status(log->db().handle(), SQLITE_DBSTATUS_CACHE_USED, &cache_used, &cache_highwater,
                    0);
  report.Add("sqlite_cache", cache_used);

  // The server starts at kStart: moments that passed while it was down are
  // alerted once each, late-fired, taken and committed a transaction at a
  // time as the server's alert watcher does; it serves after the first.
  const Instant start = *ParseVietnamMinute(kStart);
  Stopwatch catch_up;
  std::size_t late_fired = 0;
  std::optional<double> first_commit;
  for (;;) {
    std::vector<v1::Event> missed = watch.TakeMissed(start, alerts::kMaxAlertsPerCommit);
    if (missed.empty()) break;
    late_fired += missed.size();
    MOTCUA_ASSIGN_OR_RETURN(double committed,
                            RaiseAlerts(std::move(missed), *log, engine, watch, catch_up));
    if (!first_commit) first_commit = committed;
  }
  report.Add("late_fired", static_cast<double>(late_fired));
  report.Add("catch_up_seconds", catch_up.Seconds());
  report.Add("catch_up_first_seconds", first_commit.value_or(0));

  // Live: the one timer fires at each next moment; measured from the firing
  // to the alert's commit.
  const std::size_t firings = options.quick ? 20 : 1000;
  std::vector<double> delays;
  std::size_t alerts = 0;
  Instant now = start;
  for (std::size_t i = 0; i < firings; ++i) {
    std::optional<Instant> next = watch.NextMoment();
    if (!next) break;
    now = *next;
    Stopwatch fired;
    std::vector<v1::Event> due = watch.TakeDue(*next, /*late_fired=*/false);
    alerts += due.size();
    MOTCUA_RETURN_IF_ERROR(RaiseAlerts(std::move(due), *log, engine, watch, fired).status());
    delays.push_back(fired.Seconds());
  }
  report.Add("firings", static_cast<double>(delays.size()));
  report.Add("alerts", static_cast<double>(alerts));
  report.Add("delay_p50", Percentile(delays, 50));
  report.Add("delay_p99", Percentile(delays, 99));
  report.Add("delay_max", Percentile(delays, 100));

  // A corrected schedule: re-time every affected open dossier, then re-arm.
  MOTCUA_ASSIGN_OR_RETURN(std::shared_ptr<const calendar::WorkingCalendar> after,
                          CalendarWithExtraDayOff(setup.config, options.config));
  sqlite::DossierEventReader history(log->db());
  Stopwatch rearm;
  MOTCUA_ASSIGN_OR_RETURN(
      engine::RetimePlan plan,
      engine::PlanRetime(
          engine, *after, [&](const std::string& code) { return history.ReadAll(code); },
          now + std::chrono::minutes(1), {2025},
          std::string("bench: extra day off ") + kExtraDayOff));
  const double plan_seconds = rearm.Seconds();
  engine::CommitBatch batch;
  for (v1::Event& e : plan.events) MOTCUA_RETURN_IF_ERROR(engine.Import(std::move(e), batch));
  MOTCUA_RETURN_IF_ERROR(Commit(*log, engine, batch));
  const double commit_seconds = rearm.Seconds() - plan_seconds;
  engine.SetCalendar(after);
  watch.TrackAll();
  report.Add("rearm_seconds", rearm.Seconds());
  report.Add("rearm_plan_seconds", plan_seconds);
  report.Add("rearm_commit_seconds", commit_seconds);
  report.Add("rearm_examined", static_cast<double>(plan.examined));
  report.Add("rearm_moved", static_cast<double>(plan.moved));
  return MeasureStartup(db, *log, engine, setup, options, report);
}

std::string Bytes(double b) { return FormatFixed(b / (1024.0 * 1024.0), 1) + " MiB"; }
std::string Millis(double s) { return FormatFixed(s * 1000.0, 3) + " ms"; }

}  // namespace

int OpenDossiersChild(const BenchOptions& options, const std::string& db) {
  Report report;
  if (Status s = RunChild(options, db, report); !s.ok()) {
    std::cerr << "bench child: " << s.ToString() << "\n";
    return 1;
  }
  return 0;
}

Result<std::vector<Row>> RunOpenDossiers(Context& context) {
  const std::size_t dossiers = context.Scaled(1'000'000, 1'000);
  std::cerr << "bench: generating " << FormatCount(static_cast<double>(dossiers))
            << " open dossiers ..." << std::endl;
  MOTCUA_ASSIGN_OR_RETURN(Store store, GenerateStore(context, context.FreshPath("open.db"),
                                                     OpenDossiers(dossiers), false));
  std::cerr << "bench: " << FormatCount(static_cast<double>(store.events)) << " events in "
            << FormatFixed(store.seconds, 1) << " s" << std::endl;

  std::vector<std::string> argv = {common::SelfPath(), "--child-open-dossiers", store.path,
                                   "--config", context.options().config.string()};
  if (context.quick()) argv.push_back("--quick");
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<common::Subprocess> child,
                          common::Subprocess::Start({.argv = argv}));
  std::map<std::string, double> m;
  std::istringstream out(child->ReadAll());
  for (std::string key, value; out >> key >> value;) {
    double v = 0;
    std::from_chars(value.data(), value.data() + value.size(), v);
    m[key] = v;
  }
  if (int rc = child->Wait(); rc != 0) {
    return Status(Error::kInternal, "the measuring child failed (exit " + std::to_string(rc) + ")");
  }
  const double open = std::max(1.0, m["open"]);

  std::vector<Row> rows;
  Row& mem = rows.emplace_back();
  mem.name = "open_memory";
  mem.what =
      "RSS per open dossier, loaded (start-up replay) and scheduled (DeadlineWatch), "
      "above the empty engine, measured in a fresh child process";
  mem.figure = (m["rss_scheduled"] - m["rss_empty"]) / open;
  mem.unit = "bytes/dossier";
  mem.baseline = m["rss_empty"] / (1024.0 * 1024.0);
  mem.baseline_what = "MiB RSS empty engine";
  mem.has_ratio = false;
  mem.targets = {{Target::Kind::kFigureAtMost, 500}};
  mem.Detail("data set", FormatCount(m["dossiers"]) + " dossiers (" + FormatCount(m["open"]) +
                             " open), " + FormatCount(m["events"]) + " events, generated in " +
                             FormatFixed(store.seconds, 1) + " s");
  mem.Detail(
      "RSS empty / loaded / scheduled",
      Bytes(m["rss_empty"]) + " / " + Bytes(m["rss_loaded"]) + " / " + Bytes(m["rss_scheduled"]));
  mem.Detail("of which the log's SQLite page cache (sqlite3_db_status)", Bytes(m["sqlite_cache"]));
  mem.Detail("engine alone",
             FormatFixed((m["rss_loaded"] - m["rss_empty"]) / open, 1) + " bytes/dossier");
  mem.Detail("start-up replay", FormatFixed(m["replay_seconds"], 2) + " s, " +
                                    FormatCount(m["events"] / m["replay_seconds"]) + " events/s");

  Row& sched = rows.emplace_back();
  sched.name = "scheduler_memory";
  sched.what =
      "the scheduler's share: RSS after DeadlineWatch::TrackAll minus before, per open "
      "dossier";
  sched.figure = (m["rss_scheduled"] - m["rss_loaded"]) / open;
  sched.unit = "bytes/dossier";
  sched.Detail("queued moments", FormatCount(m["pending"]));
  sched.Detail("TrackAll", Millis(m["track_seconds"]));

  Row& delay = rows.emplace_back();
  delay.name = "alert_delay";
  delay.what =
      "due moment -> alert event committed (TakeDue, Import, SQLite commit with fsync), "
      "hand-driven clock, every open dossier tracked";
  delay.figure = m["delay_p50"] * 1000.0;
  delay.unit = "ms p50";
  delay.repetitions = static_cast<int>(m["firings"]);
  delay.Detail("p99 / max", Millis(m["delay_p99"]) + " / " + Millis(m["delay_max"]));
  delay.Detail("firings / alerts", FormatCount(m["firings"]) + " / " + FormatCount(m["alerts"]));
  delay.Detail("start-up catch-up", FormatCount(m["late_fired"]) + " late-fired alerts in " +
                                        FormatFixed(m["catch_up_seconds"], 2) + " s");
  delay.Detail("of which before serving (the first transaction, at most " +
                   FormatCount(static_cast<double>(alerts::kMaxAlertsPerCommit)) +
                   "; the rest between requests)",
               FormatFixed(m["catch_up_first_seconds"], 2) + " s");

  Row& rearm = rows.emplace_back();
  rearm.name = "rearm";
  rearm.what = std::string("re-arm after a calendar change (extra day off ") + kExtraDayOff +
               "): PlanRetime + commit of the Retimed events + TrackAll";
  rearm.figure = m["rearm_seconds"];
  // Not `= "s"`: GCC 12 at -O3 warns a false -Wrestrict on that assignment
  // here (GCC bug 105329), and warnings are errors.
  rearm.unit = std::string("s");
  rearm.Detail("dossiers examined / moved",
               FormatCount(m["rearm_examined"]) + " / " + FormatCount(m["rearm_moved"]));
  rearm.Detail(
      "plan / commit / track",
      FormatFixed(m["rearm_plan_seconds"], 2) + " s / " +
          FormatFixed(m["rearm_commit_seconds"], 2) + " s / " +
          FormatFixed(m["rearm_seconds"] - m["rearm_plan_seconds"] - m["rearm_commit_seconds"], 2) +
          " s");

  Row& startup = rows.emplace_back();
  startup.name = "startup";
  startup.what =
      "a start from the snapshot: load and check it, replay the events after it, schedule "
      "every dossier (TrackAll)";
  startup.figure = m["startup_seconds"];
  startup.unit = "s";
  startup.baseline = m["scan_seconds"];
  startup.baseline_what = "s one raw scan of the events table (" + FormatCount(m["scan_rows"]) +
                          " rows)";
  startup.targets = {{Target::Kind::kRatioAtMost, 1.0}};
  startup.repetitions = context.quick() ? 1 : 3;
  startup.Detail("snapshot", Bytes(m["snapshot_bytes"]) + ", written in " +
                                 FormatFixed(m["snapshot_write_seconds"], 2) +
                                 " s (encode, write, fsync, rename)");
  startup.Detail("without a snapshot (the whole log replayed, then TrackAll)",
                 FormatFixed(m["replay_seconds"] + m["track_seconds"], 2) + " s");
  return rows;
}

}  // namespace motcua::bench
