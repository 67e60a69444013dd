// SHA-256 (OpenSSL's libcrypto), for the event log's hash chain and for
// storing bearer tokens hashed. Thread-safe.
#ifndef MOTCUA_ADAPTERS_CRYPTO_SHA256_H_
#define MOTCUA_ADAPTERS_CRYPTO_SHA256_H_

#include <initializer_list>
#include <string>
#include <string_view>

namespace motcua::crypto {

// The 32-byte digest of the concatenation of `parts`.
std::string Sha256(std::initializer_list<std::string_view> parts);
std::string Sha256(std::string_view data);
// Lowercase hex of any bytes.
std::string Hex(std::string_view bytes);
// Constant-time equality, for comparing secrets and digests.
bool SecureEquals(std::string_view a, std::string_view b);
// `n` bytes from the operating system's CSPRNG.
std::string RandomBytes(std::size_t n);

}  // namespace motcua::crypto

#endif  // MOTCUA_ADAPTERS_CRYPTO_SHA256_H_
