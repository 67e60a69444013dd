// Status and Result<T>: expected failures as values (abseil StatusOr style).
//
//   Result<Dossier> r = store.Load(code);
//   if (!r.ok()) return r.status();
//   Use(*r);
//
// A Status is an Error plus a one-line human message that names what failed
// (which dossier, which field, which state). Both types are cheap to move and
// not thread-safe to mutate concurrently, like any value.
#ifndef MOTCUA_ENGINE_BASE_STATUS_H_
#define MOTCUA_ENGINE_BASE_STATUS_H_

#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include "engine/base/error.h"

namespace motcua {

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(Error code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const noexcept { return code_ == Error::kOk; }
  Error code() const noexcept { return code_; }
  const std::string& message() const noexcept { return message_; }
  // "illegal_transition: ..." for logs and one-line CLI errors.
  std::string ToString() const;

 private:
  Error code_ = Error::kOk;
  std::string message_;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "a Result needs a value or an error");
  }

  bool ok() const noexcept { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  // By value, not T&&: `for (auto& x : *Load())` must not dangle.
  T value() && { return std::get<T>(std::move(v_)); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace motcua

#define MOTCUA_STATUS_CONCAT_INNER_(a, b) a##b
#define MOTCUA_STATUS_CONCAT_(a, b) MOTCUA_STATUS_CONCAT_INNER_(a, b)

// Returns the Status from the enclosing function if `expr` is not OK.
#define MOTCUA_RETURN_IF_ERROR(expr)                \
  do {                                              \
    ::motcua::Status motcua_status_ = (expr);       \
    if (!motcua_status_.ok()) return motcua_status_; \
  } while (0)

// `lhs = value of expr`, or returns its Status from the enclosing function.
#define MOTCUA_ASSIGN_OR_RETURN(lhs, expr) \
  MOTCUA_ASSIGN_OR_RETURN_IMPL_(MOTCUA_STATUS_CONCAT_(motcua_result_, __LINE__), lhs, expr)
#define MOTCUA_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()

#endif  // MOTCUA_ENGINE_BASE_STATUS_H_
