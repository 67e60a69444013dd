// SqliteEventLog: the EventLog port over one SQLite file (WAL,
// synchronous=FULL). A commit appends the batch's events with their hash
// chain, folds them into every projection and stores the idempotency
// records, all in one transaction: the file never holds an event without its
// projection, or a projection row without its event. The projections and
// the connection (db()) are this adapter's own: the port knows neither.
//
// Not thread-safe: its owner (the engine's strand) serialises calls. Readers
// on other threads open their own read-only connections (WAL lets them read
// while a commit is in progress).
#ifndef MOTCUA_ADAPTERS_SQLITE_SQLITE_EVENT_LOG_H_
#define MOTCUA_ADAPTERS_SQLITE_SQLITE_EVENT_LOG_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "adapters/sqlite/database.h"
#include "adapters/sqlite/dossier_queries.h"
#include "adapters/sqlite/projection.h"
#include "adapters/sqlite/wal_checkpointer.h"
#include "engine/ports/event_log.h"

namespace motcua::sqlite {

// Every event of `db` in seq order, over any connection to a log file (the
// log's own ReadAll, and readers such as the statistics on their own
// connection). Stops at the first error `visit` returns.
Status ReadAllEvents(Database& db, const std::function<Status(const v1::Event&)>& visit);
// The same for the events after seq `after` only.
Status ReadEventsAfter(Database& db, std::uint64_t after,
                       const std::function<Status(const v1::Event&)>& visit);

// The log's head over any connection: its last event's seq and stored chain
// hash, or seq 0 and the genesis hash for an empty log. One statement, so
// the two belong together. The daily export records it as an anchor.
struct ChainHead {
  std::uint64_t seq = 0;
  std::string hash;  // 32 bytes
};
Result<ChainHead> ReadChainHead(Database& db);

class SqliteEventLog final : public EventLog {
 public:
  // Opens or creates `path`, migrates the log's and each projection's schema
  // and reads the chain's tip.
  static Result<std::unique_ptr<SqliteEventLog>> Open(const std::string& path,
                                                      ProjectionList projections);

  Status Commit(engine::CommitBatch& batch) override;
  Status ReadAfter(std::uint64_t after,
                   const std::function<Status(const v1::Event&)>& visit) override;
  Result<std::string> ChainHashAt(std::uint64_t seq) override;
  Status ReadDossier(std::string_view code,
                     const std::function<void(const v1::Event&)>& visit) override;
  std::uint64_t LastSeq() const override { return last_seq_; }
  Result<std::optional<engine::IdempotencyRecord>> FindIdempotency(
      const std::string& actor, const std::string& key) override;
  // One DELETE statement, its own transaction.
  Result<std::int64_t> PruneIdempotency(Instant before) override;

  Database& db() { return *db_; }

 private:
  SqliteEventLog(std::unique_ptr<Database> db, ProjectionList projections);
  Status Init();

  std::unique_ptr<Database> db_;
  ProjectionList projections_;
  std::unique_ptr<Statement> insert_event_;
  std::unique_ptr<Statement> insert_idempotency_;
  std::unique_ptr<Statement> find_idempotency_;
  std::unique_ptr<DossierEventReader> dossier_events_;
  std::uint64_t last_seq_ = 0;
  std::string last_hash_;
  // Declared after db_: stopped before the connection closes.
  std::unique_ptr<WalCheckpointer> checkpointer_;
};

// The hash chain's link: SHA-256(previous || seq (8 bytes, little-endian) || body).
// The first event's previous hash is 32 zero bytes.
std::string ChainHash(std::string_view previous, std::uint64_t seq, std::string_view body);
std::string GenesisHash();

// Applies the log's and each projection's migrations to `db`.
Status MigrateAll(Database& db, const ProjectionList& projections);

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_SQLITE_EVENT_LOG_H_
