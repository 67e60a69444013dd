// RestoreFromSnapshot: a start that loads the engine's state from its
// snapshot and replays only the events after it, instead of the whole log
// (docs/operations.md "Snapshots").
#ifndef MOTCUA_ADAPTERS_SNAPSHOT_ENGINE_RESTORE_H_
#define MOTCUA_ADAPTERS_SNAPSHOT_ENGINE_RESTORE_H_

#include <cstdint>
#include <filesystem>

#include "engine/base/status.h"
#include "engine/engine.h"
#include "engine/ports/event_log.h"

namespace motcua::snapshot {

// Loads the snapshot at `path` into `engine`, which holds no dossier yet,
// if its stamp matches `log` and the engine's catalog (snapshot_stamp.h);
// returns the seq it covers. kNotFound when there is none. Any other error
// says, in English, why it was not used: the engine must then be discarded
// and the whole log replayed. The events after the seq are the caller's to
// replay.
Result<std::uint64_t> RestoreFromSnapshot(const std::filesystem::path& path, EventLog& log,
                                          engine::Engine& engine);

}  // namespace motcua::snapshot

#endif  // MOTCUA_ADAPTERS_SNAPSHOT_ENGINE_RESTORE_H_
