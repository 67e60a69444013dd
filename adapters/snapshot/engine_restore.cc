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

}  // namespace motcua::snapshot
