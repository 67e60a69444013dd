// The lifecycle commands as the API names them: one table mapping each
// `POST /v1/commands/{name}` to its v1::Command kind and the body message it
// takes. The server's router and the desk client read this one table. Who
// may send each kind is the server's access policy
// (adapters/http/access_policy.h), which names every kind with no default:
// a command cannot be routable but unguarded.
//
// Constant data and pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_API_COMMAND_ENDPOINTS_H_
#define MOTCUA_ADAPTERS_API_COMMAND_ENDPOINTS_H_

#include <google/protobuf/message.h>

#include <span>
#include <string_view>

#include "motcua/v1/command.pb.h"

namespace motcua::api {

struct CommandEndpoint {
  std::string_view name;  // the path segment, e.g. "hand-over"
  v1::Command::KindCase kind;
};

// Every endpoint, in lifecycle order.
std::span<const CommandEndpoint> CommandEndpoints();

// nullptr for an unknown name.
const CommandEndpoint* FindCommandEndpoint(std::string_view name);
// nullptr for KIND_NOT_SET.
const CommandEndpoint* EndpointOf(v1::Command::KindCase kind);

// The body message inside `command` for `kind` (setting that oneof case).
google::protobuf::Message* MutableCommandBody(v1::Command& command, v1::Command::KindCase kind);
// The body message of the command's kind; nullptr when none is set.
const google::protobuf::Message* CommandBody(const v1::Command& command);

// The dossier a command targets: engine::TargetCode (engine/command_target.h).

}  // namespace motcua::api

#endif  // MOTCUA_ADAPTERS_API_COMMAND_ENDPOINTS_H_
