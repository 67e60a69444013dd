// DossierProjection: the tables the desk's lists and the statistics read.
//   dossiers       one row per dossier: status, clock, flags, holder
//   handovers      one row per handover (the process-control slip)
//   code_counters  the last sequence number per unit and day
// Rows are written from the engine's state after each event, so they always
// agree with what the engine validates against.
#ifndef MOTCUA_ADAPTERS_SQLITE_DOSSIER_PROJECTION_H_
#define MOTCUA_ADAPTERS_SQLITE_DOSSIER_PROJECTION_H_

#include <memory>

#include "adapters/sqlite/projection.h"

namespace motcua::sqlite {

class DossierProjection final : public Projection {
 public:
  std::string_view component() const override { return "dossiers"; }
  std::vector<std::string> migrations() const override;
  std::vector<TableSpec> tables() const override;
  Status Prepare(Database& db) override;
  Status Apply(const engine::PendingEvent& pending) override;

 private:
  std::unique_ptr<Statement> upsert_;
  std::unique_ptr<Statement> handover_;
  std::unique_ptr<Statement> counter_;
};

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_DOSSIER_PROJECTION_H_
