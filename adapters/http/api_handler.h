// ApiHandler: one HTTP request in, one response out. It authenticates the
// caller, routes the request (route.h), checks the role (access_policy.h),
// and either submits a command to the engine service or runs a read on the
// query service; the other routes go to their concept's endpoints
// (endpoints/: letters, statistics, alerts, administration, test clock). It holds no per-request state and knows
// nothing of sockets, so it is tested by calling Handle() directly.
//
// Thread safety: Handle() may be called from any thread. `respond` is called
// exactly once, possibly inline, possibly later on the engine thread or a
// query thread; it must only hand the response over (post it to the
// session), never block.
#ifndef MOTCUA_ADAPTERS_HTTP_API_HANDLER_H_
#define MOTCUA_ADAPTERS_HTTP_API_HANDLER_H_

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

#include "adapters/runtime/admin_service.h"
#include "adapters/http/authenticator.h"
#include "adapters/http/web_assets.h"
#include "adapters/http/web_sessions.h"
#include "adapters/runtime/engine_service.h"
#include "adapters/http/http_reply.h"
#include "adapters/http/user_directory.h"
#include "adapters/runtime/query_service.h"
#include "adapters/runtime/readiness.h"
#include "adapters/api/route.h"
#include "adapters/http/endpoints/metrics_endpoint.h"
#include "adapters/http/endpoints/session_endpoints.h"
#include "adapters/http/endpoints/stats_endpoints.h"
#include "adapters/letters/unit_info.h"
#include "engine/catalog/catalog.h"
#include "engine/ports/clock.h"

namespace motcua::http {

using Respond = std::function<void(Response)>;

class AlertEndpoints;     // alert_endpoints.h
class StreamEndpoint;     // stream_endpoint.h
class TestClockEndpoint;  // test_clock_endpoint.h

struct ApiContext {
  std::shared_ptr<const catalog::Catalog> catalog;
  UserDirectory users;  // reloaded on SIGHUP (hangup_reload.h)
  letters::UnitInfo unit = {};  // printed on the letters (letter_endpoints.h)
  std::shared_ptr<const runtime::StatsContext> stats = nullptr;  // stats_endpoints.h; null: no targets
  runtime::AdminService* admin = nullptr;  // admin_endpoints.h; must outlive the handler; null: 404
  // The server's configuration file, read again by the calendar reload
  // (admin_endpoints.h); empty: 404.
  std::filesystem::path config_file = {};
  // Alerts; must outlive the handler; null: 404. `stream` takes
  // GET /v1/alerts/stream over.
  AlertEndpoints* alerts = nullptr;
  // Only with motcuad --test-clock; must outlive the handler; null: 404.
  TestClockEndpoint* test_clock = nullptr;
  StreamEndpoint* stream = nullptr;
  // The web desk: its pages (null: 404) and its signed-in sessions (null:
  // no sign-in, bearer tokens only); the sessions must outlive the handler.
  std::shared_ptr<const WebAssets> web = nullptr;
  WebSessions* sessions = nullptr;
  // GET /readyz's checks; must outlive the handler; null: always ready.
  const runtime::Readiness* readiness = nullptr;
  // GET /metrics (endpoints/metrics_endpoint.h); must outlive the handler;
  // null: 404.
  const MetricsEndpoint* metrics = nullptr;
  // The lists' "due soon": the apology alert's lead (AlertsConfig).
  std::chrono::seconds due_soon_within = std::chrono::hours(8);
};

class ApiHandler {
 public:
  // `engine`, `queries` and `clock` must outlive the handler.
  ApiHandler(runtime::EngineService& engine, runtime::QueryService& queries, const Clock& clock,
             ApiContext context);

  ApiHandler(const ApiHandler&) = delete;
  ApiHandler& operator=(const ApiHandler&) = delete;

  void Handle(Request request, Respond respond) const;
  // The endpoint that takes streaming requests over (HttpSession); null: none.
  StreamEndpoint* stream_endpoint() const { return context_.stream; }
  // The bearer token's officer, else the session cookie's (web desk). A
  // request authenticated by its cookie that changes something must carry
  // the session's CSRF token (403 otherwise): a cookie goes with any
  // request the browser makes, the token only with the desk's own.
  // HttpSession hands a stream over only to an authenticated request, with
  // its officer: a failed authentication is answered by Handle(), so the
  // auth throttle counts it like any other.
  Result<Principal> Authenticate(const Request& request) const;

 private:
  void HandleCommand(const api::Route& route, Request& request, const ReplyTo& to,
                     Respond& respond) const;
  void HandleRead(const api::Route& route, const Request& request, const ReplyTo& to,
                  Respond& respond) const;
  SessionServices Sessions() const;

  runtime::EngineService& engine_;
  runtime::QueryService& queries_;
  const Clock& clock_;
  const ApiContext context_;
};

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_API_HANDLER_H_
