// Shared test fixtures: the shipped catalog, calendar and users (the real
// data the product runs with), officers' lists built for a test, a
// predictable secret source, Vietnam-time literals and an OK matcher for
// Status / Result.
#ifndef MOTCUA_TESTS_SUPPORT_FIXTURES_H_
#define MOTCUA_TESTS_SUPPORT_FIXTURES_H_

#include <gmock/gmock.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>

#include "engine/base/status.h"
#include "engine/base/time.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "engine/ports/secret_source.h"
#include "motcua/v1/config.pb.h"

namespace motcua::testing {

std::filesystem::path SourceDir();
// The shipped data/config/motcuad.json and what it points at.
std::filesystem::path ShippedConfig();
std::shared_ptr<const catalog::Catalog> ShippedCatalog();
// The shipped catalog without its internal processes: for tests of the
// dossier's own deadline, which steps and their alerts would crowd.
std::shared_ptr<const catalog::Catalog> CatalogWithoutProcesses();
std::shared_ptr<const calendar::WorkingCalendar> ShippedCalendar();

// "YYYY-MM-DD HH:MM" in Vietnam time; aborts the test on a typo.
Instant Vn(const char* text);

// One officer of a test's users list: the bearer token the test sends (the
// list keeps only its hash, as users.json does) and the one role it has.
struct TestUser {
  std::string name = {};
  v1::Role role = v1::ROLE_UNSPECIFIED;  // unspecified: no role at all
  std::string token = {};
  std::optional<Instant> expires_at = std::nullopt;  // none: never expires
  bool revoked = false;
};

// The users list (the users.json message) of `base` followed by `users`.
// Every test that needs officers builds them here, so that a list is always
// in the form the server loads.
v1::Users MakeUsers(std::initializer_list<TestUser> users, v1::Users base = {});
// The shipped data/config/users.json: one demo officer per role.
v1::Users ShippedUsers();
// Writes `users` to `path` as a users.json file.
void WriteUsersFile(const v1::Users& users, const std::filesystem::path& path);

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

// Polls `condition` until it holds or `limit` has passed; whether it held.
// For state that another thread or process changes and that offers nothing
// to wait on (a file appearing, a row deleted by a timer); where a future,
// a callback or a condition variable exists, a test waits on that instead.
// The limit is generous: it only ends a test that would otherwise hang, so a
// slow (loaded, sanitized) machine does not fail a correct test.
bool Eventually(const std::function<bool()>& condition,
                std::chrono::milliseconds limit = std::chrono::seconds(60));

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
