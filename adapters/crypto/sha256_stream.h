// Sha256Stream: SHA-256 of data that arrives in pieces (a file read or
// received chunk by chunk), so that hashing it never needs the whole of it
// in memory. Not thread-safe; one stream per file.
//
//   Sha256Stream hash;
//   while (read(chunk)) hash.Update(chunk);
//   std::string digest = hash.Finish();  // 32 bytes; Hex() for text
#ifndef MOTCUA_ADAPTERS_CRYPTO_SHA256_STREAM_H_
#define MOTCUA_ADAPTERS_CRYPTO_SHA256_STREAM_H_

#include <memory>
#include <string>
#include <string_view>

namespace motcua::crypto {

class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;

  void Update(std::string_view data);
  // The 32-byte digest of everything given to Update. Call once.
  std::string Finish();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace motcua::crypto

#endif  // MOTCUA_ADAPTERS_CRYPTO_SHA256_STREAM_H_
