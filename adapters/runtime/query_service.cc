#include "adapters/runtime/query_service.h"

namespace motcua::runtime {

Result<std::unique_ptr<QueryService>> QueryService::Open(const std::string& db_path,
                                                         std::size_t threads) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> first,
                          sqlite::Database::Open(db_path, sqlite::Database::Mode::kReadOnly));
  return std::unique_ptr<QueryService>(
      new QueryService(db_path, threads == 0 ? 1 : threads, std::move(first)));
}

QueryService::QueryService(std::string db_path, std::size_t threads,
                           std::unique_ptr<sqlite::Database> first)
    : db_path_(std::move(db_path)), pool_(threads) {
  idle_.push_back(std::move(first));
}

QueryService::~QueryService() { Stop(); }

void QueryService::Run(Job job) {
  net::post(pool_, [this, job = std::move(job)] {
    auto db = Borrow();
    if (!db.ok()) {
      job(db.status());
      return;
    }
    job(db->get());
    Return(std::move(*db));
  });
}

void QueryService::Stop() {
  if (stopped_) return;
  stopped_ = true;
  pool_.join();
  MutexLock lock(mutex_);
  idle_.clear();
}

Result<std::unique_ptr<sqlite::Database>> QueryService::Borrow() {
  {
    MutexLock lock(mutex_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return db;
    }
  }
  // At most one connection per pool thread is ever open.
  return sqlite::Database::Open(db_path_, sqlite::Database::Mode::kReadOnly);
}

void QueryService::Return(std::unique_ptr<sqlite::Database> db) {
  MutexLock lock(mutex_);
  idle_.push_back(std::move(db));
}

}  // namespace motcua::runtime
