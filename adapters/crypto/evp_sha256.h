// The SHA-256 algorithm fetched once from OpenSSL 3's providers, shared by
// the one-shot (sha256.h) and streaming (sha256_stream.h) hashes. Internal
// to adapters/crypto.
#ifndef MOTCUA_ADAPTERS_CRYPTO_EVP_SHA256_H_
#define MOTCUA_ADAPTERS_CRYPTO_EVP_SHA256_H_

#include <openssl/evp.h>

namespace motcua::crypto {

// Never null: throws std::runtime_error when libcrypto has no SHA-256.
const EVP_MD* FetchedSha256();

}  // namespace motcua::crypto

#endif  // MOTCUA_ADAPTERS_CRYPTO_EVP_SHA256_H_
