// QueryService: the read side of the server. Queries run on a small thread
// pool, each on a read-only SQLite connection of its own, never on the
// engine's connection or thread: in WAL mode a reader sees the last committed
// state and neither blocks nor is blocked by the engine's commits, and a slow
// query never delays a command.
//
// Thread safety: Run() may be called from any thread; a job gets exclusive
// use of its connection for its duration. The database must already exist
// (the engine service creates and migrates it).
#ifndef MOTCUA_ADAPTERS_RUNTIME_QUERY_SERVICE_H_
#define MOTCUA_ADAPTERS_RUNTIME_QUERY_SERVICE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "adapters/net/asio.h"
#include "adapters/sqlite/database.h"
#include "engine/base/mutex.h"
#include "engine/base/status.h"

namespace motcua::runtime {

class QueryService {
 public:
  // A job gets a connection, or the error that kept it from getting one.
  using Job = std::function<void(Result<sqlite::Database*>)>;

  // Checks that `db_path` opens read-only; `threads` run the jobs.
  static Result<std::unique_ptr<QueryService>> Open(const std::string& db_path,
                                                    std::size_t threads);

  QueryService(const QueryService&) = delete;
  QueryService& operator=(const QueryService&) = delete;
  ~QueryService();  // Stop()s

  // Runs `job` on a pool thread, never inline.
  void Run(Job job);

  // Waits for every queued job to finish, then closes the connections.
  void Stop() EXCLUDES(mutex_);

 private:
  QueryService(std::string db_path, std::size_t threads, std::unique_ptr<sqlite::Database> first);

  Result<std::unique_ptr<sqlite::Database>> Borrow() EXCLUDES(mutex_);
  void Return(std::unique_ptr<sqlite::Database> db) EXCLUDES(mutex_);

  const std::string db_path_;
  net::thread_pool pool_;
  Mutex mutex_;
  std::vector<std::unique_ptr<sqlite::Database>> idle_ GUARDED_BY(mutex_);
  bool stopped_ = false;  // Stop()'s own: it is called by the owner, not by jobs
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_QUERY_SERVICE_H_
