// EventLog: the engine's durable, append-only log, with the stored answers
// to requests that carried an idempotency key (implemented over SQLite in
// adapters/sqlite; the engine service takes any implementation, so a test can
// hand it a fake or a fault-injecting one, tests/support/faulty_event_log.h).
//
// Not thread-safe: one owner calls it, the engine's strand.
#ifndef MOTCUA_ENGINE_PORTS_EVENT_LOG_H_
#define MOTCUA_ENGINE_PORTS_EVENT_LOG_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "engine/base/time.h"
#include "engine/commit_batch.h"
#include "motcua/v1/event.pb.h"

namespace motcua {

class EventLog {
 public:
  virtual ~EventLog() = default;

  // Appends the batch's events (assigning each its seq, dense from the last
  // one), stores its idempotency records and whatever else the log keeps
  // beside the events (SQLite: every projection and the counters), all or
  // nothing. When it returns OK the batch is durable; when it returns an
  // error nothing of it was written and LastSeq() is unchanged.
  virtual Status Commit(engine::CommitBatch& batch) = 0;

  // Calls `visit` for every event after seq `after`, in seq order; stops at
  // the first error.
  virtual Status ReadAfter(std::uint64_t after,
                           const std::function<Status(const v1::Event&)>& visit) = 0;
  Status ReadAll(const std::function<Status(const v1::Event&)>& visit) {
    return ReadAfter(0, visit);
  }

  // The chain hash stored with event `seq` (a snapshot's stamp is checked
  // against it); kNotFound when the log holds no such event.
  virtual Result<std::string> ChainHashAt(std::uint64_t seq) = 0;

  // Calls `visit` for each committed event of dossier `code` in seq order;
  // none for an unknown code. kCorrupt naming the seq if one is unreadable.
  virtual Status ReadDossier(std::string_view code,
                             const std::function<void(const v1::Event&)>& visit) = 0;

  // The seq of the last committed event; 0 for an empty log.
  virtual std::uint64_t LastSeq() const = 0;

  // The stored answer to (actor, key), if a request with that key was
  // committed (CommitBatch::idempotency) and not pruned since.
  virtual Result<std::optional<engine::IdempotencyRecord>> FindIdempotency(
      const std::string& actor, const std::string& key) = 0;

  // Deletes the idempotency records made before `before` (durably, on its
  // own, outside any batch); returns how many. Their keys can then be used
  // again.
  virtual Result<std::int64_t> PruneIdempotency(Instant before) = 0;
};

}  // namespace motcua

#endif  // MOTCUA_ENGINE_PORTS_EVENT_LOG_H_
