#include "adapters/export/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/fixtures.h"

namespace motcua::exporter {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> Names(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(AtomicFile, WritesAndReplacesWholeFiles) {
  ::motcua::testing::TempDir dir;
  const auto path = dir.path() / "2024-03-01.json";
  ASSERT_THAT(WriteFileAtomically(path, "first"), IsOk());
  EXPECT_EQ(Slurp(path), "first");
  ASSERT_THAT(WriteFileAtomically(path, "second, longer"), IsOk());
  EXPECT_EQ(Slurp(path), "second, longer");
  EXPECT_THAT(Names(dir.path()), ::testing::ElementsAre("2024-03-01.json"));  // no leftovers
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::others_read,
            std::filesystem::perms::others_read);
}

// The users file is root:motcua 0640; `motcua password`, run as root,
// rewrites it and must not make it readable by all, nor root's alone.
TEST(AtomicFile, AReplacedFileKeepsItsPermissionsAndOwners) {
  ::motcua::testing::TempDir dir;
  const auto path = dir.path() / "users.json";
  ASSERT_THAT(WriteFileAtomically(path, "first"), IsOk());
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  const bool root = ::geteuid() == 0;
  // As root, hand it to another user and group (1, daemon on Debian).
  if (root) {
    ASSERT_EQ(::chown(path.c_str(), 1, 1), 0);
  }
  ASSERT_THAT(WriteFileAtomically(path, "second"), IsOk());
  EXPECT_EQ(Slurp(path), "second");
  struct stat after {};
  ASSERT_EQ(::stat(path.c_str(), &after), 0);
  EXPECT_EQ(after.st_mode & 07777, 0640u);
  if (root) {
    EXPECT_EQ(after.st_uid, 1u);
    EXPECT_EQ(after.st_gid, 1u);
  }
}

TEST(AtomicFile, AFailureAfterTheTemporaryIsWrittenLeavesTheOldFileAndNoDebris) {
  ::motcua::testing::TempDir dir;
  const auto path = dir.path() / "2024-03-01.csv";
  ASSERT_THAT(WriteFileAtomically(path, "old complete contents"), IsOk());
  std::filesystem::path seen;
  AtomicWriteOptions crash;
  crash.TEST_before_rename = [&](const std::filesystem::path& temp) {
    seen = temp;
    // The temporary holds everything, synced, but is not yet the file.
    EXPECT_EQ(Slurp(temp), "new contents");
    EXPECT_EQ(Slurp(path), "old complete contents");
    return Status(Error::kStorage, "simulated crash before rename");
  };
  EXPECT_THAT(WriteFileAtomically(path, "new contents", crash), HasError(Error::kStorage));
  EXPECT_EQ(Slurp(path), "old complete contents");
  EXPECT_EQ(seen.parent_path(), dir.path());  // same folder: the rename cannot cross devices
  EXPECT_FALSE(std::filesystem::exists(seen));
  EXPECT_THAT(Names(dir.path()), ::testing::ElementsAre("2024-03-01.csv"));
}

TEST(AtomicFile, AFailedFirstWriteLeavesNoFileAtAll) {
  ::motcua::testing::TempDir dir;
  const auto path = dir.path() / "2024-03-02.json";
  AtomicWriteOptions crash;
  crash.TEST_before_rename = [](const std::filesystem::path&) {
    return Status(Error::kStorage, "simulated crash");
  };
  EXPECT_THAT(WriteFileAtomically(path, "{}", crash), HasError(Error::kStorage));
  EXPECT_THAT(Names(dir.path()), ::testing::IsEmpty());
}

TEST(AtomicFile, AMissingFolderIsAStorageErrorNamingIt) {
  ::motcua::testing::TempDir dir;
  Status s = WriteFileAtomically(dir.path() / "missing" / "x.json", "{}");
  EXPECT_THAT(s, HasError(Error::kStorage));
  EXPECT_THAT(s.message(), ::testing::HasSubstr("missing"));
}

TEST(AtomicFile, TemporariesACrashLeftAreRemoved) {
  ::motcua::testing::TempDir dir;
  std::ofstream(dir.path() / ".2024-03-01.json.tmp.Ab12Cd") << "{\"half";
  std::ofstream(dir.path() / "2024-02-29.json") << "{}";
  EXPECT_EQ(RemoveStaleTemporaries(dir.path()), 1u);
  EXPECT_THAT(Names(dir.path()), ::testing::ElementsAre("2024-02-29.json"));
}

}  // namespace
}  // namespace motcua::exporter
