// DossierProjection: the tables the desk's lists and the statistics read.
//   dossiers       one row per dossier: status, clock, flags, holder
//   code_counters  the last sequence number per unit and day
// Rows are written from the engine's state after each event, so they always
// agree with what the engine validates against.
//
// A dossier's row is written once per transaction, at Flush, from the state
// after its last event in it: the upsert (32 columns, then three indexes) was the
// largest cost of a commit and of a rebuild, where a dossier's eight or so
// events fall in the same few flushes (tools/bench ingest and replay).
// A row the transaction creates is inserted whole; an existing row gets an
// UPDATE of only the columns whose value the transaction changed, so that
// SQLite leaves alone every index none of whose columns changed (it
// rewrites an index whenever one of its columns is in the SET list): an
// alert, for one, touches alerts_raised and last_seq only, and no index.
#ifndef MOTCUA_ADAPTERS_SQLITE_DOSSIER_PROJECTION_H_
#define MOTCUA_ADAPTERS_SQLITE_DOSSIER_PROJECTION_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "adapters/sqlite/projection.h"
#include "engine/base/time.h"

namespace motcua::sqlite {

class DossierProjection final : public Projection {
 public:
  std::string_view component() const override { return "dossiers"; }
  std::vector<std::string> migrations() const override;
  std::vector<TableSpec> tables() const override;
  Status Prepare(Database& db) override;
  Status Apply(const engine::PendingEvent& pending) override;
  Status Flush() override;
  void Discard() override;

 private:
  // A dossier's row as this transaction leaves it. The static columns are
  // set only by the events that carry them; empty keeps the stored value.
  struct PendingRow {
    std::string code;
    // The state before the transaction's first event of the dossier; the
    // row is inserted when that event created it.
    dossier::DossierState before;
    bool creates = false;
    std::string unit, procedure, applicant;
    dossier::DossierState state;
    std::string holder_unit, holder_user;
    std::uint64_t seq = 0;
    std::string resolved_by;  // set by the ResultReady event; empty keeps the stored one
  };

  // The UPDATE of each set of changed columns met so far (a bit per
  // column, dossier_projection.cc kColumns): a few dozen sets in practice.
  Status Insert(const PendingRow& row);
  Status Update(const PendingRow& row);
  Database* db_ = nullptr;
  std::unordered_map<std::uint64_t, std::unique_ptr<Statement>> updates_;
  std::unique_ptr<Statement> upsert_;
  std::unique_ptr<Statement> counter_;
  std::vector<PendingRow> rows_;  // in the order first touched
  std::unordered_map<std::string, std::size_t> row_of_;  // code -> index in rows_
  // The highest sequence number given per (unit, day) by this transaction's
  // codes, written once each at Flush rather than once per new dossier.
  std::map<std::pair<std::string, LocalDays>, std::int64_t> counters_;
};

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_DOSSIER_PROJECTION_H_
