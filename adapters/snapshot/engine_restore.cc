#include "adapters/snapshot/engine_restore.h"

#include "adapters/snapshot/snapshot_file.h"
#include "adapters/snapshot/snapshot_stamp.h"

namespace motcua::snapshot {

Result<std::uint64_t> RestoreFromSnapshot(const std::filesystem::path& path, EventLog& log,
                                          engine::Engine& engine) {
  MOTCUA_ASSIGN_OR_RETURN(Snapshot snapshot, ReadSnapshotFile(path));
  MOTCUA_RETURN_IF_ERROR(CheckStamp(snapshot.stamp, log, engine.catalog()));
  MOTCUA_RETURN_IF_ERROR(engine.Restore(std::move(snapshot.image)));
  return snapshot.stamp.seq;
}

Result<Snapshot> SnapshotOfHead(EventLog& log, const engine::Engine& engine) {
  MOTCUA_ASSIGN_OR_RETURN(SnapshotStamp stamp, StampOfHead(log, engine.catalog()));
  return Snapshot{std::move(stamp), engine.Image()};
}

Result<Start> LoadEngine(const std::filesystem::path& path, EventLog& log, engine::Engine& engine) {
  Start start;
  if (path.empty()) {
    start.snapshot = Status(Error::kNotFound, "no snapshot file");
  } else if (auto covered = RestoreFromSnapshot(path, log, engine); covered.ok()) {
    start.snapshot_seq = *covered;
  } else {
    start.snapshot = covered.status();
  }
  MOTCUA_RETURN_IF_ERROR(log.ReadAfter(start.snapshot_seq, [&](const v1::Event& event) {
    ++start.replayed;
    return engine.Replay(event);
  }));
  return start;
}

}  // namespace motcua::snapshot
