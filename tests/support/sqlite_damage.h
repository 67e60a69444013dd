// Damage a test does to a real SQLite file, the kind SQLite's own
// `PRAGMA integrity_check` reports and the application's checks alone would
// not see. Only for tests: it writes sqlite_schema by hand.
//
// Not thread-safe; nothing else may have the file open for writing.
#ifndef MOTCUA_TESTS_SUPPORT_SQLITE_DAMAGE_H_
#define MOTCUA_TESTS_SUPPORT_SQLITE_DAMAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/status.h"

namespace motcua::testing {

// Leaves index `index` (a plain, non-partial index) of the database at
// `db_path` without its entry for the row whose rowid is `rowid`, the table
// untouched: afterwards integrity_check says "row R missing from index
// <index>" and reads through the index no longer see that row.
//
// How: a partial index of the same columns WHERE rowid <> R has exactly the
// B-tree the damaged index should have; with writable_schema the two swap
// root pages, and dropping the partial one then frees the complete tree.
Status DropIndexEntry(const std::string& db_path, const std::string& index, std::int64_t rowid);

// The lines of `PRAGMA integrity_check` ({"ok"} for a sound file).
Result<std::vector<std::string>> SqliteIntegrityLines(const std::string& db_path);

}  // namespace motcua::testing

#endif  // MOTCUA_TESTS_SUPPORT_SQLITE_DAMAGE_H_
