// ApiHandler: one HTTP request in, one response out. It authenticates the
// caller, routes the request (route.h), checks the role (command_endpoints.h,
// access_policy.h), and either submits a command to the engine service or
// runs a read on the query service. It holds no per-request state and knows
// nothing of sockets, so it is tested by calling Handle() directly.
//
// Thread safety: Handle() may be called from any thread. `respond` is called
// exactly once, possibly inline, possibly later on the engine thread or a
// query thread; it must only hand the response over (post it to the
// session), never block.
#ifndef MOTCUA_ADAPTERS_HTTP_API_HANDLER_H_
#define MOTCUA_ADAPTERS_HTTP_API_HANDLER_H_

#include <functional>
#include <memory>

#include "adapters/http/admin_service.h"
#include "adapters/http/authenticator.h"
#include "adapters/http/engine_service.h"
#include "adapters/http/http_reply.h"
#include "adapters/http/query_service.h"
#include "adapters/http/route.h"
#include "adapters/http/stats_endpoints.h"
#include "adapters/letters/unit_info.h"
#include "engine/catalog/catalog.h"
#include "engine/ports/clock.h"

namespace motcua::http {

using Respond = std::function<void(Response)>;

class AlertEndpoints;  // alert_endpoints.h
class StreamEndpoint;  // stream_endpoint.h

struct ApiContext {
  std::shared_ptr<const catalog::Catalog> catalog;
  std::shared_ptr<const Authenticator> users;
  letters::UnitInfo unit;  // printed on receipts
  std::shared_ptr<const StatsContext> stats = nullptr;  // stats_endpoints.h; null: no targets
  AdminService* admin = nullptr;  // admin_endpoints.h; must outlive the handler; null: 404
  // Alerts, apology letters, calendar reload, test clock; must outlive the
  // handler; null: 404. `stream` takes GET /v1/alerts/stream over.
  AlertEndpoints* alerts = nullptr;
  StreamEndpoint* stream = nullptr;
};

class ApiHandler {
 public:
  // `engine`, `queries` and `clock` must outlive the handler.
  ApiHandler(EngineService& engine, QueryService& queries, const Clock& clock,
             ApiContext context);

  ApiHandler(const ApiHandler&) = delete;
  ApiHandler& operator=(const ApiHandler&) = delete;

  void Handle(Request request, Respond respond) const;
  // The endpoint that takes streaming requests over (HttpSession); null: none.
  StreamEndpoint* stream_endpoint() const { return context_.stream; }
  // Whether the request carries a valid token. HttpSession hands a stream
  // over only then: a failed authentication is answered by Handle(), so the
  // auth throttle counts it like any other.
  bool Authenticates(const Request& request) const { return Authenticate(request).ok(); }

 private:
  void HandleCommand(const Route& route, Request& request, const ReplyTo& to,
                     Respond& respond) const;
  void HandleRead(const Route& route, const Request& request, const ReplyTo& to,
                  Respond& respond) const;
  Result<Principal> Authenticate(const Request& request) const;

  EngineService& engine_;
  QueryService& queries_;
  const Clock& clock_;
  const ApiContext context_;
};

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_API_HANDLER_H_
