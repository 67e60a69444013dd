#include "tests/support/fixtures.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <stdexcept>

#include <unistd.h>

#include "adapters/config/calendar_file.h"
#include "adapters/config/catalog_file.h"
#include "adapters/config/server_config.h"

namespace motcua::testing {

std::filesystem::path SourceDir() { return MOTCUA_SOURCE_DIR; }

std::filesystem::path ShippedConfig() { return SourceDir() / "data" / "config" / "motcuad.json"; }

std::shared_ptr<const catalog::Catalog> ShippedCatalog() {
  static const std::shared_ptr<const catalog::Catalog> catalog = [] {
    auto c = config::LoadCatalog(SourceDir() / "data" / "catalog" / "commune-procedures.json");
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
