// Unguessable tokens: the web desk's session ids and CSRF tokens. Drawn
// from the operating system's secure generator (libsodium's randombytes).
//
// Thread-safe.
#ifndef MOTCUA_ADAPTERS_CRYPTO_RANDOM_TOKEN_H_
#define MOTCUA_ADAPTERS_CRYPTO_RANDOM_TOKEN_H_

#include <cstddef>
#include <string>

namespace motcua::crypto {

// `bytes` random bytes as lowercase hex (2 × bytes characters).
std::string RandomHexToken(std::size_t bytes = 32);

}  // namespace motcua::crypto

#endif  // MOTCUA_ADAPTERS_CRYPTO_RANDOM_TOKEN_H_
