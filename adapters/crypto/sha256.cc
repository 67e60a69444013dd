#include "adapters/crypto/sha256.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>

#include "adapters/crypto/evp_sha256.h"

namespace motcua::crypto {

const EVP_MD* FetchedSha256() {
  // EVP_sha256() makes OpenSSL 3 look the algorithm up in its providers on
  // every EVP_DigestInit_ex (a lock and a hash-table walk: 2.4 us of a 3 us
  // hash of an event). A fetched EVP_MD is looked up once and is safe to
  // share between threads; it lives as long as the process.
  static const EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (md == nullptr) {
    throw std::runtime_error("SHA-256 unavailable");  // a broken libcrypto: not recoverable
  }
  return md;
}

std::string Sha256(std::initializer_list<std::string_view> parts) {
  // One context per thread, reset by each init, instead of an allocation per hash.
  thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                          &EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!ctx || EVP_DigestInit_ex2(ctx.get(), FetchedSha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 unavailable");  // a broken libcrypto: not recoverable
  }
  for (std::string_view p : parts) EVP_DigestUpdate(ctx.get(), p.data(), p.size());
  EVP_DigestFinal_ex(ctx.get(), digest, &len);
  return std::string(reinterpret_cast<const char*>(digest), len);
}

std::string Sha256(std::string_view data) { return Sha256({data}); }

std::string Hex(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

bool SecureEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

std::string RandomBytes(std::size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
    throw std::runtime_error("the system random source failed");
  }
  return out;
}

}  // namespace motcua::crypto
