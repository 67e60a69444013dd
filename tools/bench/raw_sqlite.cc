#include "tools/bench/raw_sqlite.h"

#include <sqlite3.h>

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "adapters/sqlite/database.h"
#include "adapters/sqlite/dossier_projection.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/state_fold.h"
#include "tools/bench/harness.h"

namespace motcua::bench {

namespace {

constexpr const char* kDossierColumns[] = {"code",
                                           "unit",
                                           "procedure",
                                           "applicant_name",
                                           "channel",
                                           "status",
                                           "registered_at",
                                           "received_at",
                                           "clock_start",
                                           "appointment_at",
                                           "original_appointment_at",
                                           "extended_appointment_at",
                                           "end_at",
                                           "returned_at",
                                           "paused_at",
                                           "holder_unit",
                                           "holder_user",
                                           "fee_vnd",
                                           "payment_method",
                                           "result_kind",
                                           "return_method",
                                           "satisfaction",
                                           "complaint",
                                           "supplement_requests",
                                           "handovers",
                                           "all_handovers_electronic",
                                           "documents_reused",
                                           "documents_digitized",
                                           "apologized",
                                           "appointment_provisional",
                                           "alerts_raised",
                                           "last_seq"};

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
  if (t == 0)
    sqlite3_bind_null(st, i);
  else
    sqlite3_bind_int64(st, i, t);
}

}  // namespace

Result<std::vector<RawEvent>> LoadRawEvents(const catalog::Catalog& catalog,
                                            const std::string& path) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db,
                          sqlite::Database::Open(path, sqlite::Database::Mode::kReadOnly));
  sqlite::Statement st(*db,
                       "SELECT seq, dossier, kind, at, actor, body, hash FROM events ORDER BY seq");
  engine::StateFold fold(catalog);
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

namespace {

using StatementPtr = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

Result<StatementPtr> Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
  StatementPtr owned(st, &sqlite3_finalize);
  MOTCUA_RETURN_IF_ERROR(Check(db, rc));
  return owned;
}

// Runs `st` (bound) to completion and resets it for the next binds.
Status Step(sqlite3* db, sqlite3_stmt* st) {
  Status s = Check(db, sqlite3_step(st), SQLITE_DONE);
  sqlite3_reset(st);
  return s;
}

// Writes `events` with `write`, one transaction per entry of `batches`,
// timing the whole (wall clock and the process's CPU).
Result<RawRun> TimeBatches(sqlite3* db, const std::vector<RawEvent>& events,
                           const std::vector<std::size_t>& batches,
                           const std::function<Status(const RawEvent&)>& write) {
  Stopwatch watch;
  const double cpu = ProcessCpuSeconds();
  std::size_t next = 0;
  for (std::size_t size : batches) {
    MOTCUA_RETURN_IF_ERROR(Check(db, sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr)));
    for (std::size_t end = next + size; next < end; ++next) {
      if (Status s = write(events[next]); !s.ok()) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return s;
      }
    }
    MOTCUA_RETURN_IF_ERROR(Check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr)));
  }
  RawRun run;
  run.events_per_second = static_cast<double>(events.size()) / watch.Seconds();
  run.cpu_per_event = (ProcessCpuSeconds() - cpu) / static_cast<double>(events.size());
  return run;
}

}  // namespace

Result<RawRun> RawIngest(const std::vector<RawEvent>& events,
                         const std::vector<std::size_t>& batches, const std::string& path) {
  // The same connection settings as the product (WAL, synchronous=FULL).
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> database, sqlite::Database::Open(path));
  sqlite::ProjectionList schema;
  schema.push_back(std::make_unique<sqlite::DossierProjection>());
  MOTCUA_RETURN_IF_ERROR(sqlite::MigrateAll(*database, schema));
  sqlite3* db = database->handle();
  MOTCUA_ASSIGN_OR_RETURN(
      StatementPtr insert,
      Prepare(db,
              "INSERT INTO events (seq, dossier, kind, at, actor, body, hash) VALUES (?1, ?2, ?3, "
              "?4, ?5, ?6, ?7)"));
  MOTCUA_ASSIGN_OR_RETURN(StatementPtr upsert, Prepare(db, RawUpsertSql()));
  return TimeBatches(db, events, batches, [&](const RawEvent& e) -> Status {
    sqlite3_stmt* in = insert.get();
    sqlite3_bind_int64(in, 1, e.seq);
    BindText(in, 2, e.dossier);
    BindText(in, 3, e.kind);
    sqlite3_bind_int64(in, 4, e.at);
    BindText(in, 5, e.actor);
    sqlite3_bind_blob(in, 6, e.body.data(), static_cast<int>(e.body.size()), SQLITE_STATIC);
    sqlite3_bind_blob(in, 7, e.hash.data(), static_cast<int>(e.hash.size()), SQLITE_STATIC);
    MOTCUA_RETURN_IF_ERROR(Step(db, in));
    if (e.dossier.empty()) return Status::Ok();  // system events have no dossier row

    sqlite3_stmt* up = upsert.get();
    const dossier::DossierState& s = e.row.state_after;
    int i = 1;
    BindText(up, i++, e.dossier);
    BindText(up, i++, e.unit);
    BindText(up, i++, e.procedure);
    BindText(up, i++, e.applicant);
    sqlite3_bind_int64(up, i++, s.channel);
    sqlite3_bind_int64(up, i++, s.status);
    for (std::int64_t t : {s.registered_at, s.received_at, s.clock_start, s.appointment_at,
                           s.original_appointment_at, s.extended_appointment_at,
                           s.end_of_processing_at, s.returned_at, s.paused_at}) {
      BindTime(up, i++, t);
    }
    BindText(up, i++, e.row.holder_unit);
    BindText(up, i++, e.row.holder_user);
    for (std::int64_t v :
         {s.fee_vnd, std::int64_t{s.payment_method}, std::int64_t{s.result_kind},
          std::int64_t{s.return_method}, std::int64_t{s.satisfaction}, std::int64_t{s.complaint},
          std::int64_t{s.supplement_requests}, std::int64_t{s.handovers},
          std::int64_t{s.all_handovers_electronic}, std::int64_t{s.documents_reused},
          std::int64_t{s.documents_digitized}, std::int64_t{s.apologized},
          std::int64_t{s.appointment_provisional}, std::int64_t{s.alerts_raised}, e.seq}) {
      sqlite3_bind_int64(up, i++, v);
    }
    return Step(db, up);
  });
}

Result<RawRun> RawIngestMinimal(const std::vector<RawEvent>& events,
                                const std::vector<std::size_t>& batches, const std::string& path) {
  // The same connection settings as the product (WAL, synchronous=FULL).
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> database, sqlite::Database::Open(path));
  MOTCUA_RETURN_IF_ERROR(database->Exec(
      "CREATE TABLE events (seq INTEGER PRIMARY KEY, dossier TEXT NOT NULL, body BLOB NOT NULL, "
      "hash BLOB NOT NULL);"
      "CREATE TABLE dossiers (code TEXT PRIMARY KEY, status INTEGER NOT NULL, "
      "last_seq INTEGER NOT NULL) WITHOUT ROWID;"));
  sqlite3* db = database->handle();
  MOTCUA_ASSIGN_OR_RETURN(
      StatementPtr insert,
      Prepare(db, "INSERT INTO events (seq, dossier, body, hash) VALUES (?1, ?2, ?3, ?4)"));
  MOTCUA_ASSIGN_OR_RETURN(
      StatementPtr upsert,
      Prepare(db,
              "INSERT INTO dossiers (code, status, last_seq) VALUES (?1, ?2, ?3) "
              "ON CONFLICT(code) DO UPDATE SET status = excluded.status, "
              "last_seq = excluded.last_seq"));
  return TimeBatches(db, events, batches, [&](const RawEvent& e) -> Status {
    sqlite3_stmt* in = insert.get();
    sqlite3_bind_int64(in, 1, e.seq);
    BindText(in, 2, e.dossier);
    sqlite3_bind_blob(in, 3, e.body.data(), static_cast<int>(e.body.size()), SQLITE_STATIC);
    sqlite3_bind_blob(in, 4, e.hash.data(), static_cast<int>(e.hash.size()), SQLITE_STATIC);
    MOTCUA_RETURN_IF_ERROR(Step(db, in));
    if (e.dossier.empty()) return Status::Ok();
    sqlite3_stmt* up = upsert.get();
    BindText(up, 1, e.dossier);
    sqlite3_bind_int64(up, 2, e.row.state_after.status);
    sqlite3_bind_int64(up, 3, e.seq);
    return Step(db, up);
  });
}

Result<double> RawScan(const std::string& path, std::size_t& rows) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> database,
                          sqlite::Database::Open(path, sqlite::Database::Mode::kReadOnly));
  sqlite3* db = database->handle();
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT seq, body FROM events ORDER BY seq", -1, &st, nullptr) !=
      SQLITE_OK) {
    return database->Error("scan");
  }
  Stopwatch watch;
  rows = 0;
  std::uint64_t checksum = 0;  // touches every row's seq and body, as a reader would
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    ++rows;
    checksum += static_cast<std::uint64_t>(sqlite3_column_int64(st, 0));
    const auto* body = static_cast<const unsigned char*>(sqlite3_column_blob(st, 1));
    const int size = sqlite3_column_bytes(st, 1);
    if (size > 0) checksum += body[size - 1];
  }
  const double seconds = watch.Seconds();
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return database->Error("scan");
  if (checksum == 0 && rows != 0) return Status(Error::kInternal, "scan read nothing");
  return static_cast<double>(rows) / seconds;
}

}  // namespace motcua::bench
