#include "adapters/runtime/admin_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "tests/support/fixtures.h"

namespace motcua::runtime {
namespace {

std::set<std::string> Names(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

TEST(RemoveStaleAdminFiles, RemovesOnlyTheServersOwnCheckAndBackupFiles) {
  ::motcua::testing::TempDir dir;
  for (const char* name : {
           "motcua.db", "motcua.db-wal",
           // A killed server's leftovers: removed.
           "motcua.db.backup-0123456789abcdef0123456789abcdef.tmp",
           "motcua.db.backup-0123456789abcdef0123456789abcdef.tmp-journal",
           "motcua.db.check-89abcdef01234567.tmp", "motcua.db.check-89abcdef01234567.tmp-wal",
           // An admin's own files that merely look alike: kept.
           "motcua.db.backup-2026-11-30", "motcua.db.backup-2026-11-30.tmp",
           "motcua.db.backup-abc.tmp.bak", "other.db.backup-0123456789abcdef.tmp"}) {
    std::ofstream(dir.path() / name) << "x";
  }
  EXPECT_EQ(RemoveStaleAdminFiles(dir.File("motcua.db")), 4u);
  EXPECT_EQ(Names(dir.path()),
            (std::set<std::string>{"motcua.db", "motcua.db-wal", "motcua.db.backup-2026-11-30",
                                   "motcua.db.backup-2026-11-30.tmp",
                                   "motcua.db.backup-abc.tmp.bak",
                                   "other.db.backup-0123456789abcdef.tmp"}));
}

}  // namespace
}  // namespace motcua::runtime
