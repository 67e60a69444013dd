// How the users file stores a bearer token: the lowercase hex SHA-256 of the
// token's bytes. `motcua hash-token` prints it; the Authenticator compares
// against it. Thread-safe.
#ifndef MOTCUA_ADAPTERS_API_TOKEN_HASH_H_
#define MOTCUA_ADAPTERS_API_TOKEN_HASH_H_

#include <string>
#include <string_view>

namespace motcua::api {

std::string TokenHash(std::string_view token);

}  // namespace motcua::api

#endif  // MOTCUA_ADAPTERS_API_TOKEN_HASH_H_
