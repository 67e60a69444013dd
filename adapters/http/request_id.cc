#include "adapters/http/request_id.h"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <random>

namespace motcua::http {

std::string NewRequestId() {
  // The prefix tells runs apart (a restart starts the counter again).
  static const std::uint32_t prefix = [] {
    std::random_device device;
    return static_cast<std::uint32_t>(device());
  }();
  static std::atomic<std::uint64_t> counter{0};
  const std::uint64_t n = counter.fetch_add(1, std::memory_order_relaxed) + 1;
  char id[32];
  std::snprintf(id, sizeof id, "%08x-%llx", prefix, static_cast<unsigned long long>(n));
  return id;
}

bool IsAcceptableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace motcua::http
