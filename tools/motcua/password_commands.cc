// `motcua password USER`: sets an officer's web desk password in the users
// file, as an Argon2id hash (adapters/crypto/password_hash.h). The password
// is read from the terminal without echo, twice; from standard input (one
// line) when that is not a terminal, for scripts. It is never printed,
// logged or passed on the command line, where `ps` would show it.
//
// The file is rewritten atomically; motcuad reads it at start, so the new
// password works after the next restart.
#include <termios.h>
#include <unistd.h>

#include <google/protobuf/util/json_util.h>

#include <filesystem>
#include <iostream>
#include <string>

#include "adapters/config/json_file.h"
#include "adapters/config/server_config.h"
#include "adapters/crypto/password_hash.h"
#include "adapters/export/atomic_file.h"
#include "engine/base/quote.h"
#include "motcua/v1/config.pb.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"

namespace motcua::cli {
namespace {

// One line from standard input; on a terminal, with echo off while it is
// typed, after `prompt` on stderr.
std::string ReadSecretLine(const std::string& prompt) {
  std::string line;
  if (!isatty(STDIN_FILENO)) {
    std::getline(std::cin, line);
    return line;
  }
  std::cerr << prompt << std::flush;
  termios saved{};
  tcgetattr(STDIN_FILENO, &saved);
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  std::cerr << "\n";
  return line;
}

Result<std::filesystem::path> UsersFile(const Context& ctx, const Args& args) {
  if (auto users = args.Get("users")) return std::filesystem::path(*users);
  const std::filesystem::path config =
      ctx.config.empty() ? config::DefaultConfigPath() : std::filesystem::path(ctx.config);
  MOTCUA_ASSIGN_OR_RETURN(v1::ServerConfig server, config::LoadServerConfig(config));
  if (server.users_file().empty()) {
    return Status(Error::kConfig, "cấu hình không có users_file; dùng --users TỆP");
  }
  return std::filesystem::path(server.users_file());
}

int RunPassword(const Context& ctx, const Args& args) {
  const std::string& name = args.positional()[0];
  auto path = UsersFile(ctx, args);
  if (!path.ok()) return Fail(ctx, path.status().message(), 2);
  v1::Users users;
  if (Status read = config::ReadJsonFile(*path, users); !read.ok()) {
    return Fail(ctx, read.message(), 2);
  }
  v1::User* user = nullptr;
  for (v1::User& u : *users.mutable_users()) {
    if (u.name() == name) user = &u;
  }
  if (user == nullptr) {
    return Fail(ctx, "không có người dùng '" + QuoteForMessage(name) + "' trong " +
                         QuoteForMessage(path->string(), kQuotedPathMaxBytes), 2);
  }
  const std::string password = ReadSecretLine("Mật khẩu mới: ");
  if (isatty(STDIN_FILENO) && ReadSecretLine("Nhập lại mật khẩu: ") != password) {
    return Fail(ctx, "hai lần nhập mật khẩu không giống nhau; không có gì thay đổi", 2);
  }
  auto hash = crypto::HashPassword(password);
  if (!hash.ok()) return Fail(ctx, hash.status().message() + "; không có gì thay đổi", 2);
  user->set_password_hash(*hash);
  google::protobuf::util::JsonPrintOptions print;
  print.add_whitespace = true;
  print.preserve_proto_field_names = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(users, &json, print).ok()) {
    return Fail(ctx, "không ghi được tệp người dùng");
  }
  if (Status written = exporter::WriteFileAtomically(*path, json); !written.ok()) {
    return Fail(ctx, written.message());
  }
  *ctx.out << "Đã đặt mật khẩu cho " << name << " trong " << path->string()
           << " (có hiệu lực khi motcuad khởi động lại)\n";
  return 0;
}

}  // namespace

void AddPasswordCommands(CommandTable& table) {
  table.push_back(
      {.name = "password",
       .summary = "đặt mật khẩu trang web cho một cán bộ (lưu mã băm Argon2id vào tệp người dùng)",
       .usage = "TÊN [--users TỆP]",
       .positionals = {{.name = "TÊN", .help = "tên đăng nhập của cán bộ"}},
       .options = {FileOption("users", "tệp người dùng (mặc định: users_file của cấu hình)")},
       .run = RunPassword});
}

}  // namespace motcua::cli
