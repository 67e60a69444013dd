#include "adapters/sqlite/database.h"

#include <sqlite3.h>

#include <cstdio>

#include "engine/base/quote.h"

namespace motcua::sqlite {

namespace {

// Process-wide settings, which SQLite takes only before its first use.
// Without the memory statistics (which nothing here reads), each of
// SQLite's allocations and frees no longer takes a global mutex: 5% of a
// lifecycle's CPU (tools/bench lifecycles).
void ConfigureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // SQLITE_MISUSE if already in use: harmless
    return true;
  }();
  (void)configured;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, Mode mode) {
  ConfigureSqliteOnce();
  sqlite3* db = nullptr;
  int flags = mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY
                                      : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;  // each connection has a single owner
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status(Error::kStorage, "không mở được cơ sở dữ liệu " +
                                       QuoteForMessage(path, kQuotedPathMaxBytes) + ": " + msg);
  }
  std::unique_ptr<Database> database(new Database(db, path));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 10000);
  if (mode == Mode::kReadWrite) {
    // FULL: WAL commits are fsynced, so an acknowledged command survives a
    // power cut, not only a process crash.
    MOTCUA_RETURN_IF_ERROR(database->Exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"));
    // 64 MiB of page cache instead of SQLite's 2 MiB: a commit touches the
    // recent end of the log and of each projection index, which outgrows
    // 2 MiB past a few hundred thousand dossiers; every page then went
    // through a read() and every commit rewrote many more WAL frames (at 1M
    // dossiers the writer spent 69% of its time in the kernel; at 150,000
    // dossiers this doubles commits per second: tools/bench).
    MOTCUA_RETURN_IF_ERROR(database->Exec("PRAGMA cache_size=-65536;"));
  }
  return database;
}

Database::~Database() { sqlite3_close_v2(db_); }

Status Database::Exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Status(Error::kStorage, "lỗi cơ sở dữ liệu: " + msg);
  }
  return Status::Ok();
}

Status Database::Error(std::string_view what) const {
  return Status(Error::kStorage, std::string(what) + ": " + sqlite3_errmsg(db_));
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) status_ = db.Error("lỗi chuẩn bị câu lệnh SQL");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, std::int64_t value) {
  if (ok() && sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) status_ = db_.Error("bind");
  return *this;
}

namespace {

sqlite3_destructor_type DestructorFor(Held held) {
  return held == Held::kBorrowed ? SQLITE_STATIC : SQLITE_TRANSIENT;
}

}  // namespace

Statement& Statement::Bind(int index, std::string_view text, Held held) {
  if (ok() && sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                                DestructorFor(held)) != SQLITE_OK) {
    status_ = db_.Error("bind");
  }
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes, Held held) {
  if (ok() && sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                                DestructorFor(held)) != SQLITE_OK) {
    status_ = db_.Error("bind");
  }
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (ok() && sqlite3_bind_null(stmt_, index) != SQLITE_OK) status_ = db_.Error("bind");
  return *this;
}

Statement& Statement::BindTextOrNull(int index, std::string_view text, Held held) {
  return text.empty() ? BindNull(index) : Bind(index, text, held);
}

bool Statement::Step() {
  if (!ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = db_.Error("lỗi cơ sở dữ liệu");
  return false;
}

Status Statement::Run() {
  while (Step()) {
  }
  Status result = status_;
  Reset();
  return result;
}

void Statement::Reset() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (status_.code() == motcua::Error::kStorage) status_ = Status::Ok();
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }
std::string Statement::ColumnName(int column) const {
  const char* name = sqlite3_column_name(stmt_, column);
  return name ? name : "";
}
bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
std::int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(n))
              : std::string();
}

std::string_view Statement::ColumnBlob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return data ? std::string_view(static_cast<const char*>(data), static_cast<std::size_t>(n))
              : std::string_view();
}

std::string Statement::ColumnCanonical(int column) const {
  switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_NULL: return "null";
    case SQLITE_INTEGER: return "i:" + std::to_string(ColumnInt(column));
    case SQLITE_FLOAT: {
      char buf[40];
      std::snprintf(buf, sizeof buf, "f:%.17g", sqlite3_column_double(stmt_, column));
      return buf;
    }
    case SQLITE_TEXT: return "t:" + ColumnText(column);
    default: {
      std::string_view b = ColumnBlob(column);
      std::string hex = "b:";
      static const char kHex[] = "0123456789abcdef";
      for (unsigned char c : b) {
        hex += kHex[c >> 4];
        hex += kHex[c & 15];
      }
      return hex;
    }
  }
}

Transaction::Transaction(Database& db) : db_(db) {
  status_ = db_.Exec("BEGIN IMMEDIATE");
  open_ = status_.ok();
}

Transaction::~Transaction() {
  if (open_) (void)db_.Exec("ROLLBACK");
}

Status Transaction::Commit() {
  if (!open_) return status_.ok() ? Status(Error::kInternal, "transaction not open") : status_;
  Status s = db_.Exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace motcua::sqlite
