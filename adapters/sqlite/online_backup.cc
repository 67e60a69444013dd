#include "adapters/sqlite/online_backup.h"

#include <sqlite3.h>

#include <fstream>
#include <memory>
#include <vector>

#include "adapters/crypto/sha256_stream.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/online_check.h"
#include "engine/base/quote.h"

namespace motcua::sqlite {

namespace {

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, CloseDb>;

Status Failed(sqlite3* db, const std::string& what) {
  return Status(Error::kStorage,
                "sao lưu: " + what + ": " + (db ? sqlite3_errmsg(db) : "không mở được"));
}

// Copies every page of `source` in one step: one read transaction, so one
// consistent state, however many commits the server makes meanwhile.
Status CopyPages(const std::string& db_path, sqlite3* dest) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Database> source,
                          Database::Open(db_path, Database::Mode::kReadOnly));
  sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source->handle(), "main");
  if (backup == nullptr) return Failed(dest, "không bắt đầu được");
  int rc = sqlite3_backup_step(backup, -1);
  const int finished = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return Status(Error::kStorage, std::string("sao lưu: không chép được: ") + sqlite3_errstr(rc));
  }
  if (finished != SQLITE_OK) return Failed(dest, "không hoàn tất được");
  return Status::Ok();
}

// The first column of the first row of `sql`, as text.
Result<std::string> QueryOne(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    return Failed(db, "không đọc được bản sao");
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> st(raw, &sqlite3_finalize);
  if (sqlite3_step(st.get()) != SQLITE_ROW) return Failed(db, "không đọc được bản sao");
  const unsigned char* text = sqlite3_column_text(st.get(), 0);
  return std::string(text ? reinterpret_cast<const char*>(text) : "");
}

Result<std::uint64_t> LastSeqAndQuickCheck(sqlite3* dest) {
  // A rollback-journal file carries everything in itself (a WAL-mode copy
  // could leave its last pages in a -wal file beside it).
  MOTCUA_ASSIGN_OR_RETURN(std::string mode, QueryOne(dest, "PRAGMA journal_mode=DELETE"));
  if (mode != "delete") return Failed(dest, "không đặt được chế độ nhật ký (" + mode + ")");
  MOTCUA_ASSIGN_OR_RETURN(std::string check, QueryOne(dest, "PRAGMA quick_check"));
  if (check != "ok") {
    return Status(Error::kCorrupt, "sao lưu: bản sao không qua được quick_check: " + check);
  }
  MOTCUA_ASSIGN_OR_RETURN(std::string last, QueryOne(dest, "SELECT coalesce(max(seq), 0) FROM events"));
  return static_cast<std::uint64_t>(std::stoull(last));
}

Status HashFile(const std::string& path, BackupCopy& copy) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status(Error::kStorage, "sao lưu: không đọc lại được bản sao " +
                                       QuoteForMessage(path, kQuotedPathMaxBytes));
  }
  crypto::Sha256Stream hash;
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    hash.Update(std::string_view(buffer.data(), n));
    copy.size_bytes += n;
  }
  if (in.bad()) {
    return Status(Error::kStorage, "sao lưu: không đọc lại được bản sao " +
                                       QuoteForMessage(path, kQuotedPathMaxBytes));
  }
  copy.sha256 = hash.Finish();
  return Status::Ok();
}

}  // namespace

Result<BackupCopy> BackupDatabase(const std::string& db_path, const std::string& dest_path) {
  BackupCopy copy;
  Status status = [&]() -> Status {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(dest_path.c_str(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Connection dest(raw);
    if (rc != SQLITE_OK) return Failed(raw, "không tạo được tệp " + dest_path);
    sqlite3_extended_result_codes(dest.get(), 1);
    MOTCUA_RETURN_IF_ERROR(CopyPages(db_path, dest.get()));
    MOTCUA_ASSIGN_OR_RETURN(copy.last_seq, LastSeqAndQuickCheck(dest.get()));
    // Closed before it is hashed: every page is in the file, fsync'ed by
    // the copy's own commit (synchronous=FULL is SQLite's default).
    dest.reset();
    return HashFile(dest_path, copy);
  }();
  if (!status.ok()) {
    RemoveDatabaseFiles(dest_path);
    return status;
  }
  return copy;
}

}  // namespace motcua::sqlite
