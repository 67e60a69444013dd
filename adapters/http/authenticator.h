// Authenticator: who is calling. Officers present a bearer token
// ("Authorization: Bearer T"); the users file (v1.Users JSON, the server
// configuration's users_file) stores only each token's SHA-256, in hex. A
// presented token is hashed and compared with every user's hash in constant
// time, so neither the tokens nor the timing of a comparison reveal one.
// Tokens are never logged or kept after the comparison.
//
// Immutable after construction: safe to share between threads.
#ifndef MOTCUA_ADAPTERS_HTTP_AUTHENTICATOR_H_
#define MOTCUA_ADAPTERS_HTTP_AUTHENTICATOR_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/api/token_hash.h"
#include "engine/base/status.h"
#include "engine/base/time.h"
#include "engine/engine.h"
#include "motcua/v1/config.pb.h"

namespace motcua::http {

// A set of v1::Role values, one bit per role. Which set may do what is
// access_policy.h's alone.
using RoleMask = std::uint32_t;
constexpr RoleMask RoleBit(v1::Role role) { return RoleMask{1} << static_cast<int>(role); }

// An authenticated officer.
struct Principal {
  std::string name;  // the actor recorded in every event they cause
  std::string unit;
  RoleMask roles = 0;

  bool Has(v1::Role role) const { return (roles & RoleBit(role)) != 0; }
  bool HasAny(RoleMask mask) const { return (roles & mask) != 0; }
};

class Authenticator {
 public:
  // Validates `users`: every user has a name (unique), at least one role,
  // and a 64-hex-digit token hash (unique) or an Argon2id password hash or
  // both. kConfig naming `source` and the user.
  static Result<std::shared_ptr<const Authenticator>> Build(const v1::Users& users,
                                                            const std::string& source);
  // Reads and validates the users file.
  static Result<std::shared_ptr<const Authenticator>> Load(const std::filesystem::path& path);

  Authenticator(const Authenticator&) = delete;
  Authenticator& operator=(const Authenticator&) = delete;

  // The officer whose token the Authorization header carries, valid at
  // `now`; kUnauthenticated when the header is missing or malformed, or the
  // token unknown, expired or revoked.
  Result<Principal> Authenticate(std::string_view authorization, Instant now) const;

  // The name `user` signs letters with: their display_name, else `user`
  // itself when the file gives them none or no longer lists them (events keep
  // the name of whoever acted after they leave). Revoked and expired users
  // keep their display name: what they signed stays signed by them.
  std::string DisplayName(std::string_view user) const;
  // The unit the users file puts `user` in (revoked or expired alike);
  // empty when it does not list them.
  std::string UnitOf(std::string_view user) const;

  // The web desk's sign-in: `user` with `password` checked against the
  // stored Argon2id hash. The same refusal for an unknown user, a wrong
  // password or a user without one, and an unknown user costs a hash too,
  // so neither the message nor the time tells which names exist. Blocks for
  // one hash (tens of milliseconds): call it off the network threads.
  Result<Principal> SignIn(std::string_view user, std::string_view password, Instant now) const;
  // Every user who may act at `now`, in the file's order, with the name
  // they sign with: whom a dossier can be handed over to.
  struct Officer {
    Principal principal;
    std::string display_name;
  };
  std::vector<Officer> Officers(Instant now) const;
  // `user` as a live web session finds them on each request: refused once
  // the users file revokes them, their access expires or they leave it.
  Result<Principal> Find(std::string_view user, Instant now) const;

  std::size_t size() const { return users_.size(); }

 private:
  struct Entry {
    Principal principal;
    std::string display_name;     // may be empty
    std::string token_sha256;     // raw 32 bytes; empty: no bearer token
    std::string password_hash;    // Argon2id string; empty: no web sign-in
    std::int64_t expires_at = 0;  // UTC seconds; 0 = never
    bool revoked = false;
  };
  explicit Authenticator(std::vector<Entry> users) : users_(std::move(users)) {}
  // Why `e` may not act at `now` (revoked, expired); OK otherwise.
  static Status Usable(const Entry& e, Instant now);

  std::vector<Entry> users_;
};

// Whom a dossier can be handed over to (engine::Recipients): the
// configuration's units and the users file's officers with theirs. kConfig
// naming the user when a user's unit is not one of the configuration's;
// with no units configured, the users' own units.
Result<engine::Recipients> HandOverRecipients(const v1::ServerConfig& config,
                                              const Authenticator& users);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_AUTHENTICATOR_H_
