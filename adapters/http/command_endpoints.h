// The lifecycle commands as the API names them: one table mapping each
// `POST /v1/commands/{name}` to its v1::Command kind, the body message it
// takes, and the roles allowed to send it. The server's router, its role
// check and the desk client all read this one table, so a command cannot be
// routable but unguarded, or guarded under another name.
//
// Constant data and pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_COMMAND_ENDPOINTS_H_
#define MOTCUA_ADAPTERS_HTTP_COMMAND_ENDPOINTS_H_

#include <google/protobuf/message.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "motcua/v1/command.pb.h"
#include "motcua/v1/config.pb.h"

namespace motcua::http {

// A set of v1::Role values, one bit per role.
using RoleMask = std::uint32_t;
constexpr RoleMask RoleBit(v1::Role role) { return RoleMask{1} << static_cast<int>(role); }

struct CommandEndpoint {
  std::string_view name;  // the path segment, e.g. "hand-over"
  v1::Command::KindCase kind;
  RoleMask roles;  // who may send it
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

// The dossier the command targets; empty when it creates one (or names none).
const std::string& TargetCode(const v1::Command& command);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_COMMAND_ENDPOINTS_H_
