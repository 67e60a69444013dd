#include "adapters/crypto/random_token.h"

#include <sodium.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "adapters/crypto/sha256.h"

namespace motcua::crypto {

std::string RandomHexToken(std::size_t bytes) {
  // Without a secure generator no session may be issued: stopping is
  // safer than handing out guessable ids.
  if (sodium_init() < 0) std::abort();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  return Hex(std::string_view(reinterpret_cast<const char*>(raw.data()), raw.size()));
}

}  // namespace motcua::crypto
