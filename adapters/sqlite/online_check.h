// CheckDatabase: the integrity check of a live motcua database (integrity.h),
// run beside the server without stopping it: SQLite's own integrity check
// of the file, the hash chain (and the anchors given), and the projections
// against a rebuild. It opens its own read-only connection and does all its
// reading inside one read transaction, so SQLite's check, the hash chain,
// the events it rebuilds the projections from and the stored projections it
// compares them with are the same snapshot (WAL): commits made meanwhile
// are neither seen nor blocked. The rebuild goes into a
// scratch database at `scratch_path`, created for the check and removed
// after it (with its -wal/-shm/-journal files), whatever the outcome.
//
// Thread safety: a free function; safe to run beside the server's engine
// and readers, which use connections of their own.
#ifndef MOTCUA_ADAPTERS_SQLITE_ONLINE_CHECK_H_
#define MOTCUA_ADAPTERS_SQLITE_ONLINE_CHECK_H_

#include <string>
#include <vector>

#include "adapters/sqlite/integrity.h"
#include "adapters/sqlite/projection.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"

namespace motcua::sqlite {

// The report (ok() when SQLite finds the file sound, the chain holds, every
// anchor matches and no projection differs), or the storage error that
// kept the check from finishing. Once SQLite has reported damage, a later
// check that cannot finish on the damaged file still gives the report.
Result<IntegrityReport> CheckDatabase(const std::string& db_path, const ProjectionFactory& make,
                                      const catalog::Catalog& catalog,
                                      const std::string& scratch_path,
                                      const std::vector<LogAnchor>& anchors = {});

// Removes `path` and the files SQLite keeps beside it.
void RemoveDatabaseFiles(const std::string& path);

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_ONLINE_CHECK_H_
