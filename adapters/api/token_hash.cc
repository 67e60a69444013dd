#include "adapters/api/token_hash.h"

#include "adapters/crypto/sha256.h"

namespace motcua::api {

std::string TokenHash(std::string_view token) { return crypto::Hex(crypto::Sha256(token)); }

}  // namespace motcua::api
