// The alert side of the API (issue 5), for ApiHandler and HttpSession:
//
//   GET  /v1/alerts?open=1[&limit=N]          alerts not yet handled, most
//   GET  /v1/alerts?from=YYYY-MM-DD&to=YYYY-MM-DD[&limit=N]
//        urgent first; or every alert raised in the period (Vietnam days,
//        both included), in order; without either, every alert in order.
//        Reception, specialist, leader, admin. v1.AlertList.
//   GET  /v1/alerts/stream                    server-sent events, one per
//        alert as it is released (alert_stream_session.h); Last-Event-ID
//        (or ?last_event_id=N) resumes. Same roles.
//   GET  /v1/dossiers/{code}/apology?format=text|html
//        the Mẫu 04 letter (apology_reads.h); who may print receipts.
//   POST /v1/admin/calendar/reload            admin (calendar_reload.h).
//        v1.CalendarReloadReply.
//   POST /v1/test/clock  body v1.SetTestClock admin, and only on a server
//        started with --test-clock (404 otherwise): sets the test clock and
//        evaluates the deadline watch at once (AlertWatcher::Advance), so
//        the alerts it raised are committed when the reply comes.
//        v1.TestClockReply.
//
// Reads run on query threads, the reload on the engine thread; the rest is
// pure. Thread safety: every method may be called from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ALERT_ENDPOINTS_H_
#define MOTCUA_ADAPTERS_HTTP_ALERT_ENDPOINTS_H_

#include <filesystem>
#include <functional>
#include <memory>

#include "adapters/http/alert_hub.h"
#include "adapters/http/alert_stream_session.h"
#include "adapters/http/alert_watcher.h"
#include "adapters/http/api_handler.h"
#include "adapters/http/calendar_reload.h"
#include "adapters/http/stream_endpoint.h"
#include "engine/ports/clock.h"

namespace motcua::http {

// Everything the endpoints use; the references must outlive the endpoints.
struct AlertEndpointsContext {
  EngineService& engine;
  QueryService& queries;
  const Clock& clock;
  AlertWatcher& watcher;
  AlertHub& hub;
  RequestLog& log;
  std::shared_ptr<const Authenticator> users;
  std::shared_ptr<const catalog::Catalog> catalog;
  letters::UnitInfo unit;
  // Where the reload reads the calendar from (the server's configuration).
  std::filesystem::path config_file;
  ManualClock* test_clock = nullptr;  // null: no /v1/test/clock
  StreamOptions stream;
};

bool MayReadAlerts(const Principal& principal);  // reception, specialist, leader, admin

class AlertEndpoints final : public StreamEndpoint {
 public:
  explicit AlertEndpoints(AlertEndpointsContext context) : context_(std::move(context)) {}

  AlertEndpoints(const AlertEndpoints&) = delete;
  AlertEndpoints& operator=(const AlertEndpoints&) = delete;

  // One of the routes above but the stream; `respond` is called exactly once.
  void Handle(const Route& route, const Request& request, const Principal& principal,
              const ReplyTo& to, const Respond& respond) const;

  // StreamEndpoint: GET /v1/alerts/stream.
  bool Wants(const Request& request) const override;
  void Accept(beast::tcp_stream stream, Request request) override;

 private:
  void List(const Route& route, const ReplyTo& to, const Respond& respond) const;
  void Letter(const Route& route, const ReplyTo& to, const Respond& respond) const;
  void Reload(const ReplyTo& to, const Respond& respond) const;
  void SetClock(const Request& request, const ReplyTo& to, const Respond& respond) const;

  const AlertEndpointsContext context_;
};

// For ApiHandler: 404 when `alerts` is null (not configured), else Handle().
void HandleAlertRoute(const AlertEndpoints* alerts, const Route& route, const Request& request,
                      const Principal& principal, const ReplyTo& to, const Respond& respond);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ALERT_ENDPOINTS_H_
