// motcuad as a service manager runs it: the sd_notify protocol on a socket
// the test holds (as systemd would with Type=notify and WatchdogSec=),
// GET /readyz, SIGHUP reloading the users file, and the JSON log format,
// against the real binary on loopback.
#include <sys/socket.h>
#include <sys/un.h>
#include <poll.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/client/http_client.h"
#include "motcua/v1/api.pb.h"
#include "tests/e2e/e2e_support.h"
#include "tests/support/fixtures.h"

namespace motcua::e2e {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using std::chrono::milliseconds;
using std::chrono::seconds;

// The service manager's end of $NOTIFY_SOCKET: a datagram socket in the
// test's folder.
class NotifySocket {
 public:
  explicit NotifySocket(const std::string& path) : path_(path) {
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    bound_ = fd_ >= 0 && bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~NotifySocket() {
    if (fd_ >= 0) close(fd_);
  }
  bool bound() const { return bound_; }

  // The next message, or none within `limit`.
  std::optional<std::string> Next(milliseconds limit) {
    pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
    if (poll(&p, 1, static_cast<int>(limit.count())) != 1) return std::nullopt;
    char buffer[4096];
    const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
    if (n < 0) return std::nullopt;
    return std::string(buffer, static_cast<std::size_t>(n));
  }
  // Waits for a message holding `wanted`; the messages read meanwhile go
  // to `seen`.
  bool WaitFor(const std::string& wanted, seconds limit, std::vector<std::string>& seen) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
      auto message = Next(milliseconds(200));
      if (!message) continue;
      seen.push_back(*message);
      if (message->find(wanted) != std::string::npos) return true;
    }
    return false;
  }

 private:
  std::string path_;
  int fd_ = -1;
  bool bound_ = false;
};

class ServiceTest : public ::testing::Test {
 protected:
  void Start(const std::vector<std::string>& args = {},
             const std::map<std::string, std::string>& env = {}) {
    server_ = ServerProcess::Start(config_, log_, args, env);
    ASSERT_NE(server_, nullptr);
    auto url = client::ServerUrl::Parse(server_->url());
    ASSERT_TRUE(url.ok());
    http_ = std::make_unique<client::HttpClient>(*url, seconds(30));
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->StopWith(SIGTERM), 0);
    }
  }

  client::HttpReply Get(const std::string& target, const std::string& token = "") {
    client::HttpClient::Call call;
    call.method = bhttp::verb::get;
    call.target = target;
    if (!token.empty()) call.headers.emplace_back("Authorization", "Bearer " + token);
    auto sent = http_->Send(call);
    if (auto* reply = std::get_if<client::HttpReply>(&sent)) return *reply;
    ADD_FAILURE() << "no reply: " << std::get<client::TransportError>(sent).message;
    return {};
  }

  std::string Log() const {
    std::ifstream in(log_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // Polls until `token` gets `status` from GET /v1/catalog.
  bool EventuallyAnswers(const std::string& token, unsigned status) {
    for (int i = 0; i < 100; ++i) {
      if (Get("/v1/catalog", token).status == status) return true;
      std::this_thread::sleep_for(milliseconds(100));
    }
    return false;
  }

  ::motcua::testing::TempDir dir_;
  std::filesystem::path config_ = dir_.File("motcuad.json");
  std::string db_ = dir_.File("motcua.db");
  std::filesystem::path log_ = dir_.File("motcuad.log");
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<client::HttpClient> http_;
};

TEST_F(ServiceTest, UnderSystemdItReportsReadyAfterStartPingsTheWatchdogAndReportsStopping) {
  WriteConfig(config_, db_);
  NotifySocket notify(dir_.File("notify.sock"));
  ASSERT_TRUE(notify.bound());
  // A watchdog of 0.6 s: a ping every 0.3 s.
  Start({}, {{"NOTIFY_SOCKET", dir_.File("notify.sock")}, {"WATCHDOG_USEC", "600000"}});
  std::vector<std::string> seen;
  ASSERT_TRUE(notify.WaitFor("READY=1", seconds(30), seen));
  EXPECT_THAT(seen.back(), HasSubstr("STATUS=serving on 127.0.0.1:"));
  EXPECT_THAT(seen.back(), HasSubstr("events replayed"));
  int pings = 0;
  for (int i = 0; i < 3; ++i) {
    if (notify.WaitFor("WATCHDOG=1", seconds(10), seen)) ++pings;
  }
  EXPECT_EQ(pings, 3);
  server_->Signal(SIGTERM);
  EXPECT_TRUE(notify.WaitFor("STOPPING=1", seconds(30), seen));
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
  server_.reset();
}

TEST_F(ServiceTest, ReadyzAnswersReadyAndNamesWhatIsWrongOtherwise) {
  WriteConfig(config_, db_);
  Start();
  client::HttpReply ready = Get("/readyz");
  EXPECT_EQ(ready.status, 200u);
  v1::Health health;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(ready.body, &health).ok());
  EXPECT_EQ(health.status(), "ready");
  EXPECT_TRUE(health.problems().empty());
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);

  // More free space asked for than any disk has.
  WriteConfig(config_, db_, [](v1::ServerConfig& c) {
    c.mutable_limits()->set_min_free_disk_mib(4000000000u);
  });
  Start();
  client::HttpReply full = Get("/readyz");
  EXPECT_EQ(full.status, 503u);
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(full.body, &health).ok());
  EXPECT_EQ(health.status(), "not ready");
  ASSERT_EQ(health.problems_size(), 1);
  EXPECT_THAT(health.problems(0), HasSubstr("disk nearly full"));
  // Alive all the same.
  EXPECT_EQ(Get("/healthz").status, 200u);
}

TEST_F(ServiceTest, HangupReloadsTheUsersFileAndKeepsTheOldOneWhenTheNewDoesNotLoad) {
  const std::string users = dir_.File("users.json");
  ::motcua::testing::WriteUsersFile(::motcua::testing::ShippedUsers(), users);
  WriteConfig(config_, db_, [&](v1::ServerConfig& c) { c.set_users_file(users); });
  Start();
  ASSERT_EQ(Get("/v1/catalog", kReception).status, 200u);
  const std::string new_token = "new-officer-token";
  ASSERT_EQ(Get("/v1/catalog", new_token).status, 401u);

  // The reception officer's token revoked, a new officer added.
  v1::Users changed = ::motcua::testing::MakeUsers(
      {{"tiepnhan09", v1::ROLE_RECEPTION, new_token}}, ::motcua::testing::ShippedUsers());
  for (v1::User& u : *changed.mutable_users()) {
    if (u.name() == "tiepnhan01") u.set_revoked(true);
  }
  ::motcua::testing::WriteUsersFile(changed, users);
  server_->Signal(SIGHUP);
  EXPECT_TRUE(EventuallyAnswers(kReception, 401u));
  EXPECT_TRUE(EventuallyAnswers(new_token, 200u));
  EXPECT_THAT(Log(), HasSubstr("info: received SIGHUP: reloading the users and the calendar"));
  EXPECT_THAT(Log(), HasSubstr("info: reload: 8 users from "));
  // The calendar files did not change: no dossier examined, nothing recorded.
  EXPECT_THAT(Log(), HasSubstr(" unchanged, official years "));

  // A broken file: logged, and the users in force stay.
  std::ofstream(users) << "{\"users\": [";
  server_->Signal(SIGHUP);
  bool logged = false;
  for (int i = 0; i < 100 && !logged; ++i) {
    logged = Log().find("error: reload: users kept: ") != std::string::npos;
    if (!logged) std::this_thread::sleep_for(milliseconds(100));
  }
  EXPECT_TRUE(logged) << Log();
  EXPECT_EQ(Get("/v1/catalog", new_token).status, 200u);
  EXPECT_EQ(Get("/v1/catalog", kReception).status, 401u);
}

// What a client behind nginx sends, as nginx forwards it.
client::HttpReply SignIn(client::HttpClient& http, const std::string& password,
                         const std::string& client_address, const std::string& scheme) {
  client::HttpClient::Call call;
  call.method = bhttp::verb::post;
  call.target = "/v1/session";
  call.body = R"({"user": "tiepnhan01", "password": ")" + password + R"("})";
  call.headers = {{"Content-Type", "application/json"},
                  {"X-Forwarded-For", client_address},
                  {"X-Forwarded-Proto", scheme}};
  auto sent = http.Send(call);
  if (auto* reply = std::get_if<client::HttpReply>(&sent)) return *reply;
  ADD_FAILURE() << "no reply: " << std::get<client::TransportError>(sent).message;
  return {};
}

TEST_F(ServiceTest, BehindATrustedProxyTheForwardedClientIsThrottledAndHttpsMakesTheCookieSecure) {
  WriteConfig(config_, db_, [](v1::ServerConfig& c) {
    c.add_trusted_proxies("127.0.0.1");
    c.mutable_limits()->set_auth_failures_burst(2);
    c.mutable_limits()->set_auth_failures_per_minute(1);
  });
  Start();
  // One guesser behind the proxy runs out of attempts...
  EXPECT_EQ(SignIn(*http_, "sai-mat-khau-1", "203.0.113.7", "https").status, 401u);
  EXPECT_EQ(SignIn(*http_, "sai-mat-khau-2", "203.0.113.7", "https").status, 401u);
  EXPECT_EQ(SignIn(*http_, "tiepnhan01-demo", "203.0.113.7", "https").status, 429u);
  // ...and the officer at the next desk, behind the same proxy, does not.
  client::HttpReply signed_in = SignIn(*http_, "tiepnhan01-demo", "203.0.113.8", "https");
  ASSERT_EQ(signed_in.status, 200u) << signed_in.body;
  EXPECT_THAT(signed_in.Header("Set-Cookie").value_or(""), HasSubstr("; Secure"));
  // Plain HTTP to the proxy: a cookie a browser would send over HTTP too.
  client::HttpReply plain = SignIn(*http_, "tiepnhan01-demo", "203.0.113.9", "http");
  ASSERT_EQ(plain.status, 200u);
  EXPECT_THAT(plain.Header("Set-Cookie").value_or(""), Not(HasSubstr("Secure")));
  EXPECT_THAT(Log(), HasSubstr("auth: too many failed authentications from 203.0.113.7"));
}

TEST_F(ServiceTest, WithoutATrustedProxyForwardingHeadersAreIgnored) {
  WriteConfig(config_, db_, [](v1::ServerConfig& c) {
    c.mutable_limits()->set_auth_failures_burst(2);
    c.mutable_limits()->set_auth_failures_per_minute(1);
  });
  Start();
  // A guesser cannot escape the throttle by naming other clients...
  EXPECT_EQ(SignIn(*http_, "sai-mat-khau-1", "203.0.113.7", "https").status, 401u);
  EXPECT_EQ(SignIn(*http_, "sai-mat-khau-2", "203.0.113.8", "https").status, 401u);
  EXPECT_EQ(SignIn(*http_, "sai-mat-khau-3", "203.0.113.9", "https").status, 429u);
  EXPECT_THAT(Log(), HasSubstr("auth: too many failed authentications from 127.0.0.1"));
  EXPECT_THAT(Log(), Not(HasSubstr("203.0.113")));
}

TEST_F(ServiceTest, ThePlainCookieIsNotSecureAndAProxyThatIsNotAnAddressStopsTheStart) {
  WriteConfig(config_, db_);
  Start();
  client::HttpReply signed_in = SignIn(*http_, "tiepnhan01-demo", "203.0.113.7", "https");
  ASSERT_EQ(signed_in.status, 200u);
  EXPECT_THAT(signed_in.Header("Set-Cookie").value_or(""), Not(HasSubstr("Secure")));
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
  server_.reset();

  WriteConfig(config_, db_, [](v1::ServerConfig& c) { c.add_trusted_proxies("10.0.0.0/8"); });
  ProcessResult refused = RunProcess({MOTCUAD_BINARY, "--config", config_.string()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("trusted_proxies: '10.0.0.0/8' không phải địa chỉ IPv4 hoặc IPv6"));
}

TEST_F(ServiceTest, TheJsonLogIsOneObjectPerLineAndRequestsCarryTheirId) {
  WriteConfig(config_, db_);
  Start({"--log-format", "json"});
  client::HttpReply reply = Get("/v1/catalog", kReception);
  ASSERT_EQ(reply.status, 200u);
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
  server_.reset();

  std::istringstream in(Log());
  std::vector<std::string> messages;
  bool request_seen = false;
  for (std::string line; std::getline(in, line);) {
    google::protobuf::Struct parsed;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &parsed).ok()) << line;
    const auto& fields = parsed.fields();
    ASSERT_TRUE(fields.contains("time") && fields.contains("level")) << line;
    if (fields.contains("msg")) messages.push_back(fields.at("msg").string_value());
    if (fields.contains("path") && fields.at("path").string_value() == "/v1/catalog") {
      request_seen = true;
      EXPECT_EQ(fields.at("status").number_value(), 200);
      EXPECT_FALSE(fields.at("id").string_value().empty());
    }
  }
  EXPECT_TRUE(request_seen);
  EXPECT_THAT(messages, Contains("motcuad: stopped"));
}

}  // namespace
}  // namespace motcua::e2e
