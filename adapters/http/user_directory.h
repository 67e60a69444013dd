// UserDirectory: the users file as last loaded. motcuad reloads the file on
// SIGHUP (hangup_reload.h) and publishes the new set here, so a revoked
// token or a new officer takes effect without a restart; a request that
// started with the old set finishes with it (Current() hands out a
// reference-counted snapshot).
//
// A small handle: copies share one directory, so the handler and the reload
// hold the same one. Built implicitly from a set of users, for the callers
// (tests, tools) that never reload. Thread-safe.
#ifndef MOTCUA_ADAPTERS_HTTP_USER_DIRECTORY_H_
#define MOTCUA_ADAPTERS_HTTP_USER_DIRECTORY_H_

#include <memory>
#include <utility>

#include "adapters/http/authenticator.h"
#include "engine/base/mutex.h"

namespace motcua::http {

class UserDirectory {
 public:
  UserDirectory() : UserDirectory(nullptr) {}
  // NOLINTNEXTLINE(google-explicit-constructor): see above.
  UserDirectory(std::shared_ptr<const Authenticator> users)
      : shared_(std::make_shared<Shared>(std::move(users))) {}

  // The set in force now; null only when the directory was built without one.
  std::shared_ptr<const Authenticator> Current() const { return shared_->Get(); }
  // Publishes `users` to every copy; requests from here on use them. Const:
  // it changes the directory, not the handle.
  void Replace(std::shared_ptr<const Authenticator> users) const {
    shared_->Set(std::move(users));
  }

 private:
  class Shared {
   public:
    explicit Shared(std::shared_ptr<const Authenticator> users) : users_(std::move(users)) {}
    std::shared_ptr<const Authenticator> Get() const EXCLUDES(mutex_) {
      MutexLock lock(mutex_);
      return users_;
    }
    void Set(std::shared_ptr<const Authenticator> users) EXCLUDES(mutex_) {
      MutexLock lock(mutex_);
      users_.swap(users);
    }

   private:
    mutable Mutex mutex_;
    std::shared_ptr<const Authenticator> users_ GUARDED_BY(mutex_);
  };
  std::shared_ptr<Shared> shared_;
};

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_USER_DIRECTORY_H_
