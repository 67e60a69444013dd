// RequestLog: one English line per request on the server's log stream, with
// the request's id (adapters/http/request_id.h) when it has one:
//   POST /v1/commands/receive 200 3.2ms id=5f1c2a9e-3b
// The path is logged without its query (a citizen's lookup secret travels
// there) and headers are never logged, so no token and no personal data
// reaches the log. Lines from many threads never interleave.
#ifndef MOTCUA_ADAPTERS_RUNTIME_REQUEST_LOG_H_
#define MOTCUA_ADAPTERS_RUNTIME_REQUEST_LOG_H_

#include <chrono>
#include <iosfwd>
#include <string_view>

#include "engine/base/mutex.h"

namespace motcua::runtime {

class RequestLog {
 public:
  // `out` must outlive the log; nullptr disables it.
  explicit RequestLog(std::ostream* out) : out_(out) {}

  void Request(std::string_view method, std::string_view target, unsigned status,
               std::chrono::steady_clock::duration latency, std::string_view request_id = {})
      EXCLUDES(mutex_);
  // A free-form line (start-up, shutdown, a session error).
  void Note(std::string_view line) EXCLUDES(mutex_);

 private:
  Mutex mutex_;
  std::ostream* const out_ PT_GUARDED_BY(mutex_);
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_REQUEST_LOG_H_
