#include "adapters/runtime/daily_export_timer.h"

#include <algorithm>

#include "adapters/counters/store_statistics.h"
#include "adapters/crypto/sha256.h"
#include "adapters/metrics/targets.h"
#include "adapters/sqlite/sqlite_event_log.h"

namespace motcua::runtime {

DailyExportTimer::DailyExportTimer(net::io_context& ioc, QueryService& queries, const Clock& clock,
                                   exporter::DailyExportSchedule schedule,
                                   std::shared_ptr<const catalog::Catalog> catalog,
                                   StatsContext context, RequestLog& log, Telemetry* telemetry)
    : ioc_(ioc),
      queries_(queries),
      clock_(clock),
      schedule_(std::move(schedule)),
      catalog_(std::move(catalog)),
      context_(std::move(context)),
      log_(log),
      telemetry_(telemetry),
      timer_(ioc) {}

void DailyExportTimer::Start() { Run(); }

void DailyExportTimer::Stop() {
  stopped_ = true;
  net::post(ioc_, [this] { timer_.cancel(); });
}

void DailyExportTimer::Run() {
  if (stopped_) return;
  queries_.Run([this](Result<sqlite::Database*> db) {
    const Instant now = clock_.Now();
    if (!db.ok()) {
      log_.Error("daily export: no database connection: " + db.status().ToString());
    } else {
      auto compute = [&](LocalDays day) -> Result<v1::Statistics> {
        // The head first: the figures may include later commits, the
        // anchor never claims more than the log held.
        MOTCUA_ASSIGN_OR_RETURN(sqlite::ChainHead head, sqlite::ReadChainHead(**db));
        metrics::StatisticsOptions options;
        options.unit = context_.unit_name;
        options.generated_at = now;
        MOTCUA_ASSIGN_OR_RETURN(
            v1::Statistics stats,
            counters::StatisticsFromStore(**db, *catalog_, exporter::DailyExportPeriod(day), now,
                                         options));
        if (context_.targets) metrics::EvaluateTargets(*context_.targets, stats);
        stats.mutable_log_head()->set_seq(head.seq);
        stats.mutable_log_head()->set_hash(crypto::Hex(head.hash));
        return stats;
      };
      auto written = exporter::RunDailyExport(schedule_, now, compute);
      if (telemetry_) telemetry_->ExportFinished(ToUnixSeconds(clock_.Now()), written.ok());
      if (!written.ok()) {
        log_.Error("daily export failed (retried at the next wake-up): " +
                  written.status().ToString());
      } else {
        for (LocalDays day : *written) {
          log_.Note("daily export: wrote " + FormatDate(day) + ".json and .csv in " +
                    schedule_.dir.string());
        }
      }
    }
    net::post(ioc_, [this] { Arm(); });
  });
}

void DailyExportTimer::Arm() {
  if (stopped_) return;
  const Instant now = clock_.Now();
  const auto until = exporter::NextExportTime(schedule_, now) - now;
  timer_.expires_after(std::min<std::chrono::steady_clock::duration>(until, std::chrono::hours(1)));
  timer_.async_wait([this](const beast::error_code& ec) {
    if (ec || stopped_) return;  // cancelled: shutting down
    Run();
  });
}

}  // namespace motcua::runtime
