// The production implementations of the engine's clock and secret ports.
#ifndef MOTCUA_ADAPTERS_RUNTIME_SYSTEM_PORTS_H_
#define MOTCUA_ADAPTERS_RUNTIME_SYSTEM_PORTS_H_

#include <array>
#include <cstddef>
#include <mutex>
#include <string>

#include "engine/ports/clock.h"
#include "engine/ports/secret_source.h"

namespace motcua::runtime {

// The system's UTC clock, to the second. Safe from any thread.
class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// Lookup secrets from OpenSSL's CSPRNG: 8 characters from an alphabet with
// no look-alikes (no 0/O, 1/I/L), about 40 bits. The random bytes are drawn
// a block at a time (each call into OpenSSL 3's generator costs more than
// the bytes: 3% of a lifecycle's CPU), each byte used once. Safe from any
// thread.
class RandomSecretSource final : public SecretSource {
 public:
  static constexpr std::size_t kLength = 8;
  std::string NewLookupSecret() override;

 private:
  unsigned char NextByte();  // with mutex_ held

  std::mutex mutex_;
  std::array<unsigned char, 512> block_{};
  std::size_t used_ = block_.size();  // all used: the first call draws a block
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_SYSTEM_PORTS_H_
