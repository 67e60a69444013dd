// motcuad serving HTTPS itself (adapters/net/tls.h) with a certificate the
// test makes, the desk client verifying it (--ca-file), and GET /metrics
// over it: the real binaries on loopback.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/api/token_hash.h"
#include "adapters/client/http_client.h"
#include "adapters/net/asio.h"
#include "tests/e2e/e2e_support.h"
#include "tests/support/fixtures.h"

namespace motcua::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using std::chrono::seconds;

constexpr const char* kMetricsToken = "scraper-token-0123456789";

class HttpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A self-signed certificate for 127.0.0.1 alone: its own CA.
    ASSERT_TRUE(MakeCertificate("subjectAltName=IP:127.0.0.1", certificate_, key_));
    WriteConfig(config_, db_, [&](v1::ServerConfig& c) {
      c.mutable_tls()->set_certificate_file(certificate_.string());
      c.mutable_tls()->set_key_file(key_.string());
      c.set_metrics_token_sha256(api::TokenHash(kMetricsToken));
    });
    server_ = ServerProcess::Start(config_, log_);
    ASSERT_NE(server_, nullptr);
    https_ = "https://127.0.0.1:" + std::to_string(server_->port());
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->StopWith(SIGTERM), 0);
    }
  }

  bool MakeCertificate(const std::string& names, const std::filesystem::path& certificate,
                       const std::filesystem::path& key) {
    ProcessResult made = RunProcess({"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                                     "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj",
                                     "/CN=motcua test", "-addext", names, "-keyout", key.string(),
                                     "-out", certificate.string()});
    EXPECT_EQ(made.exit_code, 0) << made.err;
    return made.exit_code == 0;
  }

  // A client of the server over https, trusting `ca` (empty: the system's
  // trust store).
  std::unique_ptr<client::HttpClient> Client(const std::string& ca, const std::string& host) {
    auto url = client::ServerUrl::Parse("https://" + host + ":" + std::to_string(server_->port()));
    EXPECT_TRUE(url.ok());
    url->ca_file = ca;
    return std::make_unique<client::HttpClient>(*url, seconds(30));
  }

  std::string Log() const {
    std::ifstream in(log_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  ::motcua::testing::TempDir dir_;
  std::filesystem::path config_ = dir_.File("motcuad.json");
  std::string db_ = dir_.File("motcua.db");
  std::filesystem::path log_ = dir_.File("motcuad.log");
  std::filesystem::path certificate_ = dir_.File("cert.pem");
  std::filesystem::path key_ = dir_.File("key.pem");
  std::unique_ptr<ServerProcess> server_;
  std::string https_;
};

TEST_F(HttpsTest, TheDeskClientReceivesADossierOverVerifiedTlsAndMetricsCountIt) {
  ProcessResult received =
      Motcua(https_, kReception,
             {"--ca-file", certificate_.string(), "receive", "--procedure", "1.004873",
              "--applicant", "Nguyễn Thị Hồng Nhung", "--documents", "Tờ khai"});
  ASSERT_EQ(received.exit_code, 0) << received.err;
  EXPECT_EQ(Field(received.out, "Trạng thái"), "Được tiếp nhận (2)") << received.out;

  auto http = Client(certificate_.string(), "127.0.0.1");
  client::HttpClient::Call scrape;
  scrape.target = "/metrics";
  auto refused = http->Send(scrape);
  ASSERT_TRUE(std::holds_alternative<client::HttpReply>(refused));
  EXPECT_EQ(std::get<client::HttpReply>(refused).status, 401u);
  // An officer's token is not the scraper's.
  scrape.headers = {{"Authorization", std::string("Bearer ") + kReception}};
  EXPECT_EQ(std::get<client::HttpReply>(http->Send(scrape)).status, 401u);

  scrape.headers = {{"Authorization", std::string("Bearer ") + kMetricsToken}};
  auto sent = http->Send(scrape);
  ASSERT_TRUE(std::holds_alternative<client::HttpReply>(sent));
  const client::HttpReply& metrics = std::get<client::HttpReply>(sent);
  ASSERT_EQ(metrics.status, 200u) << metrics.body;
  EXPECT_THAT(metrics.content_type, HasSubstr("text/plain; version=0.0.4"));
  EXPECT_THAT(metrics.body, HasSubstr("motcua_commands_total{kind=\"receive\",outcome=\"ok\"} 1\n"));
  EXPECT_THAT(metrics.body, HasSubstr("motcua_dossiers_open{status=\"received\"} 1\n"));
  EXPECT_THAT(metrics.body, HasSubstr("motcua_http_requests_total{route=\"/v1/commands/{name}\","
                                      "status=\"200\"} 1\n"));
  EXPECT_THAT(metrics.body, HasSubstr("motcua_ready 1\n"));
  EXPECT_THAT(metrics.body, HasSubstr("motcua_commit_batch_commands_count 1\n"));
  // The applicant's name never reaches the metrics.
  EXPECT_THAT(metrics.body, Not(HasSubstr("Nhung")));
}

TEST_F(HttpsTest, AClientRefusesACertificateItDoesNotTrustOrThatNamesAnotherHost) {
  // No CA file: the system's trust store does not know the test's
  // certificate. Nothing is sent; the desk client says why, in one line.
  ProcessResult untrusted = Motcua(https_, kReception, {"catalog"});
  EXPECT_EQ(untrusted.exit_code, 3);
  EXPECT_THAT(untrusted.err, HasSubstr("certificate verify failed"));
  EXPECT_EQ(std::count(untrusted.err.begin(), untrusted.err.end(), '\n'), 1) << untrusted.err;

  // Trusted, but for another name: a certificate for "other.example" only.
  const std::filesystem::path other_cert = dir_.File("other.pem");
  const std::filesystem::path other_key = dir_.File("other.key");
  ASSERT_TRUE(MakeCertificate("subjectAltName=DNS:other.example", other_cert, other_key));
  auto misnamed = Client(other_cert.string(), "127.0.0.1");
  client::HttpClient::Call call;
  call.target = "/healthz";
  auto sent = misnamed->Send(call);
  ASSERT_TRUE(std::holds_alternative<client::TransportError>(sent));
  EXPECT_EQ(std::get<client::TransportError>(sent).kind, client::TransportError::Kind::kCannotConnect);

  // The right certificate, the right server, under a name the certificate
  // does not carry.
  auto wrong_host = Client(certificate_.string(), "localhost");
  auto refused = wrong_host->Send(call);
  ASSERT_TRUE(std::holds_alternative<client::TransportError>(refused));
  EXPECT_THAT(std::get<client::TransportError>(refused).message, HasSubstr("certificate verify failed"));

  // And a CA file that does not exist is named.
  ProcessResult missing = Motcua(https_, kReception, {"--ca-file", dir_.File("none.pem"), "catalog"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_THAT(missing.err, HasSubstr("none.pem"));
}

TEST_F(HttpsTest, PlainHttpOnTheTlsPortGetsNoAnswerAndTheServerGoesOn) {
  auto url = client::ServerUrl::Parse("http://127.0.0.1:" + std::to_string(server_->port()));
  ASSERT_TRUE(url.ok());
  client::HttpClient plain(*url, seconds(10));
  client::HttpClient::Call call;
  call.target = "/healthz";
  auto sent = plain.Send(call);
  EXPECT_TRUE(std::holds_alternative<client::TransportError>(sent));
  EXPECT_THAT(Log(), HasSubstr("TLS handshake with 127.0.0.1 failed"));

  auto https = Client(certificate_.string(), "127.0.0.1");
  auto healthy = https->Send(call);
  ASSERT_TRUE(std::holds_alternative<client::HttpReply>(healthy));
  EXPECT_EQ(std::get<client::HttpReply>(healthy).status, 200u);
}

TEST_F(HttpsTest, AClientSilentInTheHandshakeDoesNotHoldUpTheShutdown) {
  // Connected, and never a byte of TLS: the session waits in the handshake.
  net::io_context ioc;
  tcp::socket silent(ioc);
  silent.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"),
                               static_cast<unsigned short>(server_->port())));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  // SIGTERM ends the handshake at once: the server does not wait out its
  // grace period for a session that will never say anything.
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
  server_.reset();
  EXPECT_THAT(Log(), HasSubstr("shutting down: 1"));
  EXPECT_THAT(Log(), Not(HasSubstr("grace period over")));
  EXPECT_THAT(Log(), Not(HasSubstr("TLS handshake with")));  // stopping is not a failure
}

TEST_F(HttpsTest, TheSessionCookieIsSecureOverHttps) {
  auto https = Client(certificate_.string(), "127.0.0.1");
  client::HttpClient::Call sign_in;
  sign_in.method = bhttp::verb::post;
  sign_in.target = "/v1/session";
  sign_in.headers = {{"Content-Type", "application/json"}};
  sign_in.body = R"({"user": "tiepnhan01", "password": "tiepnhan01-demo"})";
  auto sent = https->Send(sign_in);
  ASSERT_TRUE(std::holds_alternative<client::HttpReply>(sent));
  const client::HttpReply& reply = std::get<client::HttpReply>(sent);
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const auto cookie = reply.Header("Set-Cookie");
  ASSERT_TRUE(cookie.has_value());
  EXPECT_THAT(*cookie, HasSubstr("; Secure"));
  EXPECT_THAT(*cookie, HasSubstr("HttpOnly"));
}

TEST(HttpsConfigTest, AMissingOrMismatchedKeyStopsTheServerWithOneLineNamingTheFile) {
  ::motcua::testing::TempDir dir;
  const std::filesystem::path config = dir.File("motcuad.json");
  WriteConfig(config, dir.File("motcua.db"), [&](v1::ServerConfig& c) {
    c.mutable_tls()->set_certificate_file(dir.File("missing-cert.pem"));
    c.mutable_tls()->set_key_file(dir.File("missing-key.pem"));
  });
  ProcessResult run = RunProcess({MOTCUAD_BINARY, "--config", config.string()});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("missing-cert.pem"));
  EXPECT_EQ(run.out, "");  // never "listening"

  WriteConfig(config, dir.File("motcua.db"), [&](v1::ServerConfig& c) {
    c.mutable_tls()->set_certificate_file(dir.File("cert.pem"));
  });
  ProcessResult half = RunProcess({MOTCUAD_BINARY, "--config", config.string()});
  EXPECT_NE(half.exit_code, 0);
  EXPECT_THAT(half.err, HasSubstr("certificate_file và key_file"));
}

}  // namespace
}  // namespace motcua::e2e
