#include "adapters/http/endpoints/session_endpoints.h"

#include <string>
#include <utility>

#include "adapters/crypto/sha256.h"
#include "adapters/http/access_policy.h"
#include "adapters/http/client_address.h"
#include "motcua/v1/session.pb.h"

namespace motcua::http {
namespace {

Status NoSession() {
  return Status(Error::kUnauthenticated, "phiên làm việc đã hết hoặc chưa đăng nhập");
}

std::string_view SessionId(const Request& request) {
  return CookieValue(ToStd(request[bhttp::field::cookie]), kSessionCookie);
}

// The cookie: unreadable by scripts (HttpOnly), never sent by another
// site's page (SameSite=Strict), for the whole site, and only over HTTPS
// when the page came over HTTPS (Secure; client_address.h). No Expires: a
// browser session; the server ends it sooner (WebSessions).
std::string CookieAttributes(const Request& request) {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") +
         (CameOverHttps(request) ? "; Secure" : "");
}

std::string SessionCookie(std::string_view id, const std::string& attributes) {
  return std::string(kSessionCookie) + "=" + std::string(id) + attributes;
}

std::string ClearedCookie(const Request& request) {
  return std::string(kSessionCookie) + "=" + CookieAttributes(request) + "; Max-Age=0";
}

void AddRoles(const Principal& principal, google::protobuf::RepeatedField<int>* roles) {
  for (int role = v1::Role_MIN; role <= v1::Role_MAX; ++role) {
    if (role != v1::ROLE_UNSPECIFIED && v1::Role_IsValid(role) &&
        principal.Has(static_cast<v1::Role>(role))) {
      roles->Add(role);
    }
  }
}

v1::SessionInfo InfoOf(const Authenticator& users, const Principal& principal,
                       const WebSession& session) {
  v1::SessionInfo info;
  info.set_user(principal.name);
  info.set_display_name(users.DisplayName(principal.name));
  info.set_unit(principal.unit);
  AddRoles(principal, info.mutable_roles());
  info.set_csrf_token(session.csrf_token);
  return info;
}

void SignIn(const SessionServices& services, const Request& request, const ReplyTo& to,
            const std::function<void(Response)>& respond) {
  auto format = api::RequestFormat(ToStd(request[bhttp::field::content_type]));
  if (!format.ok()) return respond(ErrorResponse(format.status(), to));
  v1::SignInRequest sign_in;
  if (Status decoded = api::DecodeBody(request.body(), *format, sign_in); !decoded.ok()) {
    return respond(ErrorResponse(decoded, to));
  }
  if (sign_in.user().empty() || sign_in.password().empty()) {
    return respond(ErrorResponse(
        Status(Error::kInvalidArgument, "nhập tên đăng nhập và mật khẩu"), to));
  }
  services.queries->Run([services, sign_in = std::move(sign_in), to, respond,
                         cookie_attributes = CookieAttributes(request)](Result<sqlite::Database*>) {
    const Instant now = services.clock->Now();
    auto principal = services.users->SignIn(sign_in.user(), sign_in.password(), now);
    if (!principal.ok()) return respond(ErrorResponse(principal.status(), to));
    WebSessions::Opened opened = services.sessions->Open(principal->name, now);
    Response res = MessageResponse(InfoOf(*services.users, *principal, opened.session), to);
    res.set(bhttp::field::set_cookie, ToBeast(SessionCookie(opened.id, cookie_attributes)));
    res.set(bhttp::field::cache_control, "no-store");
    respond(std::move(res));
  });
}

}  // namespace

Response OfficersResponse(const Authenticator& users, const Principal& principal, Instant now,
                          const ReplyTo& to) {
  if (!MayReadCatalog(principal)) {
    return ErrorResponse(
        Status(Error::kPermissionDenied, "vai trò này không được xem danh sách cán bộ"), to);
  }
  v1::OfficerList list;
  for (const Authenticator::Officer& officer : users.Officers(now)) {
    v1::Officer* out = list.add_officers();
    out->set_user(officer.principal.name);
    out->set_display_name(officer.display_name);
    out->set_unit(officer.principal.unit);
    AddRoles(officer.principal, out->mutable_roles());
  }
  return MessageResponse(list, to);
}

Result<Principal> AuthenticateSession(const SessionServices& services, const Request& request,
                                      WebSession* session) {
  const std::string_view id = SessionId(request);
  if (id.empty()) return NoSession();
  const Instant now = services.clock->Now();
  std::optional<WebSession> live = services.sessions->Touch(id, now);
  if (!live) return NoSession();
  auto principal = services.users->Find(live->user, now);
  if (!principal.ok()) {
    // Revoked or expired since the sign-in: the session ends with them.
    services.sessions->Close(id);
    return principal.status();
  }
  if (session != nullptr) *session = std::move(*live);
  return principal;
}

void HandleSessionRoute(const SessionServices& services, const Request& request,
                        const ReplyTo& to, const std::function<void(Response)>& respond) {
  if (services.sessions == nullptr) {
    return respond(ErrorResponse(Status(Error::kNotFound, "máy chủ không bật trang web"), to));
  }
  if (request.method() == bhttp::verb::post) return SignIn(services, request, to, respond);
  WebSession session;
  auto principal = AuthenticateSession(services, request, &session);
  if (!principal.ok()) return respond(ErrorResponse(principal.status(), to));
  if (request.method() == bhttp::verb::get) {
    Response res = MessageResponse(InfoOf(*services.users, *principal, session), to);
    res.set(bhttp::field::cache_control, "no-store");
    return respond(std::move(res));
  }
  // DELETE: signing out changes state, so it needs the CSRF token too; a
  // forged sign-out would be a nuisance, not a breach, but one rule is
  // simpler to trust than two.
  if (!crypto::SecureEquals(ToStd(request[ToBeast(kCsrfHeader)]), session.csrf_token)) {
    return respond(ErrorResponse(
        Status(Error::kPermissionDenied, "thiếu hoặc sai mã chống giả mạo (X-CSRF-Token)"), to));
  }
  services.sessions->Close(SessionId(request));
  Response res{bhttp::status::no_content, to.version};
  res.keep_alive(to.keep_alive);
  res.set(bhttp::field::server, ToBeast(kServerName));
  res.set(bhttp::field::set_cookie, ToBeast(ClearedCookie(request)));
  respond(std::move(res));
}

}  // namespace motcua::http
