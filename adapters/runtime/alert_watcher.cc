#include "adapters/runtime/alert_watcher.h"

#include <algorithm>
#include <future>
#include <set>
#include <string>

#include "adapters/runtime/alert_message.h"
#include "adapters/sqlite/alert_queries.h"
#include "adapters/sqlite/database.h"
#include "engine/base/proto_time.h"

namespace motcua::runtime {

namespace {

constexpr std::chrono::seconds kFirstBackoff{1};
constexpr std::chrono::seconds kMaxBackoff{60};

}  // namespace

AlertWatcher::AlertWatcher(EngineService& service, const Clock& clock, AlertHub& hub,
                           RequestLog& log, AlertWatcherOptions options,
                           std::function<void()> on_committed)
    : service_(service),
      clock_(clock),
      hub_(hub),
      log_(log),
      options_(options),
      on_committed_(std::move(on_committed)),
      watch_(service.engine_on_thread(), options.watch),
      timer_(service.executor()) {}

void AlertWatcher::Start() {
  service_.SetObserver(this);
  std::promise<void> started;
  std::future<void> done = started.get_future();
  net::post(service_.executor(), [this, &started] {
    const std::int64_t now = ToUnixSeconds(clock_.Now());
    // Alerts committed before a restart whose delivery time has not come.
    // Read on the engine thread, so that no alert commits in between.
    auto db = sqlite::Database::Open(options_.db_path, sqlite::Database::Mode::kReadOnly);
    auto held = db.ok() ? sqlite::AlertsHeldAfter(**db, now)
                        : Result<std::vector<sqlite::AlertRow>>(db.status());
    if (!held.ok()) {
      log_.Error("alerts: cannot read the held alerts: " + held.status().ToString());
    } else {
      for (const sqlite::AlertRow& row : *held) held_.push({row.deliver_at, AlertFromRow(row)});
    }
    watch_.TrackAll();
    started_ = true;
    catching_up_ = true;
    if (CatchUpBatch()) {
      log_.Note("alerts: " + std::to_string(raised_late_) +
                " moment(s) missed while down raised late before serving; the rest follow "
                "between requests");
      net::post(service_.executor(), [this] { ContinueCatchUp(); });
    } else {
      ReleaseAndArm();
    }
    started.set_value();
  });
  done.wait();
}

bool AlertWatcher::CatchUpBatch() {
  const Batch batch = EvaluateBatch(/*late_fired=*/true);
  raised_late_ += batch.raised;
  if (batch.raised > 0) ++catch_up_transactions_;
  if (batch.more) return true;
  if (batch.failed) return false;  // still catching up: the timer retries
  catching_up_ = false;
  log_.Note("alerts: watching " + std::to_string(watch_.pending()) + " moment(s); " +
            std::to_string(raised_late_) + " missed while down raised late (" +
            std::to_string(catch_up_transactions_) + " transaction(s)); " +
            std::to_string(held_.size()) + " held for office hours");
  return false;
}

void AlertWatcher::ContinueCatchUp() {
  if (!catching_up_ || stopped_) return;  // finished meanwhile (Advance), or stopping
  if (CatchUpBatch()) {
    // Posted behind the jobs queued meanwhile: their commands go first.
    net::post(service_.executor(), [this] { ContinueCatchUp(); });
    return;
  }
  ReleaseAndArm();
}

void AlertWatcher::Advance(std::function<void(std::size_t)> done) {
  net::post(service_.executor(), [this, done = std::move(done)] {
    std::size_t raised = 0;
    if (started_ && !stopped_) {
      while (catching_up_ && CatchUpBatch()) {
      }
      raised = Evaluate(/*late_fired=*/false);
      ReleaseAndArm();
    }
    if (on_committed_) on_committed_();  // held webhook deliveries may be due now
    done(raised);
  });
}

Instant AlertWatcher::DeliverAt(Instant raised) const {
  if (options_.deliver_outside_office_hours) return raised;
  auto opening = service_.engine_on_thread().calendar().ClockStart(raised);
  return opening.ok() ? *opening : raised;
}

std::size_t AlertWatcher::Evaluate(bool late_fired) {
  std::size_t raised = 0;
  for (Batch batch{.more = true}; batch.more;) {
    batch = EvaluateBatch(late_fired);
    raised += batch.raised;
  }
  return raised;
}

AlertWatcher::Batch AlertWatcher::EvaluateBatch(bool late_fired) {
  if (std::chrono::steady_clock::now() < retry_at_) return {.failed = true};
  // Late-fired: the catch-up, which takes the moments missed while down in
  // the order of their dossiers (deadline_watch.h TakeMissed).
  const std::size_t max = options_.max_alerts_per_commit;
  std::vector<v1::Event> due =
      late_fired ? watch_.TakeMissed(clock_.Now(), max) : watch_.TakeDue(clock_.Now(), false, max);
  if (due.empty()) return {};
  const engine::Engine& engine = service_.engine_on_thread();
  std::vector<std::uint32_t> dossiers;
  for (v1::Event& e : due) {
    dossiers.push_back(engine.IdOf(e.dossier_code()));
    SetInstant(DeliverAt(ToInstant(e.at())), e.mutable_alert_raised()->mutable_deliver_at());
  }
  const std::size_t taken = due.size();
  std::vector<Status> refused;
  Status durable = service_.CommitSystemEvents(std::move(due), refused);
  // The DeadlineWatch contract: re-track every taken dossier, committed or
  // not, so that its remaining (or failed) moments are queued again.
  for (std::uint32_t id : dossiers) watch_.Track(id);
  if (durable.ok() && options_.telemetry) options_.telemetry->AlertsRaised(taken - refused.size());
  if (durable.ok() && refused.empty()) {
    backoff_ = std::chrono::seconds(0);
    return {.raised = taken, .more = taken == options_.max_alerts_per_commit};
  }
  // Do not retry at once: the moments are due, so the timer would fire
  // again immediately and spin on a failing disk.
  backoff_ = backoff_.count() == 0 ? kFirstBackoff : std::min(backoff_ * 2, kMaxBackoff);
  retry_at_ = std::chrono::steady_clock::now() + backoff_;
  std::string why = durable.ok() ? refused.front().ToString() : durable.ToString();
  log_.Error("alerts: could not record " + std::to_string(taken) + " alert(s) (" + why +
            "); retrying in " + std::to_string(backoff_.count()) + "s");
  return {.raised = durable.ok() ? taken - refused.size() : 0, .failed = true};
}

void AlertWatcher::Committed(const engine::CommitBatch& batch) {
  if (!started_) return;  // Start()'s TrackAll covers everything before it
  const engine::Engine& engine = service_.engine_on_thread();
  const std::int64_t now = ToUnixSeconds(clock_.Now());
  bool alerts = false;
  for (const engine::PendingEvent& p : batch.events) {
    const v1::Event& e = p.event;
    if (e.dossier_code().empty()) continue;
    if (std::uint32_t id = engine.IdOf(e.dossier_code()); id != engine::Engine::kNoDossier) {
      watch_.Track(id);
    }
    if (e.kind_case() != v1::Event::kAlertRaised) continue;
    alerts = true;
    v1::Alert alert = AlertFromEvent(e);
    const std::int64_t deliver_at = Seconds(alert.deliver_at());
    if (deliver_at <= now) {
      hub_.Publish(alert);
    } else {
      held_.push({deliver_at, std::move(alert)});
    }
  }
  if (alerts && on_committed_) on_committed_();
  Arm();
}

void AlertWatcher::AfterExclusive() {
  if (!started_ || stopped_) return;
  // A history import or a calendar reload may have changed any dossier.
  watch_.TrackAll();
  Arm();
}

void AlertWatcher::Stopping() {
  stopped_ = true;
  Cancel();
}

void AlertWatcher::Cancel() {
  if (!waiting_) return;
  waiting_ = false;
  armed_for_.reset();
  timer_.cancel();
}

void AlertWatcher::Release() {
  const std::int64_t now = ToUnixSeconds(clock_.Now());
  while (!held_.empty() && held_.top().deliver_at <= now) {
    hub_.Publish(held_.top().alert);
    held_.pop();
  }
}

void AlertWatcher::ReleaseAndArm() {
  Release();
  Arm();
}

void AlertWatcher::Arm() {
  if (!started_ || stopped_) return;
  // The catch-up's own jobs raise the late moments; the timer only retries
  // one whose commit failed.
  if (catching_up_ && std::chrono::steady_clock::now() >= retry_at_) return;
  std::optional<std::int64_t> next;
  if (auto moment = watch_.NextMoment()) next = ToUnixSeconds(*moment);
  if (!held_.empty()) next = std::min(next.value_or(held_.top().deliver_at), held_.top().deliver_at);
  if (!next) {
    Cancel();
    return;
  }
  const auto now_steady = std::chrono::steady_clock::now();
  const bool retrying = now_steady < retry_at_;
  if (waiting_ && armed_for_ == next && !retrying) return;  // already waiting for it
  const std::int64_t now = ToUnixSeconds(clock_.Now());
  auto delay = std::chrono::steady_clock::duration(std::chrono::seconds(std::max<std::int64_t>(0, *next - now)));
  if (delay.count() > 0 && !options_.wall_clock_timer) {
    // A test clock: the moment comes when the test moves the clock.
    Cancel();
    return;
  }
  delay = std::min(delay, options_.max_sleep);
  if (retrying) delay = std::max<std::chrono::steady_clock::duration>(delay, retry_at_ - now_steady);
  armed_for_ = next;
  waiting_ = true;
  timer_.expires_after(delay);  // cancels a pending wait (its handler sees operation_aborted)
  timer_.async_wait([this](const beast::error_code& ec) { OnTimer(ec); });
}

void AlertWatcher::OnTimer(const beast::error_code& ec) {
  // Re-armed (a newer wait is pending) or cancelled (Cancel() has reset
  // the state): nothing to do either way.
  if (ec == net::error::operation_aborted) return;
  waiting_ = false;
  if (stopped_) return;
  if (catching_up_) {  // a retry of the catch-up
    ContinueCatchUp();
    return;
  }
  Evaluate(/*late_fired=*/false);
  ReleaseAndArm();
}

}  // namespace motcua::runtime
