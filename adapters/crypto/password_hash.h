// Officers' passwords for the web desk: stored only as an Argon2id hash in
// libsodium's self-describing string form ("$argon2id$v=19$m=…,t=…,p=…$salt$hash"),
// so the cost parameters travel with each hash and can be raised later
// without invalidating the old ones. Hashing takes about 64 MiB and tens of
// milliseconds on purpose: a stolen users file resists guessing.
//
// Thread-safe; both functions block for the duration of one hash.
#ifndef MOTCUA_ADAPTERS_CRYPTO_PASSWORD_HASH_H_
#define MOTCUA_ADAPTERS_CRYPTO_PASSWORD_HASH_H_

#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace motcua::crypto {

// Passwords shorter than this are refused: a desk password is typed a few
// times a day, a short one is guessed offline in minutes.
inline constexpr std::size_t kMinPasswordBytes = 10;

// The Argon2id string for `password` with a fresh random salt.
// kInvalidArgument (in Vietnamese) when the password is too short;
// kInternal when the hash cannot be computed (out of memory).
Result<std::string> HashPassword(std::string_view password);

// Whether `password` matches `stored` (a HashPassword result). A malformed
// `stored` matches nothing. The comparison is libsodium's, constant-time.
bool VerifyPassword(std::string_view stored, std::string_view password);

// Whether `stored` looks like a hash HashPassword makes, for validating the
// users file at load time.
bool IsPasswordHash(std::string_view stored);

}  // namespace motcua::crypto

#endif  // MOTCUA_ADAPTERS_CRYPTO_PASSWORD_HASH_H_
