// Telemetry: what an operator's Prometheus scrapes from GET /metrics
// (docs/operations.md "Metrics"), counted where it happens and rendered in
// the Prometheus text format (version 0.0.4):
//
//   motcua_http_requests_total{route,status}      counter
//   motcua_http_request_duration_seconds{route}   histogram
//   motcua_commands_total{kind,outcome}           counter
//   motcua_commit_batch_commands                  histogram (commands per commit)
//   motcua_commit_batch_duration_seconds          histogram (execute to durable)
//   motcua_commit_sync_seconds                    histogram (the log's write: events, projections, COMMIT and fsync)
//   motcua_engine_shed_total                      counter (commands refused, queue full)
//   motcua_alerts_raised_total                    counter
//   motcua_alerts_delivered_total                 counter (webhook)
//   motcua_alerts_undelivered_total               counter (webhook, set aside)
//   motcua_alert_delivery_lag_seconds             histogram (due to delivered)
//   motcua_export_last_run_timestamp_seconds      gauge
//   motcua_export_last_success_timestamp_seconds  gauge
//   motcua_export_last_ok                         gauge (1 or 0)
//   motcua_startup_replay_seconds, motcua_startup_replay_events   gauges
// and the figures read at the scrape (LiveFigures): the engine's queue, the
// open dossiers by status and the overdue ones, readiness, the database's
// and WAL's sizes and the free disk.
//
// Route labels are the API's path templates (api::RouteLabel), never a raw
// path: a dossier code in a label would be a personal datum and a new time
// series per dossier.
//
// Thread-safe: every method may be called from any thread. Counters and
// histograms are atomics; the labelled counters take one short lock.
#ifndef MOTCUA_ADAPTERS_RUNTIME_TELEMETRY_H_
#define MOTCUA_ADAPTERS_RUNTIME_TELEMETRY_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/mutex.h"

namespace motcua::runtime {

// A Prometheus histogram: fixed upper bounds, lock-free observations.
class Histogram {
 public:
  explicit Histogram(std::vector<double> bounds);

  void Observe(double value);

  struct Counts {
    std::vector<std::uint64_t> cumulative;  // per bound, then +Inf
    double sum = 0;
  };
  Counts Read() const;
  const std::vector<double>& bounds() const { return bounds_; }

 private:
  const std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1
  std::atomic<double> sum_{0};
};

// What the scrape reads from the running server (telemetry_live.h).
struct LiveFigures {
  std::size_t queue_depth = 0;
  std::map<std::string, std::uint64_t> open_by_status;  // "received", ...
  std::uint64_t overdue = 0;
  bool engine_answered = false;  // the two above are known
  bool ready = false;
  std::uint64_t database_bytes = 0;
  std::uint64_t wal_bytes = 0;
  std::uint64_t disk_free_bytes = 0;
};

class Telemetry {
 public:
  Telemetry();
  Telemetry(const Telemetry&) = delete;
  Telemetry& operator=(const Telemetry&) = delete;

  void Request(std::string_view route, unsigned status, std::chrono::nanoseconds latency)
      EXCLUDES(mutex_);
  // `outcome`: "ok", or the error's code name (api/error_mapping.h).
  void Command(std::string_view kind, std::string_view outcome) EXCLUDES(mutex_);
  void Commit(std::size_t commands, std::chrono::nanoseconds batch,
              std::chrono::nanoseconds sync);
  void Shed() { shed_.fetch_add(1, std::memory_order_relaxed); }
  void AlertsRaised(std::size_t count) { alerts_raised_.fetch_add(count, std::memory_order_relaxed); }
  void AlertDelivered(std::chrono::seconds lag);
  void AlertSetAside() { alerts_undelivered_.fetch_add(1, std::memory_order_relaxed); }
  // A daily export run ended at `unix_seconds`.
  void ExportFinished(std::int64_t unix_seconds, bool ok);
  void StartupReplay(std::chrono::nanoseconds took, std::uint64_t events);

  // Everything, in the Prometheus text format.
  std::string Render(const LiveFigures& live) const EXCLUDES(mutex_);

 private:
  mutable Mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::uint64_t> requests_ GUARDED_BY(mutex_);
  std::map<std::string, Histogram> request_seconds_ GUARDED_BY(mutex_);
  std::map<std::pair<std::string, std::string>, std::uint64_t> commands_ GUARDED_BY(mutex_);

  Histogram batch_commands_;
  Histogram batch_seconds_;
  Histogram sync_seconds_;
  Histogram delivery_lag_seconds_;
  std::atomic<std::uint64_t> shed_{0};
  std::atomic<std::uint64_t> alerts_raised_{0};
  std::atomic<std::uint64_t> alerts_delivered_{0};
  std::atomic<std::uint64_t> alerts_undelivered_{0};
  std::atomic<std::int64_t> export_last_run_{0};
  std::atomic<std::int64_t> export_last_success_{0};
  std::atomic<int> export_last_ok_{-1};  // -1: no run since start
  std::atomic<double> replay_seconds_{0};
  std::atomic<std::uint64_t> replay_events_{0};
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_TELEMETRY_H_
