#include "adapters/runtime/telemetry.h"

#include <algorithm>
#include <charconv>
#include <system_error>

namespace motcua::runtime {

namespace {

// Seconds: a cached read is under a millisecond, a commit a few, a
// statistics export may take seconds.
const std::vector<double> kLatencyBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                            0.25,  0.5,    1,     2.5,  5,     10};
// Commands per commit: 1 at a quiet counter, up to max_batch (512) under load.
const std::vector<double> kBatchBounds = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
// Seconds from an alert's delivery time to its delivery: retries back off
// to hours.
const std::vector<double> kLagBounds = {1, 5, 15, 60, 300, 900, 3600, 14400, 86400};

// The shortest text that reads back as `value` ("0.0025", not
// "0.0025000000000000001"): bucket bounds are label values, compared as text.
std::string Number(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : "NaN";
}

// A label value as the text format wants it: backslash, quote and newline
// escaped.
std::string Escaped(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

class Writer {
 public:
  void Head(std::string_view name, std::string_view type, std::string_view help) {
    out_ += "# HELP ";
    out_ += name;
    out_ += ' ';
    out_ += help;
    out_ += "\n# TYPE ";
    out_ += name;
    out_ += ' ';
    out_ += type;
    out_ += '\n';
  }
  // `labels`: already rendered, "" or `a="b",c="d"`.
  void Sample(std::string_view name, const std::string& labels, double value) {
    out_ += name;
    if (!labels.empty()) out_ += "{" + labels + "}";
    out_ += ' ';
    out_ += Number(value);
    out_ += '\n';
  }
  void Single(std::string_view name, std::string_view type, std::string_view help, double value) {
    Head(name, type, help);
    Sample(name, "", value);
  }
  void HistogramSamples(std::string_view name, const std::string& labels, const Histogram& h) {
    const Histogram::Counts counts = h.Read();
    const std::string prefix = labels.empty() ? "" : labels + ",";
    for (std::size_t i = 0; i < h.bounds().size(); ++i) {
      Sample(std::string(name) + "_bucket", prefix + "le=\"" + Number(h.bounds()[i]) + "\"",
             static_cast<double>(counts.cumulative[i]));
    }
    Sample(std::string(name) + "_bucket", prefix + "le=\"+Inf\"",
           static_cast<double>(counts.cumulative.back()));
    Sample(std::string(name) + "_sum", labels, counts.sum);
    Sample(std::string(name) + "_count", labels, static_cast<double>(counts.cumulative.back()));
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

double Seconds(std::chrono::nanoseconds d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

Histogram::Histogram(std::vector<double> bounds)
    : bounds_(std::move(bounds)),
      buckets_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {}

void Histogram::Observe(double value) {
  const std::size_t i = static_cast<std::size_t>(
      std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin());
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

Histogram::Counts Histogram::Read() const {
  Counts counts;
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    counts.cumulative.push_back(running);
  }
  counts.sum = sum_.load(std::memory_order_relaxed);
  return counts;
}

Telemetry::Telemetry()
    : batch_commands_(kBatchBounds),
      batch_seconds_(kLatencyBounds),
      sync_seconds_(kLatencyBounds),
      delivery_lag_seconds_(kLagBounds) {}

void Telemetry::Request(std::string_view route, unsigned status, std::chrono::nanoseconds latency) {
  MutexLock lock(mutex_);
  ++requests_[{std::string(route), std::to_string(status)}];
  request_seconds_.try_emplace(std::string(route), kLatencyBounds)
      .first->second.Observe(Seconds(latency));
}

void Telemetry::Command(std::string_view kind, std::string_view outcome) {
  MutexLock lock(mutex_);
  ++commands_[{std::string(kind), std::string(outcome)}];
}

void Telemetry::Commit(std::size_t commands, std::chrono::nanoseconds batch,
                       std::chrono::nanoseconds sync) {
  batch_commands_.Observe(static_cast<double>(commands));
  batch_seconds_.Observe(Seconds(batch));
  sync_seconds_.Observe(Seconds(sync));
}

void Telemetry::AlertDelivered(std::chrono::seconds lag) {
  alerts_delivered_.fetch_add(1, std::memory_order_relaxed);
  delivery_lag_seconds_.Observe(static_cast<double>(std::max<std::int64_t>(lag.count(), 0)));
}

void Telemetry::ExportFinished(std::int64_t unix_seconds, bool ok) {
  export_last_run_.store(unix_seconds);
  if (ok) export_last_success_.store(unix_seconds);
  export_last_ok_.store(ok ? 1 : 0);
}

void Telemetry::StartupReplay(std::chrono::nanoseconds took, std::uint64_t events) {
  replay_seconds_.store(Seconds(took));
  replay_events_.store(events);
}

std::string Telemetry::Render(const LiveFigures& live) const {
  Writer w;
  {
    MutexLock lock(mutex_);
    w.Head("motcua_http_requests_total", "counter", "HTTP requests answered, by route and status.");
    for (const auto& [key, count] : requests_) {
      w.Sample("motcua_http_requests_total",
               "route=\"" + Escaped(key.first) + "\",status=\"" + key.second + "\"",
               static_cast<double>(count));
    }
    w.Head("motcua_http_request_duration_seconds", "histogram",
           "Time from reading a request to writing its answer.");
    for (const auto& [route, histogram] : request_seconds_) {
      w.HistogramSamples("motcua_http_request_duration_seconds",
                         "route=\"" + Escaped(route) + "\"", histogram);
    }
    w.Head("motcua_commands_total", "counter", "Commands answered, by kind and outcome.");
    for (const auto& [key, count] : commands_) {
      w.Sample("motcua_commands_total",
               "kind=\"" + Escaped(key.first) + "\",outcome=\"" + Escaped(key.second) + "\"",
               static_cast<double>(count));
    }
  }
  w.Head("motcua_commit_batch_commands", "histogram", "Commands per committed transaction.");
  w.HistogramSamples("motcua_commit_batch_commands", "", batch_commands_);
  w.Head("motcua_commit_batch_duration_seconds", "histogram",
         "Time from a batch's first command to its durable commit.");
  w.HistogramSamples("motcua_commit_batch_duration_seconds", "", batch_seconds_);
  w.Head("motcua_commit_sync_seconds", "histogram",
         "Time the log took to write a batch: its events, the projections and the COMMIT "
         "with its fsync.");
  w.HistogramSamples("motcua_commit_sync_seconds", "", sync_seconds_);
  w.Single("motcua_engine_queue_depth", "gauge", "Commands accepted and not yet answered.",
           static_cast<double>(live.queue_depth));
  w.Single("motcua_engine_shed_total", "counter",
           "Commands refused because the engine's queue was full.",
           static_cast<double>(shed_.load()));
  if (live.engine_answered) {
    w.Head("motcua_dossiers_open", "gauge", "Dossiers not finished, by status.");
    for (const auto& [status, count] : live.open_by_status) {
      w.Sample("motcua_dossiers_open", "status=\"" + Escaped(status) + "\"",
               static_cast<double>(count));
    }
    w.Single("motcua_dossiers_overdue", "gauge",
             "Open dossiers past the deadline the office works to, clock running.",
             static_cast<double>(live.overdue));
  }
  w.Single("motcua_alerts_raised_total", "counter", "Alerts raised by the deadline watch.",
           static_cast<double>(alerts_raised_.load()));
  w.Single("motcua_alerts_delivered_total", "counter", "Alerts delivered to the webhook.",
           static_cast<double>(alerts_delivered_.load()));
  w.Single("motcua_alerts_undelivered_total", "counter",
           "Alerts the webhook could not take in time, set aside for a retry.",
           static_cast<double>(alerts_undelivered_.load()));
  w.Head("motcua_alert_delivery_lag_seconds", "histogram",
         "Time from an alert's delivery time to its delivery.");
  w.HistogramSamples("motcua_alert_delivery_lag_seconds", "", delivery_lag_seconds_);
  if (export_last_ok_.load() >= 0) {
    w.Single("motcua_export_last_run_timestamp_seconds", "gauge",
             "When the last daily export run ended (Unix time).",
             static_cast<double>(export_last_run_.load()));
    w.Single("motcua_export_last_ok", "gauge", "Whether the last daily export run succeeded.",
             export_last_ok_.load());
  }
  if (export_last_success_.load() != 0) {
    w.Single("motcua_export_last_success_timestamp_seconds", "gauge",
             "When the last successful daily export ended (Unix time).",
             static_cast<double>(export_last_success_.load()));
  }
  w.Single("motcua_startup_replay_seconds", "gauge", "Time the start-up replay of the log took.",
           replay_seconds_.load());
  w.Single("motcua_startup_replay_events", "gauge", "Events replayed at start-up.",
           static_cast<double>(replay_events_.load()));
  w.Single("motcua_ready", "gauge", "1 when /readyz answers ready.", live.ready ? 1 : 0);
  w.Single("motcua_database_bytes", "gauge", "Size of the database file.",
           static_cast<double>(live.database_bytes));
  w.Single("motcua_wal_bytes", "gauge", "Size of the database's write-ahead log.",
           static_cast<double>(live.wal_bytes));
  w.Single("motcua_disk_free_bytes", "gauge",
           "Space available on the database's file system.",
           static_cast<double>(live.disk_free_bytes));
  return w.Take();
}

}  // namespace motcua::runtime
