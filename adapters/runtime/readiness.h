// Readiness: whether motcuad should be sent work now (GET /readyz, for a
// load balancer, a monitor or the package's post-install check), as against
// GET /healthz, which only says the process answers. Ready means all of:
//   - started: the log replayed, the alerts missed while down raised, the
//     listener accepting; and not stopping after SIGTERM;
//   - the database writable: the file and its folder (where SQLite writes
//     its WAL) are writable by the server, and the last commit did not fail;
//   - disk space: the database's file system has at least min_free_mib
//     MiB available (a full disk fails every command).
// Thread-safe; Problems() does two system calls and reads two atomics.
#ifndef MOTCUA_ADAPTERS_RUNTIME_READINESS_H_
#define MOTCUA_ADAPTERS_RUNTIME_READINESS_H_

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace motcua::runtime {

class EngineService;

struct ReadinessOptions {
  std::filesystem::path db_path;
  std::uint64_t min_free_mib = 0;  // limits.min_free_disk_mib
  const EngineService* engine = nullptr;  // must outlive the readiness
};

class Readiness {
 public:
  explicit Readiness(ReadinessOptions options) : options_(std::move(options)) {}

  void MarkStarted() { phase_ = Phase::kStarted; }
  void MarkStopping() { phase_ = Phase::kStopping; }

  // Why the server is not ready, one English phrase each; empty: ready.
  std::vector<std::string> Problems() const;

 private:
  enum class Phase { kStarting, kStarted, kStopping };
  const ReadinessOptions options_;
  std::atomic<Phase> phase_{Phase::kStarting};
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_READINESS_H_
