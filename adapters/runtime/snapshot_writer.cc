#include "adapters/runtime/snapshot_writer.h"

#include <chrono>
#include <string>
#include <utility>

#include "adapters/snapshot/snapshot_file.h"

namespace motcua::runtime {

SnapshotWriter::SnapshotWriter(std::filesystem::path path, RequestLog* log)
    : path_(std::move(path)), log_(log), thread_([this] { Run(); }) {}

SnapshotWriter::~SnapshotWriter() {
  {
    MutexLock lock(mutex_);
    stop_ = true;
  }
  wake_.NotifyAll();
  thread_.join();
}

bool SnapshotWriter::busy() const {
  MutexLock lock(mutex_);
  return writing_ || job_.has_value();
}

std::uint64_t SnapshotWriter::last_written() const {
  MutexLock lock(mutex_);
  return last_written_;
}

void SnapshotWriter::Offer(snapshot::Snapshot snapshot) {
  {
    MutexLock lock(mutex_);
    job_ = std::move(snapshot);
  }
  wake_.NotifyAll();
}

void SnapshotWriter::WriteNow(snapshot::Snapshot snapshot) {
  {
    MutexLock lock(mutex_);
    while (writing_ || job_) wake_.Wait(mutex_);
    writing_ = true;
  }
  Write(std::move(snapshot));
}

void SnapshotWriter::Run() {
  for (;;) {
    std::optional<snapshot::Snapshot> snapshot;
    {
      MutexLock lock(mutex_);
      // A job offered before the stop is still written: it is the newest.
      while (!job_ && !stop_) wake_.Wait(mutex_);
      if (!job_) return;
      snapshot = std::move(job_);
      job_.reset();
      writing_ = true;
    }
    Write(std::move(*snapshot));
  }
}

void SnapshotWriter::Write(snapshot::Snapshot snapshot) {
  const auto started = std::chrono::steady_clock::now();
  const std::uint64_t seq = snapshot.stamp.seq;
  const std::size_t dossiers = snapshot.image.states.size();
  Status written = snapshot::WriteSnapshotFile(path_, snapshot);
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  if (log_ != nullptr) {
    if (written.ok()) {
      log_->Note("snapshot: " + std::to_string(dossiers) + " dossiers up to event " +
                 std::to_string(seq) + " written in " + std::to_string(took.count()) + " ms");
    } else {
      // The previous snapshot is intact: the next start replays more.
      log_->Warning("snapshot: not written (" + written.ToString() + "); the previous one stays");
    }
  }
  {
    MutexLock lock(mutex_);
    writing_ = false;
    if (written.ok()) last_written_ = seq;
  }
  wake_.NotifyAll();
}

}  // namespace motcua::runtime
