// AlertServices: what issue 5 adds to motcuad, built in one place from the
// configuration: the deadline watch on the engine thread (alert_watcher.h),
// the hub of live event streams (alert_hub.h), the webhook deliverer when
// AlertConfig.webhook_url is set (webhook_deliverer.h), and the endpoints
// (alert_endpoints.h) to put in ApiContext.
//
//   auto alerts = AlertServices::Create(engine, queries, clock, log, config);
//   ApiContext{..., .alerts = (*alerts)->endpoints(), .stream = (*alerts)->endpoints()};
//   (*alerts)->Start();            // before the server accepts
//   ... on SIGTERM: (*alerts)->Shutdown(); server.Shutdown(...);
//   ... after run(): (*alerts)->Stop(); engine->Stop();
//
// Thread safety: Start/Shutdown/Stop from main's thread (Shutdown also from
// the signal handler's); endpoints() is used from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ALERT_SERVICES_H_
#define MOTCUA_ADAPTERS_HTTP_ALERT_SERVICES_H_

#include <filesystem>
#include <memory>
#include <string>

#include "adapters/http/alert_endpoints.h"
#include "adapters/http/alert_hub.h"
#include "adapters/http/alert_watcher.h"
#include "adapters/http/webhook_deliverer.h"
#include "motcua/v1/config.pb.h"

namespace motcua::http {

struct AlertServicesConfig {
  v1::AlertConfig alerts;
  std::string db_path;
  std::filesystem::path config_file;  // read again by the calendar reload
  std::shared_ptr<const Authenticator> users;
  std::shared_ptr<const catalog::Catalog> catalog;
  letters::UnitInfo unit;
  // Set when motcuad runs with --test-clock: no wall-clock timer, and
  // POST /v1/test/clock exists. Must outlive the services.
  ManualClock* test_clock = nullptr;
};

class AlertServices {
 public:
  // `engine`, `queries`, `clock` and `log` must outlive the services.
  static Result<std::unique_ptr<AlertServices>> Create(EngineService& engine,
                                                       QueryService& queries, const Clock& clock,
                                                       RequestLog& log, AlertServicesConfig config);

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
  AlertHub& hub() { return hub_; }

 private:
  explicit AlertServices(EngineService& engine) : engine_(engine) {}

  EngineService& engine_;

  AlertHub hub_;
  std::unique_ptr<WebhookDeliverer> webhook_;
  std::unique_ptr<AlertWatcher> watcher_;
  std::unique_ptr<AlertEndpoints> endpoints_;
};

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ALERT_SERVICES_H_
