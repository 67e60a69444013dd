// `motcua password`: the web desk's password set in a users file, read from
// standard input (a pipe here; a terminal reads it twice without echo), and
// stored only as an Argon2id hash that verifies it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "adapters/config/json_file.h"
#include "adapters/crypto/password_hash.h"
#include "motcua/v1/config.pb.h"
#include "tests/support/fixtures.h"
#include "tools/common/subprocess.h"

namespace motcua::cli {
namespace {

using ::testing::HasSubstr;

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `echo PASSWORD | motcua password ARGS` through /bin/sh.
Outcome SetPassword(const std::string& password, const std::string& args) {
  auto child = common::Subprocess::Start(
      {.argv = {"/bin/sh", "-c",
                "printf '%s\\n' '" + password + "' | " MOTCUA_BINARY " password " + args},
       .env = {},
       .stderr_mode = common::Subprocess::StderrMode::kPipe,
       .stderr_path = {}});
  EXPECT_TRUE(child.ok());
  Outcome outcome;
  outcome.out = (*child)->ReadAll();
  outcome.err = (*child)->ReadAll(common::Stream::kStderr);
  outcome.exit_code = (*child)->Wait();
  return outcome;
}

class PasswordCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::motcua::testing::WriteUsersFile(
        ::motcua::testing::MakeUsers({{"tiepnhan01", v1::ROLE_RECEPTION, "reception-token-0001"}}),
        users_);
  }
  v1::Users Read() {
    v1::Users users;
    EXPECT_TRUE(config::ReadJsonFile(users_, users).ok());
    return users;
  }

  ::motcua::testing::TempDir dir_;
  std::filesystem::path users_ = dir_.path() / "users.json";
};

TEST_F(PasswordCommandTest, StoresOnlyAnArgon2idHashThatVerifiesThePassword) {
  Outcome r = SetPassword("mat-khau-quay-1", "tiepnhan01 --users " + users_.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Đã đặt mật khẩu cho tiepnhan01"));
  EXPECT_THAT(r.out + r.err, ::testing::Not(HasSubstr("mat-khau-quay-1")));
  const v1::Users users = Read();
  ASSERT_EQ(users.users_size(), 1);
  EXPECT_EQ(users.users(0).token_sha256().size(), 64u);  // the rest of the user kept
  EXPECT_TRUE(crypto::VerifyPassword(users.users(0).password_hash(), "mat-khau-quay-1"));
  EXPECT_FALSE(crypto::VerifyPassword(users.users(0).password_hash(), "mat-khau-quay-2"));
}

TEST_F(PasswordCommandTest, AShortPasswordOrAnUnknownUserChangesNothing) {
  const std::string before = *config::ReadFile(users_);
  Outcome short_one = SetPassword("ngan", "tiepnhan01 --users " + users_.string());
  EXPECT_EQ(short_one.exit_code, 2);
  EXPECT_EQ(short_one.err, "motcua: mật khẩu phải có ít nhất 10 ký tự; không có gì thay đổi\n");
  Outcome unknown = SetPassword("mat-khau-quay-1", "khongco01 --users " + users_.string());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("không có người dùng 'khongco01'"));
  EXPECT_EQ(*config::ReadFile(users_), before);
}

}  // namespace
}  // namespace motcua::cli
