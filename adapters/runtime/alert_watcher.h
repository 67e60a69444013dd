// AlertWatcher: the deadline watch (engine/alerts/deadline_watch.h) on the
// engine thread, with one timer for the earliest moment of every open
// dossier (docs/architecture.md "Deadlines and alerts").
//
//   start      after replay: track every dossier, then raise every moment
//              that passed while the server was down, once each, marked
//              late_fired, in transactions of max_alerts_per_commit. The
//              first is committed before Start returns, so that after a
//              short downtime every missed moment is recorded before the
//              first request; after a long one (818,130 moments at a million
//              open dossiers, tools/bench) the rest follow one transaction
//              per engine-thread job, with the commands that arrived in
//              between served between them. Then arm the timer;
//   commit     after every durable batch (EngineObserver::Committed): track
//              the dossiers it touched and re-arm;
//   timer      take the moments due at the clock's now, import them as
//              AlertRaised events into the engine's batch and commit them
//              with the commands waiting (group commit), then re-arm. A
//              failed commit re-queues its moments and retries with a
//              backoff (1 s doubling to 1 min), never in a tight loop;
//   release    each committed alert is published to the hub (the live event
//              streams) once its deliver_at has come. deliver_at is decided
//              when it is raised: its own time, or the next opening when it
//              is raised outside office hours and deliver_outside_office_hours
//              is off. Alerts still held when the server stops are read back
//              from the `alerts` table at the next start.
//
// Time comes from the Clock port. With a test clock (wall_clock_timer off)
// no timer waits for a future moment: time moves only through Advance(),
// which evaluates at once, so tests never sleep. A real timer never sleeps
// longer than max_sleep before asking the clock again, so a wall-clock jump
// delays an alert by that much at most; alerts fire within a second of their
// moment (the clock port counts whole seconds).
//
// Thread safety: Start() and Advance() may be called from any thread (they
// post to the engine thread); everything else runs on the engine thread.
// The watcher must outlive the EngineService's Stop().
#ifndef MOTCUA_ADAPTERS_RUNTIME_ALERT_WATCHER_H_
#define MOTCUA_ADAPTERS_RUNTIME_ALERT_WATCHER_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "adapters/runtime/alert_hub.h"
#include "adapters/net/asio.h"
#include "adapters/runtime/engine_service.h"
#include "adapters/runtime/request_log.h"
#include "adapters/runtime/telemetry.h"
#include "engine/alerts/deadline_watch.h"
#include "engine/ports/clock.h"
#include "motcua/v1/alerts.pb.h"

namespace motcua::runtime {

struct AlertWatcherOptions {
  // The SQLite file of the engine's log: its `alerts` table is read once at
  // start, on a connection of the watcher's own (the EventLog port knows no
  // projections).
  std::string db_path;
  alerts::WatchOptions watch = {};  // the apology lead
  bool deliver_outside_office_hours = false;
  // Off with a test clock: see the header comment.
  bool wall_clock_timer = true;
  std::chrono::steady_clock::duration max_sleep = std::chrono::minutes(5);
  // Where raised alerts are counted (nullptr: nowhere); must outlive the
  // watcher.
  Telemetry* telemetry = nullptr;
  // The most alerts committed in one transaction (tests make it small).
  std::size_t max_alerts_per_commit = alerts::kMaxAlertsPerCommit;
};

class AlertWatcher final : public EngineObserver {
 public:
  // `service`, `clock`, `hub` and `log` must outlive the watcher.
  // `on_committed` (may be empty) runs on the engine thread after every
  // batch that committed alerts, and after Advance(): the webhook's wake-up;
  // it must not block.
  AlertWatcher(EngineService& service, const Clock& clock, AlertHub& hub, RequestLog& log,
               AlertWatcherOptions options, std::function<void()> on_committed);

  AlertWatcher(const AlertWatcher&) = delete;
  AlertWatcher& operator=(const AlertWatcher&) = delete;

  // Registers with the service and starts as described above; returns once
  // the first transaction of missed moments is committed. The service must
  // be started.
  void Start();
  // The clock has moved: finishes the catch-up if one is under way, then
  // evaluates and releases at the new now on the engine thread, and calls
  // `done` there with the number of alerts raised at the new now
  // (committed before `done` runs).
  void Advance(std::function<void(std::size_t raised)> done);

  // EngineObserver.
  void Committed(const engine::CommitBatch& batch) override;
  void AfterExclusive() override;
  void Stopping() override;

 private:
  struct Held {
    std::int64_t deliver_at;
    v1::Alert alert;
    bool operator>(const Held& o) const {
      return deliver_at != o.deliver_at ? deliver_at > o.deliver_at : alert.id() > o.alert.id();
    }
  };

  // Raises what is due now, in transactions of max_alerts_per_commit;
  // the number of alerts committed.
  std::size_t Evaluate(bool late_fired);
  struct Batch {
    std::size_t raised = 0;  // alerts committed
    bool more = false;       // it was full and went through: more may be due
    bool failed = false;     // its commit failed, or an earlier one's retry is not due yet
  };
  // One transaction of them.
  Batch EvaluateBatch(bool late_fired);
  // One transaction of the moments missed while down; ends the catch-up
  // when none is left. True while more remain. After a failed commit it
  // returns false with the catch-up still on: the timer retries it.
  bool CatchUpBatch();
  // The catch-up's next transaction, then the one after as a new job.
  void ContinueCatchUp();
  // Publishes every held alert whose time has come.
  void Release();
  // Waits for the next moment, held alert or retry, whichever comes first.
  void Arm();
  // Release, then Arm: what ends each round of raising.
  void ReleaseAndArm();
  void Cancel();
  void OnTimer(const beast::error_code& ec);
  Instant DeliverAt(Instant raised) const;

  EngineService& service_;
  const Clock& clock_;
  AlertHub& hub_;
  RequestLog& log_;
  const AlertWatcherOptions options_;
  const std::function<void()> on_committed_;

  // Engine thread state.
  alerts::DeadlineWatch watch_;
  net::steady_timer timer_;
  std::priority_queue<Held, std::vector<Held>, std::greater<>> held_;
  std::optional<std::int64_t> armed_for_;  // the moment the pending wait is for
  bool waiting_ = false;
  std::chrono::seconds backoff_{0};  // after a failed commit; 0 when none
  std::chrono::steady_clock::time_point retry_at_{};
  bool started_ = false;
  bool stopped_ = false;
  bool catching_up_ = false;     // moments missed while down remain to be raised
  std::size_t raised_late_ = 0;  // by the catch-up so far
  std::size_t catch_up_transactions_ = 0;
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_ALERT_WATCHER_H_
