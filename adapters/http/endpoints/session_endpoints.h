// /v1/session: the web desk's sign-in, for ApiHandler (web_sessions.h says
// what a session is).
//
//   POST   /v1/session  body v1.SignInRequest {user, password}
//          → v1.SessionInfo, and Set-Cookie with the new session's id
//          (HttpOnly, SameSite=Strict, Path=/). A refusal is 401, the same
//          words for a wrong name or password, and counts in the auth
//          throttle like a bad token. The password is checked on a query
//          thread: an Argon2id hash must not stall the network threads.
//   GET    /v1/session  → v1.SessionInfo of the cookie's live session (the
//          page recovers its CSRF token after a reload), else 401.
//   DELETE /v1/session  with X-CSRF-Token → 204; the session ends and the
//          cookie is cleared.
//
//   GET    /v1/officers → v1.OfficerList: who may act today, with their
//          unit, roles and display name, never a credential (any officer).
//
// Thread safety: HandleSessionRoute may be called from any thread; `respond`
// is called exactly once, possibly later on a query thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_SESSION_ENDPOINTS_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_SESSION_ENDPOINTS_H_

#include <functional>
#include <memory>
#include <optional>

#include "adapters/http/authenticator.h"
#include "adapters/http/http_reply.h"
#include "adapters/http/web_sessions.h"
#include "adapters/runtime/query_service.h"
#include "engine/ports/clock.h"

namespace motcua::http {

// What /v1/session needs; everything must outlive the requests in flight.
struct SessionServices {
  std::shared_ptr<const Authenticator> users;
  WebSessions* sessions = nullptr;  // null: no web desk, 404
  runtime::QueryService* queries = nullptr;
  const Clock* clock = nullptr;
};

void HandleSessionRoute(const SessionServices& services, const Request& request,
                        const ReplyTo& to, const std::function<void(Response)>& respond);

// GET /v1/officers for `principal` (already authenticated).
Response OfficersResponse(const Authenticator& users, const Principal& principal, Instant now,
                          const ReplyTo& to);

// The cookie's live session and its officer, as the handler authenticates a
// browser's request: kUnauthenticated when there is no session cookie, the
// session ended or its user may no longer sign in. `session` receives the
// session (for the CSRF check).
Result<Principal> AuthenticateSession(const SessionServices& services, const Request& request,
                                      WebSession* session);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_SESSION_ENDPOINTS_H_
