// `motcua hash-token TOKEN`: the value to put in a user's token_sha256 in
// the users file, which stores only hashes of the bearer tokens.
#include <ostream>
#include <string>
#include <vector>

#include "adapters/api/token_hash.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"

namespace motcua::cli {

namespace {

int RunHashToken(const Context& ctx, const Args& args) {
  const std::string& token = args.positional()[0];
  if (token.size() < 16) {
    return Fail(ctx, "mã xác thực phải dài ít nhất 16 ký tự", 2);
  }
  *ctx.out << api::TokenHash(token) << "\n";
  return 0;
}

}  // namespace

void AddTokenCommands(CommandTable& table) {
  table.push_back({.name = "hash-token",
                   .summary = "in mã băm SHA-256 của một mã xác thực, để ghi vào tệp người dùng",
                   .usage = "MÃ",
                   .positionals = {{.name = "MÃ", .help = "mã xác thực mới, ít nhất 16 ký tự"}},
                   .options = {},
                   .run = RunHashToken});
}

}  // namespace motcua::cli
