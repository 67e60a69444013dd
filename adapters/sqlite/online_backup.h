// BackupDatabase: a consistent copy of a live motcua database, taken with
// SQLite's online backup API (sqlite3_backup_*) from a read-only connection
// in a single step, i.e. inside one read transaction: the copy is exactly
// the database as of one commit, and the server's engine keeps committing
// meanwhile (WAL readers do not block the writer).
//
// The copy is a self-contained file in rollback-journal mode (no -wal to
// carry along), fsync'ed and checked with PRAGMA quick_check before this
// returns. Restoring it is starting motcuad on it.
//
// Thread safety: a free function; it uses connections of its own.
#ifndef MOTCUA_ADAPTERS_SQLITE_ONLINE_BACKUP_H_
#define MOTCUA_ADAPTERS_SQLITE_ONLINE_BACKUP_H_

#include <cstdint>
#include <string>

#include "engine/base/status.h"

namespace motcua::sqlite {

struct BackupCopy {
  std::uint64_t size_bytes = 0;
  std::string sha256;  // 32 bytes, of the whole file
  std::uint64_t last_seq = 0;  // the last event the copy holds
};

// Copies `db_path` to `dest_path`, which must not exist. On error nothing is
// left at `dest_path`.
Result<BackupCopy> BackupDatabase(const std::string& db_path, const std::string& dest_path);

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_ONLINE_BACKUP_H_
