#include "tools/workload/drive.h"

namespace motcua::workload {

Result<DriveStats> Drive(Workload& workload, engine::Engine& engine, EventLog* log,
                         std::size_t batch_size) {
  DriveStats stats;
  engine::CommitBatch batch;
  std::size_t in_batch = 0;
  auto commit = [&]() -> Status {
    if (batch.events.empty()) return Status::Ok();
    stats.events += batch.events.size();
    ++stats.batches;
    if (log != nullptr) {
      if (Status s = log->Commit(batch); !s.ok()) {
        engine.Rollback(batch);
        return s;
      }
    }
    engine.Committed(batch);
    batch.clear();
    in_batch = 0;
    return Status::Ok();
  };
  while (auto step = workload.Next()) {
    auto out = engine.Execute(step->command, step->at, batch);
    if (out.ok()) {
      ++stats.accepted;
      const dossier::DossierState* s = engine.Find(out->dossier_code);
      workload.Done(*step, out->dossier_code, FromUnixSeconds(s ? s->appointment_at : 0));
    } else {
      ++stats.refused;
      workload.Done(*step, "", Instant{});
    }
    if (++in_batch >= batch_size) MOTCUA_RETURN_IF_ERROR(commit());
  }
  MOTCUA_RETURN_IF_ERROR(commit());
  return stats;
}

}  // namespace motcua::workload
