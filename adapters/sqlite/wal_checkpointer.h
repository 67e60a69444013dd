// WalCheckpointer: copies the WAL back into the database file on a thread of
// its own, so that the writer's commits never do it.
//
// SQLite's default has the committing connection run a checkpoint once the
// WAL passes 1,000 pages: that commit then writes the pages into the main
// file and fsyncs it, while every command of its batch, and of the next,
// waits (7% of motcuad's engine thread in the HTTP benchmark, and its
// slowest commits). Here the writer's automatic checkpoints are off; a hook
// on its commits wakes a second connection, which runs PASSIVE checkpoints
// (they never block the writer or readers) until the WAL is back under the
// threshold. Durability is unchanged: a commit is durable once its WAL
// frames are fsynced, checkpointed or not.
//
// Under a sustained stream of large commits the thread can fall behind, and
// the WAL only starts over once a checkpoint has caught up with it: it grew
// to 2.9 GB while a million dossiers were generated (tools/bench). Past
// `writer_limit_pages` the writer therefore checkpoints itself after its
// commit, as SQLite would by default, which bounds the WAL.
//
// Thread safety: construct and destroy on the writer's thread; the hook runs
// on it, the checkpoints on the checkpointer's own thread.
#ifndef MOTCUA_ADAPTERS_SQLITE_WAL_CHECKPOINTER_H_
#define MOTCUA_ADAPTERS_SQLITE_WAL_CHECKPOINTER_H_

#include <cstdint>
#include <memory>
#include <thread>

#include "adapters/sqlite/database.h"
#include "engine/base/mutex.h"
#include "engine/base/status.h"

namespace motcua::sqlite {

class WalCheckpointer {
 public:
  // Takes over `writer`'s checkpoints; `writer` must outlive the
  // checkpointer. Opens its own connection to the same file.
  static Result<std::unique_ptr<WalCheckpointer>> Start(Database& writer,
                                                        int threshold_pages = 1000,
                                                        int writer_limit_pages = 8000);

  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;
  // Stops the thread and gives the writer back SQLite's automatic checkpoints.
  ~WalCheckpointer() EXCLUDES(mutex_);

  // Checkpoints run so far (each may have copied part of the WAL).
  std::uint64_t checkpoints() const EXCLUDES(mutex_);

 private:
  WalCheckpointer(Database& writer, std::unique_ptr<Database> own, int threshold_pages,
                  int writer_limit_pages);
  static int OnCommit(void* self, struct sqlite3* db, const char* name, int pages);
  void Run() EXCLUDES(mutex_);

  Database& writer_;
  std::unique_ptr<Database> own_;  // the checkpointer thread's connection
  const int threshold_pages_;
  const int writer_limit_pages_;
  mutable Mutex mutex_;
  CondVar wake_;
  bool due_ GUARDED_BY(mutex_) = false;
  bool stopping_ GUARDED_BY(mutex_) = false;
  std::uint64_t checkpoints_ GUARDED_BY(mutex_) = 0;
  std::thread thread_;
};

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_WAL_CHECKPOINTER_H_
