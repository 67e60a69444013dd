// The dossier a command is about, read from the command itself: every
// command but an online registration names the dossier it acts on (a
// reception or a refusal at the counter may name none, and then creates
// one). The engine finds the dossier with it, and the server loads that
// dossier's view with it before executing the command: both read this one
// switch over the command kinds, so they cannot disagree on the target.
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ENGINE_COMMAND_TARGET_H_
#define MOTCUA_ENGINE_COMMAND_TARGET_H_

#include <string>

#include "motcua/v1/command.pb.h"

namespace motcua::engine {

// The dossier code `command` names; empty when it names none (an online
// registration, a new reception or refusal, a command with no kind). The
// reference lives as long as `command`.
const std::string& TargetCode(const v1::Command& command);

// Whether `command` may create a dossier when it names none.
bool MayCreate(const v1::Command& command);

}  // namespace motcua::engine

#endif  // MOTCUA_ENGINE_COMMAND_TARGET_H_
