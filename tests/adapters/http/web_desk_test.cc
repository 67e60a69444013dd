// The web desk's server side through ApiHandler, on a real engine and
// SQLite file: sign-in with an Argon2id password, the session cookie, the
// CSRF token a cookie-authenticated change must carry, sign-out, expiry,
// and the built pages with their security headers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "adapters/api/body_codec.h"
#include "adapters/crypto/password_hash.h"
#include "adapters/http/api_handler.h"
#include "engine/base/proto_time.h"
#include "motcua/v1/api.pb.h"
#include "motcua/v1/session.pb.h"
#include "tests/adapters/http/api_harness.h"
#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::HasSubstr;

constexpr const char* kPassword = "mat-khau-quay-1";
constexpr const char* kReceive =
    R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER",
        "applicant": {"name": "Nguyễn Văn A", "phone": "0912345678"}})";

std::shared_ptr<const Authenticator> Users() {
  v1::Users users = ::motcua::testing::MakeUsers(
      {{"tiepnhan01", v1::ROLE_RECEPTION, "reception-token-0001"},
       {"thuhoi01", v1::ROLE_RECEPTION, "revoked-token-00001"},
       {"tuphap01", v1::ROLE_SPECIALIST, "specialist-token-0001"}});
  auto hash = crypto::HashPassword(kPassword);
  EXPECT_THAT(hash, IsOk());
  users.mutable_users(0)->set_display_name("Nguyễn Thị Lan");
  users.mutable_users(0)->set_password_hash(*hash);
  users.mutable_users(1)->set_password_hash(*hash);
  users.mutable_users(1)->set_revoked(true);
  auto built = Authenticator::Build(users, "test users");
  EXPECT_THAT(built, IsOk());
  return *built;
}

class WebDeskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(web_ / "assets");
    std::ofstream(web_ / "index.html") << "<!doctype html><title>Bộ phận Một cửa</title>";
    std::ofstream(web_ / "citizen.html") << "<!doctype html><title>Tra cứu hồ sơ</title>";
    std::ofstream(web_ / "assets" / "app-ABC123.js") << "console.log(1);";
    auto assets = WebAssets::Load(web_);
    ASSERT_THAT(assets, IsOk());
    api_ = std::make_unique<testing::ApiHarness>(
        ApiContext{.catalog = ::motcua::testing::ShippedCatalog(),
                   .users = Users(),
                   .web = *assets,
                   .sessions = &sessions_},
        Vn("2026-12-07 08:00"));
  }

  struct Call {
    bhttp::verb method = bhttp::verb::get;
    std::string target = {};
    std::string body = {};
    std::string cookie = {};
    std::string csrf = {};
  };
  // As the browser sends it: the session cookie among others.
  Response Send(const Call& call) {
    return api_->Send({.method = call.method,
                       .target = call.target,
                       .body = call.body,
                       .cookie = call.cookie.empty() ? "" : "theme=dark; " + call.cookie,
                       .csrf = call.csrf});
  }
  ManualClock& clock() { return api_->clock(); }

  // Signs in; the cookie ("motcua_session=…") and the session's CSRF token.
  struct SignedIn {
    std::string cookie;
    v1::SessionInfo info;
  };
  SignedIn SignIn(const std::string& user = "tiepnhan01") {
    Response res = Send({.method = bhttp::verb::post,
                         .target = "/v1/session",
                         .body = R"({"user": ")" + user + R"(", "password": ")" + kPassword + "\"}"});
    EXPECT_EQ(res.result_int(), 200u) << res.body();
    SignedIn out;
    const std::string set_cookie(res[bhttp::field::set_cookie]);
    out.cookie = set_cookie.substr(0, set_cookie.find(';'));
    EXPECT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, out.info), IsOk());
    return out;
  }

  std::size_t DossierCount() {
    Response res = Send({.target = "/v1/dossiers", .cookie = signed_in_.cookie});
    v1::DossierList list;
    EXPECT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, list), IsOk()) << res.body();
    return static_cast<std::size_t>(list.dossiers_size());
  }

  ::motcua::testing::TempDir dir_;
  std::filesystem::path web_ = dir_.path() / "web";
  WebSessions sessions_{WebSessionOptions{.idle = std::chrono::minutes(30),
                                          .absolute = std::chrono::hours(10),
                                          .max_sessions = 100}};
  std::unique_ptr<testing::ApiHarness> api_;
  SignedIn signed_in_;
};

TEST_F(WebDeskTest, SignInSetsAnHttpOnlyStrictCookieAndNamesTheOfficer) {
  Response res = Send({.method = bhttp::verb::post,
                       .target = "/v1/session",
                       .body = std::string(R"({"user": "tiepnhan01", "password": ")") + kPassword + "\"}"});
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const std::string cookie(res[bhttp::field::set_cookie]);
  EXPECT_THAT(cookie, ::testing::StartsWith("motcua_session="));
  EXPECT_THAT(cookie, HasSubstr("; HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("; SameSite=Strict"));
  EXPECT_EQ(res[bhttp::field::cache_control], "no-store");
  v1::SessionInfo info;
  ASSERT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, info), IsOk());
  EXPECT_EQ(info.user(), "tiepnhan01");
  EXPECT_EQ(info.display_name(), "Nguyễn Thị Lan");
  ASSERT_EQ(info.roles_size(), 1);
  EXPECT_EQ(info.roles(0), v1::ROLE_RECEPTION);
  EXPECT_EQ(info.csrf_token().size(), 64u);
  EXPECT_EQ(sessions_.size(), 1u);
}

TEST_F(WebDeskTest, AWrongPasswordAndAnUnknownUserGetTheSameRefusal) {
  Response wrong = Send({.method = bhttp::verb::post,
                         .target = "/v1/session",
                         .body = R"({"user": "tiepnhan01", "password": "not-the-password"})"});
  Response unknown = Send({.method = bhttp::verb::post,
                           .target = "/v1/session",
                           .body = R"({"user": "khongco01", "password": "not-the-password"})"});
  Response no_password = Send({.method = bhttp::verb::post,
                               .target = "/v1/session",
                               .body = R"({"user": "tuphap01", "password": "not-the-password"})"});
  for (const Response* res : {&wrong, &unknown, &no_password}) {
    EXPECT_EQ(res->result_int(), 401u);
    EXPECT_EQ(res->body(),
              R"({"code":"unauthenticated","message":"sai tên đăng nhập hoặc mật khẩu"})");
    EXPECT_EQ((*res)[bhttp::field::set_cookie], "");
  }
  EXPECT_EQ(sessions_.size(), 0u);
}

TEST_F(WebDeskTest, ARevokedUserCannotSignIn) {
  Response res = Send({.method = bhttp::verb::post,
                       .target = "/v1/session",
                       .body = std::string(R"({"user": "thuhoi01", "password": ")") + kPassword + "\"}"});
  EXPECT_EQ(res.result_int(), 401u);
  EXPECT_EQ(sessions_.size(), 0u);
}

TEST_F(WebDeskTest, TheCookieAuthenticatesReadsAndTheSessionCanBeReadBack) {
  signed_in_ = SignIn();
  Response session = Send({.target = "/v1/session", .cookie = signed_in_.cookie});
  ASSERT_EQ(session.result_int(), 200u) << session.body();
  v1::SessionInfo again;
  ASSERT_THAT(api::DecodeBody(session.body(), api::BodyFormat::kJson, again), IsOk());
  EXPECT_EQ(again.csrf_token(), signed_in_.info.csrf_token());
  EXPECT_EQ(DossierCount(), 0u);
  EXPECT_EQ(Send({.target = "/v1/dossiers"}).result_int(), 401u);
  EXPECT_EQ(Send({.target = "/v1/dossiers", .cookie = "motcua_session=forged"}).result_int(), 401u);
}

TEST_F(WebDeskTest, AChangeByCookieWithoutTheCsrfTokenIsRefusedAndChangesNothing) {
  signed_in_ = SignIn();
  Response forged = Send({.method = bhttp::verb::post,
                          .target = "/v1/commands/receive",
                          .body = kReceive,
                          .cookie = signed_in_.cookie});
  EXPECT_EQ(forged.result_int(), 403u) << forged.body();
  EXPECT_THAT(forged.body(), HasSubstr("X-CSRF-Token"));
  Response wrong = Send({.method = bhttp::verb::post,
                         .target = "/v1/commands/receive",
                         .body = kReceive,
                         .cookie = signed_in_.cookie,
                         .csrf = std::string(64, '0')});
  EXPECT_EQ(wrong.result_int(), 403u) << wrong.body();
  EXPECT_EQ(DossierCount(), 0u);

  Response real = Send({.method = bhttp::verb::post,
                        .target = "/v1/commands/receive",
                        .body = kReceive,
                        .cookie = signed_in_.cookie,
                        .csrf = signed_in_.info.csrf_token()});
  ASSERT_EQ(real.result_int(), 200u) << real.body();
  v1::CommandReply reply;
  ASSERT_THAT(api::DecodeBody(real.body(), api::BodyFormat::kJson, reply), IsOk());
  EXPECT_EQ(reply.dossier().holder_user(), "tiepnhan01");  // the session's officer acts
  EXPECT_EQ(DossierCount(), 1u);
}

TEST_F(WebDeskTest, SignOutEndsTheSessionAndClearsTheCookie) {
  signed_in_ = SignIn();
  EXPECT_EQ(Send({.method = bhttp::verb::delete_, .target = "/v1/session",
                  .cookie = signed_in_.cookie})
                .result_int(),
            403u);  // without the token: not signed out
  Response out = Send({.method = bhttp::verb::delete_,
                       .target = "/v1/session",
                       .cookie = signed_in_.cookie,
                       .csrf = signed_in_.info.csrf_token()});
  EXPECT_EQ(out.result_int(), 204u);
  EXPECT_THAT(std::string(out[bhttp::field::set_cookie]), HasSubstr("Max-Age=0"));
  EXPECT_EQ(Send({.target = "/v1/dossiers", .cookie = signed_in_.cookie}).result_int(), 401u);
  EXPECT_EQ(sessions_.size(), 0u);
}

TEST_F(WebDeskTest, ASessionEndsAfterItsIdleTimeAndAfterAWorkingDayWhateverTheActivity) {
  signed_in_ = SignIn();
  clock().Set(Vn("2026-12-07 08:29"));
  EXPECT_EQ(Send({.target = "/v1/session", .cookie = signed_in_.cookie}).result_int(), 200u);
  clock().Set(Vn("2026-12-07 08:58"));  // 29 minutes after the last request
  EXPECT_EQ(Send({.target = "/v1/session", .cookie = signed_in_.cookie}).result_int(), 200u);
  clock().Set(Vn("2026-12-07 09:28"));  // 30 minutes idle
  EXPECT_EQ(Send({.target = "/v1/session", .cookie = signed_in_.cookie}).result_int(), 401u);

  signed_in_ = SignIn();
  for (int minutes = 20; minutes < 10 * 60; minutes += 20) {
    clock().Set(Vn("2026-12-07 09:28") + std::chrono::minutes(minutes));
    ASSERT_EQ(Send({.target = "/v1/session", .cookie = signed_in_.cookie}).result_int(), 200u)
        << minutes;
  }
  clock().Set(Vn("2026-12-07 19:28"));  // ten hours after the sign-in
  EXPECT_EQ(Send({.target = "/v1/session", .cookie = signed_in_.cookie}).result_int(), 401u);
}

TEST_F(WebDeskTest, ThePageAndItsAssetsCarryAStrictPolicy) {
  Response page = Send({.target = "/"});
  ASSERT_EQ(page.result_int(), 200u);
  EXPECT_EQ(page[bhttp::field::content_type], "text/html; charset=utf-8");
  EXPECT_THAT(page.body(), HasSubstr("Bộ phận Một cửa"));
  EXPECT_EQ(page["Content-Security-Policy"], std::string(kContentSecurityPolicy));
  EXPECT_THAT(std::string(page["Content-Security-Policy"]), HasSubstr("script-src 'self';"));
  EXPECT_EQ(page["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(page[bhttp::field::cache_control], "no-cache");

  Response script = Send({.target = "/assets/app-ABC123.js"});
  ASSERT_EQ(script.result_int(), 200u);
  EXPECT_EQ(script[bhttp::field::content_type], "text/javascript; charset=utf-8");
  EXPECT_EQ(script.body(), "console.log(1);");
  EXPECT_THAT(std::string(script[bhttp::field::cache_control]), HasSubstr("immutable"));
  EXPECT_EQ(Send({.target = "/assets/missing.js"}).result_int(), 404u);
  EXPECT_EQ(Send({.target = "/assets/..%2Findex.html"}).result_int(), 400u);

  // The citizen's page: no account, the same policy.
  Response citizen = Send({.target = "/tra-cuu"});
  ASSERT_EQ(citizen.result_int(), 200u);
  EXPECT_THAT(citizen.body(), HasSubstr("Tra cứu hồ sơ"));
  EXPECT_EQ(citizen["Content-Security-Policy"], std::string(kContentSecurityPolicy));
  EXPECT_EQ(citizen["X-Content-Type-Options"], "nosniff");
}

TEST_F(WebDeskTest, TheReceiptOpenedFromTheDeskIsNotCachedAndMayRunNothing) {
  signed_in_ = SignIn();
  Response received = Send({.method = bhttp::verb::post,
                            .target = "/v1/commands/receive",
                            .body = kReceive,
                            .cookie = signed_in_.cookie,
                            .csrf = signed_in_.info.csrf_token()});
  ASSERT_EQ(received.result_int(), 200u) << received.body();
  v1::CommandReply reply;
  ASSERT_THAT(api::DecodeBody(received.body(), api::BodyFormat::kJson, reply), IsOk());
  Response receipt = Send({.target = "/v1/dossiers/" + reply.dossier().code() + "/receipt?format=html",
                           .cookie = signed_in_.cookie});
  ASSERT_EQ(receipt.result_int(), 200u) << receipt.body();
  EXPECT_THAT(receipt.body(), HasSubstr("Nguyễn Thị Lan"));  // signed by the display name
  EXPECT_EQ(receipt[bhttp::field::cache_control], "no-store");
  EXPECT_EQ(receipt["X-Content-Type-Options"], "nosniff");
  EXPECT_THAT(std::string(receipt["Content-Security-Policy"]), HasSubstr("default-src 'none'"));
}

TEST_F(WebDeskTest, TheOfficersToHandOverToAreListedWithoutCredentials) {
  signed_in_ = SignIn();
  Response res = Send({.target = "/v1/officers", .cookie = signed_in_.cookie});
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  v1::OfficerList list;
  ASSERT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, list), IsOk());
  ASSERT_EQ(list.officers_size(), 2);  // the revoked thuhoi01 is not among them
  EXPECT_EQ(list.officers(0).user(), "tiepnhan01");
  EXPECT_EQ(list.officers(0).display_name(), "Nguyễn Thị Lan");
  EXPECT_EQ(list.officers(1).user(), "tuphap01");
  EXPECT_EQ(list.officers(1).display_name(), "tuphap01");  // none given: the name
  ASSERT_EQ(list.officers(1).roles_size(), 1);
  EXPECT_EQ(list.officers(1).roles(0), v1::ROLE_SPECIALIST);
  EXPECT_THAT(res.body(), ::testing::Not(HasSubstr("argon2")));
  EXPECT_THAT(res.body(), ::testing::Not(HasSubstr("token")));
  EXPECT_EQ(Send({.target = "/v1/officers"}).result_int(), 401u);
}

TEST(WebAssetsTest, ABuildWithoutItsPageOrWithAnUnknownFileTypeIsRefusedAtStart) {
  ::motcua::testing::TempDir dir;
  auto missing = WebAssets::Load(dir.path());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Error::kConfig);
  EXPECT_THAT(missing.status().message(), HasSubstr("npm run build"));
  std::filesystem::create_directories(dir.path() / "assets");
  std::ofstream(dir.path() / "index.html") << "<!doctype html>";
  std::ofstream(dir.path() / "assets" / "run.sh") << "echo";
  auto unknown = WebAssets::Load(dir.path());
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().message(), HasSubstr("run.sh"));
}

TEST(WebAssetsTest, ABuildWithoutTheCitizensPageServesTheDeskAndAnswers404ForIt) {
  ::motcua::testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "assets");
  std::ofstream(dir.path() / "index.html") << "<!doctype html>";
  auto assets = WebAssets::Load(dir.path());
  ASSERT_TRUE(assets.ok()) << assets.status().ToString();
  const ReplyTo to{};
  EXPECT_EQ((*assets)->Page(to).result_int(), 200u);
  EXPECT_EQ((*assets)->CitizenPage(to).result_int(), 404u);
}

TEST(WebSessionsTest, TheOldestSessionMakesRoomBeyondTheLimit) {
  WebSessions sessions(WebSessionOptions{.idle = std::chrono::minutes(30),
                                         .absolute = std::chrono::hours(10),
                                         .max_sessions = 2});
  const Instant t = Vn("2026-12-07 08:00");
  auto first = sessions.Open("a", t);
  auto second = sessions.Open("b", t + std::chrono::minutes(1));
  auto third = sessions.Open("c", t + std::chrono::minutes(2));
  EXPECT_EQ(sessions.size(), 2u);
  EXPECT_FALSE(sessions.Touch(first.id, t + std::chrono::minutes(3)));
  EXPECT_TRUE(sessions.Touch(second.id, t + std::chrono::minutes(3)));
  EXPECT_TRUE(sessions.Touch(third.id, t + std::chrono::minutes(3)));
  EXPECT_NE(second.id, third.id);
  EXPECT_NE(second.session.csrf_token, second.id);
}

TEST(CookieValueTest, FindsTheNamedCookieAmongOthers) {
  EXPECT_EQ(CookieValue("a=1; motcua_session=abc; b=2", "motcua_session"), "abc");
  EXPECT_EQ(CookieValue("motcua_session=abc", "motcua_session"), "abc");
  EXPECT_EQ(CookieValue("xmotcua_session=abc", "motcua_session"), "");
  EXPECT_EQ(CookieValue("", "motcua_session"), "");
}

TEST(PasswordHashTest, AHashVerifiesItsPasswordOnlyAndShortPasswordsAreRefused) {
  auto hash = crypto::HashPassword("mat-khau-quay-1");
  ASSERT_THAT(hash, IsOk());
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(crypto::VerifyPassword(*hash, "mat-khau-quay-1"));
  EXPECT_FALSE(crypto::VerifyPassword(*hash, "mat-khau-quay-2"));
  EXPECT_FALSE(crypto::VerifyPassword("not a hash", "mat-khau-quay-1"));
  EXPECT_NE(*crypto::HashPassword("mat-khau-quay-1"), *hash);  // a fresh salt each time
  auto short_one = crypto::HashPassword("ngan");
  ASSERT_FALSE(short_one.ok());
  EXPECT_THAT(short_one.status().message(), HasSubstr("ít nhất 10 ký tự"));
}

}  // namespace
}  // namespace motcua::http
