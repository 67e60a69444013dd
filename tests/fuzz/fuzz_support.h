// What the fuzz targets share: loud failure of an oracle, a per-process
// scratch folder, and the rule that bad input is refused with a 4xx-class
// error (never an internal, storage or corruption error).
#ifndef MOTCUA_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define MOTCUA_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "engine/base/quote.h"
#include "engine/base/status.h"
#include "engine/base/utf8_decode.h"

namespace motcua::fuzz {

// An oracle failed: say why and abort, so libFuzzer keeps the input.
[[noreturn]] inline void Fail(std::string_view target, const std::string& why) {
  std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(target.size()), target.data(), why.c_str());
  std::abort();
}

// A folder of this process's own, emptied at first use; in memory when
// /dev/shm is there, since every input may write a file or commit.
inline const std::filesystem::path& ScratchDir(std::string_view target) {
  static const std::filesystem::path dir = [&] {
    std::error_code ec;
    const std::filesystem::path base = std::filesystem::is_directory("/dev/shm", ec)
                                           ? std::filesystem::path("/dev/shm")
                                           : std::filesystem::temp_directory_path();
    auto d = base /
             ("motcua-fuzz-" + std::string(target) + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

// A message that may quote the input: one line of valid UTF-8 without
// control characters, at most kMessageMaxBytes (what QuoteForMessage makes
// of whatever it quotes, engine/base/quote.h).
inline void ExpectQuotedMessage(std::string_view target, const std::string& message) {
  if (message.size() > kMessageMaxBytes) Fail(target, "a message over 1024 bytes: " + message);
  for (std::size_t pos = 0; pos < message.size();) {
    const DecodedCodePoint d = DecodeUtf8At(message, pos);
    const char32_t cp = d.code_point;
    if (!d.valid || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) {
      Fail(target, "a message that is not one line of UTF-8: " + message);
    }
    pos += d.length;
  }
}

// A refusal of bad input: an error code a user's mistake can cause, with a
// one-line message that quotes the input only through QuoteForMessage.
inline void ExpectRefusal(std::string_view target, const Status& status) {
  if (status.ok()) Fail(target, "expected a refusal");
  switch (status.code()) {
    case Error::kInternal:
    case Error::kStorage:
    case Error::kCorrupt:
      Fail(target, "bad input caused " + status.ToString());
    default:
      break;
  }
  if (status.message().empty()) Fail(target, "a refusal without a message");
  ExpectQuotedMessage(target, status.message());
}

// For loaders: success, or a refusal ExpectRefusal accepts.
inline void ExpectOkOrRefusal(std::string_view target, const Status& status) {
  if (!status.ok()) ExpectRefusal(target, status);
}

inline std::string_view Text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace motcua::fuzz

#endif  // MOTCUA_TESTS_FUZZ_FUZZ_SUPPORT_H_
