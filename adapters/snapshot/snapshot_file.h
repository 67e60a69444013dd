// The snapshot file of a log: beside the SQLite file, "<db>.snapshot",
// replaced whole at every write (export/atomic_file.h: a crash leaves the
// previous snapshot, or none, never half of one).
#ifndef MOTCUA_ADAPTERS_SNAPSHOT_SNAPSHOT_FILE_H_
#define MOTCUA_ADAPTERS_SNAPSHOT_SNAPSHOT_FILE_H_

#include <cstddef>
#include <filesystem>
#include <string>

#include "adapters/snapshot/snapshot_codec.h"
#include "engine/base/status.h"

namespace motcua::snapshot {

std::filesystem::path SnapshotPathFor(const std::string& db_path);

// kStorage naming the path on failure; the previous file is then intact.
Status WriteSnapshotFile(const std::filesystem::path& path, const Snapshot& snapshot);

// kNotFound when there is none; kCorrupt when it is not a whole snapshot
// of this build's format; kStorage when it cannot be read.
Result<Snapshot> ReadSnapshotFile(const std::filesystem::path& path);

// Removes the temporary files that writes of `path` cut short by a crash
// left beside it; returns how many.
std::size_t RemoveInterruptedWrites(const std::filesystem::path& path);

}  // namespace motcua::snapshot

#endif  // MOTCUA_ADAPTERS_SNAPSHOT_SNAPSHOT_FILE_H_
