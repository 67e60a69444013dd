// SessionRegistry: the server's live connections, so that shutdown can reach
// every one of them and know when the last is gone. Sessions add themselves
// when they start and remove themselves when destroyed.
//
// Thread-safe: sessions live on many strands.
#ifndef MOTCUA_ADAPTERS_HTTP_SESSION_REGISTRY_H_
#define MOTCUA_ADAPTERS_HTTP_SESSION_REGISTRY_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "engine/base/mutex.h"

namespace motcua::http {

class HttpSession;

class SessionRegistry {
 public:
  std::uint64_t Add(std::weak_ptr<HttpSession> session) EXCLUDES(mutex_);
  void Remove(std::uint64_t id) EXCLUDES(mutex_);
  std::size_t size() const EXCLUDES(mutex_);

  // Calls `visit` (outside the lock) for every session still alive.
  void ForEach(const std::function<void(HttpSession&)>& visit) const EXCLUDES(mutex_);
  // Calls `done` once, as soon as no session is left (at once if none is).
  // Called from the thread that removes the last session.
  void WhenEmpty(std::function<void()> done) EXCLUDES(mutex_);

 private:
  mutable Mutex mutex_;
  std::uint64_t next_id_ GUARDED_BY(mutex_) = 1;
  std::map<std::uint64_t, std::weak_ptr<HttpSession>> live_ GUARDED_BY(mutex_);
  std::function<void()> when_empty_ GUARDED_BY(mutex_);
};

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_SESSION_REGISTRY_H_
