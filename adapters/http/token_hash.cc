#include "adapters/http/token_hash.h"

#include "adapters/crypto/sha256.h"

namespace motcua::http {

std::string TokenHash(std::string_view token) { return crypto::Hex(crypto::Sha256(token)); }

}  // namespace motcua::http
