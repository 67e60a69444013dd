#include "adapters/runtime/engine_service.h"

#include <exception>

#include "adapters/api/command_endpoints.h"
#include "adapters/projections/all_projections.h"
#include "adapters/snapshot/engine_restore.h"
#include "adapters/snapshot/snapshot_file.h"
#include "adapters/sqlite/integrity.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/command_target.h"
#include "engine/dossier/dossier_view.h"

namespace motcua::runtime {

namespace {

Status KeyConflict() {
  return Status(Error::kConflict,
                "Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới");
}

}  // namespace

Result<std::unique_ptr<EngineService>> EngineService::Open(
    EngineServiceOptions options, engine::EngineOptions engine_options,
    std::shared_ptr<const catalog::Catalog> catalog,
    std::shared_ptr<const calendar::WorkingCalendar> calendar, Clock& clock,
    SecretSource& secrets) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::SqliteEventLog> log,
                          sqlite::SqliteEventLog::Open(options.db_path,
                                                       projections::AllProjections()));
  {
    sqlite::IntegrityReport tail;
    MOTCUA_RETURN_IF_ERROR(sqlite::VerifyChainTail(log->db(), options.verify_tail_events, tail));
    if (!tail.ok()) {
      // Serving would extend a chain that no longer holds and answer from
      // events that were changed behind the engine's back.
      return Status(Error::kCorrupt,
                    "refusing to serve " + options.db_path + ": " + tail.chain_problem_en +
                        " (the hash chain of the last " +
                        std::to_string(options.verify_tail_events) +
                        " events is verified at start; see docs/operations.md, Integrity check)");
    }
  }
  return OpenWithLog(std::move(log), std::move(options), std::move(engine_options),
                     std::move(catalog), std::move(calendar), clock, secrets);
}

Result<std::unique_ptr<EngineService>> EngineService::OpenWithLog(
    std::unique_ptr<EventLog> log, EngineServiceOptions options,
    engine::EngineOptions engine_options, std::shared_ptr<const catalog::Catalog> catalog,
    std::shared_ptr<const calendar::WorkingCalendar> calendar, Clock& clock,
    SecretSource& secrets) {
  auto engine = std::make_unique<engine::Engine>(std::move(engine_options), catalog,
                                                 std::move(calendar), secrets);
  if (!options.snapshot_path.empty()) {
    if (std::size_t removed = snapshot::RemoveInterruptedWrites(options.snapshot_path);
        removed > 0 && options.log) {
      options.log->Note("snapshot: removed " + std::to_string(removed) +
                        " snapshot(s) a stop cut short while being written");
    }
  }
  MOTCUA_ASSIGN_OR_RETURN(snapshot::Start start,
                          snapshot::LoadEngine(options.snapshot_path, *log, *engine));
  if (options.log && !options.snapshot_path.empty() && !start.snapshot.ok()) {
    if (start.snapshot.code() == Error::kNotFound) {
      options.log->Note("snapshot: none yet; replayed the whole log");
    } else {
      options.log->Warning("snapshot: ignored, " + start.snapshot.message() +
                           "; replayed the whole log");
    }
  }
  std::unique_ptr<EngineService> service(new EngineService(
      std::move(options), std::move(log), std::move(engine), std::move(catalog), clock));
  service->replayed_events_ = start.replayed;
  service->snapshot_seq_at_start_ = start.snapshot_seq;
  service->snapshot_seq_ = start.snapshot_seq;
  return service;
}

EngineService::EngineService(EngineServiceOptions options,
                             std::unique_ptr<EventLog> log,
                             std::unique_ptr<engine::Engine> engine,
                             std::shared_ptr<const catalog::Catalog> catalog, Clock& clock)
    : options_(std::move(options)),
      log_(std::move(log)),
      engine_(std::move(engine)),
      catalog_(std::move(catalog)),
      clock_(clock),
      work_(std::in_place, ioc_.get_executor()),
      calendar_(engine_->calendar_ptr()),
      views_(*catalog_, kCachedViews) {
  if (!options_.snapshot_path.empty()) {
    snapshots_ = std::make_unique<SnapshotWriter>(options_.snapshot_path, options_.log);
  }
}

EngineService::~EngineService() { Stop(); }

void EngineService::Start() {
  net::post(ioc_, [this] { PruneIdempotency(); });
  thread_ = std::thread([this] { ioc_.run(); });
}

void EngineService::PruneIdempotency() {
  if (stopped_pruning_) return;
  Flush();  // the statement below commits on its own
  auto pruned = log_->PruneIdempotency(clock_.Now() - options_.idempotency_retention);
  // A failure costs only disk space until the next day's attempt; the
  // commands go on.
  if (options_.log != nullptr && (!pruned.ok() || *pruned > 0)) {
    if (pruned.ok()) {
      options_.log->Note("idempotency: deleted " + std::to_string(*pruned) +
                         " record(s) past their retention");
    } else {
      options_.log->Warning("idempotency: could not delete the records past their retention (" +
                            pruned.status().ToString() + "); will retry");
    }
  }
  prune_timer_.expires_after(options_.idempotency_prune_every);
  prune_timer_.async_wait([this](const boost::system::error_code& error) {
    if (!error) PruneIdempotency();
  });
}

Status EngineService::Submit(CommandRequest request, CommandCallback done) {
  MutexLock lock(submit_mutex_);
  if (stopping_) {
    return Status(Error::kOverloaded, "máy chủ đang dừng; hãy thử lại sau");
  }
  if (queued_.load() >= options_.max_pending) {
    if (options_.telemetry) options_.telemetry->Shed();
    return Status(Error::kOverloaded, "máy chủ đang quá tải; hãy thử lại sau ít giây");
  }
  ++queued_;
  net::post(ioc_, [this, request = std::move(request), done = std::move(done)]() mutable {
    OnCommand(std::move(request), std::move(done));
  });
  return Status::Ok();
}

std::shared_ptr<const calendar::WorkingCalendar> EngineService::calendar() const {
  MutexLock lock(calendar_mutex_);
  return calendar_;
}

Status EngineService::RunExclusive(ExclusiveJob job) {
  MutexLock lock(submit_mutex_);
  if (stopping_) return Status(Error::kOverloaded, "máy chủ đang dừng; hãy thử lại sau");
  net::post(ioc_, [this, job = std::move(job)] {
    Flush();  // the commands before it are durable and answered first
    job(*engine_, *log_);
    views_.Clear();  // the job may have changed any dossier
    MaybeSnapshot();  // and committed events of its own
    {
      MutexLock publish(calendar_mutex_);  // or the calendar
      calendar_ = engine_->calendar_ptr();
    }
    if (observer_) observer_->AfterExclusive();
  });
  return Status::Ok();
}

void EngineService::Stop() {
  {
    MutexLock lock(submit_mutex_);
    if (stopping_ && !work_) return;
    stopping_ = true;
  }
  // Queued behind every command already posted: they execute, then this
  // commits the last batch. With the work guard gone, run() returns once
  // nothing is left.
  net::post(ioc_, [this] {
    Flush();
    FinalSnapshot();
    stopped_pruning_ = true;
    prune_timer_.cancel();
    if (observer_) observer_->Stopping();
  });
  work_.reset();
  if (thread_.joinable()) {
    thread_.join();
  } else {
    ioc_.run();  // never started: drain on the caller's thread
  }
  log_.reset();
}

void EngineService::OnCommand(CommandRequest request, CommandCallback done) {
  if (pending_.empty() && batch_.empty()) batch_started_ = std::chrono::steady_clock::now();
  Pending p;
  p.done = std::move(done);
  if (const api::CommandEndpoint* endpoint = api::EndpointOf(request.command.kind_case())) {
    p.kind = endpoint->name;
  }
  std::pair<std::string, std::string> key{request.command.actor(), request.idempotency_key};
  if (!request.idempotency_key.empty()) {
    if (auto it = batch_keys_.find(key); it != batch_keys_.end()) {
      // The first request with this key is in the uncommitted batch: answer
      // this one with its result once the batch is durable.
      if (batch_fingerprints_[it->second] == request.fingerprint) {
        p.leader = it->second;
      } else {
        p.result.status = KeyConflict();
      }
    }
  }
  if (!p.leader && p.result.status.ok()) {
    bool records_key = false;
    try {
      p.result = Execute(request, records_key);
    } catch (const std::exception& e) {
      views_.Clear();  // a view may be half-updated
      // A broken invariant in one command must not take the engine thread
      // (and every other officer's command) down with it.
      p.result = CommandResult{Status(Error::kInternal, std::string("lỗi nội bộ: ") + e.what()),
                               {}, false};
    }
    if (records_key) {
      batch_keys_.emplace(key, pending_.size());
      batch_fingerprints_[pending_.size()] = request.fingerprint;
    }
  }
  pending_.push_back(std::move(p));

  if (pending_.size() >= options_.max_batch) {
    Flush();
  } else if (!flush_queued_) {
    // Behind every command already waiting in the queue: they join this batch.
    flush_queued_ = true;
    net::post(ioc_, [this] {
      flush_queued_ = false;
      Flush();
    });
  }
}

CommandResult EngineService::Execute(CommandRequest& request, bool& records_key) {
  CommandResult result;
  const std::string& actor = request.command.actor();
  if (!request.idempotency_key.empty()) {
    auto found = log_->FindIdempotency(actor, request.idempotency_key);
    if (!found.ok()) {
      result.status = found.status();
      return result;
    }
    if (found->has_value()) {
      const engine::IdempotencyRecord& record = **found;
      if (record.request_fingerprint != request.fingerprint) {
        result.status = KeyConflict();
      } else if (!result.reply.ParseFromString(record.response)) {
        result.status = Status(Error::kCorrupt, "câu trả lời đã lưu cho Idempotency-Key này hỏng");
      } else {
        result.replayed = true;
      }
      return result;
    }
  }

  // Load the target's view before executing, so that a read error refuses
  // the command before it has changed anything.
  dossier::DossierViewBuilder* view = nullptr;
  if (const std::string& target = engine::TargetCode(request.command); !target.empty()) {
    auto loaded = views_.Get(target, *log_);
    if (!loaded.ok()) {
      result.status = loaded.status();
      return result;
    }
    view = *loaded;
  }

  const Instant now = clock_.Now();
  auto outcome = engine_->Execute(request.command, now, batch_);
  if (!outcome.ok()) {
    result.status = outcome.status();
    return result;
  }
  // The engine names the dossier the command targets, or a new one when the
  // command names none (engine.h): a new dossier has no history to read.
  if (view == nullptr) view = views_.Fresh(outcome->dossier_code);
  // The log numbers the batch's events densely after its last seq
  // (EventLog::Commit), so the reply can carry them before the commit. The
  // view so far (the committed events and the batch's earlier commands') gets
  // this command's events.
  const std::uint64_t base = log_->LastSeq();
  for (std::size_t i = outcome->first_event; i < outcome->first_event + outcome->event_count;
       ++i) {
    v1::Event* e = result.reply.add_events();
    *e = batch_.events[i].event;
    e->set_seq(base + i + 1);
    if (e->dossier_code() == outcome->dossier_code) view->Add(*e);
  }
  *result.reply.mutable_dossier() = view->dossier();
  result.reply.set_lookup_secret(outcome->lookup_secret);
  if (!request.idempotency_key.empty()) {
    batch_.idempotency.push_back(engine::IdempotencyRecord{actor, request.idempotency_key,
                                                           request.fingerprint,
                                                           result.reply.SerializeAsString(),
                                                           ToUnixSeconds(now)});
    records_key = true;
  }
  return result;
}

void EngineService::SetObserver(EngineObserver* observer) {
  net::post(ioc_, [this, observer] { observer_ = observer; });
}

Status EngineService::CommitSystemEvents(std::vector<v1::Event> events,
                                         std::vector<Status>& refused) {
  if (pending_.empty() && batch_.empty()) batch_started_ = std::chrono::steady_clock::now();
  for (v1::Event& e : events) {
    views_.Forget(e.dossier_code());  // the cached view lacks this event
    if (Status s = engine_->Import(std::move(e), batch_); !s.ok()) refused.push_back(s);
  }
  Flush();
  return last_flush_;
}

void EngineService::Flush() {
  last_flush_ = Status::Ok();
  // A batch of system events alone has no command waiting on it.
  if (pending_.empty() && batch_.empty()) return;
  Status durable;
  if (!batch_.empty()) {
    const auto sync_started = std::chrono::steady_clock::now();
    durable = log_->Commit(batch_);
    const auto committed = std::chrono::steady_clock::now();
    if (options_.telemetry && durable.ok()) {
      options_.telemetry->Commit(pending_.size(), committed - batch_started_,
                                 committed - sync_started);
    }
    last_commit_failed_ = !durable.ok();
    if (durable.ok()) {
      engine_->Committed(batch_);
      if (observer_) observer_->Committed(batch_);
      batch_.clear();
      MaybeSnapshot();
    } else {
      engine_->Rollback(batch_);  // also clears the batch
      views_.Clear();             // views hold the undone events
    }
  }
  std::vector<Pending> done = std::move(pending_);
  pending_.clear();
  batch_keys_.clear();
  batch_fingerprints_.clear();
  for (Pending& p : done) {
    if (!durable.ok()) {
      // Every command of a failed batch fails, including those refused or
      // replayed: their answers were computed against state now undone.
      p.result = CommandResult{
          Status(Error::kStorage, "không ghi được vào sổ sự kiện: " + durable.message()), {},
          false};
    } else if (p.leader) {
      p.result = done[*p.leader].result;
      p.result.replayed = true;
    }
  }
  for (Pending& p : done) {
    --queued_;
    if (options_.telemetry) {
      options_.telemetry->Command(p.kind.empty() ? "unknown" : p.kind,
                                  p.result.status.ok() ? "ok"
                                                       : ErrorCodeName(p.result.status.code()));
    }
    p.done(std::move(p.result));
  }
  last_flush_ = durable;
}

std::optional<snapshot::Snapshot> EngineService::TakeSnapshot() {
  auto taken = snapshot::SnapshotOfHead(*log_, *engine_);
  if (!taken.ok()) {
    // The next checkpoint tries again; the previous snapshot stays.
    if (options_.log) options_.log->Warning("snapshot: not taken (" + taken.status().ToString() + ")");
    return std::nullopt;
  }
  return std::move(*taken);
}

void EngineService::MaybeSnapshot() {
  if (!snapshots_ || log_->LastSeq() < snapshot_seq_ + options_.snapshot_every_events ||
      snapshots_->busy()) {
    return;
  }
  if (auto taken = TakeSnapshot()) {
    snapshot_seq_ = taken->stamp.seq;
    snapshots_->Offer(std::move(*taken));
  }
}

void EngineService::FinalSnapshot() {
  // A failed last batch leaves memory rolled back to what the log holds, so
  // the image still matches it.
  if (!snapshots_ || log_->LastSeq() == snapshots_->last_written() ||
      log_->LastSeq() == snapshot_seq_at_start_) {
    return;
  }
  if (auto taken = TakeSnapshot()) snapshots_->WriteNow(std::move(*taken));
}

}  // namespace motcua::runtime
