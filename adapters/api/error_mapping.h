// The engine's error vocabulary at the HTTP edge: which status each Error
// answers with, and back again for the client (the ErrorReply's `code` is
// ErrorCodeName, stable and machine-readable).
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_API_ERROR_MAPPING_H_
#define MOTCUA_ADAPTERS_API_ERROR_MAPPING_H_

#include <optional>
#include <string_view>

#include "engine/base/error.h"

namespace motcua::api {

// 400 bad input, 401/403 auth, 404 unknown, 409 state or idempotency
// conflicts, 413 too large, 422 invalid field, 503 overloaded, 500 the rest.
unsigned HttpStatusOf(Error error);

// The Error whose ErrorCodeName is `name`; nullopt for a name this build
// does not know.
std::optional<Error> ErrorFromCodeName(std::string_view name);

}  // namespace motcua::api

#endif  // MOTCUA_ADAPTERS_API_ERROR_MAPPING_H_
