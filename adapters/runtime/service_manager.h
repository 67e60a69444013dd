// What motcuad tells systemd (sd_notify(3), a unit with Type=notify and
// WatchdogSec=, packaging/systemd/motcuad.service):
//   - READY=1 once it serves: the log replayed, the missed alerts raised, the
//     listener accepting; `systemctl start` returns then, not at fork;
//   - STOPPING=1 on SIGTERM, and a STATUS= line for `systemctl status`;
//   - WATCHDOG=1 every half watchdog interval, sent from the engine thread
//     after the network threads armed the timer: a server whose engine or
//     network threads hang stops pinging and systemd restarts it.
// Without $NOTIFY_SOCKET (not under systemd, or another Type) every call
// does nothing.
#ifndef MOTCUA_ADAPTERS_RUNTIME_SERVICE_MANAGER_H_
#define MOTCUA_ADAPTERS_RUNTIME_SERVICE_MANAGER_H_

#include <chrono>
#include <optional>
#include <string_view>

#include "adapters/net/asio.h"

namespace motcua::runtime {

class EngineService;

void NotifyReady(std::string_view status);
void NotifyStopping();
void NotifyStatus(std::string_view status);

// The interval systemd expects pings within ($WATCHDOG_USEC for this
// process); none when the unit sets no WatchdogSec=.
std::optional<std::chrono::microseconds> WatchdogInterval();

// Pings the watchdog every half interval through the engine thread, until
// Stop(): keep it running while in-flight requests drain after SIGTERM, the
// shutdown may take longer than the interval. Its timer lives on a strand of
// the network io_context, so Start() and Stop() may be called from any
// thread; that io_context's run() returns only after Stop().
class Watchdog {
 public:
  Watchdog(net::io_context& ioc, EngineService& engine, std::chrono::microseconds interval);
  void Start();
  void Stop();

 private:
  void Arm();  // on the strand

  EngineService& engine_;
  const std::chrono::microseconds period_;
  net::steady_timer timer_;
  bool stopped_ = false;  // on the strand
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_SERVICE_MANAGER_H_
