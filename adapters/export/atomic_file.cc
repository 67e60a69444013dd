#include "adapters/export/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/base/quote.h"

namespace motcua::exporter {

namespace {

Status SystemError(const std::string& what, const std::filesystem::path& path, int err) {
  return Status(Error::kStorage, what + " " + QuoteForMessage(path.string(), kQuotedPathMaxBytes) +
                                     ": " + std::strerror(err));
}

// Closes the descriptor when leaving scope, unless released.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // close() reports write-back errors on some file systems: check it.
  int Close() {
    int r = ::close(fd_);
    fd_ = -1;
    return r;
  }

 private:
  int fd_;
};

Status WriteAll(int fd, std::string_view data, const std::filesystem::path& path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return SystemError("không ghi được tệp", path, errno);
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::Ok();
}

Status SyncDirectory(const std::filesystem::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return SystemError("không mở được thư mục", dir, errno);
  if (::fsync(fd.get()) != 0) return SystemError("không đồng bộ được thư mục", dir, errno);
  return Status::Ok();
}

// Who may read the file: a replaced file keeps its mode and owners (the
// users file is root:motcua 0640, and must stay so when `motcua password`
// rewrites it as root); a new one gets 0644, since mkstemp makes it
// owner-only and exports are for everyone in the office.
struct Access {
  mode_t mode = 0644;
  std::optional<std::pair<uid_t, gid_t>> owners;  // set: a replaced file's
};

Access AccessFor(const std::filesystem::path& path) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) != 0) return Access{};
  return Access{.mode = static_cast<mode_t>(existing.st_mode & 07777),
                .owners = std::pair(existing.st_uid, existing.st_gid)};
}

Status WriteTemporary(const std::filesystem::path& temp, int raw_fd, std::string_view contents,
                      const Access& access) {
  Fd fd(raw_fd);
  if (access.owners && (access.owners->first != ::geteuid() || access.owners->second != ::getegid()) &&
      ::fchown(fd.get(), access.owners->first, access.owners->second) != 0) {
    return SystemError("không giữ được chủ sở hữu của tệp", temp, errno);
  }
  if (::fchmod(fd.get(), access.mode) != 0) return SystemError("không đặt được quyền tệp", temp, errno);
  MOTCUA_RETURN_IF_ERROR(WriteAll(fd.get(), contents, temp));
  if (::fsync(fd.get()) != 0) return SystemError("không đồng bộ được tệp", temp, errno);
  if (fd.Close() != 0) return SystemError("không đóng được tệp", temp, errno);
  return Status::Ok();
}

}  // namespace

Status WriteFileAtomically(const std::filesystem::path& path, std::string_view contents,
                           const AtomicWriteOptions& options) {
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  // Built by appending: GCC 12 at -O3 reports a false -Wrestrict for
  // `"." + std::string(...)` (GCC bug 105329).
  std::string temp_name = ".";
  temp_name.append(path.filename().string()).append(".tmp.XXXXXX");
  std::string pattern = (dir / temp_name).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  Access access = AccessFor(path);
  if (options.mode) access.mode = *options.mode;
  int fd = ::mkstemp(name.data());
  if (fd < 0) return SystemError("không tạo được tệp tạm trong", dir, errno);
  const std::filesystem::path temp(name.data());

  Status s = WriteTemporary(temp, fd, contents, access);
  if (s.ok() && options.TEST_before_rename) s = options.TEST_before_rename(temp);
  if (s.ok() && ::rename(temp.c_str(), path.c_str()) != 0) {
    s = SystemError("không đổi tên được tệp tạm thành", path, errno);
  }
  if (!s.ok()) {
    ::unlink(temp.c_str());
    return s;
  }
  return SyncDirectory(dir);
}

std::size_t RemoveStaleTemporaries(const std::filesystem::path& dir) {
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 1 && name[0] == '.' && name.find(".tmp.") != std::string::npos &&
        std::filesystem::remove(entry.path(), ec)) {
      ++removed;
    }
  }
  return removed;
}

}  // namespace motcua::exporter
