#include "adapters/sqlite/sqlite_event_log.h"

#include <sqlite3.h>

#include <utility>

#include "adapters/crypto/sha256.h"
#include "adapters/sqlite/schema.h"
#include "engine/base/proto_time.h"
#include "engine/dossier/names.h"

namespace motcua::sqlite {

std::string GenesisHash() { return std::string(32, '\0'); }

std::string ChainHash(std::string_view previous, std::uint64_t seq, std::string_view body) {
  char le[8];
  for (int i = 0; i < 8; ++i) le[i] = static_cast<char>((seq >> (8 * i)) & 0xff);
  return crypto::Sha256({previous, std::string_view(le, 8), body});
}

Status MigrateAll(Database& db, const ProjectionList& projections) {
  MOTCUA_RETURN_IF_ERROR(Migrate(db, "events", EventLogMigrations()));
  for (const auto& p : projections) {
    MOTCUA_RETURN_IF_ERROR(Migrate(db, p->component(), p->migrations(),
                                   [&db, &p] { return p->Backfill(db); }));
  }
  return Status::Ok();
}

SqliteEventLog::SqliteEventLog(std::unique_ptr<Database> db, ProjectionList projections)
    : db_(std::move(db)), projections_(std::move(projections)) {}

Result<std::unique_ptr<SqliteEventLog>> SqliteEventLog::Open(const std::string& path,
                                                             ProjectionList projections) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path));
  std::unique_ptr<SqliteEventLog> log(new SqliteEventLog(std::move(db), std::move(projections)));
  MOTCUA_RETURN_IF_ERROR(log->Init());
  // Commits never checkpoint: a thread of the log's own does (wal_checkpointer.h).
  MOTCUA_ASSIGN_OR_RETURN(log->checkpointer_, WalCheckpointer::Start(*log->db_));
  return log;
}

Status SqliteEventLog::Init() {
  MOTCUA_RETURN_IF_ERROR(MigrateAll(*db_, projections_));
  for (auto& p : projections_) MOTCUA_RETURN_IF_ERROR(p->Prepare(*db_));
  insert_event_ = std::make_unique<Statement>(
      *db_,
      "INSERT INTO events (seq, dossier, kind, at, actor, body, hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  insert_idempotency_ = std::make_unique<Statement>(
      *db_,
      "INSERT INTO idempotency (actor, key, fingerprint, response, last_seq, recorded_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  find_idempotency_ = std::make_unique<Statement>(
      *db_,
      "SELECT fingerprint, response, recorded_at FROM idempotency WHERE actor = ?1 AND key = ?2");
  MOTCUA_RETURN_IF_ERROR(insert_event_->status());
  MOTCUA_RETURN_IF_ERROR(insert_idempotency_->status());
  MOTCUA_RETURN_IF_ERROR(find_idempotency_->status());
  dossier_events_ = std::make_unique<DossierEventReader>(*db_);

  MOTCUA_ASSIGN_OR_RETURN(ChainHead tip, ReadChainHead(*db_));
  last_seq_ = tip.seq;
  last_hash_ = std::move(tip.hash);
  return Status::Ok();
}

Status SqliteEventLog::Commit(engine::CommitBatch& batch) {
  if (batch.empty()) return Status::Ok();
  std::uint64_t seq = last_seq_;
  std::string hash = last_hash_;
  std::string body;
  // Whatever projections kept back from a failed transaction must not reach
  // the next one.
  bool committed = false;
  struct DiscardUnlessCommitted {
    ProjectionList& projections;
    const bool& committed;
    ~DiscardUnlessCommitted() {
      if (!committed) {
        for (auto& p : projections) p->Discard();
      }
    }
  } discard{projections_, committed};
  {
    Transaction tx(*db_);
    MOTCUA_RETURN_IF_ERROR(tx.status());
    for (engine::PendingEvent& p : batch.events) {
      v1::Event& e = p.event;
      e.set_seq(++seq);
      body.clear();
      e.SerializeToString(&body);
      hash = ChainHash(hash, seq, body);
      // Borrowed: the event, body and hash outlive the Run below.
      insert_event_->Bind(1, static_cast<std::int64_t>(seq))
          .Bind(2, e.dossier_code(), Held::kBorrowed)
          .Bind(3, dossier::KindIdentifier(e.kind_case()), Held::kBorrowed)
          .Bind(4, Seconds(e.at()))
          .Bind(5, e.actor(), Held::kBorrowed)
          .BindBlob(6, body, Held::kBorrowed)
          .BindBlob(7, hash, Held::kBorrowed);
      if (Status s = insert_event_->Run(); !s.ok()) return s;
      for (auto& projection : projections_) {
        if (Status s = projection->Apply(p); !s.ok()) return s;
      }
    }
    for (const engine::IdempotencyRecord& r : batch.idempotency) {
      insert_idempotency_->Bind(1, r.actor, Held::kBorrowed)
          .Bind(2, r.key, Held::kBorrowed)
          .BindBlob(3, r.request_fingerprint, Held::kBorrowed)
          .BindBlob(4, r.response, Held::kBorrowed)
          .Bind(5, static_cast<std::int64_t>(seq))
          .Bind(6, r.recorded_at);
      if (Status s = insert_idempotency_->Run(); !s.ok()) return s;
    }
    for (auto& projection : projections_) {
      if (Status s = projection->Flush(); !s.ok()) return s;
    }
    if (Status s = tx.Commit(); !s.ok()) return s;
    committed = true;
  }
  last_seq_ = seq;
  last_hash_ = std::move(hash);
  return Status::Ok();
}

Status ReadAllEvents(Database& db, const std::function<Status(const v1::Event&)>& visit) {
  return ReadEventsAfter(db, 0, visit);
}

Status ReadEventsAfter(Database& db, std::uint64_t after,
                       const std::function<Status(const v1::Event&)>& visit) {
  Statement st(db, "SELECT seq, body FROM events WHERE seq > ?1 ORDER BY seq");
  st.Bind(1, static_cast<std::int64_t>(after));
  v1::Event event;  // reused: parsing into it keeps its allocations
  while (st.Step()) {
    std::string_view body = st.ColumnBlob(1);
    if (!event.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
      return Status(Error::kCorrupt,
                    "sự kiện số " + std::to_string(st.ColumnInt(0)) + " không đọc được");
    }
    MOTCUA_RETURN_IF_ERROR(visit(event));
  }
  return st.status();
}

Result<ChainHead> ReadChainHead(Database& db) {
  Statement st(db, "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
  ChainHead head{0, GenesisHash()};
  if (st.Step()) {
    head.seq = static_cast<std::uint64_t>(st.ColumnInt(0));
    head.hash = std::string(st.ColumnBlob(1));
  }
  MOTCUA_RETURN_IF_ERROR(st.status());
  return head;
}

Status SqliteEventLog::ReadAfter(std::uint64_t after,
                                 const std::function<Status(const v1::Event&)>& visit) {
  return ReadEventsAfter(*db_, after, visit);
}

Result<std::string> SqliteEventLog::ChainHashAt(std::uint64_t seq) {
  Statement st(*db_, "SELECT hash FROM events WHERE seq = ?1");
  st.Bind(1, static_cast<std::int64_t>(seq));
  if (!st.Step()) {
    MOTCUA_RETURN_IF_ERROR(st.status());
    return Status(Error::kNotFound, "no event " + std::to_string(seq) + " in the log");
  }
  return std::string(st.ColumnBlob(0));
}

Status SqliteEventLog::ReadDossier(std::string_view code,
                                   const std::function<void(const v1::Event&)>& visit) {
  return dossier_events_->Read(code, visit);
}

Result<std::optional<engine::IdempotencyRecord>> SqliteEventLog::FindIdempotency(
    const std::string& actor, const std::string& key) {
  Statement& st = *find_idempotency_;
  st.Bind(1, actor).Bind(2, key);
  std::optional<engine::IdempotencyRecord> found;
  if (st.Step()) {
    found = engine::IdempotencyRecord{actor, key, std::string(st.ColumnBlob(0)),
                                      std::string(st.ColumnBlob(1)), st.ColumnInt(2)};
  }
  Status s = st.status();
  st.Reset();
  if (!s.ok()) return s;
  return found;
}

Result<std::int64_t> SqliteEventLog::PruneIdempotency(Instant before) {
  Statement st(*db_, "DELETE FROM idempotency WHERE recorded_at < ?1");
  st.Bind(1, ToUnixSeconds(before));
  MOTCUA_RETURN_IF_ERROR(st.Run());
  return static_cast<std::int64_t>(sqlite3_changes(db_->handle()));
}

}  // namespace motcua::sqlite
