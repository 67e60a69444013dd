#include "adapters/sqlite/schema.h"

#include "engine/base/quote.h"

namespace motcua::sqlite {

Status Migrate(Database& db, std::string_view component, const std::vector<std::string>& migrations,
               const std::function<Status()>& on_create) {
  MOTCUA_RETURN_IF_ERROR(db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_versions ("
      "  component TEXT PRIMARY KEY, version INTEGER NOT NULL)"));
  std::int64_t version = 0;
  {
    Statement st(db, "SELECT version FROM schema_versions WHERE component = ?1");
    st.Bind(1, component);
    if (st.Step()) version = st.ColumnInt(0);
    MOTCUA_RETURN_IF_ERROR(st.status());
  }
  if (version > static_cast<std::int64_t>(migrations.size())) {
    return Status(Error::kStorage, "cơ sở dữ liệu " + QuoteForMessage(db.path(), kQuotedPathMaxBytes) +
                                       " có lược đồ '" +
                                       std::string(component) + "' phiên bản " +
                                       std::to_string(version) +
                                       ", mới hơn phiên bản chương trình này hiểu");
  }
  for (auto v = static_cast<std::size_t>(version); v < migrations.size(); ++v) {
    Transaction tx(db);
    MOTCUA_RETURN_IF_ERROR(tx.status());
    MOTCUA_RETURN_IF_ERROR(db.Exec(migrations[v]));
    if (v == 0 && on_create) MOTCUA_RETURN_IF_ERROR(on_create());
    Statement st(db,
                 "INSERT INTO schema_versions(component, version) VALUES (?1, ?2) "
                 "ON CONFLICT(component) DO UPDATE SET version = excluded.version");
    st.Bind(1, component).Bind(2, static_cast<std::int64_t>(v + 1));
    MOTCUA_RETURN_IF_ERROR(st.Run());
    MOTCUA_RETURN_IF_ERROR(tx.Commit());
  }
  return Status::Ok();
}

const std::vector<std::string>& EventLogMigrations() {
  static const std::vector<std::string> kMigrations = {
      // 1: the append-only log. `body` is the serialized motcua.v1.Event (seq
      // included); `hash` = SHA-256(previous hash || seq || body), so an edit
      // behind the engine's back breaks the chain at the edited row.
      "CREATE TABLE events ("
      "  seq INTEGER PRIMARY KEY,"
      "  dossier TEXT NOT NULL,"
      "  kind TEXT NOT NULL,"
      "  at INTEGER NOT NULL,"
      "  actor TEXT NOT NULL,"
      "  body BLOB NOT NULL,"
      "  hash BLOB NOT NULL);"
      "CREATE INDEX events_by_dossier ON events(dossier, seq);"
      "CREATE TABLE idempotency ("
      "  actor TEXT NOT NULL,"
      "  key TEXT NOT NULL,"
      "  fingerprint BLOB NOT NULL,"
      "  response BLOB NOT NULL,"
      "  last_seq INTEGER NOT NULL,"
      "  PRIMARY KEY (actor, key));",
      // 2: when each idempotency record was made, so that records past
      // their retention can be deleted (an index in time order: appends
      // only). Existing records take their last event's time.
      "ALTER TABLE idempotency ADD COLUMN recorded_at INTEGER NOT NULL DEFAULT 0;"
      "UPDATE idempotency SET recorded_at ="
      "  COALESCE((SELECT at FROM events WHERE seq = idempotency.last_seq), 0);"
      "CREATE INDEX idempotency_by_time ON idempotency(recorded_at);",
  };
  return kMigrations;
}

const std::vector<std::string>& WebhookMigrations() {
  static const std::vector<std::string> kMigrations = {
      // 1: the cursor: every alert up to last_seq is handled for the URL.
      "CREATE TABLE webhook_deliveries ("
      "  url TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, updated_at INTEGER NOT NULL);",
      // 2: the alerts set aside (refused for good, or too old), kept until a
      // retry the admin asks for delivers them. last_attempt_at is 0 for an
      // alert never tried; retry_requested_at is NULL unless it is queued
      // again.
      "CREATE TABLE webhook_undelivered ("
      "  url TEXT NOT NULL,"
      "  seq INTEGER NOT NULL,"
      "  reason TEXT NOT NULL CHECK (reason IN ('refused', 'too_old')),"
      "  http_status INTEGER NOT NULL,"
      "  last_error TEXT NOT NULL,"
      "  attempts INTEGER NOT NULL,"
      "  last_attempt_at INTEGER NOT NULL,"
      "  undelivered_at INTEGER NOT NULL,"
      "  retry_requested_at INTEGER,"
      "  PRIMARY KEY (url, seq));",
  };
  return kMigrations;
}

}  // namespace motcua::sqlite
