#include "adapters/http/authenticator.h"

#include <algorithm>

#include <set>

#include "adapters/config/json_file.h"
#include "adapters/crypto/password_hash.h"
#include "adapters/crypto/sha256.h"
#include "engine/base/quote.h"

namespace motcua::http {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// 64 hex digits to 32 bytes; empty on anything else.
std::string DecodeHash(std::string_view hex) {
  if (hex.size() != 64) return {};
  std::string out(32, '\0');
  for (std::size_t i = 0; i < 32; ++i) {
    int hi = HexValue(hex[2 * i]);
    int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return {};
    out[i] = static_cast<char>(hi * 16 + lo);
  }
  return out;
}

Status Unauthenticated(std::string message) {
  return Status(Error::kUnauthenticated, std::move(message));
}

}  // namespace

Result<std::shared_ptr<const Authenticator>> Authenticator::Build(const v1::Users& users,
                                                                  const std::string& source) {
  std::vector<Entry> entries;
  std::set<std::string> names;
  std::set<std::string> hashes;
  for (const v1::User& u : users.users()) {
    auto fail = [&](const std::string& why) {
      return Status(Error::kConfig,
                    source + ": người dùng '" + QuoteForMessage(u.name()) + "': " + why);
    };
    if (u.name().empty()) return fail("thiếu tên đăng nhập (name)");
    if (!names.insert(u.name()).second) return fail("tên đăng nhập bị trùng");
    Entry e;
    e.principal.name = u.name();
    e.principal.unit = u.unit();
    e.display_name = u.display_name();
    for (int role : u.roles()) {
      if (role == v1::ROLE_UNSPECIFIED) return fail("vai trò không hợp lệ");
      e.principal.roles |= RoleBit(static_cast<v1::Role>(role));
    }
    if (e.principal.roles == 0) return fail("chưa có vai trò nào (roles)");
    if (!u.token_sha256().empty()) {
      e.token_sha256 = DecodeHash(u.token_sha256());
      if (e.token_sha256.empty()) {
        return fail("token_sha256 phải là 64 chữ số thập lục phân (xem motcua hash-token)");
      }
      if (!hashes.insert(e.token_sha256).second) return fail("token_sha256 trùng với người khác");
    }
    if (!u.password_hash().empty() && !crypto::IsPasswordHash(u.password_hash())) {
      return fail("password_hash không phải mã băm Argon2id (xem motcua password)");
    }
    e.password_hash = u.password_hash();
    if (e.token_sha256.empty() && e.password_hash.empty()) {
      return fail("cần token_sha256 hoặc password_hash để đăng nhập");
    }
    e.expires_at = u.has_expires_at() ? u.expires_at().seconds() : 0;
    e.revoked = u.revoked();
    entries.push_back(std::move(e));
  }
  return std::shared_ptr<const Authenticator>(new Authenticator(std::move(entries)));
}

Result<std::shared_ptr<const Authenticator>> Authenticator::Load(
    const std::filesystem::path& path) {
  v1::Users users;
  MOTCUA_RETURN_IF_ERROR(config::ReadJsonFile(path, users));
  return Build(users, QuoteForMessage(path.string(), kQuotedPathMaxBytes));
}

Result<Principal> Authenticator::Authenticate(std::string_view authorization, Instant now) const {
  if (authorization.empty()) {
    return Unauthenticated("cần đăng nhập: thiếu mã xác thực (Authorization: Bearer ...)");
  }
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size() ||
      authorization.substr(0, kScheme.size()) != kScheme) {
    return Unauthenticated("mã xác thực phải có dạng 'Authorization: Bearer <mã>'");
  }
  const std::string presented = crypto::Sha256(authorization.substr(kScheme.size()));
  // Compare with every entry, without stopping at a match, so the time taken
  // does not tell which user (or whether any) matched.
  const Entry* match = nullptr;
  for (const Entry& e : users_) {
    if (!e.token_sha256.empty() && crypto::SecureEquals(presented, e.token_sha256)) match = &e;
  }
  if (match == nullptr) return Unauthenticated("mã xác thực không hợp lệ");
  MOTCUA_RETURN_IF_ERROR(Usable(*match, now));
  return match->principal;
}

Status Authenticator::Usable(const Entry& e, Instant now) {
  if (e.revoked) return Unauthenticated("tài khoản đã bị thu hồi");
  if (e.expires_at != 0 && ToUnixSeconds(now) >= e.expires_at) {
    return Unauthenticated("tài khoản đã hết hạn");
  }
  return Status::Ok();
}

Result<Principal> Authenticator::SignIn(std::string_view user, std::string_view password,
                                        Instant now) const {
  // Checked against when the user is unknown: the refusal then takes as
  // long as a wrong password's.
  static const std::string kDecoy = [] {
    auto hash = crypto::HashPassword("motcua-decoy-password");
    return hash.ok() ? *hash : std::string();
  }();
  const Entry* entry = nullptr;
  for (const Entry& e : users_) {
    if (e.principal.name == user) entry = &e;
  }
  const bool has_hash = entry != nullptr && !entry->password_hash.empty();
  const bool matches = crypto::VerifyPassword(has_hash ? entry->password_hash : kDecoy, password);
  if (!has_hash || !matches) return Unauthenticated("sai tên đăng nhập hoặc mật khẩu");
  MOTCUA_RETURN_IF_ERROR(Usable(*entry, now));
  return entry->principal;
}

std::vector<Authenticator::Officer> Authenticator::Officers(Instant now) const {
  std::vector<Officer> officers;
  for (const Entry& e : users_) {
    if (!Usable(e, now).ok()) continue;
    officers.push_back({e.principal, e.display_name.empty() ? e.principal.name : e.display_name});
  }
  return officers;
}

Result<Principal> Authenticator::Find(std::string_view user, Instant now) const {
  for (const Entry& e : users_) {
    if (e.principal.name != user) continue;
    MOTCUA_RETURN_IF_ERROR(Usable(e, now));
    return e.principal;
  }
  return Unauthenticated("tài khoản không còn trong danh sách người dùng");
}

std::string Authenticator::DisplayName(std::string_view user) const {
  for (const Entry& e : users_) {
    if (e.principal.name == user && !e.display_name.empty()) return e.display_name;
  }
  return std::string(user);
}

std::string Authenticator::UnitOf(std::string_view user) const {
  for (const Entry& e : users_) {
    if (e.principal.name == user) return e.principal.unit;
  }
  return {};
}

Result<engine::Recipients> HandOverRecipients(const v1::ServerConfig& config,
                                              const Authenticator& users) {
  engine::Recipients r;
  r.units.assign(config.units().begin(), config.units().end());
  const bool configured = !r.units.empty();
  // Every user not revoked (at the epoch, none has expired): expiry is a
  // matter of signing in, and the log may still name them.
  for (const Authenticator::Officer& o : users.Officers(Instant{})) {
    const std::string& unit = o.principal.unit;
    if (unit.empty()) continue;  // acts, but is not handed dossiers
    if (std::find(r.units.begin(), r.units.end(), unit) == r.units.end()) {
      if (configured) {
        return Status(Error::kConfig, "người dùng '" + QuoteForMessage(o.principal.name) +
                                          "' thuộc đơn vị '" + QuoteForMessage(unit) +
                                          "' không có trong danh sách units của cấu hình");
      }
      r.units.push_back(unit);
    }
    r.officer_units.emplace(o.principal.name, unit);
  }
  return r;
}

}  // namespace motcua::http
