#include "tests/support/faulty_event_log.h"

#include <string>

namespace motcua::testing {

void FaultyEventLog::FailNthCommit(std::uint64_t n) {
  fail_at_.store(n == 0 ? 0 : commits_.load() + n);
}

Status FaultyEventLog::Commit(engine::CommitBatch& batch) {
  const std::uint64_t call = ++commits_;
  if (call == fail_at_.load()) {
    ++failed_;
    return Status(Error::kStorage, "injected failure of commit " + std::to_string(call));
  }
  return real_->Commit(batch);
}

}  // namespace motcua::testing
