// The fields each command must carry, checked from the command alone before
// the engine looks at any dossier: one list for every way a command arrives
// (the HTTP API, the CLI through it, the engine's own tests), so each caller
// learns the same thing, and learns it as kInvalidArgument naming the wire
// fields ("thiếu trường procedure_code (mã thủ tục)"), rather than as
// whatever later step trips over the empty value (an empty procedure code
// would otherwise be "no such procedure"). docs/api.md "Errors" lists them.
//
// proto3 cannot tell an absent scalar from its zero, so an empty string, a
// zero amount and an UNSPECIFIED enum all count as missing; so does a text
// of spaces only. Values that are
// present but wrong (an unknown procedure, a negative amount, an out-of-range
// enum) are the lifecycle's to judge (engine/dossier/lifecycle.h), which also
// keeps imported history to the same rules.
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ENGINE_COMMAND_FIELDS_H_
#define MOTCUA_ENGINE_COMMAND_FIELDS_H_

#include "engine/base/status.h"
#include "motcua/v1/command.pb.h"

namespace motcua::engine {

// OK when `command` carries every field its kind requires; otherwise
// kInvalidArgument listing all the missing ones, each as its field path in
// the command body and its meaning, e.g. "thiếu trường dossier_code (mã hồ
// sơ), to_unit (đơn vị nhận bàn giao)". kBadRequest for a command of no kind.
//
// Required: dossier_code, except for a registration and for a reception or
// a refusal at the counter, which create a dossier; a new reception or
// counter refusal and a registration need procedure_code and
// applicant.name, and the reception and refusal a channel; accepting a
// registration needs the channel (online); and each named document needs
// a name. Besides: refuse, request_supplement, stop and apologize a reason;
// hand_over to_unit; request_fee amount_vnd; record_payment method;
// mark_result_ready result_kind; return_result method; apologize
// new_appointment_at; rate satisfaction.
Status CheckRequiredFields(const v1::Command& command);

}  // namespace motcua::engine

#endif  // MOTCUA_ENGINE_COMMAND_FIELDS_H_
