#include "adapters/crypto/sha256_stream.h"

#include <openssl/evp.h>

#include <stdexcept>

#include "adapters/crypto/evp_sha256.h"

namespace motcua::crypto {

struct Sha256Stream::Context {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
};

Sha256Stream::Sha256Stream() : context_(std::make_unique<Context>()) {
  if (!context_->md || EVP_DigestInit_ex2(context_->md.get(), FetchedSha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 unavailable");  // a broken libcrypto: not recoverable
  }
}

Sha256Stream::~Sha256Stream() = default;

void Sha256Stream::Update(std::string_view data) {
  EVP_DigestUpdate(context_->md.get(), data.data(), data.size());
}

std::string Sha256Stream::Finish() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(context_->md.get(), digest, &len);
  return std::string(reinterpret_cast<const char*>(digest), len);
}

}  // namespace motcua::crypto
