#include "adapters/snapshot/snapshot_stamp.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "adapters/crypto/sha256.h"

namespace motcua::snapshot {

std::string CatalogDigest(const catalog::Catalog& catalog) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    for (const v1::Procedure& p : catalog.procedures()) {
      // Length-prefixed, so that no two catalogs give the same bytes.
      out.WriteVarint64(p.ByteSizeLong());
      p.SerializeWithCachedSizes(&out);
    }
  }
  return crypto::Sha256(bytes);
}

Result<SnapshotStamp> StampOfHead(EventLog& log, const catalog::Catalog& catalog) {
  SnapshotStamp stamp;
  stamp.seq = log.LastSeq();
  if (stamp.seq > 0) {
    MOTCUA_ASSIGN_OR_RETURN(stamp.chain_hash, log.ChainHashAt(stamp.seq));
  }
  stamp.catalog_digest = CatalogDigest(catalog);
  return stamp;
}

Status CheckStamp(const SnapshotStamp& stamp, EventLog& log, const catalog::Catalog& catalog) {
  const auto mismatch = [](const std::string& why) { return Status(Error::kConflict, why); };
  if (stamp.seq > log.LastSeq()) {
    return mismatch("it covers events up to " + std::to_string(stamp.seq) +
                    " but the log ends at " + std::to_string(log.LastSeq()) +
                    " (a log restored from an older backup?)");
  }
  if (stamp.seq > 0) {
    auto hash = log.ChainHashAt(stamp.seq);
    if (!hash.ok()) return hash.status();
    if (*hash != stamp.chain_hash) {
      return mismatch("event " + std::to_string(stamp.seq) +
                      " of the log is not the one it was taken after (its chain hash differs)");
    }
  }
  if (stamp.catalog_digest != CatalogDigest(catalog)) {
    return mismatch("the catalog of procedures has changed since it was taken");
  }
  return Status::Ok();
}

}  // namespace motcua::snapshot
