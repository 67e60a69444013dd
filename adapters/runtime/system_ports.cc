#include "adapters/runtime/system_ports.h"

#include <chrono>
#include <string_view>

#include "adapters/crypto/sha256.h"

namespace motcua::runtime {

Instant SystemClock::Now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string RandomSecretSource::NewLookupSecret() {
  static constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  // Rejection sampling keeps every character equally likely: bytes at or
  // above the largest multiple of the alphabet's size are drawn again.
  constexpr unsigned kLimit = 256 - 256 % kAlphabet.size();
  std::string secret;
  while (secret.size() < kLength) {
    for (unsigned char b : crypto::RandomBytes(kLength)) {
      if (b < kLimit && secret.size() < kLength) secret += kAlphabet[b % kAlphabet.size()];
    }
  }
  return secret;
}

}  // namespace motcua::runtime
