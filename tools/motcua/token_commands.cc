// `motcua hash-token TOKEN`: the value to put in a user's token_sha256 in
// the users file, which stores only hashes of the bearer tokens.
#include <ostream>
#include <string>
#include <vector>

#include "adapters/http/token_hash.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"

namespace motcua::cli {

namespace {

int RunHashToken(const Context& ctx, const std::vector<std::string>& tokens) {
  auto args =
      Args::Parse(tokens, {.valued = {}, .flags = {}, .min_positional = 1, .max_positional = 1});
  if (!args.ok()) return Fail(ctx, args.status().message(), 2);
  const std::string& token = args->positional()[0];
  if (token.size() < 16) {
    return Fail(ctx, "mã xác thực phải dài ít nhất 16 ký tự", 2);
  }
  *ctx.out << http::TokenHash(token) << "\n";
  return 0;
}

}  // namespace

void AddTokenCommands(CommandTable& table) {
  table.push_back(
      {"hash-token", "hash-token MÃ  in mã băm SHA-256 để ghi vào tệp người dùng", RunHashToken});
}

}  // namespace motcua::cli
