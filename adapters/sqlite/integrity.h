// Integrity checks over a motcua database: the hash chain (was any event
// edited, inserted or deleted behind the engine's back?) and the projections
// (do the stored tables equal a rebuild from the events alone?).
#ifndef MOTCUA_ADAPTERS_SQLITE_INTEGRITY_H_
#define MOTCUA_ADAPTERS_SQLITE_INTEGRITY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "adapters/sqlite/database.h"
#include "adapters/sqlite/projection.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"

namespace motcua::sqlite {

struct IntegrityReport {
  std::uint64_t events = 0;
  // The first event whose hash, seq or body does not match; 0 when the chain holds.
  std::uint64_t first_bad_seq = 0;
  std::string chain_problem;
  // One line per difference between the stored and the rebuilt projections,
  // naming the table, the row (its key) and the differing columns only.
  std::vector<std::string> differences;
  std::uint64_t rows_compared = 0;

  bool ok() const { return first_bad_seq == 0 && differences.empty(); }
};

// Walks every event in seq order recomputing the chain.
Status VerifyChain(Database& db, IntegrityReport& report);

// Rebuilds fresh projections (from `make`) in `scratch` from `db`'s events
// and compares every table row by row, reporting at most `max_differences`.
Status CompareProjections(Database& db, const ProjectionFactory& make,
                          const catalog::Catalog& catalog, Database& scratch,
                          IntegrityReport& report, std::size_t max_differences = 20);

// Rebuilds the projections of `make` into `target` (an empty database) from
// the events of `source`.
Status RebuildProjections(Database& source, const ProjectionFactory& make,
                          const catalog::Catalog& catalog, Database& target);

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_INTEGRITY_H_
