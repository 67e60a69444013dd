// SnapshotWriter: writes the engine's snapshots (adapters/snapshot) on a
// thread of its own, so that the engine thread only copies its memory
// (EngineService takes the image between two batches) and goes on with the
// commands while the image is encoded, written and fsync'ed.
//
// One write at a time: the engine thread asks busy() before it copies, so
// a slow disk delays the next checkpoint rather than queueing images.
//
// Thread safety: Offer(), busy(), Wait() and last_written() from one thread
// (the engine's); the writes happen on the writer's.
#ifndef MOTCUA_ADAPTERS_RUNTIME_SNAPSHOT_WRITER_H_
#define MOTCUA_ADAPTERS_RUNTIME_SNAPSHOT_WRITER_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <thread>

#include "adapters/runtime/request_log.h"
#include "adapters/snapshot/snapshot_codec.h"
#include "engine/base/mutex.h"

namespace motcua::runtime {

class SnapshotWriter {
 public:
  // `log` (may be nullptr) must outlive the writer.
  SnapshotWriter(std::filesystem::path path, RequestLog* log);
  SnapshotWriter(const SnapshotWriter&) = delete;
  SnapshotWriter& operator=(const SnapshotWriter&) = delete;
  // Finishes the write in progress.
  ~SnapshotWriter();

  bool busy() const EXCLUDES(mutex_);
  // Starts writing `snapshot` on the writer's thread. Only when !busy().
  void Offer(snapshot::Snapshot snapshot) EXCLUDES(mutex_);
  // Waits for the write in progress, then writes `snapshot` on the calling
  // thread (at a stop, when nothing else is left to do).
  void WriteNow(snapshot::Snapshot snapshot) EXCLUDES(mutex_);
  // The seq of the last snapshot written whole (0: none yet).
  std::uint64_t last_written() const EXCLUDES(mutex_);

 private:
  void Run();
  void Write(snapshot::Snapshot snapshot);

  const std::filesystem::path path_;
  RequestLog* const log_;
  mutable Mutex mutex_;
  CondVar wake_;  // a job, a stop, or a write finished
  std::optional<snapshot::Snapshot> job_ GUARDED_BY(mutex_);
  bool writing_ GUARDED_BY(mutex_) = false;
  bool stop_ GUARDED_BY(mutex_) = false;
  std::uint64_t last_written_ GUARDED_BY(mutex_) = 0;
  std::thread thread_;  // last: started once the rest is set
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_SNAPSHOT_WRITER_H_
