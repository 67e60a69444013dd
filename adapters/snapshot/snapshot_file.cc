#include "adapters/snapshot/snapshot_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "adapters/export/atomic_file.h"

namespace motcua::snapshot {

std::filesystem::path SnapshotPathFor(const std::string& db_path) {
  return std::filesystem::path(db_path + ".snapshot");
}

Status WriteSnapshotFile(const std::filesystem::path& path, const Snapshot& snapshot) {
  // Owner-only: it holds every dossier's code, state and holder, and only
  // motcuad reads it (the folder is the service's own).
  return exporter::WriteFileAtomically(path, EncodeSnapshot(snapshot), {.mode = 0600});
}

Result<Snapshot> ReadSnapshotFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return Status(Error::kNotFound, "no snapshot " + path.string());
    return Status(Error::kStorage,
                  "cannot open " + path.string() + ": " + std::strerror(errno));
  }
  std::string bytes;
  in.seekg(0, std::ios::end);
  bytes.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return Status(Error::kStorage, "cannot read " + path.string());
  }
  return DecodeSnapshot(bytes);
}

std::size_t RemoveInterruptedWrites(const std::filesystem::path& path) {
  // WriteFileAtomically's temporaries: ".<name>.tmp.XXXXXX" in the folder.
  // Built by appending: GCC 12 at -O3 reports a false -Wrestrict for
  // `"." + std::string(...)` (GCC bug 105329).
  std::string prefix = ".";
  prefix.append(path.filename().string()).append(".tmp.");
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().filename().string().starts_with(prefix) &&
        std::filesystem::remove(entry.path(), ec)) {
      ++removed;
    }
  }
  return removed;
}

}  // namespace motcua::snapshot
