// motcuad: the engine server. It builds the object graph (configuration,
// catalog, calendar, users, the engine service on its own thread, the read
// side, the HTTP server) and runs it until SIGINT or SIGTERM, then shuts
// down in order: stop accepting, finish the requests in flight, commit what
// the engine has queued, close the log, exit 0.
//
//   motcuad [--config FILE] [--db FILE] [--listen HOST:PORT] [--max-batch N]
//           [--log-format text|journal|json]
//           [--test-clock "YYYY-MM-DD HH:MM"]   (tests only: a hand-driven clock)
//   motcuad --help | --version
//
// The first line on stdout is "motcuad listening on HOST:PORT" (the real
// port when --listen asks for port 0), flushed, so scripts and tests can
// read it. Logs, in English, go to stderr: one line per request, no tokens,
// no personal data (runtime/request_log.h). Under systemd it reports ready
// after the replay and pings the watchdog (runtime/service_manager.h);
// SIGHUP reloads the users and the calendar (http/hangup_reload.h).
#include <csignal>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/config/calendar_file.h"
#include "adapters/config/catalog_file.h"
#include "adapters/config/server_config.h"
#include "adapters/runtime/admin_service.h"
#include "adapters/http/alert_services.h"
#include "adapters/http/api_handler.h"
#include "adapters/http/auth_throttle.h"
#include "adapters/net/asio.h"
#include "adapters/http/authenticator.h"
#include "adapters/http/hangup_reload.h"
#include "adapters/http/user_directory.h"
#include "adapters/runtime/daily_export_timer.h"
#include "adapters/runtime/engine_service.h"
#include "adapters/runtime/query_service.h"
#include "adapters/runtime/readiness.h"
#include "adapters/runtime/request_log.h"
#include "adapters/http/server.h"
#include "adapters/runtime/service_manager.h"
#include "adapters/runtime/system_ports.h"
#include "adapters/runtime/telemetry.h"
#include "adapters/letters/unit_info.h"
#include "adapters/metrics/targets.h"
#include "adapters/snapshot/snapshot_file.h"
#include "engine/base/quote.h"
#include "tools/motcuad/options.h"

namespace motcua::motcuad {

namespace {

constexpr int kStartupFailed = 1;
constexpr int kUsage = 2;
// Read-side threads: SQLite reads are short, two keep a slow one from
// holding up the rest.
constexpr std::size_t kQueryThreads = 2;
// A snapshot per 100,000 events: about a day of a busy province's desks,
// and a start that replays at most that many (well under a second).
constexpr std::uint64_t kSnapshotEveryEvents = 100000;

int Fail(const Status& status, int exit_code = kStartupFailed) {
  // One line, whatever a bad file put in the message (a quoted value may
  // hold line breaks or other control characters).
  std::string line = status.message();
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  std::cerr << "motcuad: " << line << "\n";
  return exit_code;
}

std::string Describe(const tcp::endpoint& endpoint) {
  std::ostringstream out;
  out << endpoint;  // "127.0.0.1:8080", "[::1]:8080"
  return out.str();
}

int Run(const Options& options) {
  auto config = config::LoadServerConfig(options.config);
  if (!config.ok()) return Fail(config.status());
  if (!options.db.empty()) config->set_db(options.db);
  if (!options.listen.empty()) config->set_listen(options.listen);
  if (!options.web_root.empty()) config->set_web_root(options.web_root);
  if (!options.public_url.empty()) config->set_public_url(options.public_url);
  auto endpoint = http::ParseListenAddress(config->listen());
  if (!endpoint.ok()) return Fail(endpoint.status(), kUsage);
  if (config->db().empty()) {
    return Fail(
        Status(Error::kConfig, "no database: set \"db\" in the configuration or pass --db"));
  }
  if (config->users_file().empty()) {
    return Fail(Status(Error::kConfig, "no users: set \"users_file\" in the configuration"));
  }

  auto catalog = config::LoadCatalog(*config);
  if (!catalog.ok()) return Fail(catalog.status());
  auto calendar = config::LoadCalendar(config->calendar(), options.config);
  if (!calendar.ok()) return Fail(calendar.status());
  auto users = http::Authenticator::Load(config->users_file());
  if (!users.ok()) return Fail(users.status());
  auto recipients = http::HandOverRecipients(*config, **users);
  if (!recipients.ok()) return Fail(recipients.status());
  // Statistics: the plan's targets are judged in every reply and export.
  auto stats_context = std::make_shared<http::StatsContext>(http::StatsContext{
      .unit_code = config->unit_code(), .unit_name = config->unit_name(), .targets = std::nullopt});
  if (!config->targets_file().empty()) {
    auto targets = metrics::LoadTargets(config->targets_file());
    if (!targets.ok()) return Fail(targets.status());
    stats_context->targets = std::move(*targets);
  }

  runtime::SystemClock system_clock;
  // Tests only: a clock that moves only through POST /v1/test/clock.
  std::optional<ManualClock> test_clock;
  if (!options.test_clock.empty()) {
    auto start = ParseVietnamMinute(options.test_clock);
    if (!start.ok()) {
      return Fail(Status(Error::kInvalidArgument, "--test-clock: " + start.status().message()),
                  kUsage);
    }
    test_clock.emplace(*start);
  }
  Clock& clock = test_clock ? static_cast<Clock&>(*test_clock) : system_clock;
  runtime::RandomSecretSource secrets;
  const v1::Limits& limits = config->limits();
  runtime::LogFormat log_format =
      runtime::StderrIsJournal() ? runtime::LogFormat::kJournal : runtime::LogFormat::kText;
  if (!options.log_format.empty()) {
    auto chosen = runtime::ParseLogFormat(options.log_format);
    if (!chosen.ok()) return Fail(chosen.status(), kUsage);
    log_format = *chosen;
  }
  runtime::RequestLog log(&std::cerr, log_format);
  // What /metrics reports, counted from here on.
  runtime::Telemetry telemetry;
  const auto replay_started = std::chrono::steady_clock::now();
  auto engine = runtime::EngineService::Open(
      runtime::EngineServiceOptions{.db_path = config->db(),
                                 .max_pending = limits.max_pending_commands(),
                                 .max_batch = options.max_batch,
                                 .log = &log,
                                 .telemetry = &telemetry,
                                 .snapshot_path = snapshot::SnapshotPathFor(config->db()).string(),
                                 .snapshot_every_events = config->snapshot_every_events() == 0
                                                              ? kSnapshotEveryEvents
                                                              : config->snapshot_every_events()},
      engine::EngineOptions{.unit_code = config->unit_code(),
                            .fee_wait_pauses_clock = config->alerts().fee_wait_pauses_clock()},
      *catalog, *calendar, clock, secrets);
  if (!engine.ok()) return Fail(engine.status());
  telemetry.StartupReplay(std::chrono::steady_clock::now() - replay_started,
                          (*engine)->replayed_events());
  (*engine)->Start();
  // Queued before the server accepts, so every command is checked against it.
  if (Status s = (*engine)->RunExclusive(
          [recipients = std::move(*recipients)](engine::Engine& e, EventLog&) mutable {
            e.SetRecipients(std::move(recipients));
          });
      !s.ok()) {
    return Fail(s);
  }
  auto queries = runtime::QueryService::Open(config->db(), kQueryThreads);
  if (!queries.ok()) return Fail(queries.status());

  // Deadline alerts, their stream and webhook, and the test clock that
  // moves their watch.
  auto alerts = http::AlertServices::Create(
      **engine, **queries, clock, log,
      http::AlertServicesConfig{.alerts = config->alerts(),
                                .db_path = config->db(),
                                .test_clock = test_clock ? &*test_clock : nullptr,
                                .telemetry = &telemetry});
  if (!alerts.ok()) return Fail(alerts.status());
  // Integrity check and online backup, and the throttle on failed
  // authentications.
  runtime::AdminService admin(runtime::AdminServiceOptions{.db_path = config->db()}, *catalog, clock,
                           log);
  http::AuthThrottle auth_throttle(
      http::AuthThrottleOptions{.burst = limits.auth_failures_burst(),
                                .per_minute = limits.auth_failures_per_minute()},
      log);
  // The web desk: its pages, and the sessions of the officers signed in.
  std::shared_ptr<const http::WebAssets> web;
  if (!config->web_root().empty()) {
    auto loaded = http::WebAssets::Load(config->web_root());
    if (!loaded.ok()) return Fail(loaded.status());
    web = std::move(*loaded);
  }
  http::WebSessions web_sessions;
  // One set of users for every request, replaced by a reload.
  http::UserDirectory user_directory(*users);
  runtime::Readiness readiness(runtime::ReadinessOptions{
      .db_path = config->db(),
      .min_free_mib = limits.min_free_disk_mib(),
      .engine = engine->get()});
  const http::MetricsEndpoint metrics{.telemetry = &telemetry,
                                      .token_sha256 = config->metrics_token_sha256(),
                                      .db_path = config->db()};
  http::ApiHandler handler(**engine, **queries, clock,
                           http::ApiContext{.catalog = *catalog,
                                            .users = user_directory,
                                            .unit = letters::UnitInfoFromConfig(*config),
                                            .stats = stats_context,
                                            .admin = &admin,
                                            .config_file = options.config,
                                            .alerts = (*alerts)->endpoints(),
                                            .test_clock = (*alerts)->test_clock(),
                                            .stream = (*alerts)->endpoints(),
                                            .web = web,
                                            .sessions = &web_sessions,
                                            .readiness = &readiness,
                                            .metrics = config->metrics_token_sha256().empty()
                                                           ? nullptr
                                                           : &metrics,
                                            .due_soon_within = std::chrono::hours(
                                                config->alerts().apology_lead_working_hours())});

  const unsigned threads = config->threads() == 0 ? 1 : config->threads();
  net::io_context ioc(static_cast<int>(threads));
  // Taken over before anything can send them: SIGHUP's default would end
  // the process. One strand: the stop handler cancels the hangup wait.
  auto signal_strand = net::make_strand(ioc);
  net::signal_set signals(signal_strand, SIGINT, SIGTERM);
  net::signal_set hangups(signal_strand, SIGHUP);
  http::ServerOptions server_options;
  server_options.session.max_body_bytes = limits.max_body_bytes();
  server_options.session.max_header_bytes = limits.max_header_bytes();
  server_options.session.idle_timeout = std::chrono::seconds(limits.idle_timeout_seconds());
  server_options.session.max_requests = limits.max_requests_per_connection();
  server_options.max_connections = limits.max_connections();
  server_options.session.auth_throttle = &auth_throttle;
  server_options.session.telemetry = &telemetry;
  auto proxies = http::TrustedProxies::Parse(
      {config->trusted_proxies().begin(), config->trusted_proxies().end()});
  if (!proxies.ok()) return Fail(proxies.status());
  server_options.session.trusted_proxies = std::move(*proxies);
  if (!config->tls().certificate_file().empty()) {
    auto tls = ServerTlsContext(config->tls().certificate_file(), config->tls().key_file());
    if (!tls.ok()) return Fail(tls.status());
    server_options.tls = std::move(*tls);
  }
  http::Server server(ioc, handler, log, server_options);
  auto bound = server.Listen(*endpoint);
  if (!bound.ok()) return Fail(bound.status());

  log.Note("motcuad: unit " + QuoteForMessage(config->unit_code()) + ", database " +
           QuoteForMessage(config->db(), kQuotedPathMaxBytes) + ", " +
           std::to_string((*engine)->replayed_events()) + " events replayed" +
           ((*engine)->snapshot_seq_at_start() == 0
                ? std::string()
                : " after a snapshot of event " +
                      std::to_string((*engine)->snapshot_seq_at_start())) +
           ", " +
           std::to_string((*users)->size()) + " users" +
           (web ? ", web desk from " + QuoteForMessage(config->web_root(), kQuotedPathMaxBytes)
                : std::string(", no web desk")) +
           (server_options.tls ? ", HTTPS with " + QuoteForMessage(config->tls().certificate_file(),
                                                                   kQuotedPathMaxBytes)
                               : std::string(", plain HTTP")));
  // Moments missed while down: the first transaction of them (all of them
  // after a short downtime) before the first request, the rest between
  // requests (alert_watcher.h).
  (*alerts)->Start();
  std::cout << "motcuad listening on " << Describe(*bound) << std::endl;  // flushed
  server.Start();

  // The daily statistics files, catching up on the days missed while down.
  std::optional<runtime::DailyExportTimer> daily_export;
  if (!config->export_().dir().empty()) {
    auto schedule = exporter::ScheduleOf(config->export_());
    if (!schedule.ok()) return Fail(schedule.status());
    daily_export.emplace(ioc, **queries, clock, *schedule, *catalog, *stats_context, log,
                         &telemetry);
    daily_export->Start();
  }

  // Under systemd: ready now, and alive as long as both the network and the
  // engine threads get through their work.
  std::optional<runtime::Watchdog> watchdog;
  if (auto interval = runtime::WatchdogInterval()) {
    watchdog.emplace(ioc, **engine, *interval);
    watchdog->Start();
  }
  readiness.MarkStarted();
  runtime::NotifyReady("serving on " + Describe(*bound) + ", " +
                       std::to_string((*engine)->replayed_events()) + " events replayed");

  const http::HangupReload reload{.config_file = options.config,
                                  .users = user_directory,
                                  .engine = engine->get(),
                                  .queries = queries->get(),
                                  .clock = &clock,
                                  .log = &log};
  std::function<void()> await_hangup = [&] {
    hangups.async_wait([&](const beast::error_code& ec, int) {
      if (ec) return;  // stopping
      log.Note("received SIGHUP: reloading the users and the calendar");
      http::ReloadOnHangup(reload);
      await_hangup();
    });
  };
  await_hangup();

  signals.async_wait([&](const beast::error_code& ec, int signal) {
    if (ec) return;
    log.Note(std::string("received ") + (signal == SIGINT ? "SIGINT" : "SIGTERM") + ": stopping");
    readiness.MarkStopping();
    runtime::NotifyStopping();
    hangups.cancel();
    if (daily_export) daily_export->Stop();
    (*alerts)->Shutdown();  // event streams end; they hold no request
    server.Shutdown([&log, &watchdog] {
      log.Note("all connections closed");
      if (watchdog) watchdog->Stop();  // pinged through the drain
    });
  });

  // run() returns on every thread once the shutdown sequence has drained
  // all work: no ioc.stop().
  std::vector<std::thread> workers;
  for (unsigned i = 1; i < threads; ++i) workers.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (std::thread& t : workers) t.join();

  // No session is left: commit whatever the engine still holds, then close.
  (*alerts)->Stop();
  (*engine)->Stop();
  (*queries)->Stop();
  admin.Stop();
  log.Note("motcuad: stopped");
  return 0;
}

}  // namespace

}  // namespace motcua::motcuad

int main(int argc, char** argv) {
  const auto invocation = motcua::motcuad::ParseOptions(argc, argv, std::cout, std::cerr);
  if (invocation.exit_code) return *invocation.exit_code;
  try {
    return motcua::motcuad::Run(invocation.options);
  } catch (const std::exception& e) {
    // Start-up failures that throw (e.g. no tz database) end here, in one line.
    std::cerr << "motcuad: " << e.what() << "\n";
    return 1;
  }
}
