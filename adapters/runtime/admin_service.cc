#include "adapters/runtime/admin_service.h"

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include "adapters/crypto/sha256.h"
#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/online_backup.h"
#include "adapters/sqlite/online_check.h"
#include "engine/base/proto_time.h"
#include "engine/base/quote.h"

namespace motcua::runtime {

namespace {

// Snapshots kept at once: the newest, and the one before it in case another
// admin is still fetching it.
constexpr std::size_t kKeepSnapshots = 2;

Status Busy() {
  return Status(Error::kOverloaded,
                "một lần kiểm tra hoặc sao lưu khác đang chạy; hãy thử lại sau ít giây");
}

Status Stopped() { return Status(Error::kOverloaded, "máy chủ đang dừng; hãy thử lại sau"); }

std::uint64_t MillisSince(std::chrono::steady_clock::time_point start) {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now() - start)
                                        .count());
}

// Whether `file` is one of ours: "<db>.<kind>-<hex id>.tmp", or a file
// SQLite keeps beside it. Nothing else matches, so that an admin's own
// backup named, say, "motcua.db.backup-2026-11-30" beside the database is
// never taken for a leftover.
bool IsAdminFile(const std::string& file, const std::string& db_name) {
  // The ids' lengths: 8 random bytes for a check, 16 for a backup, in hex.
  for (const auto& [kind, id_length] :
       {std::pair<std::string, std::size_t>{".check-", 16}, {".backup-", 32}}) {
    const std::string prefix = db_name + kind;
    if (file.rfind(prefix, 0) != 0) continue;
    const std::size_t id_end = prefix.size() + id_length;
    if (file.size() < id_end + 4 || file.compare(id_end, 4, ".tmp") != 0) continue;
    bool hex = true;
    for (std::size_t i = prefix.size(); i < id_end; ++i) {
      hex = hex && std::isxdigit(static_cast<unsigned char>(file[i])) != 0;
    }
    const std::string rest = file.substr(id_end + 4);
    if (hex && (rest.empty() || rest == "-journal" || rest == "-wal" || rest == "-shm")) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::size_t RemoveStaleAdminFiles(const std::string& db_path) {
  const std::filesystem::path db(db_path);
  const std::string name = db.filename().string();
  std::filesystem::path dir = db.parent_path();
  if (dir.empty()) dir = ".";
  std::vector<std::filesystem::path> stale;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (IsAdminFile(entry.path().filename().string(), name)) stale.push_back(entry.path());
  }
  for (const auto& path : stale) std::filesystem::remove(path, ec);
  return stale.size();
}

AdminService::AdminService(AdminServiceOptions options,
                           std::shared_ptr<const catalog::Catalog> catalog, const Clock& clock,
                           RequestLog& log)
    : options_(std::move(options)), catalog_(std::move(catalog)), clock_(clock), log_(log) {
  if (std::size_t n = RemoveStaleAdminFiles(options_.db_path); n > 0) {
    log_.Note("admin: removed " + std::to_string(n) + " check/backup file(s) left by a crash");
  }
}

AdminService::~AdminService() { Stop(); }

void AdminService::Stop() {
  if (stopped_.exchange(true)) return;
  pool_.join();
  Prune(0);
}

bool AdminService::Acquire() {
  if (stopped_) return false;
  bool expected = false;
  return busy_.compare_exchange_strong(expected, true);
}

std::string AdminService::FilePath(const char* kind, const std::string& id) const {
  return options_.db_path + "." + kind + "-" + id + ".tmp";
}

Status AdminService::Check(const std::string& actor, const v1::CheckRequest& request,
                          CheckDone done) {
  if (stopped_) return Stopped();
  std::vector<sqlite::LogAnchor> anchors;
  for (const v1::Anchor& anchor : request.anchors()) {
    // The name is the client's text: it comes back in the report quoted.
    std::string name = QuoteForMessage(anchor.name());
    if (!sqlite::IsChainHashHex(anchor.head().hash())) {
      return Status(Error::kInvalidArgument,
                    "mốc '" + name + "': mã băm phải gồm 64 chữ số thập lục phân");
    }
    anchors.push_back({std::move(name), anchor.head().seq(), anchor.head().hash()});
  }
  if (!Acquire()) return Busy();
  net::post(pool_, [this, actor, anchors = std::move(anchors), done = std::move(done)] {
    RunCheck(actor, anchors, done);
    Release();
  });
  return Status::Ok();
}

namespace {

v1::AnchorOutcome OutcomeOf(sqlite::AnchorFinding::Outcome outcome) {
  switch (outcome) {
    case sqlite::AnchorFinding::Outcome::kOk:
      return v1::ANCHOR_OK;
    case sqlite::AnchorFinding::Outcome::kMismatch:
      return v1::ANCHOR_MISMATCH;
    case sqlite::AnchorFinding::Outcome::kBeyondEnd:
      return v1::ANCHOR_BEYOND_END;
  }
  return v1::ANCHOR_OUTCOME_UNSPECIFIED;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

}  // namespace

void AdminService::RunCheck(const std::string& actor,
                            const std::vector<sqlite::LogAnchor>& anchors,
                            const CheckDone& done) {
  const auto start = std::chrono::steady_clock::now();
  const std::string scratch = FilePath("check", crypto::Hex(crypto::RandomBytes(8)));
  auto checked = sqlite::CheckDatabase(options_.db_path, projections::AllProjections, *catalog_,
                                       scratch, anchors);
  if (!checked.ok()) {
    log_.Error("admin: integrity check by " + actor + " failed: " + checked.status().ToString());
    return done(checked.status());
  }
  const std::vector<std::string> failed = checked->FailedChecks();
  v1::IntegrityReport report;
  report.set_ok(failed.empty());
  report.set_events(checked->events);
  report.set_first_bad_seq(checked->first_bad_seq);
  report.set_chain_problem(checked->chain_problem);
  report.set_rows_compared(checked->rows_compared);
  for (const std::string& d : checked->differences) report.add_differences(d);
  for (const std::string& p : checked->sqlite_problems) report.add_sqlite_problems(p);
  for (const std::string& f : failed) report.add_failed_checks(f);
  for (const sqlite::AnchorFinding& finding : checked->anchors) {
    v1::AnchorResult* result = report.add_anchors();
    result->set_name(finding.anchor.name);
    result->set_seq(finding.anchor.seq);
    result->set_outcome(OutcomeOf(finding.outcome));
    result->set_expected_hash(finding.anchor.hash_hex);
    result->set_found_hash(finding.found_hex);
  }
  SetSeconds(ToUnixSeconds(clock_.Now()), report.mutable_checked_at());
  report.set_elapsed_ms(MillisSince(start));
  const std::string outcome =
      "admin: integrity check by " + actor + ": " +
      (report.ok() ? "ok" : "PROBLEMS in " + Joined(failed)) + ", " +
      std::to_string(report.events()) + " events, first bad seq " +
      std::to_string(report.first_bad_seq()) + ", " +
      std::to_string(report.sqlite_problems_size()) + " SQLite finding(s), " +
      std::to_string(report.differences_size()) + " projection difference(s), " +
      std::to_string(report.anchors_size()) + " anchor(s), " +
      std::to_string(report.elapsed_ms()) + "ms";
  if (report.ok()) {
    log_.Note(outcome);
  } else {
    log_.Error(outcome);
  }
  done(std::move(report));
}

Status AdminService::Backup(const std::string& actor, BackupDone done) {
  if (stopped_) return Stopped();
  if (!Acquire()) return Busy();
  net::post(pool_, [this, actor, done = std::move(done)] {
    RunBackup(actor, done);
    Release();
  });
  return Status::Ok();
}

void AdminService::RunBackup(const std::string& actor, const BackupDone& done) {
  const auto start = std::chrono::steady_clock::now();
  const std::string id = crypto::Hex(crypto::RandomBytes(16));
  const std::string path = FilePath("backup", id);
  auto copy = sqlite::BackupDatabase(options_.db_path, path);
  if (!copy.ok()) {
    log_.Error("admin: backup by " + QuoteForMessage(actor) + " failed: " + copy.status().ToString());
    return done(copy.status());
  }
  {
    MutexLock lock(mutex_);
    snapshots_[id] = Snapshot{path, copy->size_bytes, ++next_sequence_};
  }
  Prune(kKeepSnapshots);
  v1::BackupSnapshot snapshot;
  snapshot.set_id(id);
  snapshot.set_size_bytes(copy->size_bytes);
  snapshot.set_sha256(crypto::Hex(copy->sha256));
  snapshot.set_last_seq(copy->last_seq);
  SetSeconds(ToUnixSeconds(clock_.Now()), snapshot.mutable_taken_at());
  snapshot.set_chunk_bytes(options_.chunk_bytes);
  log_.Note("admin: backup by " + QuoteForMessage(actor) + ": " + std::to_string(copy->size_bytes) +
            " bytes, up to event " + std::to_string(copy->last_seq) + ", " +
            std::to_string(MillisSince(start)) + "ms");
  done(std::move(snapshot));
}

Status AdminService::ReadChunk(const std::string& id, std::uint64_t offset, ChunkDone done) {
  if (stopped_) return Stopped();
  net::post(pool_, [this, id, offset, done = std::move(done)] { RunReadChunk(id, offset, done); });
  return Status::Ok();
}

void AdminService::RunReadChunk(const std::string& id, std::uint64_t offset,
                                const ChunkDone& done) {
  Snapshot snapshot;
  {
    MutexLock lock(mutex_);
    auto it = snapshots_.find(id);
    if (it == snapshots_.end()) {
      return done(Status(Error::kNotFound,
                         "không có bản sao lưu '" + QuoteForMessage(id) +
                             "' (đã tải xong hoặc đã bị thay); hãy "
                         "chạy lại motcua backup"));
    }
    snapshot = it->second;
  }
  if (offset >= snapshot.size) {
    return done(Status(Error::kInvalidArgument,
                       "offset " + std::to_string(offset) + " vượt quá kích thước bản sao (" +
                           std::to_string(snapshot.size) + " byte)"));
  }
  const std::uint64_t length = std::min(options_.chunk_bytes, snapshot.size - offset);
  std::string bytes(length, '\0');
  std::ifstream in(snapshot.path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(bytes.data(), static_cast<std::streamsize>(length));
  if (!in || static_cast<std::uint64_t>(in.gcount()) != length) {
    return done(Status(Error::kStorage, "không đọc được bản sao lưu '" + QuoteForMessage(id) + "'"));
  }
  if (offset + length == snapshot.size) {
    // The last chunk is served: nothing is left to fetch.
    MutexLock lock(mutex_);
    if (snapshots_.erase(id) > 0) sqlite::RemoveDatabaseFiles(snapshot.path);
  }
  done(std::move(bytes));
}

void AdminService::Prune(std::size_t keep) {
  MutexLock lock(mutex_);
  while (snapshots_.size() > keep) {
    auto oldest = snapshots_.begin();
    for (auto it = snapshots_.begin(); it != snapshots_.end(); ++it) {
      if (it->second.sequence < oldest->second.sequence) oldest = it;
    }
    sqlite::RemoveDatabaseFiles(oldest->second.path);
    snapshots_.erase(oldest);
  }
}

}  // namespace motcua::runtime
