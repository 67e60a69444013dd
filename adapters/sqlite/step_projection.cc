#include "adapters/sqlite/step_projection.h"

#include <google/protobuf/descriptor.h>

#include "engine/base/proto_time.h"
#include "engine/dossier/names.h"

namespace motcua::sqlite {

std::vector<std::string> StepProjection::migrations() const {
  return {
      "CREATE TABLE steps ("
      "  seq INTEGER PRIMARY KEY, code TEXT NOT NULL, step INTEGER NOT NULL,"
      "  unit TEXT NOT NULL, officer TEXT NOT NULL, ended_at INTEGER NOT NULL,"
      "  timing INTEGER NOT NULL, working_seconds INTEGER NOT NULL);"
      "CREATE INDEX steps_by_end ON steps(ended_at);",
  };
}

std::vector<TableSpec> StepProjection::tables() const { return {{"steps", "seq"}}; }

Status StepProjection::Prepare(Database& db) {
  insert_ = std::make_unique<Statement>(
      db,
      "INSERT INTO steps (seq, code, step, unit, officer, ended_at, timing, working_seconds) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  return insert_->status();
}

Status StepProjection::Apply(const engine::PendingEvent& pending) {
  const v1::Event& e = pending.event;
  if (!e.has_step() || e.step().ended() == 0) return Status::Ok();
  const v1::StepChange& s = e.step();
  insert_->Bind(1, static_cast<std::int64_t>(e.seq()))
      .Bind(2, e.dossier_code(), Held::kBorrowed)  // the event outlives the Run
      .Bind(3, std::int64_t{s.ended()})
      .Bind(4, s.ended_unit(), Held::kBorrowed)
      .Bind(5, s.ended_user(), Held::kBorrowed)
      .Bind(6, Seconds(e.at()))
      .Bind(7, std::int64_t{s.ended_timing()})
      .Bind(8, s.ended_working_seconds());
  return insert_->Run();
}

Status StepProjection::Backfill(Database& db) {
  MOTCUA_RETURN_IF_ERROR(Prepare(db));
  // Every kind: the engine ends steps on hand-overs, results, withdrawals and
  // stops, but an imported event keeps the step it came with whatever its
  // kind, and a rebuild (which applies them all) must give the same rows.
  std::vector<std::string> kinds;
  const google::protobuf::OneofDescriptor* kind = v1::Event::descriptor()->FindOneofByName("kind");
  for (int i = 0; i < kind->field_count(); ++i) {
    kinds.emplace_back(dossier::KindIdentifier(
        static_cast<v1::Event::KindCase>(kind->field(i)->number())));
  }
  return ApplyStoredEvents(db, kinds, *this);
}

}  // namespace motcua::sqlite
