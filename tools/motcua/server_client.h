// How the desk commands reach motcuad: an ApiClient for the global --server
// and --token options, and the one-line failure with the exit code that says
// who refused (command_table.h: 1 the server refused, 2 bad usage, 3 the
// server could not be reached).
#ifndef MOTCUA_TOOLS_MOTCUA_SERVER_CLIENT_H_
#define MOTCUA_TOOLS_MOTCUA_SERVER_CLIENT_H_

#include <memory>

#include "adapters/client/api_client.h"
#include "engine/base/status.h"
#include "tools/motcua/command_table.h"

namespace motcua::cli {

inline constexpr int kRefused = 1;
inline constexpr int kUsage = 2;
inline constexpr int kUnreachable = 3;

// ctx.server, trusting ctx.ca_file when it is https; kInvalidArgument for
// a bad URL.
Result<client::ServerUrl> ServerUrlOf(const Context& ctx);

// A client for ctx.server with ctx.token; kInvalidArgument for a bad URL.
Result<std::unique_ptr<client::ApiClient>> ConnectTo(const Context& ctx);

// "motcua: <message>" and the exit code for a failed call of `client`.
int FailCall(const Context& ctx, const client::ApiClient& client, const Status& status);

}  // namespace motcua::cli

#endif  // MOTCUA_TOOLS_MOTCUA_SERVER_CLIENT_H_
