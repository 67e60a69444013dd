// WebSessions: the web desk's signed-in officers. A sign-in opens a session
// named by a random id the browser keeps in an HttpOnly, SameSite=Strict
// cookie; the page gets the session's CSRF token in the sign-in reply and
// sends it back on every state-changing request (api_handler.cc checks it).
//
// A session ends at sign-out, after `idle` without a request, `absolute`
// after its sign-in whatever the activity (a working day), and whenever its
// user no longer authenticates (revoked or expired in the users file: the
// handler asks the Authenticator on every request). Sessions live in memory
// only: a restart signs everyone out, and nothing of them reaches the disk.
//
// Thread-safe.
#ifndef MOTCUA_ADAPTERS_HTTP_WEB_SESSIONS_H_
#define MOTCUA_ADAPTERS_HTTP_WEB_SESSIONS_H_

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/base/mutex.h"
#include "engine/base/time.h"

namespace motcua::http {

struct WebSessionOptions {
  std::chrono::seconds idle = std::chrono::minutes(30);
  std::chrono::seconds absolute = std::chrono::hours(10);
  // The oldest session is closed to make room beyond this many.
  std::size_t max_sessions = 10'000;
};

// The cookie that carries the session id.
inline constexpr std::string_view kSessionCookie = "motcua_session";
// The request header that carries the CSRF token.
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

struct WebSession {
  std::string user;
  std::string csrf_token;
  Instant signed_in_at;
};

class WebSessions {
 public:
  explicit WebSessions(WebSessionOptions options = {});

  struct Opened {
    std::string id;  // goes into the cookie, nowhere else
    WebSession session;
  };
  // A new session for `user`, signed in at `now`.
  Opened Open(std::string user, Instant now);
  // The live session named `id`, its idle time restarted at `now`; nullopt
  // when unknown or expired (an expired one is forgotten).
  std::optional<WebSession> Touch(std::string_view id, Instant now);
  // Ends the session named `id`, if any.
  void Close(std::string_view id);

  std::size_t size() const;
  const WebSessionOptions& options() const { return options_; }

 private:
  struct Entry {
    WebSession session;
    Instant last_seen;
  };
  bool Expired(const Entry& entry, Instant now) const;
  void DropExpired(Instant now) REQUIRES(mu_);

  const WebSessionOptions options_;
  mutable Mutex mu_;
  std::unordered_map<std::string, Entry> sessions_ GUARDED_BY(mu_);
};

// The value of cookie `name` in a Cookie header ("a=1; b=2"); empty when
// absent.
std::string_view CookieValue(std::string_view cookie_header, std::string_view name);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_WEB_SESSIONS_H_
