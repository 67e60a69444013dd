// The production implementations of the engine's clock and secret ports.
#ifndef MOTCUA_ADAPTERS_RUNTIME_SYSTEM_PORTS_H_
#define MOTCUA_ADAPTERS_RUNTIME_SYSTEM_PORTS_H_

#include <string>

#include "engine/ports/clock.h"
#include "engine/ports/secret_source.h"

namespace motcua::runtime {

// The system's UTC clock, to the second. Safe from any thread.
class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// Lookup secrets from the operating system's CSPRNG: 8 characters from an
// alphabet with no look-alikes (no 0/O, 1/I/L), about 40 bits. Stateless, so
// safe from any thread (the port asks only for the engine's strand).
class RandomSecretSource final : public SecretSource {
 public:
  static constexpr std::size_t kLength = 8;
  std::string NewLookupSecret() override;
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_SYSTEM_PORTS_H_
