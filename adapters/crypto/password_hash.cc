#include "adapters/crypto/password_hash.h"

#include <sodium.h>

#include <string>

namespace motcua::crypto {
namespace {

// libsodium's own initialisation is idempotent and thread-safe; a failure
// means no secure randomness, and no hash is made without it.
bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  if (password.size() < kMinPasswordBytes) {
    return Status(Error::kInvalidArgument, "mật khẩu phải có ít nhất " +
                                               std::to_string(kMinPasswordBytes) + " ký tự");
  }
  if (!SodiumReady()) return Status(Error::kInternal, "libsodium could not be initialised");
  char out[crypto_pwhash_STRBYTES];
  // The interactive limits: about 64 MiB and a few passes, the cost
  // libsodium recommends for an online sign-in.
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status(Error::kInternal, "out of memory hashing a password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view stored, std::string_view password) {
  if (!SodiumReady() || !IsPasswordHash(stored)) return false;
  // crypto_pwhash_str_verify reads a NUL-terminated string.
  const std::string terminated(stored);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool IsPasswordHash(std::string_view stored) {
  return stored.size() < crypto_pwhash_STRBYTES && stored.starts_with("$argon2id$");
}

}  // namespace motcua::crypto
