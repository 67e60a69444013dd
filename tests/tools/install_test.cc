// `cmake --install` of this build staged in a temporary folder (DESTDIR: the
// layout has absolute paths, /etc/motcua and /lib/systemd/system, that a
// --prefix would not move): the programs, motcua's bash completion, the
// shipped data, the web desk, the configuration and the units land where
// they belong, and the installed programs depend on nothing in the tree they
// were built from (their default configuration is the installed path,
// MOTCUA_DEFAULT_CONFIG).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/e2e/e2e_support.h"
#include "tests/support/fixtures.h"

namespace motcua {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(InstallTest, InstallsTheProgramsAndTheCompletionIndependentOfTheSourceTree) {
  ::motcua::testing::TempDir staging;
  const e2e::ProcessResult install = e2e::RunProcess(
      {CMAKE_COMMAND, "--install", MOTCUA_BINARY_DIR}, {{"DESTDIR", staging.path().string()}});
  ASSERT_EQ(install.exit_code, 0) << install.out << install.err;
  // Under DESTDIR, each absolute path is the staging folder's.
  const auto staged = [&](const std::string& path) { return staging.path() / path.substr(1); };
  const std::string prefix = MOTCUA_INSTALL_PREFIX;
  const fs::path motcua = staged(prefix + "/bin/motcua");
  const fs::path completion = staged(prefix + "/share/bash-completion/completions/motcua");
  EXPECT_TRUE(fs::exists(staged(prefix + "/bin/motcuad")));
  EXPECT_TRUE(fs::exists(staged(prefix + "/share/motcua/catalog/commune-procedures.json")));
  EXPECT_TRUE(fs::exists(staged(prefix + "/share/motcua/web/index.html")));
  EXPECT_TRUE(fs::exists(staged(MOTCUA_DEFAULT_CONFIG)));
  EXPECT_TRUE(fs::exists(staged("/lib/systemd/system/motcuad.service")));
  EXPECT_THAT(Slurp(staged(MOTCUA_DEFAULT_CONFIG)), Not(HasSubstr(MOTCUA_SOURCE_DIR)));
  ASSERT_TRUE(fs::exists(completion));
  EXPECT_EQ(Slurp(completion),
            Slurp(fs::path(MOTCUA_SOURCE_DIR) / "tools/motcua/completion/motcua.bash"));

  const e2e::ProcessResult version = e2e::RunProcess({motcua.string(), "--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, e2e::RunProcess({MOTCUA_BINARY, "--version"}).out);

  // The configuration: the installed default, named in the help...
  const e2e::ProcessResult help = e2e::RunProcess({motcua.string(), "--help"});
  EXPECT_THAT(help.out, HasSubstr(MOTCUA_DEFAULT_CONFIG));
  EXPECT_THAT(help.out, Not(HasSubstr(MOTCUA_SOURCE_DIR)));
  const std::vector<std::string> due = {motcua.string(),  "due", "--received", "2025-01-24 09:00",
                                        "--working-days", "2"};
  // ... read when neither --config nor $MOTCUA_CONFIG says otherwise ...
  if (!fs::exists(MOTCUA_DEFAULT_CONFIG)) {
    const e2e::ProcessResult missing = e2e::RunProcess(due, {{"MOTCUA_CONFIG", ""}});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_THAT(missing.err, HasSubstr(MOTCUA_DEFAULT_CONFIG));
  }
  // ... and $MOTCUA_CONFIG replaces it.
  const e2e::ProcessResult shipped = e2e::RunProcess(
      due, {{"MOTCUA_CONFIG", std::string(MOTCUA_SOURCE_DIR) + "/data/config/motcuad.json"}});
  EXPECT_EQ(shipped.exit_code, 0) << shipped.err;
  EXPECT_EQ(shipped.out, "2025-02-04 09:00\n");
}

}  // namespace
}  // namespace motcua
