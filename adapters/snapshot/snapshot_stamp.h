// SnapshotStamp: what a snapshot of the engine depends on, written in its
// header and checked before it is loaded. A snapshot stands for the fold of
// the log's events 1..seq; it may be used only if the log still holds that
// very event at seq (same chain hash, hence, by the chain, the same events
// before it) and the catalog it was folded with is the one configured now
// (a dossier's state holds its procedure as an index into the catalog).
#ifndef MOTCUA_ADAPTERS_SNAPSHOT_SNAPSHOT_STAMP_H_
#define MOTCUA_ADAPTERS_SNAPSHOT_SNAPSHOT_STAMP_H_

#include <cstdint>
#include <string>

#include "engine/base/status.h"
#include "engine/catalog/catalog.h"
#include "engine/ports/event_log.h"

namespace motcua::snapshot {

struct SnapshotStamp {
  std::uint64_t seq = 0;       // the last event the image covers
  std::string chain_hash;      // that event's chain hash (32 bytes)
  std::string catalog_digest;  // CatalogDigest() of the catalog it was folded with

  bool operator==(const SnapshotStamp&) const = default;
};

// SHA-256 over the procedures in catalog order, each serialized
// deterministically: any change of the catalog changes it.
std::string CatalogDigest(const catalog::Catalog& catalog);

// The stamp of the log's current head, for an image taken now.
Result<SnapshotStamp> StampOfHead(EventLog& log, const catalog::Catalog& catalog);

// OK when a snapshot stamped `stamp` may be loaded over `log` with
// `catalog`; otherwise kConflict (or the log's error) saying why, in
// English for the server's log.
Status CheckStamp(const SnapshotStamp& stamp, EventLog& log, const catalog::Catalog& catalog);

}  // namespace motcua::snapshot

#endif  // MOTCUA_ADAPTERS_SNAPSHOT_SNAPSHOT_STAMP_H_
