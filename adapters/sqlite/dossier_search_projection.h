// DossierSearchProjection: what an officer can find a dossier by, in a form a
// query compares directly.
//   dossier_search  code, name (the applicant's name folded and framed by
//                   spaces: " nguyen thi lan "), phone (its digits)
// From the events that carry the applicant: an online registration, a
// receipt, a refusal at the counter (a later one keeps what it leaves blank).
// The list query (dossier_queries.h) matches words of the name as prefixes
// of its words, digits anywhere in the phone, and the code by its start.
//
// Added after databases existed in the field, so Backfill builds the table
// from the log when an upgrade creates it. Not thread-safe (projection.h).
#ifndef MOTCUA_ADAPTERS_SQLITE_DOSSIER_SEARCH_PROJECTION_H_
#define MOTCUA_ADAPTERS_SQLITE_DOSSIER_SEARCH_PROJECTION_H_

#include <memory>
#include <string>
#include <vector>

#include "adapters/sqlite/projection.h"

namespace motcua::sqlite {

class DossierSearchProjection final : public Projection {
 public:
  std::string_view component() const override { return "dossier_search"; }
  std::vector<std::string> migrations() const override;
  std::vector<TableSpec> tables() const override;
  Status Prepare(Database& db) override;
  Status Apply(const engine::PendingEvent& pending) override;
  Status Backfill(Database& db) override;

 private:
  std::unique_ptr<Statement> upsert_;
};

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_DOSSIER_SEARCH_PROJECTION_H_
