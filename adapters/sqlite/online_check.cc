#include "adapters/sqlite/online_check.h"

#include <filesystem>
#include <memory>

namespace motcua::sqlite {

namespace {

// Holds one read snapshot of a read-only connection: BEGIN alone starts no
// read transaction in SQLite, the first read does.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Database& db) : db_(db) {
    status_ = db_.Exec("BEGIN");
    if (!status_.ok()) return;
    open_ = true;
    status_ = db_.Exec("SELECT count(*) FROM sqlite_schema");
  }
  ~ReadSnapshot() {
    if (open_) (void)db_.Exec("ROLLBACK");
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

  const Status& status() const { return status_; }

 private:
  Database& db_;
  Status status_;
  bool open_ = false;
};

// Removes the scratch database on every path out of CheckDatabase.
struct ScratchFiles {
  const std::string& path;
  ~ScratchFiles() { RemoveDatabaseFiles(path); }
};

}  // namespace

void RemoveDatabaseFiles(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix, ignored);
  }
}

Result<IntegrityReport> CheckDatabase(const std::string& db_path, const ProjectionFactory& make,
                                      const catalog::Catalog& catalog,
                                      const std::string& scratch_path,
                                      const std::vector<LogAnchor>& anchors) {
  ScratchFiles cleanup{scratch_path};
  RemoveDatabaseFiles(scratch_path);
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Database> db,
                          Database::Open(db_path, Database::Mode::kReadOnly));
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Database> scratch, Database::Open(scratch_path));
  // The scratch copy is thrown away: no journal, no fsync.
  MOTCUA_RETURN_IF_ERROR(scratch->Exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"));

  ReadSnapshot snapshot(*db);
  MOTCUA_RETURN_IF_ERROR(snapshot.status());
  IntegrityReport report;
  // SQLite's own check first: the checks below read the file through its
  // indexes and B-trees and take them as sound. A file too damaged for
  // SQLite to finish its check is that check's finding.
  if (Status sound = CheckSqliteIntegrity(*db, report); !sound.ok()) {
    report.sqlite_problems.push_back(sound.message());
  }
  const bool damaged_file = !report.sqlite_problems.empty();
  Status chained = VerifyChain(*db, report, anchors);
  if (!chained.ok()) {
    if (damaged_file) return report;
    return chained;
  }
  // A broken chain can make the rebuild fail (an event that no longer
  // parses): the chain's finding is the report then.
  Status compared = CompareProjections(*db, make, catalog, *scratch, report);
  if (!compared.ok() && report.first_bad_seq == 0 && !damaged_file) return compared;
  return report;
}

}  // namespace motcua::sqlite
