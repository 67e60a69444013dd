// RequestLog: the server's log, one English line per event on one stream
// (stderr), never interleaved between threads. Each line has a level: info,
// warning (something an operator should look at) or error (something
// failed). A request's line ends with its id (adapters/http/request_id.h), so
// an officer's screenshot of an error leads to it:
//
//   text:     info: POST /v1/commands/receive 200 3.2ms id=5f1c2a9e-3b
//   journal:  <6>POST /v1/commands/receive 200 3.2ms id=5f1c2a9e-3b
//   json:     {"time":"2026-12-07T08:00:00.123Z","level":"info","method":"POST",
//              "path":"/v1/commands/receive","status":200,"ms":3.2,"id":"5f1c2a9e-3b"}
//
// The journal form is the sd-daemon(3) priority prefix, which journald turns
// into the entry's priority (`journalctl -p warning`); it is chosen when
// stderr is the journal (StderrIsJournal). The path is logged without its
// query (a citizen's lookup secret travels there) and headers are never
// logged, so no token, cookie, password or personal datum reaches the log.
#ifndef MOTCUA_ADAPTERS_RUNTIME_REQUEST_LOG_H_
#define MOTCUA_ADAPTERS_RUNTIME_REQUEST_LOG_H_

#include <chrono>
#include <iosfwd>
#include <string>
#include <string_view>

#include "engine/base/mutex.h"
#include "engine/base/status.h"

namespace motcua::runtime {

enum class LogFormat { kText, kJournal, kJson };
enum class LogLevel { kError, kWarning, kInfo };

// "text", "journal" or "json"; kInvalidArgument otherwise.
Result<LogFormat> ParseLogFormat(std::string_view name);
// True when systemd connected stderr to the journal: $JOURNAL_STREAM names
// the device and inode of stderr (systemd.exec(5)).
bool StderrIsJournal();

class RequestLog {
 public:
  // `out` must outlive the log; nullptr disables it.
  explicit RequestLog(std::ostream* out, LogFormat format = LogFormat::kText)
      : out_(out), format_(format) {}

  // A served request: error when the server failed (5xx), else info.
  void Request(std::string_view method, std::string_view target, unsigned status,
               std::chrono::steady_clock::duration latency, std::string_view request_id = {})
      EXCLUDES(mutex_);
  // A free-form line (start-up, shutdown, a background service's news).
  void Note(std::string_view line) EXCLUDES(mutex_) { Write(LogLevel::kInfo, line); }
  void Warning(std::string_view line) EXCLUDES(mutex_) { Write(LogLevel::kWarning, line); }
  void Error(std::string_view line) EXCLUDES(mutex_) { Write(LogLevel::kError, line); }

 private:
  void Write(LogLevel level, std::string_view line) EXCLUDES(mutex_);
  void Emit(const std::string& line) EXCLUDES(mutex_);

  Mutex mutex_;
  std::ostream* const out_ PT_GUARDED_BY(mutex_);
  const LogFormat format_;
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_REQUEST_LOG_H_
