#include "adapters/runtime/request_log.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <string>

#include <date/date.h>

#include "engine/base/quote.h"

namespace motcua::runtime {

namespace {

// What the client sent, quoted: a hostile target could carry control
// characters meant for the terminal, or bytes that are not UTF-8.
std::string Printable(std::string_view text) { return QuoteForMessage(text, 200); }

std::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kError:
      return "error";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kInfo:
      break;
  }
  return "info";
}

// sd-daemon(3): <3> err, <4> warning, <6> info.
std::string_view JournalPrefix(LogLevel level) {
  switch (level) {
    case LogLevel::kError:
      return "<3>";
    case LogLevel::kWarning:
      return "<4>";
    case LogLevel::kInfo:
      break;
  }
  return "<6>";
}

// A JSON string literal. The text is made printable UTF-8 first (Printable
// quotes anything else), so only quotes, backslashes and control characters
// need escaping.
std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

// The wall clock's UTC instant to the millisecond: when the line was
// written, whatever clock the server's rules run on.
std::string JsonTime() {
  const auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now());
  return date::format("%FT%TZ", now);
}

// The line's start in text and journal form.
std::string Prefix(LogFormat format, LogLevel level) {
  if (format == LogFormat::kJournal) return std::string(JournalPrefix(level));
  return std::string(LevelName(level)) + ": ";
}

}  // namespace

Result<LogFormat> ParseLogFormat(std::string_view name) {
  if (name == "text") return LogFormat::kText;
  if (name == "journal") return LogFormat::kJournal;
  if (name == "json") return LogFormat::kJson;
  return Status(Error::kInvalidArgument,
                "unknown log format " + QuoteForMessage(name) + ": text, journal or json");
}

bool StderrIsJournal() {
  const char* stream = std::getenv("JOURNAL_STREAM");
  if (stream == nullptr) return false;
  struct stat st {};
  if (fstat(STDERR_FILENO, &st) != 0) return false;
  return std::string(stream) == std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
}

void RequestLog::Request(std::string_view method, std::string_view target, unsigned status,
                         std::chrono::steady_clock::duration latency,
                         std::string_view request_id) {
  if (out_ == nullptr) return;
  const LogLevel level = status >= 500 ? LogLevel::kError : LogLevel::kInfo;
  const std::string_view path = target.substr(0, target.find('?'));
  const double ms = std::chrono::duration<double, std::milli>(latency).count();
  char ms_text[32];
  std::string line;
  if (format_ == LogFormat::kJson) {
    std::snprintf(ms_text, sizeof ms_text, "%.1f", ms);
    line = "{\"time\":\"" + JsonTime() + "\",\"level\":\"" + std::string(LevelName(level)) +
           "\",\"method\":" + JsonString(Printable(method)) +
           ",\"path\":" + JsonString(Printable(path)) + ",\"status\":" + std::to_string(status) +
           ",\"ms\":" + ms_text;
    if (!request_id.empty()) line += ",\"id\":" + JsonString(Printable(request_id));
    line += "}";
  } else {
    std::snprintf(ms_text, sizeof ms_text, "%.1fms", ms);
    line = Prefix(format_, level) + Printable(method) + " " + Printable(path) + " " +
           std::to_string(status) + " " + ms_text;
    if (!request_id.empty()) line += " id=" + Printable(request_id);
  }
  Emit(line);
}

void RequestLog::Write(LogLevel level, std::string_view text) {
  if (out_ == nullptr) return;
  // One event, one line, whatever the message holds.
  std::string message(text);
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  if (format_ == LogFormat::kJson) {
    Emit("{\"time\":\"" + JsonTime() + "\",\"level\":\"" + std::string(LevelName(level)) +
         "\",\"msg\":" + JsonString(message) + "}");
  } else {
    Emit(Prefix(format_, level) + message);
  }
}

void RequestLog::Emit(const std::string& line) {
  MutexLock lock(mutex_);
  *out_ << line << '\n' << std::flush;
}

}  // namespace motcua::runtime
