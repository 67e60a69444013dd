#include "adapters/runtime/request_log.h"

#include <cstdio>
#include <ostream>
#include <string>

#include "engine/base/quote.h"

namespace motcua::runtime {

namespace {

// What the client sent, quoted: a hostile target could carry control
// characters meant for the terminal, or bytes that are not UTF-8.
std::string Printable(std::string_view text) { return QuoteForMessage(text, 200); }

}  // namespace

void RequestLog::Request(std::string_view method, std::string_view target, unsigned status,
                         std::chrono::steady_clock::duration latency,
                         std::string_view request_id) {
  if (out_ == nullptr) return;
  const std::string_view path = target.substr(0, target.find('?'));
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.1fms",
                std::chrono::duration<double, std::milli>(latency).count());
  std::string line =
      Printable(method) + " " + Printable(path) + " " + std::to_string(status) + " " + ms;
  if (!request_id.empty()) line += " id=" + Printable(request_id);
  line += '\n';
  MutexLock lock(mutex_);
  *out_ << line << std::flush;
}

void RequestLog::Note(std::string_view line) {
  if (out_ == nullptr) return;
  std::string text(line);
  text += '\n';
  MutexLock lock(mutex_);
  *out_ << text << std::flush;
}

}  // namespace motcua::runtime
