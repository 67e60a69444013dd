// The alert side of the API, for ApiHandler and HttpSession:
//
//   GET  /v1/alerts?open=1[&limit=N]          alerts not yet handled, most
//   GET  /v1/alerts?from=YYYY-MM-DD&to=YYYY-MM-DD[&limit=N]
//        urgent first; or every alert raised in the period (Vietnam days,
//        both included), in order; without either, every alert in order.
//        Reception, specialist, leader, admin. v1.AlertList.
//   GET  /v1/alerts/stream                    server-sent events, one per
//        alert as it is released (alert_stream_session.h); Last-Event-ID
//        (or ?last_event_id=N) resumes. Same roles.
//   GET  /v1/alerts/undelivered[?limit=N]     the alerts the webhook set
//        aside (webhook_deliverer.h), in order. v1.UndeliveredAlertList.
//   POST /v1/alerts/undelivered/retry  body v1.RetryUndelivered
//        puts one (id) or every (all) set-aside alert back in the delivery
//        queue. v1.RetryUndeliveredReply. Both admin, and 404 on a server
//        without a webhook.
//
// Who may use them: access_policy.h (MayReadAlerts, MayManageWebhook). The
// apology letter is in letter_endpoints.h, the calendar reload in
// admin_endpoints.h, the test clock in test_clock_endpoint.h.
//
// Reads, and the retry's write (on the deliverer's connection), run on
// query threads; the rest is pure. Thread safety: every method may be
// called from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_ALERT_ENDPOINTS_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_ALERT_ENDPOINTS_H_

#include <functional>
#include <memory>

#include "adapters/runtime/alert_hub.h"
#include "adapters/http/alert_stream_session.h"
#include "adapters/http/api_handler.h"
#include "adapters/http/stream_endpoint.h"
#include "adapters/runtime/webhook_deliverer.h"
#include "engine/ports/clock.h"

namespace motcua::http {

// Everything the endpoints use; the references must outlive the endpoints.
struct AlertEndpointsContext {
  runtime::QueryService& queries;
  const Clock& clock;
  runtime::AlertHub& hub;
  runtime::RequestLog& log;
  StreamOptions stream;
  runtime::WebhookDeliverer* webhook = nullptr;  // null: no webhook configured
};

class AlertEndpoints final : public StreamEndpoint {
 public:
  explicit AlertEndpoints(AlertEndpointsContext context) : context_(std::move(context)) {}

  AlertEndpoints(const AlertEndpoints&) = delete;
  AlertEndpoints& operator=(const AlertEndpoints&) = delete;

  // GET /v1/alerts (a stream that reaches it could not be handed over: an
  // error) and the undelivered alerts; `respond` is called exactly once.
  void Handle(const api::Route& route, const Request& request, const Principal& principal,
              const ReplyTo& to, const Respond& respond) const;

  // StreamEndpoint: GET /v1/alerts/stream.
  bool Wants(const Request& request) const override;
  void Accept(MaybeTlsStream stream, Request request, const Principal& principal) override;

 private:
  void List(const api::Route& route, const ReplyTo& to, const Respond& respond) const;
  void ListUndelivered(const api::Route& route, const ReplyTo& to, const Respond& respond) const;
  void RetryUndelivered(const Request& request, const ReplyTo& to, const Respond& respond) const;

  const AlertEndpointsContext context_;
};

// For ApiHandler: 404 when `alerts` is null (not configured), else Handle().
void HandleAlertRoute(const AlertEndpoints* alerts, const api::Route& route, const Request& request,
                      const Principal& principal, const ReplyTo& to, const Respond& respond);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_ALERT_ENDPOINTS_H_
