// EventLog: the engine's durable, append-only log (implemented over SQLite in
// adapters/sqlite). Not thread-safe: one owner calls it, the engine's strand.
#ifndef MOTCUA_ENGINE_PORTS_EVENT_LOG_H_
#define MOTCUA_ENGINE_PORTS_EVENT_LOG_H_

#include <cstdint>
#include <functional>

#include "engine/base/status.h"
#include "engine/commit_batch.h"
#include "motcua/v1/event.pb.h"

namespace motcua {

class EventLog {
 public:
  virtual ~EventLog() = default;

  // Appends the batch's events (assigning each its seq, dense from the last
  // one), updates every projection and records the counters and idempotency
  // records, all in one transaction. When it returns OK the batch is durable;
  // when it returns an error nothing of it was written.
  virtual Status Commit(engine::CommitBatch& batch) = 0;

  // Calls `visit` for every event in seq order; stops at the first error.
  virtual Status ReadAll(const std::function<Status(const v1::Event&)>& visit) = 0;

  // The seq of the last committed event; 0 for an empty log.
  virtual std::uint64_t LastSeq() const = 0;
};

}  // namespace motcua

#endif  // MOTCUA_ENGINE_PORTS_EVENT_LOG_H_
