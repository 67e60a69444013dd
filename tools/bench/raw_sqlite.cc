#include "tools/bench/raw_sqlite.h"

#include <sqlite3.h>

#include <array>
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

Result<RawRun> RawIngest(const std::vector<RawEvent>& events,
                         const std::vector<std::size_t>& batches, const std::string& path) {
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
  MOTCUA_RETURN_IF_ERROR(
      Check(db, sqlite3_prepare_v2(db, insert_sql.c_str(), -1, &insert, nullptr)));
  MOTCUA_RETURN_IF_ERROR(
      Check(db, sqlite3_prepare_v2(db, upsert_sql.c_str(), -1, &upsert, nullptr)));

  Status status;
  Stopwatch watch;
  const double cpu = ProcessCpuSeconds();
  std::size_t next = 0;
  for (std::size_t size : batches) {
    if (!(status = Check(db, sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr)))
             .ok()) {
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
  RawRun run;
  run.cpu_per_event = (ProcessCpuSeconds() - cpu) / static_cast<double>(events.size());
  sqlite3_finalize(insert);
  sqlite3_finalize(upsert);
  MOTCUA_RETURN_IF_ERROR(status);
  run.events_per_second = static_cast<double>(events.size()) / seconds;
  return run;
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
  sqlite3_stmt* insert = nullptr;
  sqlite3_stmt* upsert = nullptr;
  MOTCUA_RETURN_IF_ERROR(Check(
      db, sqlite3_prepare_v2(db, "INSERT INTO events (seq, dossier, body, hash) VALUES (?1, ?2, ?3, ?4)",
                             -1, &insert, nullptr)));
  MOTCUA_RETURN_IF_ERROR(Check(
      db, sqlite3_prepare_v2(db,
                             "INSERT INTO dossiers (code, status, last_seq) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT(code) DO UPDATE SET status = excluded.status, "
                             "last_seq = excluded.last_seq",
                             -1, &upsert, nullptr)));
  Status status;
  Stopwatch watch;
  const double cpu = ProcessCpuSeconds();
  std::size_t next = 0;
  for (std::size_t size : batches) {
    if (!(status = Check(db, sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr)))
             .ok()) {
      break;
    }
    for (std::size_t end = next + size; next < end; ++next) {
      const RawEvent& e = events[next];
      sqlite3_bind_int64(insert, 1, e.seq);
      BindText(insert, 2, e.dossier);
      sqlite3_bind_blob(insert, 3, e.body.data(), static_cast<int>(e.body.size()), SQLITE_STATIC);
      sqlite3_bind_blob(insert, 4, e.hash.data(), static_cast<int>(e.hash.size()), SQLITE_STATIC);
      if (!(status = Check(db, sqlite3_step(insert), SQLITE_DONE)).ok()) break;
      sqlite3_reset(insert);
      if (e.dossier.empty()) continue;
      BindText(upsert, 1, e.dossier);
      sqlite3_bind_int64(upsert, 2, e.row.state_after.status);
      sqlite3_bind_int64(upsert, 3, e.seq);
      if (!(status = Check(db, sqlite3_step(upsert), SQLITE_DONE)).ok()) break;
      sqlite3_reset(upsert);
    }
    if (!status.ok()) break;
    if (!(status = Check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr))).ok()) break;
  }
  const double seconds = watch.Seconds();
  RawRun run;
  run.cpu_per_event = (ProcessCpuSeconds() - cpu) / static_cast<double>(events.size());
  sqlite3_finalize(insert);
  sqlite3_finalize(upsert);
  MOTCUA_RETURN_IF_ERROR(status);
  run.events_per_second = static_cast<double>(events.size()) / seconds;
  return run;
}

}  // namespace motcua::bench
