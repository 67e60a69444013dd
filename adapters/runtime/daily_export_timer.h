// DailyExportTimer: motcuad's daily statistics export
// (adapters/export/daily_export.h). Start() catches up at once (every day
// missed while the server was down is written), then wakes at each export
// time; each run computes and writes on a query thread with its own
// read-only connection (metrics/store_statistics.h), so neither the engine
// nor the HTTP threads wait for it. A failed run is logged and retried at
// the next wake-up; the folder stays the record of what was done. Each
// day's JSON carries the log's head as the run found it ("log_head": seq and
// chain hash), an anchor for `motcua check --anchors` (docs/guarantees.md).
//
// The timer is a steady one that never sleeps longer than an hour, and each
// wake-up asks the Clock what is due, so a wall-clock jump (NTP, a suspended
// machine) delays an export by an hour at most and never skips one.
//
// Thread safety: Start() and Stop() are called where `ioc` runs its
// handlers (or before it runs). `queries`, `clock` and `log` must outlive
// the timer, and the timer must outlive queries.Stop() (a run may still be
// on a query thread until then).
#ifndef MOTCUA_ADAPTERS_RUNTIME_DAILY_EXPORT_TIMER_H_
#define MOTCUA_ADAPTERS_RUNTIME_DAILY_EXPORT_TIMER_H_

#include <atomic>
#include <memory>

#include "adapters/export/daily_export.h"
#include "adapters/net/asio.h"
#include "adapters/runtime/query_service.h"
#include "adapters/runtime/request_log.h"
#include "adapters/runtime/telemetry.h"
#include "adapters/runtime/stats_context.h"
#include "engine/catalog/catalog.h"
#include "engine/ports/clock.h"

namespace motcua::runtime {

class DailyExportTimer {
 public:
  DailyExportTimer(net::io_context& ioc, QueryService& queries, const Clock& clock,
                   exporter::DailyExportSchedule schedule,
                   std::shared_ptr<const catalog::Catalog> catalog, StatsContext context,
                   RequestLog& log, Telemetry* telemetry = nullptr);

  DailyExportTimer(const DailyExportTimer&) = delete;
  DailyExportTimer& operator=(const DailyExportTimer&) = delete;

  // Runs the export now (catch-up), then arms the timer.
  void Start();
  // Cancels the timer; nothing is started after this.
  void Stop();

 private:
  void Run();
  void Arm();

  net::io_context& ioc_;
  QueryService& queries_;
  const Clock& clock_;
  const exporter::DailyExportSchedule schedule_;
  const std::shared_ptr<const catalog::Catalog> catalog_;
  const StatsContext context_;
  RequestLog& log_;
  Telemetry* const telemetry_;  // each run's outcome, for /metrics; may be null
  net::steady_timer timer_;
  std::atomic<bool> stopped_{false};
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_DAILY_EXPORT_TIMER_H_
