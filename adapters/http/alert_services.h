// AlertServices: motcuad's deadline alerts, built in one place from the
// configuration: the deadline watch on the engine thread (alert_watcher.h),
// the hub of live event streams (alert_hub.h), the webhook deliverer when
// AlertConfig.webhook_url is set (webhook_deliverer.h: alerts refused for
// good or still undelivered after AlertConfig.webhook_max_age_hours are set
// aside), and the endpoints to put in ApiContext: the alerts'
// (alert_endpoints.h, with the set-aside list and its retry) and, with a
// test clock, POST /v1/test/clock (test_clock_endpoint.h), which moves the
// watch.
//
//   auto alerts = AlertServices::Create(engine, queries, clock, log, config);
//   ApiContext{..., .alerts = (*alerts)->endpoints(), .test_clock = (*alerts)->test_clock(),
//              .stream = (*alerts)->endpoints()};
//   (*alerts)->Start();            // before the server accepts
//   ... on SIGTERM: (*alerts)->Shutdown(); server.Shutdown(...);
//   ... after run(): (*alerts)->Stop(); engine->Stop();
//
// Thread safety: Start/Shutdown/Stop from main's thread (Shutdown also from
// the signal handler's); endpoints() is used from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ALERT_SERVICES_H_
#define MOTCUA_ADAPTERS_HTTP_ALERT_SERVICES_H_

#include <memory>
#include <string>

#include "adapters/http/endpoints/alert_endpoints.h"
#include "adapters/http/endpoints/test_clock_endpoint.h"
#include "adapters/runtime/alert_hub.h"
#include "adapters/runtime/alert_watcher.h"
#include "adapters/runtime/webhook_deliverer.h"
#include "motcua/v1/config.pb.h"

namespace motcua::http {

struct AlertServicesConfig {
  v1::AlertConfig alerts;
  std::string db_path;
  // Set when motcuad runs with --test-clock: no wall-clock timer, and
  // POST /v1/test/clock exists. Must outlive the services.
  ManualClock* test_clock = nullptr;
  // Where raised and delivered alerts are counted; must outlive the
  // services. Null: nowhere.
  runtime::Telemetry* telemetry = nullptr;
};

class AlertServices {
 public:
  // `engine`, `queries`, `clock` and `log` must outlive the services.
  static Result<std::unique_ptr<AlertServices>> Create(runtime::EngineService& engine,
                                                       runtime::QueryService& queries, const Clock& clock,
                                                       runtime::RequestLog& log, AlertServicesConfig config);

  AlertServices(const AlertServices&) = delete;
  AlertServices& operator=(const AlertServices&) = delete;
  // Stop()s, then stops the engine service (the watcher must outlive its
  // thread).
  ~AlertServices();

  // Starts the webhook, then the watcher, and returns once the moments
  // missed while down are recorded. The engine service must be started.
  void Start();
  // Ends every event stream (after the frames already queued).
  void Shutdown();
  // Stops the webhook deliverer (its attempt in progress ends first).
  void Stop();

  AlertEndpoints* endpoints() { return endpoints_.get(); }
  // Null without a test clock.
  TestClockEndpoint* test_clock() { return test_clock_.get(); }
  runtime::AlertHub& hub() { return hub_; }

 private:
  explicit AlertServices(runtime::EngineService& engine) : engine_(engine) {}

  runtime::EngineService& engine_;

  runtime::AlertHub hub_;
  std::unique_ptr<runtime::WebhookDeliverer> webhook_;
  std::unique_ptr<runtime::AlertWatcher> watcher_;
  std::unique_ptr<AlertEndpoints> endpoints_;
  std::unique_ptr<TestClockEndpoint> test_clock_;
};

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ALERT_SERVICES_H_
