#include "tests/support/sqlite_damage.h"

#include <memory>

#include "adapters/sqlite/database.h"

namespace motcua::testing {

namespace {

constexpr const char* kPartial = "motcua_test_partial_index";

Result<std::int64_t> RootPage(sqlite::Database& db, const std::string& index) {
  sqlite::Statement st(db, "SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND name = ?1");
  st.Bind(1, index);
  if (!st.Step()) {
    MOTCUA_RETURN_IF_ERROR(st.status());
    return Status(Error::kNotFound, "no index " + index);
  }
  return st.ColumnInt(0);
}

}  // namespace

Status DropIndexEntry(const std::string& db_path, const std::string& index, std::int64_t rowid) {
  {
    MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db, sqlite::Database::Open(db_path));
    std::string sql;
    {
      sqlite::Statement st(*db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1");
      st.Bind(1, index);
      if (!st.Step()) {
        MOTCUA_RETURN_IF_ERROR(st.status());
        return Status(Error::kNotFound, "no index " + index);
      }
      sql = st.ColumnText(0);
    }
    // "CREATE INDEX name ON table(columns)" -> the same columns, one row short.
    const std::string head = "CREATE INDEX " + index + " ";
    if (sql.rfind(head, 0) != 0 || sql.find(" WHERE ") != std::string::npos) {
      return Status(Error::kInvalidArgument, "not a plain index: " + sql);
    }
    MOTCUA_RETURN_IF_ERROR(db->Exec("CREATE INDEX " + std::string(kPartial) + " " +
                                    sql.substr(head.size()) + " WHERE rowid <> " +
                                    std::to_string(rowid)));
    MOTCUA_ASSIGN_OR_RETURN(std::int64_t full, RootPage(*db, index));
    MOTCUA_ASSIGN_OR_RETURN(std::int64_t partial, RootPage(*db, kPartial));
    MOTCUA_RETURN_IF_ERROR(db->Exec(
        "PRAGMA writable_schema = ON;"
        "UPDATE sqlite_schema SET rootpage = CASE name WHEN '" + index + "' THEN " +
        std::to_string(partial) + " ELSE " + std::to_string(full) + " END WHERE name IN ('" +
        index + "', '" + kPartial + "');"
        "PRAGMA writable_schema = OFF;"));
  }
  // A new connection reads the edited schema: the partial index now owns
  // the complete tree, and dropping it frees those pages.
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db, sqlite::Database::Open(db_path));
  return db->Exec("DROP INDEX " + std::string(kPartial));
}

Result<std::vector<std::string>> SqliteIntegrityLines(const std::string& db_path) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db,
                          sqlite::Database::Open(db_path, sqlite::Database::Mode::kReadOnly));
  sqlite::Statement st(*db, "PRAGMA integrity_check");
  std::vector<std::string> lines;
  while (st.Step()) lines.push_back(st.ColumnText(0));
  MOTCUA_RETURN_IF_ERROR(st.status());
  return lines;
}

}  // namespace motcua::testing
