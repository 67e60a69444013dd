#include "adapters/runtime/readiness.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include "adapters/runtime/engine_service.h"

namespace motcua::runtime {

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

std::filesystem::path FolderOf(const std::filesystem::path& file) {
  const std::filesystem::path folder = file.parent_path();
  return folder.empty() ? std::filesystem::path(".") : folder;
}

}  // namespace

std::vector<std::string> Readiness::Problems() const {
  std::vector<std::string> problems;
  switch (phase_.load()) {
    case Phase::kStarting:
      problems.emplace_back("starting: replaying the log and arming the alerts");
      break;
    case Phase::kStopping:
      problems.emplace_back("stopping");
      break;
    case Phase::kStarted:
      break;
  }
  const std::filesystem::path folder = FolderOf(options_.db_path);
  // access() answers for this process's own user and a read-only mount.
  if (access(options_.db_path.c_str(), W_OK) != 0 || access(folder.c_str(), W_OK) != 0) {
    problems.emplace_back("database not writable");
  } else if (options_.engine != nullptr && options_.engine->last_commit_failed()) {
    problems.emplace_back("database not writable: the last commit failed");
  }
  struct statvfs fs {};
  if (statvfs(folder.c_str(), &fs) != 0) {
    problems.emplace_back("disk space unknown: the database's folder cannot be examined");
  } else {
    const std::uint64_t available_mib = std::uint64_t{fs.f_bavail} * fs.f_frsize / kMiB;
    if (available_mib < options_.min_free_mib) {
      problems.emplace_back("disk nearly full: " + std::to_string(available_mib) +
                            " MiB available, at least " + std::to_string(options_.min_free_mib) +
                            " MiB needed");
    }
  }
  return problems;
}

}  // namespace motcua::runtime
