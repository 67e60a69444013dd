#include "adapters/runtime/service_manager.h"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <string>

#include "adapters/runtime/engine_service.h"

namespace motcua::runtime {

namespace {

void Notify(const std::string& state) {
  // 0: keep $NOTIFY_SOCKET for the watchdog's later pings. A failure to
  // notify is systemd's to report (a start that times out), not ours.
  (void)sd_notify(0, state.c_str());
}

}  // namespace

void NotifyReady(std::string_view status) {
  Notify("READY=1\nSTATUS=" + std::string(status));
}

void NotifyStopping() { Notify("STOPPING=1\nSTATUS=stopping"); }

void NotifyStatus(std::string_view status) { Notify("STATUS=" + std::string(status)); }

std::optional<std::chrono::microseconds> WatchdogInterval() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::microseconds(usec);
}

Watchdog::Watchdog(net::io_context& ioc, EngineService& engine,
                   std::chrono::microseconds interval)
    : engine_(engine), period_(interval / 2), timer_(net::make_strand(ioc)) {}

void Watchdog::Start() { net::dispatch(timer_.get_executor(), [this] { Arm(); }); }

void Watchdog::Stop() {
  net::dispatch(timer_.get_executor(), [this] {
    stopped_ = true;
    timer_.cancel();
  });
}

void Watchdog::Arm() {
  if (stopped_) return;
  timer_.expires_after(period_);
  timer_.async_wait([this](const beast::error_code& ec) {
    if (ec) return;  // stopped
    // Behind the commands already queued: the ping says the engine thread
    // still gets through its work.
    net::post(engine_.executor(), [] { Notify("WATCHDOG=1"); });
    Arm();
  });
}

}  // namespace motcua::runtime
