// Shared test fixtures: the shipped catalog and calendar (the real data the
// product runs with), a predictable secret source, Vietnam-time literals and
// an OK matcher for Status / Result.
#ifndef MOTCUA_TESTS_SUPPORT_FIXTURES_H_
#define MOTCUA_TESTS_SUPPORT_FIXTURES_H_

#include <gmock/gmock.h>

#include <filesystem>
#include <memory>
#include <string>

#include "engine/base/status.h"
#include "engine/base/time.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "engine/ports/secret_source.h"

namespace motcua::testing {

std::filesystem::path SourceDir();
// The shipped data/config/motcuad.json and what it points at.
std::filesystem::path ShippedConfig();
std::shared_ptr<const catalog::Catalog> ShippedCatalog();
std::shared_ptr<const calendar::WorkingCalendar> ShippedCalendar();

// "YYYY-MM-DD HH:MM" in Vietnam time; aborts the test on a typo.
Instant Vn(const char* text);

// Secrets "S0000001", "S0000002", ...
class CountingSecrets final : public SecretSource {
 public:
  std::string NewLookupSecret() override;

 private:
  int next_ = 0;
};

// A fresh directory under the test temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

MATCHER(IsOk, "is OK") {
  if constexpr (requires { arg.status(); }) {
    *result_listener << arg.status().ToString();
    return arg.ok();
  } else {
    *result_listener << arg.ToString();
    return arg.ok();
  }
}

MATCHER_P(HasError, code, "fails with " + std::string(ErrorCodeName(code))) {
  if constexpr (requires { arg.status(); }) {
    *result_listener << arg.status().ToString();
    return arg.status().code() == code;
  } else {
    *result_listener << arg.ToString();
    return arg.code() == code;
  }
}

}  // namespace motcua::testing

#endif  // MOTCUA_TESTS_SUPPORT_FIXTURES_H_
