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
#include <sqlite3.h>

#include <array>
#include <string>
#include <vector>

#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/dossier_projection.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/state_fold.h"
#include "tools/bench/benchmarks.h"

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

// One event as the baseline writes it: the log row's columns and the
// dossier row after it.
struct RawEvent {
  std::int64_t seq;
  std::string dossier, kind, actor, body, hash;
  std::int64_t at;
  engine::PendingEvent row;  // state_after and holder names
  std::string unit, procedure, applicant;  // the dossier's static columns
};

Result<std::vector<RawEvent>> LoadRawEvents(Context& context, const std::string& path) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db,
                          sqlite::Database::Open(path, sqlite::Database::Mode::kReadOnly));
  sqlite::Statement st(*db, "SELECT seq, dossier, kind, at, actor, body, hash FROM events ORDER BY seq");
  engine::StateFold fold(*context.catalog());
  std::unordered_map<std::string, std::array<std::string, 3>> statics;
  std::vector<RawEvent> events;
  v1::Event event;
  while (st.Step()) {
    RawEvent& e = events.emplace_back();
    e.seq = st.ColumnInt(0);
    e.dossier = st.ColumnText(1);
    e.kind = st.ColumnText(2);
    e.at = st.ColumnInt(3);
    e.actor = st.ColumnText(4);
    e.body = std::string(st.ColumnBlob(5));
    e.hash = std::string(st.ColumnBlob(6));
    if (!event.ParseFromString(e.body)) return Status(Error::kCorrupt, "unreadable event");
    MOTCUA_RETURN_IF_ERROR(fold.Fold(event, e.row));
    auto& s = statics[e.dossier];
    if (event.has_received()) {
      s = {event.received().unit(), event.received().procedure_code(),
           event.received().applicant().name()};
    } else if (event.has_registered_online()) {
      s = {"", event.registered_online().procedure_code(),
           event.registered_online().applicant().name()};
    } else if (event.has_refused() && !event.refused().procedure_code().empty()) {
      s = {event.refused().unit(), event.refused().procedure_code(),
           event.refused().applicant().name()};
    }
    e.unit = s[0];
    e.procedure = s[1];
    e.applicant = s[2];
  }
  MOTCUA_RETURN_IF_ERROR(st.status());
  return events;
}

constexpr const char* kDossierColumns[] = {
    "code", "unit", "procedure", "applicant_name", "channel", "status", "registered_at",
    "received_at", "clock_start", "appointment_at", "original_appointment_at",
    "extended_appointment_at", "end_at", "returned_at", "paused_at", "holder_unit", "holder_user",
    "fee_vnd", "payment_method", "result_kind", "return_method", "satisfaction", "complaint",
    "supplement_requests", "handovers", "all_handovers_electronic", "documents_reused",
    "documents_digitized", "apologized", "appointment_provisional", "alerts_raised", "last_seq"};

std::string RawUpsertSql() {
  std::string cols, params, updates;
  int i = 1;
  for (const char* c : kDossierColumns) {
    if (i > 1) {
      cols += ", ";
      params += ", ";
    }
    cols += c;
    params += '?';
    params += std::to_string(i);
    if (i > 1) updates += std::string(updates.empty() ? "" : ", ") + c + " = excluded." + c;
    ++i;
  }
  return "INSERT INTO dossiers (" + cols + ") VALUES (" + params +
         ") ON CONFLICT(code) DO UPDATE SET " + updates;
}

Status Check(sqlite3* db, int rc, int expected = SQLITE_OK) {
  if (rc == expected) return Status::Ok();
  return Status(Error::kStorage, std::string("baseline: ") + sqlite3_errmsg(db));
}

void BindText(sqlite3_stmt* st, int i, const std::string& s) {
  if (s.empty()) {
    sqlite3_bind_null(st, i);
  } else {
    sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
}

void BindTime(sqlite3_stmt* st, int i, std::int64_t t) {
  if (t == 0) sqlite3_bind_null(st, i); else sqlite3_bind_int64(st, i, t);
}

// Events per second; `cpu_per_event` gets the CPU time per event, in seconds.
Result<double> RawIngest(const std::vector<RawEvent>& events,
                         const std::vector<std::size_t>& batches, const std::string& path,
                         double& cpu_per_event) {
  // The same connection settings as the product (WAL, synchronous=FULL).
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> database, sqlite::Database::Open(path));
  sqlite::ProjectionList schema;
  schema.push_back(std::make_unique<sqlite::DossierProjection>());
  MOTCUA_RETURN_IF_ERROR(sqlite::MigrateAll(*database, schema));
  sqlite3* db = database->handle();
  sqlite3_stmt* insert = nullptr;
  sqlite3_stmt* upsert = nullptr;
  const std::string insert_sql =
      "INSERT INTO events (seq, dossier, kind, at, actor, body, hash) VALUES (?1, ?2, ?3, ?4, ?5, "
      "?6, ?7)";
  const std::string upsert_sql = RawUpsertSql();
  MOTCUA_RETURN_IF_ERROR(Check(db, sqlite3_prepare_v2(db, insert_sql.c_str(), -1, &insert, nullptr)));
  MOTCUA_RETURN_IF_ERROR(Check(db, sqlite3_prepare_v2(db, upsert_sql.c_str(), -1, &upsert, nullptr)));

  Status status;
  Stopwatch watch;
  const double cpu = ProcessCpuSeconds();
  std::size_t next = 0;
  for (std::size_t size : batches) {
    if (!(status = Check(db, sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr))).ok()) {
      break;
    }
    for (std::size_t end = next + size; next < end; ++next) {
      const RawEvent& e = events[next];
      sqlite3_bind_int64(insert, 1, e.seq);
      BindText(insert, 2, e.dossier);
      BindText(insert, 3, e.kind);
      sqlite3_bind_int64(insert, 4, e.at);
      BindText(insert, 5, e.actor);
      sqlite3_bind_blob(insert, 6, e.body.data(), static_cast<int>(e.body.size()), SQLITE_STATIC);
      sqlite3_bind_blob(insert, 7, e.hash.data(), static_cast<int>(e.hash.size()), SQLITE_STATIC);
      if (!(status = Check(db, sqlite3_step(insert), SQLITE_DONE)).ok()) break;
      sqlite3_reset(insert);
      if (e.dossier.empty()) continue;  // system events have no dossier row

      const dossier::DossierState& s = e.row.state_after;
      int i = 1;
      BindText(upsert, i++, e.dossier);
      BindText(upsert, i++, e.unit);
      BindText(upsert, i++, e.procedure);
      BindText(upsert, i++, e.applicant);
      sqlite3_bind_int64(upsert, i++, s.channel);
      sqlite3_bind_int64(upsert, i++, s.status);
      for (std::int64_t t : {s.registered_at, s.received_at, s.clock_start, s.appointment_at,
                             s.original_appointment_at, s.extended_appointment_at,
                             s.end_of_processing_at, s.returned_at, s.paused_at}) {
        BindTime(upsert, i++, t);
      }
      BindText(upsert, i++, e.row.holder_unit);
      BindText(upsert, i++, e.row.holder_user);
      for (std::int64_t v :
           {s.fee_vnd, std::int64_t{s.payment_method}, std::int64_t{s.result_kind},
            std::int64_t{s.return_method}, std::int64_t{s.satisfaction}, std::int64_t{s.complaint},
            std::int64_t{s.supplement_requests}, std::int64_t{s.handovers},
            std::int64_t{s.all_handovers_electronic}, std::int64_t{s.documents_reused},
            std::int64_t{s.documents_digitized}, std::int64_t{s.apologized},
            std::int64_t{s.appointment_provisional}, std::int64_t{s.alerts_raised}, e.seq}) {
        sqlite3_bind_int64(upsert, i++, v);
      }
      if (!(status = Check(db, sqlite3_step(upsert), SQLITE_DONE)).ok()) break;
      sqlite3_reset(upsert);
    }
    if (!status.ok()) break;
    if (!(status = Check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr))).ok()) break;
  }
  const double seconds = watch.Seconds();
  cpu_per_event = (ProcessCpuSeconds() - cpu) / static_cast<double>(events.size());
  sqlite3_finalize(insert);
  sqlite3_finalize(upsert);
  MOTCUA_RETURN_IF_ERROR(status);
  return static_cast<double>(events.size()) / seconds;
}

}  // namespace

Result<std::vector<Row>> RunIngest(Context& context) {
  const std::size_t dossiers = context.Size(20'000, 200);
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
      MOTCUA_ASSIGN_OR_RETURN(raw_events, LoadRawEvents(context, engine_path));
    }
    double cpu_per_event = 0;
    MOTCUA_ASSIGN_OR_RETURN(double raw, RawIngest(raw_events, last.batches,
                                                  context.FreshPath("ingest-raw.db"),
                                                  cpu_per_event));
    raw_rates.push_back(raw);
    raw_cpu.push_back(cpu_per_event * 1e6);
  }
  std::size_t bytes = 0;
  for (const RawEvent& e : raw_events) bytes += e.body.size();

  Row row;
  row.name = "ingest";
  row.what = "engine ingest: commands -> validated events -> SQLite log + all projections, "
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
  row.Detail("mean event body", FormatFixed(static_cast<double>(bytes) /
                                                static_cast<double>(std::max<std::size_t>(1, raw_events.size())),
                                            0) + " bytes");
  row.Detail("engine runs (events/s)", FormatRuns(engine_rates));
  row.Detail("baseline runs (events/s)", FormatRuns(raw_rates));
  row.Detail("CPU time per event, engine / baseline (median)",
             FormatFixed(Median(engine_cpu), 1) + " us / " + FormatFixed(Median(raw_cpu), 1) +
                 " us");
  return std::vector<Row>{row};
}

}  // namespace motcua::bench
