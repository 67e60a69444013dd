#include "adapters/runtime/system_ports.h"

#include <algorithm>
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
  std::lock_guard lock(mutex_);
  while (secret.size() < kLength) {
    const unsigned char b = NextByte();
    if (b < kLimit) secret += kAlphabet[b % kAlphabet.size()];
  }
  return secret;
}

unsigned char RandomSecretSource::NextByte() {
  if (used_ == block_.size()) {
    const std::string fresh = crypto::RandomBytes(block_.size());
    std::copy(fresh.begin(), fresh.end(), block_.begin());
    used_ = 0;
  }
  const unsigned char b = block_[used_];
  block_[used_++] = 0;  // not kept once used
  return b;
}

}  // namespace motcua::runtime
