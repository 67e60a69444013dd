// AdminService: the administrator's maintenance jobs beside the running
// server: the integrity check (sqlite/online_check.h; SQLite's own check,
// the hash chain, optionally against anchors, and the projections) and
// online backups
// (sqlite/online_backup.h). Each job uses connections of its own, on a
// thread of its own, so neither the engine nor the readers wait for it.
//
// One check or backup runs at a time; asking for another meanwhile is
// refused with kOverloaded rather than queued, so an impatient admin cannot
// pile up copies of the database. A backup is a snapshot file kept beside
// the database ("<db>.backup-<id>.tmp") and fetched in chunks; it is removed
// once its last chunk is served, when a newer backup replaces it, or when
// the service stops. The check's scratch database lives there too
// ("<db>.check-<id>.tmp"). Files of either kind that a killed server left
// behind are removed when the service starts.
//
// Thread safety: every method may be called from any thread. Callbacks run
// on the service's threads and must not block. The catalog, clock and log
// must outlive the service.
#ifndef MOTCUA_ADAPTERS_RUNTIME_ADMIN_SERVICE_H_
#define MOTCUA_ADAPTERS_RUNTIME_ADMIN_SERVICE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "adapters/net/asio.h"
#include "adapters/runtime/request_log.h"
#include "adapters/sqlite/integrity.h"
#include "engine/base/mutex.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"
#include "engine/ports/clock.h"
#include "motcua/v1/admin.pb.h"

namespace motcua::runtime {

struct AdminServiceOptions {
  std::string db_path;
  // The most one chunk request answers: bounds the memory a download takes.
  std::uint64_t chunk_bytes = 4 << 20;
};

class AdminService {
 public:
  AdminService(AdminServiceOptions options, std::shared_ptr<const catalog::Catalog> catalog,
               const Clock& clock, RequestLog& log);
  ~AdminService();  // Stop()s

  AdminService(const AdminService&) = delete;
  AdminService& operator=(const AdminService&) = delete;

  using CheckDone = std::function<void(Result<v1::IntegrityReport>)>;
  using BackupDone = std::function<void(Result<v1::BackupSnapshot>)>;
  using ChunkDone = std::function<void(Result<std::string>)>;

  // OK: `done` will be called once, later. An error (kOverloaded while
  // another check or backup runs, or once stopped; kInvalidArgument for an
  // anchor whose hash is not 64 hex digits) means it will not be. `actor`
  // is logged.
  Status Check(const std::string& actor, const v1::CheckRequest& request, CheckDone done);
  Status Backup(const std::string& actor, BackupDone done);
  // Bytes [offset, offset + chunk_bytes) of backup `id`; kNotFound for an
  // unknown (or already removed) id, kInvalidArgument past its end.
  Status ReadChunk(const std::string& id, std::uint64_t offset, ChunkDone done);

  // Waits for the jobs in progress, then removes every snapshot. Idempotent.
  void Stop() EXCLUDES(mutex_);

 private:
  struct Snapshot {
    std::string path;
    std::uint64_t size = 0;
    std::uint64_t sequence = 0;  // newer snapshots have larger numbers
  };

  // Takes the one heavy-job slot; false when it is taken or stopping.
  bool Acquire();
  void Release() { busy_ = false; }
  std::string FilePath(const char* kind, const std::string& id) const;
  void RunCheck(const std::string& actor, const std::vector<sqlite::LogAnchor>& anchors,
                const CheckDone& done);
  void RunBackup(const std::string& actor, const BackupDone& done) EXCLUDES(mutex_);
  void RunReadChunk(const std::string& id, std::uint64_t offset, const ChunkDone& done)
      EXCLUDES(mutex_);
  // Removes the snapshots beyond the newest `keep`.
  void Prune(std::size_t keep) EXCLUDES(mutex_);

  const AdminServiceOptions options_;
  const std::shared_ptr<const catalog::Catalog> catalog_;
  const Clock& clock_;
  RequestLog& log_;
  // Two threads: a chunk of a download is served while a check runs.
  net::thread_pool pool_{2};
  std::atomic<bool> busy_{false};
  std::atomic<bool> stopped_{false};

  Mutex mutex_;
  std::map<std::string, Snapshot> snapshots_ GUARDED_BY(mutex_);  // by id
  std::uint64_t next_sequence_ GUARDED_BY(mutex_) = 0;
};

// Removes the check and backup files a killed server left beside `db_path`;
// returns how many.
std::size_t RemoveStaleAdminFiles(const std::string& db_path);

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_ADMIN_SERVICE_H_
