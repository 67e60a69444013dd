// WriteFileAtomically: a file that is either its old self (or absent) or
// complete, never half-written, even if the process or the machine dies
// mid-write. The bytes go to a hidden temporary file in the same folder
// (".<name>.tmp.XXXXXX", so a rename cannot cross file systems), which is
// fsync'ed, renamed over the target, and the folder fsync'ed so the rename
// itself survives a power cut. On any error the temporary file is removed
// and the target is untouched. A replaced file keeps its permissions and
// owners; a new one is 0644, unless the options fix the permissions.
//
// A crash can leave a temporary file behind; readers of the folder ignore
// dot-files, and RemoveStaleTemporaries cleans them.
//
// Thread-safe: concurrent writers of different targets never collide
// (mkstemp); of the same target, the last rename wins whole.
#ifndef MOTCUA_ADAPTERS_EXPORT_ATOMIC_FILE_H_
#define MOTCUA_ADAPTERS_EXPORT_ATOMIC_FILE_H_

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>

#include "engine/base/status.h"

namespace motcua::exporter {

struct AtomicWriteOptions {
  // Set: the file's permissions whether new or replaced (the engine's
  // snapshot, owner-only whatever an older version left); unset: as above.
  std::optional<mode_t> mode = {};
  // Test hook: called with the temporary file once it is complete and
  // synced, before the rename. An error makes the write fail there, as a
  // crash at that point would (tests/adapters/export/atomic_file_test.cc).
  std::function<Status(const std::filesystem::path& temporary)> TEST_before_rename = {};
};

// kStorage naming the path and the system's reason on failure.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view contents,
                           const AtomicWriteOptions& options = {});

// Removes ".*.tmp.*" files a crash left in `dir`; returns how many.
std::size_t RemoveStaleTemporaries(const std::filesystem::path& dir);

}  // namespace motcua::exporter

#endif  // MOTCUA_ADAPTERS_EXPORT_ATOMIC_FILE_H_
