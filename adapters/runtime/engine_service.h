// EngineService: the engine's strand. It owns the Engine and the event log
// (the EventLog port: SqliteEventLog in the server, any implementation in a
// test, e.g. one that fails the Nth commit) and runs both on one dedicated
// thread with its own single-threaded io_context, so neither needs a lock.
//
// Commands arrive from any thread through Submit(). On the engine thread each
// is executed at once (later commands see its effects) into the current
// CommitBatch; a flush queued behind the commands already waiting then
// commits the whole batch in one transaction (group commit: one fsync for
// every command that arrived together) and only then completes every
// command's callback. If the commit fails, the engine's memory is rolled back
// and every command of the batch fails with kStorage: nothing is
// acknowledged before it is durable, and nothing is lost that was
// acknowledged. The service goes on: the next batch commits as usual (a
// full disk or a lock that clears heals without a restart).
//
// Idempotency (idempotency.h): a command with a key whose record is already
// committed gets the stored reply and writes nothing; one whose key is
// already used in the uncommitted batch waits for that batch and gets the
// same reply; the same key with a different request is kConflict. Records
// are kept for options.idempotency_retention: the engine thread deletes
// older ones at Start() and then once a day, so that the table holds a month
// of replies rather than every reply ever given.
//
// Thread safety: Submit() and Stop() may be called from any thread; the rest
// runs on the engine thread. Callbacks run on the engine thread and must not
// block (post the result to where it is needed).
#ifndef MOTCUA_ADAPTERS_RUNTIME_ENGINE_SERVICE_H_
#define MOTCUA_ADAPTERS_RUNTIME_ENGINE_SERVICE_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "adapters/net/asio.h"
#include "adapters/runtime/dossier_view_cache.h"
#include "adapters/runtime/request_log.h"
#include "adapters/runtime/snapshot_writer.h"
#include "adapters/runtime/telemetry.h"
#include "adapters/sqlite/integrity.h"
#include "engine/base/mutex.h"
#include "engine/engine.h"
#include "engine/ports/clock.h"
#include "engine/ports/event_log.h"
#include "motcua/v1/command.pb.h"

namespace motcua::runtime {

struct CommandRequest {
  v1::Command command;  // its actor already set from the authenticated user
  std::string idempotency_key;  // empty: none
  std::string fingerprint;      // api::RequestFingerprint(command) when a key is set
};

struct CommandResult {
  Status status;  // OK, or why the command was refused (nothing written)
  v1::CommandReply reply;  // when OK
  // The reply is the stored answer to an earlier request with the same key.
  bool replayed = false;
};

using CommandCallback = std::function<void(CommandResult)>;

// What the deadline watch (alert_watcher.h) hears from the engine thread.
// Every method runs on the engine thread and must not block or commit.
class EngineObserver {
 public:
  virtual ~EngineObserver() = default;
  // A batch is durable: its events carry their seqs, memory holds them.
  virtual void Committed(const engine::CommitBatch& batch) = 0;
  // A RunExclusive job ran: it may have changed any dossier or the calendar.
  virtual void AfterExclusive() = 0;
  // Stop(): the last batch is committed; cancel every timer on executor()
  // so that the engine thread can finish.
  virtual void Stopping() = 0;
};

struct EngineServiceOptions {
  std::string db_path;  // the SQLite log Open() opens; unused by OpenWithLog()
  // Commands accepted but not yet completed; more are refused (kOverloaded).
  std::size_t max_pending = 20000;
  // Commands per transaction at most; a full batch is committed at once.
  std::size_t max_batch = 512;
  // How long a retry with the same Idempotency-Key gets the stored reply.
  // A client retries within seconds; a month leaves room for a desk that
  // was offline for a long holiday.
  std::chrono::hours idempotency_retention{24 * 30};
  // How often the records past it are deleted (a steady clock).
  std::chrono::milliseconds idempotency_prune_every = std::chrono::hours(24);
  // Where the pruning of those records is noted (nullptr: nowhere); must
  // outlive the service.
  RequestLog* log = nullptr;
  // Open() verifies the last this many events' stored hashes (recomputed
  // and linked to their predecessors) before replaying, and refuses a log
  // where they do not match (sqlite/integrity.h kStartupTailEvents: why
  // the tail and not the whole chain).
  std::uint64_t verify_tail_events = sqlite::kStartupTailEvents;
  // Where commands, commits and shed load are counted for /metrics
  // (nullptr: nowhere); must outlive the service.
  Telemetry* telemetry = nullptr;
  // The engine's snapshot file (adapters/snapshot; empty: none). Loaded at
  // start when it matches the log, so that only the events after it are
  // replayed; written by a thread of its own once this many events were
  // committed after the last one, and at Stop().
  std::string snapshot_path = {};
  std::uint64_t snapshot_every_events = 100000;
};

class EngineService {
 public:
  // Opens (creating and migrating if needed) the log at options.db_path and
  // replays it into a new engine. `clock` and `secrets` must outlive the
  // service. The engine thread is not started yet.
  static Result<std::unique_ptr<EngineService>> Open(
      EngineServiceOptions options, engine::EngineOptions engine_options,
      std::shared_ptr<const catalog::Catalog> catalog,
      std::shared_ptr<const calendar::WorkingCalendar> calendar, Clock& clock,
      SecretSource& secrets);
  // The same over a log the caller opened (a test's fake, or a
  // fault-injecting wrapper around a real one): replays `log` into a new
  // engine.
  static Result<std::unique_ptr<EngineService>> OpenWithLog(
      std::unique_ptr<EventLog> log, EngineServiceOptions options,
      engine::EngineOptions engine_options, std::shared_ptr<const catalog::Catalog> catalog,
      std::shared_ptr<const calendar::WorkingCalendar> calendar, Clock& clock,
      SecretSource& secrets);

  EngineService(const EngineService&) = delete;
  EngineService& operator=(const EngineService&) = delete;
  // Stop()s if still running.
  ~EngineService();

  // Starts the engine thread; its first job deletes the idempotency records
  // past their retention.
  void Start();

  // Queues `request`. OK: `done` will be called exactly once, on the engine
  // thread, after the command's batch is committed (or has failed). An error
  // (kOverloaded when max_pending commands wait, or once stopping) means the
  // request was not taken and `done` will never be called.
  Status Submit(CommandRequest request, CommandCallback done) EXCLUDES(submit_mutex_);

  // Runs `job` on the engine thread once the batch in progress is committed,
  // with the engine and the log to itself: for work that commits a batch of
  // its own (a history import, all or nothing: stats_endpoints.h). Commands
  // wait behind it. Refused like Submit() once stopping.
  using ExclusiveJob = std::function<void(engine::Engine&, EventLog&)>;
  Status RunExclusive(ExclusiveJob job) EXCLUDES(submit_mutex_);

  // Refuses further commands, executes and commits everything already
  // queued, completes every callback, joins the engine thread and closes
  // the log. Idempotent.
  void Stop() EXCLUDES(submit_mutex_);

  // The deadline watch beside the engine. SetObserver takes effect
  // on the engine thread, after what was posted before it; `observer` must
  // outlive Stop().
  void SetObserver(EngineObserver* observer);
  // The engine thread's executor, for timers and work that must run there.
  net::io_context::executor_type executor() { return ioc_.get_executor(); }
  // Engine thread only.
  const engine::Engine& engine_on_thread() const { return *engine_; }
  EventLog& log_on_thread() { return *log_; }
  // Engine thread only: imports the engine's own events (alerts) into the
  // batch in progress and commits it at once with the commands already in
  // it (group commit), completing their callbacks. An event the engine
  // refuses is left out and its error appended to `refused`. Returns the
  // commit's status.
  Status CommitSystemEvents(std::vector<v1::Event> events, std::vector<Status>& refused);

  // Commands taken by Submit() and not yet completed.
  std::size_t pending() const { return queued_.load(); }
  // Events replayed at Open.
  std::uint64_t replayed_events() const { return replayed_events_; }
  // The seq the start's snapshot covered (0: none was loaded).
  std::uint64_t snapshot_seq_at_start() const { return snapshot_seq_at_start_; }
  // The last batch's commit failed (a full disk, a read-only file): the
  // server answers kStorage until one succeeds (readiness.h). Any thread.
  bool last_commit_failed() const { return last_commit_failed_.load(); }
  const catalog::Catalog& catalog() const { return *catalog_; }
  // The calendar the engine times commands with, for reads on other threads
  // (the desk's time left, the appointment preview): republished after every
  // RunExclusive job, the only place the engine's calendar changes.
  std::shared_ptr<const calendar::WorkingCalendar> calendar() const EXCLUDES(calendar_mutex_);

 private:
  struct Pending {
    CommandCallback done;
    CommandResult result;
    // In-batch duplicate of pending_[leader] under the same key: completes
    // with the leader's result.
    std::optional<std::size_t> leader;
    std::string_view kind;  // the command's API name, for the telemetry
  };

  EngineService(EngineServiceOptions options, std::unique_ptr<EventLog> log,
                std::unique_ptr<engine::Engine> engine,
                std::shared_ptr<const catalog::Catalog> catalog, Clock& clock);

  // Engine thread only, from here on.
  void OnCommand(CommandRequest request, CommandCallback done);
  // Validates and executes `request` into batch_; the result to answer with
  // once the batch is durable.
  CommandResult Execute(CommandRequest& request, bool& records_idempotency);
  void Flush();
  // Deletes the idempotency records past their retention (after committing
  // the batch in progress), then again options_.idempotency_prune_every later.
  void PruneIdempotency();
  // After a durable commit: hands an image of the engine to the snapshot
  // writer once options_.snapshot_every_events were committed since the
  // last one and the writer is idle.
  void MaybeSnapshot();
  // At Stop(): the image of everything committed, written before returning.
  void FinalSnapshot();
  // The image of everything committed, stamped with the log's head;
  // nullopt (and a warning) when the head cannot be read.
  std::optional<snapshot::Snapshot> TakeSnapshot();

  const EngineServiceOptions options_;
  std::unique_ptr<EventLog> log_;
  std::unique_ptr<engine::Engine> engine_;
  std::shared_ptr<const catalog::Catalog> catalog_;
  Clock& clock_;
  std::uint64_t replayed_events_ = 0;
  std::uint64_t snapshot_seq_at_start_ = 0;
  // The seq of the last image taken or loaded (engine thread).
  std::uint64_t snapshot_seq_ = 0;
  std::unique_ptr<SnapshotWriter> snapshots_;  // nullptr: no snapshot_path

  net::io_context ioc_{1};
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work_;
  net::steady_timer prune_timer_{ioc_};
  std::thread thread_;

  // Guards the decision to post: a Submit racing Stop either posts before
  // the engine thread is told to finish, or is refused.
  Mutex submit_mutex_;
  bool stopping_ GUARDED_BY(submit_mutex_) = false;
  std::atomic<std::size_t> queued_{0};
  std::atomic<bool> last_commit_failed_{false};

  mutable Mutex calendar_mutex_;
  std::shared_ptr<const calendar::WorkingCalendar> calendar_ GUARDED_BY(calendar_mutex_);

  // Engine thread state.
  // Enough for every desk's dossiers in flight, a few kilobytes each.
  static constexpr std::size_t kCachedViews = 1024;
  DossierViewCache views_;
  engine::CommitBatch batch_;
  std::vector<Pending> pending_;
  // When the batch in progress took its first command or event.
  std::chrono::steady_clock::time_point batch_started_;
  // (actor, key) of the uncommitted batch → index in pending_ of its leader.
  std::map<std::pair<std::string, std::string>, std::size_t> batch_keys_;
  // Fingerprints of the leaders, by the same index.
  std::map<std::size_t, std::string> batch_fingerprints_;
  bool flush_queued_ = false;
  // Set by Stop(): a prune whose timer had already fired does nothing and
  // arms nothing, so that the engine thread can finish.
  bool stopped_pruning_ = false;
  EngineObserver* observer_ = nullptr;
  Status last_flush_;  // the last Flush()'s commit
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_ENGINE_SERVICE_H_
