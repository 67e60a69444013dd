#include "adapters/http/session_registry.h"

#include <utility>

#include "adapters/http/http_session.h"

namespace motcua::http {

std::uint64_t SessionRegistry::Add(std::weak_ptr<HttpSession> session) {
  MutexLock lock(mutex_);
  const std::uint64_t id = next_id_++;
  live_.emplace(id, std::move(session));
  return id;
}

void SessionRegistry::Remove(std::uint64_t id) {
  std::function<void()> done;
  {
    MutexLock lock(mutex_);
    live_.erase(id);
    if (live_.empty()) done = std::exchange(when_empty_, nullptr);
  }
  if (done) done();
}

std::size_t SessionRegistry::size() const {
  MutexLock lock(mutex_);
  return live_.size();
}

void SessionRegistry::ForEach(const std::function<void(HttpSession&)>& visit) const {
  std::vector<std::shared_ptr<HttpSession>> alive;
  {
    MutexLock lock(mutex_);
    for (const auto& [id, weak] : live_) {
      if (auto s = weak.lock()) alive.push_back(std::move(s));
    }
  }
  for (const auto& s : alive) visit(*s);
}

void SessionRegistry::WhenEmpty(std::function<void()> done) {
  {
    MutexLock lock(mutex_);
    if (!live_.empty()) {
      when_empty_ = std::move(done);
      return;
    }
  }
  done();
}

}  // namespace motcua::http
