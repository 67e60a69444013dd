// StepProjection: every step of an internal process that ended, one row per
// event that ended it (Event.step.ended != 0), as the engine decided it when
// the event happened (engine/dossier/process_steps.h):
//   steps  seq, code, step, unit, officer ('' when none was named),
//          ended_at (UTC seconds), timing (v1::StepTiming), working_seconds
// The statistics by unit and officer (counters/step_holder_figures.h) read
// it by ended_at.
//
// Added after databases existed in the field, so Backfill reads the steps
// already in the log when an upgrade creates the table. Not thread-safe
// (projection.h).
#ifndef MOTCUA_ADAPTERS_SQLITE_STEP_PROJECTION_H_
#define MOTCUA_ADAPTERS_SQLITE_STEP_PROJECTION_H_

#include <memory>
#include <string>
#include <vector>

#include "adapters/sqlite/projection.h"

namespace motcua::sqlite {

class StepProjection final : public Projection {
 public:
  std::string_view component() const override { return "steps"; }
  std::vector<std::string> migrations() const override;
  std::vector<TableSpec> tables() const override;
  Status Prepare(Database& db) override;
  Status Apply(const engine::PendingEvent& pending) override;
  Status Backfill(Database& db) override;

 private:
  std::unique_ptr<Statement> insert_;
};

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_STEP_PROJECTION_H_
