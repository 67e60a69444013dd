// The bytes of a snapshot file: the engine's image (engine/engine_image.h)
// behind its stamp, sealed with a SHA-256 of everything before it.
//
//   "MCSNAP\r\n"  u32 format  stamp  names  units  counters  keys  foreign
//   codes  states  SHA-256
//
// Integers are little-endian, strings a u32 length and their bytes, each
// dossier's state its fields one by one (not the struct's memory, whose
// padding and bit-field layout the compiler decides). kFormat changes
// whenever the state gains a field or the fold (lifecycle.cc Apply)
// changes what it keeps: a snapshot of another format is ignored and the
// whole log replayed, so an upgrade is never folded on top of state that
// the old rules made.
#ifndef MOTCUA_ADAPTERS_SNAPSHOT_SNAPSHOT_CODEC_H_
#define MOTCUA_ADAPTERS_SNAPSHOT_SNAPSHOT_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/snapshot/snapshot_stamp.h"
#include "engine/base/status.h"
#include "engine/engine_image.h"

namespace motcua::snapshot {

inline constexpr std::uint32_t kFormat = 1;

struct Snapshot {
  SnapshotStamp stamp;
  engine::EngineImage image;
};

std::string EncodeSnapshot(const Snapshot& snapshot);
// kCorrupt, in English, when `bytes` are not a whole snapshot of kFormat.
Result<Snapshot> DecodeSnapshot(std::string_view bytes);

}  // namespace motcua::snapshot

#endif  // MOTCUA_ADAPTERS_SNAPSHOT_SNAPSHOT_CODEC_H_
