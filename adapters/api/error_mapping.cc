#include "adapters/api/error_mapping.h"

namespace motcua::api {

unsigned HttpStatusOf(Error error) {
  switch (error) {
    case Error::kOk:
      return 200;
    case Error::kBadRequest:
      return 400;
    case Error::kUnauthenticated:
      return 401;
    case Error::kPermissionDenied:
      return 403;
    case Error::kNotFound:
      return 404;
    case Error::kIllegalTransition:
    case Error::kAlreadyExists:
    case Error::kConflict:
      return 409;
    case Error::kTooLarge:
      return 413;
    case Error::kInvalidArgument:
      return 422;
    case Error::kOverloaded:
      return 503;
    case Error::kStorage:
    case Error::kCorrupt:
    case Error::kConfig:
    case Error::kInternal:
      return 500;
  }
  return 500;
}

std::optional<Error> ErrorFromCodeName(std::string_view name) {
  for (int e = static_cast<int>(Error::kOk); e <= static_cast<int>(Error::kInternal); ++e) {
    if (ErrorCodeName(static_cast<Error>(e)) == name) return static_cast<Error>(e);
  }
  return std::nullopt;
}

}  // namespace motcua::api
