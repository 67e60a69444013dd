// The engine and its snapshot: the snapshot of the log's head, and a start
// that loads the engine's state from it and replays only the events after
// it, instead of the whole log (docs/operations.md "Snapshots").
#ifndef MOTCUA_ADAPTERS_SNAPSHOT_ENGINE_RESTORE_H_
#define MOTCUA_ADAPTERS_SNAPSHOT_ENGINE_RESTORE_H_

#include <cstdint>
#include <filesystem>

#include "adapters/snapshot/snapshot_codec.h"
#include "engine/base/status.h"
#include "engine/engine.h"
#include "engine/ports/event_log.h"

namespace motcua::snapshot {

// Loads the snapshot at `path` into `engine`, which holds no dossier yet,
// if its stamp matches `log` and the engine's catalog (snapshot_stamp.h);
// returns the seq it covers. kNotFound when there is none. Any other error
// says, in English, why it was not used; the engine is then still empty.
// The events after the seq are the caller's to replay.
Result<std::uint64_t> RestoreFromSnapshot(const std::filesystem::path& path, EventLog& log,
                                          engine::Engine& engine);

// The image of `engine`, which holds exactly the log's events, stamped with
// the log's head: what a snapshot written now holds.
Result<Snapshot> SnapshotOfHead(EventLog& log, const engine::Engine& engine);

// What a start did.
struct Start {
  std::uint64_t snapshot_seq = 0;  // the seq the loaded snapshot covered; 0: none loaded
  std::uint64_t replayed = 0;      // events replayed after it
  // Why no snapshot was loaded (kNotFound: none there, or no path); OK when one was.
  Status snapshot = Status::Ok();
};

// Fills `engine`, which holds no dossier yet, as a start does: from the
// snapshot at `path` (none when empty) if it matches, then the events after
// it; from the whole log otherwise. Fails only when the log cannot be
// replayed.
Result<Start> LoadEngine(const std::filesystem::path& path, EventLog& log, engine::Engine& engine);

}  // namespace motcua::snapshot

#endif  // MOTCUA_ADAPTERS_SNAPSHOT_ENGINE_RESTORE_H_
