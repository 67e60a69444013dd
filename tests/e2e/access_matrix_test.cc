// Who may do what, against the real motcuad over loopback: every route of
// adapters/api/route.h × every role, and no token, a wrong token, an expired
// and a revoked token, and a citizen's lookup secret used as a token. Only
// the allowed pairs get past access control; every other one is 401 or 403
// and leaves the store byte for byte as it was. Personal data (ID number,
// phone, address, e-mail) reaches only the officers who handle dossiers;
// a citizen's lookup shows only their own dossier, without it. Failed
// authentications are logged and throttled (429), and no token, lookup
// secret or personal data ever reaches motcuad's log.
#include <gmock/gmock.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/net/asio.h"
#include "adapters/client/http_client.h"
#include "motcua/v1/api.pb.h"
#include "motcua/v1/command.pb.h"
#include "tests/e2e/e2e_support.h"
#include "tests/support/fixtures.h"

namespace motcua::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using V = bhttp::verb;

constexpr const char* kExpiredToken = "expired-officer-token-7f3a";
constexpr const char* kRevokedToken = "revoked-officer-token-9c21";
constexpr const char* kWrongToken = "not-a-token-of-anyone-5e8d";

// The applicant's personal data, to be found only where it belongs.
constexpr const char* kIdNumber = "001099012345";
constexpr const char* kPhone = "0912345678";
constexpr const char* kAddress = "Số 7 ngõ 12 thôn Đông Sơn";
constexpr const char* kEmail = "nguyenvana@example.vn";

// Who calls: an officer of one role, or somebody with bad credentials.
enum Caller { kRec, kSpec, kLead, kStat, kAdm, kNoToken, kWrong, kExpired, kRevoked, kSecret };
constexpr Caller kRoles[] = {kRec, kSpec, kLead, kStat, kAdm};
constexpr Caller kBadCredentials[] = {kNoToken, kWrong, kExpired, kRevoked, kSecret};

const char* CallerName(Caller c) {
  switch (c) {
    case kRec: return "reception";
    case kSpec: return "specialist";
    case kLead: return "leader";
    case kStat: return "statistics";
    case kAdm: return "admin";
    case kNoToken: return "no token";
    case kWrong: return "wrong token";
    case kExpired: return "expired token";
    case kRevoked: return "revoked token";
    case kSecret: return "lookup secret as token";
  }
  return "?";
}

// One route of the API, and the roles that may use it (written out here
// from the README's table, not taken from the code under test).
struct Case {
  std::string label;
  V method;
  std::string target;
  std::string body;
  std::set<Caller> allowed;
  unsigned allowed_status = 0;  // when allowed: this status; 0: anything but 401/403/429
};

// A raw request whose reply's status line is all we read: the alert stream
// never ends.
// The status line of GET /v1/alerts/stream with `header` ("Name: value",
// or empty for none).
unsigned StreamStatusWith(int port, const std::string& header);

unsigned StreamStatus(int port, const std::string& authorization) {
  return StreamStatusWith(port, authorization.empty() ? "" : "Authorization: " + authorization);
}

unsigned StreamStatusWith(int port, const std::string& header) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"),
                                     static_cast<unsigned short>(port)));
  std::string request = "GET /v1/alerts/stream HTTP/1.1\r\nHost: x\r\n";
  if (!header.empty()) request += header + "\r\n";
  request += "\r\n";
  net::write(socket, net::buffer(request));
  std::string reply;
  char buf[512];
  while (reply.find("\r\n") == std::string::npos) {
    beast::error_code ec;
    std::size_t n = socket.read_some(net::buffer(buf), ec);
    if (ec) break;
    reply.append(buf, n);
  }
  // "HTTP/1.1 200 OK"
  if (reply.size() < 12) return 0;
  return static_cast<unsigned>(std::stoi(reply.substr(9, 3)));
}

class AccessMatrixTest : public ::testing::Test {
 protected:
  // The shipped users plus an expired and a revoked one.
  void WriteUsers() {
    ::motcua::testing::WriteUsersFile(
        ::motcua::testing::MakeUsers(
            {{"hethan01", v1::ROLE_RECEPTION, kExpiredToken, FromUnixSeconds(1000000000)},  // 2001
             {"thuhoi01", v1::ROLE_ADMIN, kRevokedToken, std::nullopt, /*revoked=*/true}},
            ::motcua::testing::ShippedUsers()),
        dir_.File("users.json"));
  }

  void StartServer(std::uint32_t auth_burst, std::uint32_t auth_per_minute) {
    WriteUsers();
    WriteConfig(config_, db_, [&](v1::ServerConfig& c) {
      c.set_users_file(dir_.File("users.json"));
      c.mutable_limits()->set_auth_failures_burst(auth_burst);
      c.mutable_limits()->set_auth_failures_per_minute(auth_per_minute);
    });
    server_ = ServerProcess::Start(config_, log_);
    ASSERT_NE(server_, nullptr);
    auto url = client::ServerUrl::Parse(server_->url());
    ASSERT_TRUE(url.ok());
    http_ = std::make_unique<client::HttpClient>(*url, std::chrono::seconds(60));
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->StopWith(SIGTERM), 0);
    }
  }

  std::string Authorization(Caller c) const {
    switch (c) {
      case kRec: return std::string("Bearer ") + kReception;
      case kSpec: return std::string("Bearer ") + kSpecialist;
      case kLead: return std::string("Bearer ") + kLeader;
      case kStat: return std::string("Bearer ") + kStatistics;
      case kAdm: return std::string("Bearer ") + kAdmin;
      case kNoToken: return "";
      case kWrong: return std::string("Bearer ") + kWrongToken;
      case kExpired: return std::string("Bearer ") + kExpiredToken;
      case kRevoked: return std::string("Bearer ") + kRevokedToken;
      case kSecret: return "Bearer " + secret_;
    }
    return "";
  }

  client::HttpReply Send(V method, const std::string& target, const std::string& authorization,
                       const std::string& body = "") {
    client::HttpClient::Call call;
    call.method = method;
    call.target = target;
    call.body = body;
    if (method == V::post) call.headers.emplace_back("Content-Type", "application/json");
    if (!authorization.empty()) call.headers.emplace_back("Authorization", authorization);
    auto sent = http_->Send(call);
    // One integrity check or backup at a time: the one before may still be
    // finishing (503 + Retry-After: 1); ask again. A refusal costs the
    // server nothing, so the test asks sooner than the second it is told.
    ::motcua::testing::Eventually([&] {
      if (!std::holds_alternative<client::HttpReply>(sent) ||
          std::get<client::HttpReply>(sent).status != 503) {
        return true;
      }
      sent = http_->Send(call);
      return false;
    });
    if (auto* reply = std::get_if<client::HttpReply>(&sent)) return *reply;
    ADD_FAILURE() << "no reply to " << target << ": "
                  << std::get<client::TransportError>(sent).message;
    return {};
  }

  // Receives a dossier with full personal data; its code and lookup secret.
  std::pair<std::string, std::string> Receive(const std::string& name) {
    const std::string body = R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER",
        "applicant": {"name": ")" + name + R"(", "id_number": ")" + kIdNumber +
                             R"(", "phone": ")" + kPhone + R"(", "address": ")" + kAddress +
                             R"(", "email": ")" + kEmail + R"("}})";
    auto reply = Send(V::post, "/v1/commands/receive", Authorization(kRec), body);
    EXPECT_EQ(reply.status, 200u) << reply.body;
    v1::CommandReply parsed;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(reply.body, &parsed).ok());
    EXPECT_FALSE(parsed.lookup_secret().empty());
    return {parsed.dossier().code(), parsed.lookup_secret()};
  }

  std::vector<Case> Matrix() const {
    const std::set<Caller> all = {kRec, kSpec, kLead, kStat, kAdm};
    const std::set<Caller> handlers = {kRec, kSpec, kLead};
    const std::set<Caller> admin = {kAdm};
    const std::string d = "/v1/dossiers/" + code_;
    std::vector<Case> cases = {
        {"list dossiers", V::get, "/v1/dossiers", "", all, 200},
        {"dossier detail", V::get, d, "", all, 200},
        {"receipt", V::get, d + "/receipt", "", handlers, 200},
        {"apology letter", V::get, d + "/apology", "", handlers, 0},
        {"refusal letter", V::get, d + "/refusal", "", handlers, 0},
        {"supplement request letter", V::get, d + "/supplement-request", "", handlers, 0},
        {"appointment preview", V::get, "/v1/appointment?procedure=1.004873", "", {kRec}, 200},
        {"officers", V::get, "/v1/officers", "", all, 200},
        {"catalog", V::get, "/v1/catalog", "", all, 200},
        {"statistics", V::get, "/v1/stats?from=2026-01-01&to=2026-12-31", "",
         {kStat, kLead, kAdm}, 200},
        {"portal export", V::get, "/v1/export/portal?from=2026-01-01&to=2026-12-31", "", admin,
         200},
        // A history line that is not JSON: refused whole, after access control.
        {"import", V::post, "/v1/import", "not json\n", admin, 0},
        {"alerts", V::get, "/v1/alerts?open=1", "", {kRec, kSpec, kLead, kAdm}, 200},
        // No webhook is configured here: the admin gets past the role check
        // to the 404 that says so.
        {"undelivered alerts", V::get, "/v1/alerts/undelivered", "", admin, 404},
        {"undelivered retry", V::post, "/v1/alerts/undelivered/retry", "{\"all\":true}", admin,
         404},
        {"calendar reload", V::post, "/v1/admin/calendar/reload", "", admin, 200},
        {"integrity check", V::post, "/v1/admin/check", "", admin, 200},
        {"backup", V::post, "/v1/admin/backup", "", admin, 200},
        {"backup chunk", V::get, "/v1/admin/backup/nosuchbackup?offset=0", "", admin, 404},
        // Exists only with motcuad --test-clock: nobody gets it here.
        {"test clock", V::post, "/v1/test/clock", "{}", {}, 404},
    };
    // The README's table of commands.
    const std::vector<std::pair<std::string, std::set<Caller>>> commands = {
        {"register-online", {kRec}},
        {"receive", {kRec}},
        {"refuse", {kRec}},
        {"hand-over", {kRec, kSpec, kLead}},
        {"request-supplement", {kRec, kSpec}},
        {"supplement", {kRec}},
        {"request-fee", {kRec, kSpec}},
        {"record-payment", {kRec}},
        {"stop", {kSpec, kLead}},
        {"withdraw", {kRec}},
        {"result-ready", {kSpec, kLead}},
        {"return-result", {kRec}},
        {"apologize", {kRec, kSpec, kLead}},
        {"rate", {kRec}},
    };
    for (const auto& [name, roles] : commands) {
      // An empty command: an allowed officer gets past access control and is
      // refused for the body (422); nothing is written either way.
      cases.push_back({"command " + name, V::post, "/v1/commands/" + name, "{}", roles, 0});
    }
    return cases;
  }

  std::string Log() const {
    std::ifstream in(log_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  ::motcua::testing::TempDir dir_;
  std::filesystem::path config_ = dir_.path() / "motcuad.json";
  std::string db_ = dir_.File("motcua.db");
  std::filesystem::path log_ = dir_.path() / "motcuad.log";
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<client::HttpClient> http_;
  std::string code_, secret_;              // a dossier and its lookup secret
  std::string other_code_, other_secret_;  // another citizen's
};

TEST_F(AccessMatrixTest, EveryRouteTimesEveryCallerOnlyTheAllowedGetThroughAndRefusalsChangeNothing) {
  StartServer(/*auth_burst=*/100000, /*auth_per_minute=*/100000);
  std::tie(code_, secret_) = Receive("Nguyễn Văn A");
  std::tie(other_code_, other_secret_) = Receive("Trần Thị B");

  const std::vector<Case> cases = Matrix();
  int refused = 0;
  // Refusals first, each checked to leave the store as it was.
  for (const Case& c : cases) {
    for (Caller caller : kBadCredentials) {
      const std::string before = DumpStore(db_);
      auto reply = Send(c.method, c.target, Authorization(caller), c.body);
      EXPECT_EQ(reply.status, 401u) << c.label << " by " << CallerName(caller) << ": " << reply.body;
      EXPECT_THAT(reply.body, HasSubstr("\"code\":\"unauthenticated\""));
      EXPECT_EQ(DumpStore(db_), before) << c.label << " by " << CallerName(caller);
      ++refused;
    }
    for (Caller caller : kRoles) {
      if (c.allowed.count(caller)) continue;
      const std::string before = DumpStore(db_);
      auto reply = Send(c.method, c.target, Authorization(caller), c.body);
      const unsigned want = c.label == "test clock" ? 404u : 403u;
      EXPECT_EQ(reply.status, want) << c.label << " by " << CallerName(caller) << ": " << reply.body;
      EXPECT_EQ(DumpStore(db_), before) << c.label << " by " << CallerName(caller);
      ++refused;
    }
  }
  // The alert stream is taken over by its own endpoint before routing.
  for (Caller caller : kBadCredentials) {
    EXPECT_EQ(StreamStatus(server_->port(), Authorization(caller)), 401u) << CallerName(caller);
  }
  EXPECT_EQ(StreamStatus(server_->port(), Authorization(kStat)), 403u);

  // Then the allowed pairs.
  int allowed = 0;
  for (const Case& c : cases) {
    for (Caller caller : c.allowed) {
      auto reply = Send(c.method, c.target, Authorization(caller), c.body);
      if (c.allowed_status != 0) {
        EXPECT_EQ(reply.status, c.allowed_status)
            << c.label << " by " << CallerName(caller) << ": " << reply.body;
      } else {
        EXPECT_NE(reply.status, 401u) << c.label << " by " << CallerName(caller);
        EXPECT_NE(reply.status, 403u) << c.label << " by " << CallerName(caller);
        EXPECT_NE(reply.status, 429u) << c.label << " by " << CallerName(caller);
        EXPECT_THAT(reply.body, Not(HasSubstr("permission_denied")));
      }
      ++allowed;
    }
  }
  for (Caller caller : {kRec, kSpec, kLead, kAdm}) {
    EXPECT_EQ(StreamStatus(server_->port(), Authorization(caller)), 200u) << CallerName(caller);
  }
  // Healthz and readyz are public.
  EXPECT_EQ(Send(V::get, "/healthz", "").status, 200u);
  EXPECT_EQ(Send(V::get, "/readyz", "").status, 200u);
  // 25 routes and 14 commands; the matrix is what it says.
  EXPECT_EQ(cases.size(), 34u);
  EXPECT_GT(refused, 200);
  EXPECT_GT(allowed, 30);
}

TEST_F(AccessMatrixTest, TheDesksSessionCookieOpensTheAlertStreamLikeABearerToken) {
  // The browser's EventSource can send no Authorization header: the desk
  // signs in and its cookie goes with the stream's request.
  StartServer(100000, 100000);
  auto signed_in = Send(V::post, "/v1/session", "",
                        R"({"user": "tuphap01", "password": "tuphap01-demo"})");
  ASSERT_EQ(signed_in.status, 200u) << signed_in.body;
  const std::string set_cookie = signed_in.Header("Set-Cookie").value_or("");
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  ASSERT_THAT(cookie, HasSubstr("motcua_session="));
  EXPECT_EQ(StreamStatusWith(server_->port(), "Cookie: " + cookie), 200u);
  EXPECT_EQ(StreamStatusWith(server_->port(), "Cookie: motcua_session=forged"), 401u);
}

TEST_F(AccessMatrixTest, ALookupSecretOpensOnlyItsOwnDossierAndShowsNoPersonalData) {
  StartServer(100000, 100000);
  std::tie(code_, secret_) = Receive("Nguyễn Văn A");
  std::tie(other_code_, other_secret_) = Receive("Trần Thị B");

  auto own = Send(V::get, "/v1/lookup/" + code_ + "?secret=" + secret_, "");
  ASSERT_EQ(own.status, 200u) << own.body;
  v1::CitizenView view;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(own.body, &view).ok());
  EXPECT_EQ(view.code(), code_);
  for (const char* personal : {kIdNumber, kPhone, kAddress, kEmail, "Nguyễn Văn A"}) {
    EXPECT_THAT(own.body, Not(HasSubstr(personal)));
  }
  // The other citizen's dossier, with this secret or none or a wrong one:
  // the same 404 as an unknown code, so nothing is learnt.
  for (const std::string& target :
       {"/v1/lookup/" + other_code_ + "?secret=" + secret_, "/v1/lookup/" + other_code_,
        "/v1/lookup/" + code_ + "?secret=" + other_secret_, "/v1/lookup/" + code_ + "?secret=",
        "/v1/lookup/000.00.07.H06-200101-0001?secret=" + secret_}) {
    auto reply = Send(V::get, target, "");
    EXPECT_EQ(reply.status, 404u) << target << ": " << reply.body;
    EXPECT_THAT(reply.body, Not(HasSubstr(kPhone)));
  }
  // An officer's token opens no lookup without the secret.
  EXPECT_EQ(Send(V::get, "/v1/lookup/" + code_, Authorization(kRec)).status, 404u);
  // The secret is no token.
  EXPECT_EQ(Send(V::get, "/v1/dossiers/" + code_, "Bearer " + secret_).status, 401u);
}

TEST_F(AccessMatrixTest, PersonalDataReachesOnlyTheOfficersWhoHandleDossiers) {
  StartServer(100000, 100000);
  std::tie(code_, secret_) = Receive("Nguyễn Văn A");
  // Something in every read: an alert, the day's statistics.
  const std::string d = "/v1/dossiers/" + code_;
  for (Caller caller : {kRec, kSpec, kLead}) {
    auto reply = Send(V::get, d, Authorization(caller));
    ASSERT_EQ(reply.status, 200u) << reply.body;
    EXPECT_THAT(reply.body, HasSubstr(kIdNumber)) << CallerName(caller);
    EXPECT_THAT(reply.body, HasSubstr(kPhone)) << CallerName(caller);
    EXPECT_THAT(reply.body, HasSubstr(secret_)) << CallerName(caller);  // to reprint the receipt
  }
  for (Caller caller : {kStat, kAdm}) {
    auto reply = Send(V::get, d, Authorization(caller));
    ASSERT_EQ(reply.status, 200u) << reply.body;
    EXPECT_THAT(reply.body, HasSubstr("Nguyễn Văn A")) << CallerName(caller);
    for (const std::string& personal : {std::string(kIdNumber), std::string(kPhone),
                                        std::string(kAddress), std::string(kEmail), secret_}) {
      EXPECT_THAT(reply.body, Not(HasSubstr(personal))) << CallerName(caller);
    }
  }
  // Lists, alerts and statistics (with the codes behind each figure) carry
  // no personal data for anyone.
  for (Caller caller : kRoles) {
    for (const std::string& target :
         {std::string("/v1/dossiers"), std::string("/v1/alerts?open=1"),
          std::string("/v1/stats?from=2020-01-01&to=2030-12-31&codes=1"),
          std::string("/v1/stats?from=2020-01-01&to=2030-12-31&format=csv&codes=1")}) {
      auto reply = Send(V::get, target, Authorization(caller));
      for (const std::string& personal : {std::string(kIdNumber), std::string(kPhone),
                                          std::string(kAddress), std::string(kEmail), secret_}) {
        EXPECT_THAT(reply.body, Not(HasSubstr(personal))) << target << " " << CallerName(caller);
      }
    }
  }
  // The national portal's sync format needs the applicant's phone
  // (SoDienThoai) and nothing more: no ID number, address or e-mail.
  auto portal = Send(V::get, "/v1/export/portal?from=2020-01-01&to=2030-12-31", Authorization(kAdm));
  ASSERT_EQ(portal.status, 200u) << portal.body;
  EXPECT_THAT(portal.body, HasSubstr(code_));
  for (const std::string& personal :
       {std::string(kIdNumber), std::string(kAddress), std::string(kEmail), secret_}) {
    EXPECT_THAT(portal.body, Not(HasSubstr(personal)));
  }
}

TEST_F(AccessMatrixTest, RequestsOfferingNoCredentialsAreNotCountedAsGuesses) {
  // The web desk's page asks whether it is signed in before anyone signs
  // in; a whole office reloading it must not lock itself out.
  StartServer(/*auth_burst=*/3, /*auth_per_minute=*/1);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(Send(V::get, "/v1/session", "").status, 401u) << i;
    EXPECT_EQ(Send(V::get, "/v1/dossiers", "").status, 401u) << i;
  }
  EXPECT_EQ(Send(V::get, "/v1/dossiers", Authorization(kRec)).status, 200u);
}

TEST_F(AccessMatrixTest, FailedAuthenticationsAreLoggedAndThrottledAndNoSecretReachesTheLog) {
  StartServer(/*auth_burst=*/4, /*auth_per_minute=*/1);
  std::tie(code_, secret_) = Receive("Nguyễn Văn A");
  // A web sign-in, and its session cookie used: neither the password nor the
  // cookie may reach the log.
  auto signed_in = Send(V::post, "/v1/session", "",
                        R"({"user": "tiepnhan01", "password": "tiepnhan01-demo"})");
  ASSERT_EQ(signed_in.status, 200u) << signed_in.body;
  const std::string set_cookie = signed_in.Header("Set-Cookie").value_or("");
  const std::string session_id =
      set_cookie.substr(0, set_cookie.find(';')).substr(std::string("motcua_session=").size());
  ASSERT_GE(session_id.size(), 16u);
  {
    client::HttpClient::Call call;
    call.method = V::get;
    call.target = "/v1/session";
    call.headers.emplace_back("Cookie", "motcua_session=" + session_id);
    auto sent = http_->Send(call);
    ASSERT_TRUE(std::holds_alternative<client::HttpReply>(sent));
    EXPECT_EQ(std::get<client::HttpReply>(sent).status, 200u);
  }
  const std::string before = DumpStore(db_);
  // Four failures are answered (401, or 404 for a wrong lookup secret)...
  EXPECT_EQ(Send(V::post, "/v1/session", "",
                 R"({"user": "tiepnhan01", "password": "sai-mat-khau-2026"})")
                .status,
            401u);
  EXPECT_EQ(Send(V::get, "/v1/dossiers", Authorization(kWrong)).status, 401u);
  EXPECT_EQ(Send(V::get, "/v1/lookup/" + code_ + "?secret=WRONGSEC", "").status, 404u);
  EXPECT_EQ(Send(V::post, "/v1/commands/receive", Authorization(kExpired), "{}").status, 401u);
  // ...then this address is refused, whatever it sends, even a good token or
  // the right secret: a guesser cannot tell whether a guess was right.
  for (const std::string& auth : {Authorization(kWrong), Authorization(kRec)}) {
    auto reply = Send(V::get, "/v1/dossiers", auth);
    EXPECT_EQ(reply.status, 429u) << reply.body;
    ASSERT_TRUE(reply.Header("Retry-After").has_value());
    EXPECT_GE(std::stoi(*reply.Header("Retry-After")), 1);
  }
  EXPECT_EQ(Send(V::get, "/v1/lookup/" + code_ + "?secret=" + secret_, "").status, 429u);
  EXPECT_EQ(StreamStatus(server_->port(), Authorization(kRevoked)), 429u);
  EXPECT_EQ(Send(V::post, "/v1/commands/receive", Authorization(kRec), "{}").status, 429u);
  // Health checks still get through.
  EXPECT_EQ(Send(V::get, "/healthz", "").status, 200u);
  EXPECT_EQ(Send(V::get, "/readyz", "").status, 200u);
  EXPECT_EQ(DumpStore(db_), before);

  ASSERT_EQ(server_->StopWith(SIGTERM), 0);
  server_.reset();
  const std::string log = Log();
  EXPECT_THAT(log, HasSubstr("auth: failed authentication from 127.0.0.1"));
  EXPECT_THAT(log, HasSubstr("auth: too many failed authentications from 127.0.0.1"));
  for (const std::string& secret :
       {std::string(kReception), std::string(kSpecialist), std::string(kSpecialist2),
        std::string(kLeader), std::string(kStatistics), std::string(kAdmin),
        std::string(kExpiredToken), std::string(kRevokedToken), std::string(kWrongToken), secret_,
        std::string("WRONGSEC"), std::string(kIdNumber), std::string(kPhone),
        std::string("tiepnhan01-demo"), std::string("sai-mat-khau-2026"), session_id}) {
    EXPECT_THAT(log, Not(HasSubstr(secret))) << "the log holds '" << secret << "'";
  }
}

TEST_F(AccessMatrixTest, AThrottledStreamGuesserIsCountedLikeAnyOther) {
  // Failed authentications on the alert stream (a connection taken over
  // before routing) spend attempts like any other request.
  StartServer(/*auth_burst=*/2, /*auth_per_minute=*/1);
  EXPECT_EQ(StreamStatus(server_->port(), Authorization(kWrong)), 401u);
  EXPECT_EQ(StreamStatus(server_->port(), Authorization(kRevoked)), 401u);
  EXPECT_EQ(StreamStatus(server_->port(), Authorization(kWrong)), 429u);
  EXPECT_EQ(Send(V::get, "/v1/catalog", Authorization(kRec)).status, 429u);
}

}  // namespace
}  // namespace motcua::e2e
