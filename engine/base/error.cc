#include "engine/base/error.h"

#include <string>

namespace motcua {

std::string_view ErrorCodeName(Error e) noexcept {
  switch (e) {
    case Error::kOk: return "ok";
    case Error::kBadRequest: return "bad_request";
    case Error::kInvalidArgument: return "invalid_argument";
    case Error::kUnauthenticated: return "unauthenticated";
    case Error::kPermissionDenied: return "permission_denied";
    case Error::kNotFound: return "not_found";
    case Error::kIllegalTransition: return "illegal_transition";
    case Error::kAlreadyExists: return "already_exists";
    case Error::kConflict: return "conflict";
    case Error::kTooLarge: return "too_large";
    case Error::kOverloaded: return "overloaded";
    case Error::kStorage: return "storage";
    case Error::kCorrupt: return "corrupt";
    case Error::kConfig: return "config";
    case Error::kInternal: return "internal";
  }
  return "unknown";
}

namespace {

class Category final : public std::error_category {
 public:
  const char* name() const noexcept override { return "motcua"; }
  std::string message(int ev) const override {
    return std::string(ErrorCodeName(static_cast<Error>(ev)));
  }
};

}  // namespace

const std::error_category& EngineCategory() noexcept {
  // Immutable and stateless; a function-local static is the standard idiom
  // for error categories (std::generic_category does the same).
  static const Category category;
  return category;
}

}  // namespace motcua
