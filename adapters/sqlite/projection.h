// Projection: a set of tables kept up to date from the events, in the same
// transaction that appends them, and rebuildable from the events alone.
//
// A projection owns its tables and their schema history (its migrations,
// versioned per component, so independent projections evolve independently).
// After Prepare(db) it writes only to that database; not thread-safe.
#ifndef MOTCUA_ADAPTERS_SQLITE_PROJECTION_H_
#define MOTCUA_ADAPTERS_SQLITE_PROJECTION_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/sqlite/database.h"
#include "engine/base/status.h"
#include "engine/commit_batch.h"

namespace motcua::sqlite {

// A table and the ORDER BY that lists its rows in a canonical order, so that
// a stored projection and a rebuilt one can be compared row by row.
struct TableSpec {
  std::string name;
  std::string order_by;
};

class Projection {
 public:
  virtual ~Projection() = default;

  // The key its schema version is recorded under.
  virtual std::string_view component() const = 0;
  // migrations()[i] takes the schema from version i to i + 1.
  virtual std::vector<std::string> migrations() const = 0;
  virtual std::vector<TableSpec> tables() const = 0;

  // Prepares statements against `db`, which must outlive the projection.
  virtual Status Prepare(Database& db) = 0;
  // Folds one committed event (seq assigned) into the tables; called inside
  // the commit transaction, in seq order.
  virtual Status Apply(const engine::PendingEvent& pending) = 0;

  // Writes what Apply kept back: called in the same transaction after the
  // last Apply of every commit (and every few hundred thousand events of a
  // rebuild). A projection may keep rows in memory between the two so that
  // a row touched by several events of one transaction is written once; the
  // tables are only read between transactions. The default keeps nothing.
  virtual Status Flush() { return Status::Ok(); }
  // Forgets what Apply kept back: the transaction is being rolled back.
  virtual void Discard() {}

  // Fills the tables from the events already in `db`, in the transaction of
  // the projection's first migration: a projection an upgrade adds to a
  // database that holds events starts complete. The default does nothing
  // (the projection has existed since the first event of any database).
  virtual Status Backfill(Database& db) {
    (void)db;
    return Status::Ok();
  }
};

// A Backfill's loop: applies the events already stored whose kind (the
// events table's `kind`, e.g. "received") is one of `kinds`, in log order.
// kCorrupt when one does not parse.
Status ApplyStoredEvents(Database& db, const std::vector<std::string>& kinds,
                         Projection& projection);

using ProjectionList = std::vector<std::unique_ptr<Projection>>;
// Makes a fresh set of projections (the store's, and again for a rebuild).
using ProjectionFactory = std::function<ProjectionList()>;

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_PROJECTION_H_
