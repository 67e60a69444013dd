// The engine's error vocabulary: one enum, usable as a std::error_code.
//
//   if (status.code() == motcua::Error::kNotFound) ...
//
// Every layer maps these to its own edge (HTTP status, CLI exit code); the
// enum values are stable and their names are the API's machine codes.
#ifndef MOTCUA_ENGINE_BASE_ERROR_H_
#define MOTCUA_ENGINE_BASE_ERROR_H_

#include <string_view>
#include <system_error>

namespace motcua {

enum class Error {
  kOk = 0,
  kBadRequest,          // malformed input: unparseable body, unknown field
  kInvalidArgument,     // well-formed but a field is invalid
  kUnauthenticated,     // no or bad credentials
  kPermissionDenied,    // authenticated, but the role may not do this
  kNotFound,            // unknown dossier, procedure or user
  kIllegalTransition,   // the dossier's state does not allow the command
  kAlreadyExists,       // a once-only thing was already done
  kConflict,            // an idempotency key reused with a different request
  kTooLarge,            // body or batch over its limit
  kOverloaded,          // shed under load; retry later
  kStorage,             // the database failed
  kCorrupt,             // stored data contradicts itself
  kConfig,              // a configuration or data file is wrong
  kInternal,            // a broken invariant
};

// The stable machine code of an error, e.g. "illegal_transition".
std::string_view ErrorCodeName(Error e) noexcept;

const std::error_category& EngineCategory() noexcept;

inline std::error_code make_error_code(Error e) noexcept {
  return {static_cast<int>(e), EngineCategory()};
}

}  // namespace motcua

template <>
struct std::is_error_code_enum<motcua::Error> : std::true_type {};

#endif  // MOTCUA_ENGINE_BASE_ERROR_H_
