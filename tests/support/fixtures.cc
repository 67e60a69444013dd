#include "tests/support/fixtures.h"

#include <gtest/gtest.h>

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <thread>

#include <unistd.h>

#include "adapters/config/calendar_file.h"
#include "adapters/api/token_hash.h"
#include "adapters/config/catalog_file.h"
#include "adapters/config/json_file.h"
#include "adapters/config/server_config.h"
#include "engine/base/proto_time.h"

namespace motcua::testing {

std::filesystem::path SourceDir() { return MOTCUA_SOURCE_DIR; }

bool Eventually(const std::function<bool()>& condition, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  // Quick first looks, then backing off to 20 ms: a short wait is not
  // rounded up, a long one does not spin.
  std::chrono::microseconds pause(200);
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return condition();
    std::this_thread::sleep_for(pause);
    pause = std::min<std::chrono::microseconds>(pause * 2, std::chrono::milliseconds(20));
  }
  return true;
}

std::filesystem::path ShippedConfig() { return SourceDir() / "data" / "config" / "motcuad.json"; }

std::shared_ptr<const catalog::Catalog> ShippedCatalog() {
  static const std::shared_ptr<const catalog::Catalog> catalog = [] {
    auto cfg = config::LoadServerConfig(ShippedConfig());
    if (!cfg.ok()) throw std::runtime_error(cfg.status().ToString());
    auto c = config::LoadCatalog(*cfg);
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
    return *c;
  }();
  return catalog;
}

std::shared_ptr<const catalog::Catalog> CatalogWithoutProcesses() {
  static const std::shared_ptr<const catalog::Catalog> catalog = [] {
    auto cfg = config::LoadServerConfig(ShippedConfig());
    if (!cfg.ok()) throw std::runtime_error(cfg.status().ToString());
    cfg->clear_internal_process_file();
    auto c = config::LoadCatalog(*cfg);
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
    return *c;
  }();
  return catalog;
}

std::shared_ptr<const calendar::WorkingCalendar> ShippedCalendar() {
  static const std::shared_ptr<const calendar::WorkingCalendar> cal = [] {
    auto cfg = config::LoadServerConfig(ShippedConfig());
    if (!cfg.ok()) throw std::runtime_error(cfg.status().ToString());
    auto c = config::LoadCalendar(cfg->calendar());
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
    return *c;
  }();
  return cal;
}

Instant Vn(const char* text) {
  auto t = ParseVietnamMinute(text);
  if (!t.ok()) throw std::invalid_argument(t.status().ToString());
  return *t;
}

v1::Users MakeUsers(std::initializer_list<TestUser> users, v1::Users base) {
  for (const TestUser& t : users) {
    v1::User* u = base.add_users();
    u->set_name(t.name);
    if (t.role != v1::ROLE_UNSPECIFIED) u->add_roles(t.role);
    u->set_token_sha256(api::TokenHash(t.token));
    if (t.expires_at) SetInstant(*t.expires_at, u->mutable_expires_at());
    u->set_revoked(t.revoked);
  }
  return base;
}

v1::Users ShippedUsers() {
  v1::Users users;
  Status s = config::ReadJsonFile(SourceDir() / "data" / "config" / "users.json", users);
  if (!s.ok()) throw std::runtime_error(s.ToString());
  return users;
}

void WriteUsersFile(const v1::Users& users, const std::filesystem::path& path) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(users, &json, options).ok());
  std::ofstream out(path);
  out << json;
  out.close();
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

std::string CountingSecrets::NewLookupSecret() {
  char buf[16];
  std::snprintf(buf, sizeof buf, "S%07d", ++next_);
  return buf;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::path(::testing::TempDir()) /
          ("motcua-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace motcua::testing
