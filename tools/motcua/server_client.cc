#include "tools/motcua/server_client.h"

#include <chrono>
#include <cstdlib>
#include <string>

namespace motcua::cli {

namespace {

// Long enough for a busy server's group commit, short enough that an
// officer is not left waiting at the counter; $MOTCUA_TIMEOUT_MS overrides.
std::chrono::milliseconds Timeout() {
  if (const char* env = std::getenv("MOTCUA_TIMEOUT_MS"); env && *env) {
    char* end = nullptr;
    long ms = std::strtol(env, &end, 10);
    if (end && *end == '\0' && ms > 0) return std::chrono::milliseconds(ms);
  }
  return std::chrono::seconds(15);
}

}  // namespace

Result<client::ServerUrl> ServerUrlOf(const Context& ctx) {
  MOTCUA_ASSIGN_OR_RETURN(client::ServerUrl url, client::ServerUrl::Parse(ctx.server));
  url.ca_file = ctx.ca_file;
  return url;
}

Result<std::unique_ptr<client::ApiClient>> ConnectTo(const Context& ctx) {
  MOTCUA_ASSIGN_OR_RETURN(client::ServerUrl url, ServerUrlOf(ctx));
  return std::make_unique<client::ApiClient>(std::move(url), ctx.token, Timeout());
}

int FailCall(const Context& ctx, const client::ApiClient& client, const Status& status) {
  std::string message = status.message();
  for (char& c : message) {
    if (c == '\n') c = ' ';
  }
  return Fail(ctx, message, client.unreachable() ? kUnreachable : kRefused);
}

}  // namespace motcua::cli
