#include "adapters/http/web_sessions.h"

#include <algorithm>
#include <utility>

#include "adapters/crypto/random_token.h"

namespace motcua::http {

WebSessions::WebSessions(WebSessionOptions options) : options_(options) {}

bool WebSessions::Expired(const Entry& entry, Instant now) const {
  return now - entry.last_seen >= options_.idle ||
         now - entry.session.signed_in_at >= options_.absolute;
}

void WebSessions::DropExpired(Instant now) {
  std::erase_if(sessions_, [&](const auto& item) { return Expired(item.second, now); });
}

// g++ 12 at -O3 (the release build) inlines the hash table's erase and warns
// that a bucket's node "may be null", which it cannot be for an element of a
// non-empty map; the check above is what guarantees one is there.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
WebSessions::Opened WebSessions::Open(std::string user, Instant now) {
  Opened opened{crypto::RandomHexToken(), WebSession{std::move(user), crypto::RandomHexToken(), now}};
  MutexLock lock(mu_);
  DropExpired(now);
  if (!sessions_.empty() && sessions_.size() >= options_.max_sessions) {
    auto oldest = std::min_element(sessions_.begin(), sessions_.end(), [](const auto& a, const auto& b) {
      return a.second.last_seen < b.second.last_seen;
    });
    sessions_.erase(oldest);
  }
  sessions_.emplace(opened.id, Entry{opened.session, now});
  return opened;
}
#pragma GCC diagnostic pop

std::optional<WebSession> WebSessions::Touch(std::string_view id, Instant now) {
  MutexLock lock(mu_);
  auto it = sessions_.find(std::string(id));
  if (it == sessions_.end()) return std::nullopt;
  if (Expired(it->second, now)) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_seen = now;
  return it->second.session;
}

void WebSessions::Close(std::string_view id) {
  MutexLock lock(mu_);
  sessions_.erase(std::string(id));
}

std::size_t WebSessions::size() const {
  MutexLock lock(mu_);
  return sessions_.size();
}

std::string_view CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t end = std::min(header.find(';'), header.size());
    std::string_view pair = header.substr(0, end);
    header.remove_prefix(std::min(end + 1, header.size()));
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
  }
  return {};
}

}  // namespace motcua::http
