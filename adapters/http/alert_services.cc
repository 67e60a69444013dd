#include "adapters/http/alert_services.h"

#include <chrono>
#include <utility>

namespace motcua::http {

Result<std::unique_ptr<AlertServices>> AlertServices::Create(runtime::EngineService& engine,
                                                             runtime::QueryService& queries,
                                                             const Clock& clock, runtime::RequestLog& log,
                                                             AlertServicesConfig config) {
  std::unique_ptr<AlertServices> services(new AlertServices(engine));
  if (!config.alerts.webhook_url().empty()) {
    runtime::WebhookOptions options;
    options.url = config.alerts.webhook_url();
    options.telemetry = config.telemetry;
    if (config.alerts.webhook_max_age_hours() > 0) {
      options.max_age = std::chrono::hours(config.alerts.webhook_max_age_hours());
    }
    MOTCUA_ASSIGN_OR_RETURN(services->webhook_,
                            runtime::WebhookDeliverer::Open(config.db_path, options, clock, log));
  }
  runtime::AlertWatcherOptions watch;
  watch.db_path = config.db_path;
  watch.watch.apology_lead = std::chrono::hours(config.alerts.apology_lead_working_hours());
  watch.watch.step_due_lead = std::chrono::hours(config.alerts.step_due_lead_working_hours());
  watch.watch.intake_limit = std::chrono::hours(config.alerts.intake_limit_working_hours());
  watch.deliver_outside_office_hours = config.alerts.deliver_outside_office_hours();
  watch.wall_clock_timer = config.test_clock == nullptr;
  watch.telemetry = config.telemetry;
  runtime::WebhookDeliverer* webhook = services->webhook_.get();
  services->watcher_ = std::make_unique<runtime::AlertWatcher>(
      engine, clock, services->hub_, log, watch, [webhook] {
        if (webhook) webhook->Wake();
      });
  services->endpoints_ = std::make_unique<AlertEndpoints>(AlertEndpointsContext{
      .queries = queries,
      .clock = clock,
      .hub = services->hub_,
      .log = log,
      .stream = StreamOptions{},
      .webhook = services->webhook_.get()});
  if (config.test_clock != nullptr) {
    services->test_clock_ =
        std::make_unique<TestClockEndpoint>(*config.test_clock, *services->watcher_);
  }
  return services;
}

AlertServices::~AlertServices() {
  Stop();
  // The watcher lives on the engine thread: the engine must stop first
  // (idempotent; main stops it explicitly on the normal path).
  engine_.Stop();
}

void AlertServices::Start() {
  if (webhook_) webhook_->Start();
  watcher_->Start();
}

void AlertServices::Shutdown() { hub_.Close(); }

void AlertServices::Stop() {
  if (webhook_) webhook_->Stop();
}

}  // namespace motcua::http
