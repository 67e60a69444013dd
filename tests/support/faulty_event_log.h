// FaultyEventLog: an EventLog (engine/ports/event_log.h) that forwards to a
// real one and fails the commits a test chooses, as leveldb's fault-injecting
// Env fails writes: the engine service is handed the wrapper instead of the
// log (EngineService::OpenWithLog), and the test sees what it does when the
// disk refuses a batch. A failed commit forwards nothing, so the port's
// promise holds: an error means nothing of the batch was written.
//
// Thread safety: the plan (FailNthCommit) and the counts may be used from
// the test's thread while the owner's thread commits. Every other call is
// the wrapped log's and has its one owner.
#ifndef MOTCUA_TESTS_SUPPORT_FAULTY_EVENT_LOG_H_
#define MOTCUA_TESTS_SUPPORT_FAULTY_EVENT_LOG_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <utility>

#include "engine/ports/event_log.h"

namespace motcua::testing {

class FaultyEventLog final : public EventLog {
 public:
  explicit FaultyEventLog(std::unique_ptr<EventLog> real) : real_(std::move(real)) {}

  // The nth Commit() from now (1: the next one) fails with kStorage; 0
  // cancels a failure not yet reached.
  void FailNthCommit(std::uint64_t n);
  // Commit() calls so far, and how many of them were failed.
  std::uint64_t commits() const { return commits_.load(); }
  std::uint64_t failed() const { return failed_.load(); }

  Status Commit(engine::CommitBatch& batch) override;
  Status ReadAfter(std::uint64_t after,
                   const std::function<Status(const v1::Event&)>& visit) override {
    return real_->ReadAfter(after, visit);
  }
  Result<std::string> ChainHashAt(std::uint64_t seq) override { return real_->ChainHashAt(seq); }
  Status ReadDossier(std::string_view code,
                     const std::function<void(const v1::Event&)>& visit) override {
    return real_->ReadDossier(code, visit);
  }
  std::uint64_t LastSeq() const override { return real_->LastSeq(); }
  Result<std::optional<engine::IdempotencyRecord>> FindIdempotency(
      const std::string& actor, const std::string& key) override {
    return real_->FindIdempotency(actor, key);
  }
  Result<std::int64_t> PruneIdempotency(Instant before) override {
    return real_->PruneIdempotency(before);
  }

 private:
  const std::unique_ptr<EventLog> real_;
  std::atomic<std::uint64_t> commits_{0};
  std::atomic<std::uint64_t> fail_at_{0};  // the Commit() call that fails; 0: none
  std::atomic<std::uint64_t> failed_{0};
};

}  // namespace motcua::testing

#endif  // MOTCUA_TESTS_SUPPORT_FAULTY_EVENT_LOG_H_
