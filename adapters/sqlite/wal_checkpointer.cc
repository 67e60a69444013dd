#include "adapters/sqlite/wal_checkpointer.h"

#include <sqlite3.h>

namespace motcua::sqlite {

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(Database& writer,
                                                                int threshold_pages,
                                                                int writer_limit_pages) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Database> own, Database::Open(writer.path()));
  std::unique_ptr<WalCheckpointer> checkpointer(
      new WalCheckpointer(writer, std::move(own), threshold_pages, writer_limit_pages));
  // Replaces the writer's automatic checkpoints (sqlite3_wal_autocheckpoint
  // is this same hook): from here on its commits only call OnCommit.
  sqlite3_wal_hook(writer.handle(), &WalCheckpointer::OnCommit, checkpointer.get());
  checkpointer->thread_ = std::thread([c = checkpointer.get()] { c->Run(); });
  return checkpointer;
}

WalCheckpointer::WalCheckpointer(Database& writer, std::unique_ptr<Database> own,
                                 int threshold_pages, int writer_limit_pages)
    : writer_(writer),
      own_(std::move(own)),
      threshold_pages_(threshold_pages),
      writer_limit_pages_(writer_limit_pages) {}

WalCheckpointer::~WalCheckpointer() {
  // SQLite's default (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT).
  sqlite3_wal_autocheckpoint(writer_.handle(), 1000);
  {
    MutexLock lock(mutex_);
    stopping_ = true;
  }
  wake_.NotifyOne();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t WalCheckpointer::checkpoints() const {
  MutexLock lock(mutex_);
  return checkpoints_;
}

int WalCheckpointer::OnCommit(void* self, sqlite3* db, const char* name, int pages) {
  auto* c = static_cast<WalCheckpointer*>(self);
  if (pages >= c->writer_limit_pages_) {
    // The thread has fallen behind: catch up here, between two commits,
    // where nothing else writes (what SQLite's own hook does at 1,000).
    sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return SQLITE_OK;
  }
  if (pages >= c->threshold_pages_) {
    {
      MutexLock lock(c->mutex_);
      c->due_ = true;
    }
    c->wake_.NotifyOne();
  }
  return SQLITE_OK;
}

void WalCheckpointer::Run() {
  while (true) {
    {
      MutexLock lock(mutex_);
      while (!due_ && !stopping_) wake_.Wait(mutex_);
      if (stopping_) return;
      due_ = false;
    }
    // PASSIVE: copies what no reader still needs, never waits for a lock. A
    // failure (SQLITE_BUSY while another checkpoint runs) only means the WAL
    // stays longer; the next commit past the threshold asks again.
    sqlite3_wal_checkpoint_v2(own_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                              nullptr);
    MutexLock lock(mutex_);
    ++checkpoints_;
  }
}

}  // namespace motcua::sqlite
