#include "adapters/http/request_log.h"

#include <cstdio>
#include <ostream>
#include <string>

namespace motcua::http {

namespace {

// Anything outside printable ASCII (a hostile target could carry control
// characters meant for the terminal) is written as '?'.
std::string Printable(std::string_view text) {
  std::string out(text.substr(0, 200));
  for (char& c : out) {
    if (c < 0x20 || c > 0x7e) c = '?';
  }
  return out;
}

}  // namespace

void RequestLog::Request(std::string_view method, std::string_view target, unsigned status,
                         std::chrono::steady_clock::duration latency) {
  if (out_ == nullptr) return;
  const std::string_view path = target.substr(0, target.find('?'));
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.1fms",
                std::chrono::duration<double, std::milli>(latency).count());
  std::string line =
      Printable(method) + " " + Printable(path) + " " + std::to_string(status) + " " + ms + "\n";
  std::lock_guard lock(mutex_);
  *out_ << line << std::flush;
}

void RequestLog::Note(std::string_view line) {
  if (out_ == nullptr) return;
  std::string text(line);
  text += '\n';
  std::lock_guard lock(mutex_);
  *out_ << text << std::flush;
}

}  // namespace motcua::http
