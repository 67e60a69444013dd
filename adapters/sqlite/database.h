// Database and Statement: thin RAII over the SQLite C API, with errors as
// Status values. A Database is one connection; like sqlite3 itself it may be
// used by one thread at a time (the owner serialises access). A Statement
// borrows its Database, which must outlive it.
//
//   Statement st(db, "SELECT body FROM events WHERE seq > ?1");
//   st.Bind(1, last);
//   while (st.Step()) Use(st.ColumnBlob(0));
//   MOTCUA_RETURN_IF_ERROR(st.status());
#ifndef MOTCUA_ADAPTERS_SQLITE_DATABASE_H_
#define MOTCUA_ADAPTERS_SQLITE_DATABASE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace motcua::sqlite {

class Database {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  // Opens (creating if needed, unless read-only) `path`, or ":memory:".
  // Read-write connections use WAL and synchronous=FULL: a committed
  // transaction survives a power cut.
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                Mode mode = Mode::kReadWrite);

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements with no results.
  Status Exec(std::string_view sql);
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  // kStorage with SQLite's message, prefixed by `what`.
  Status Error(std::string_view what) const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// How a bound text or blob is held. kBorrowed: SQLite reads the caller's
// bytes in place, so they must stay alive and unchanged until the statement
// is reset (Run does it); that saves a copy, a malloc and a free per value,
// for the hot writes whose values are fields of the event or row being
// written (tools/bench http counts the allocations per command).
enum class Held { kCopied, kBorrowed };

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // Parameters are 1-based, as in SQL (?1, ?2 ...).
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view text, Held held = Held::kCopied);
  Statement& BindBlob(int index, std::string_view bytes, Held held = Held::kCopied);
  Statement& BindNull(int index);
  // Binds NULL for an empty string, else the text.
  Statement& BindTextOrNull(int index, std::string_view text, Held held = Held::kCopied);

  // Advances; true while a row is available. On error returns false and sets status().
  bool Step();
  // Runs a statement that returns no rows, then resets it for reuse.
  Status Run();
  // Resets and clears bindings (a prepared statement is reused per row).
  void Reset();

  int ColumnCount() const;
  std::string ColumnName(int column) const;
  bool IsNull(int column) const;
  std::int64_t ColumnInt(int column) const;
  std::string ColumnText(int column) const;
  std::string_view ColumnBlob(int column) const;
  // The column's value rendered with its SQLite type, for comparing rows.
  std::string ColumnCanonical(int column) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  const Status& status() const { return status_; }
  Status Commit();

 private:
  Database& db_;
  Status status_;
  bool open_ = false;
};

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_DATABASE_H_
