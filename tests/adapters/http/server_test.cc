#include "adapters/http/server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <future>
#include <sstream>
#include <thread>

#include "adapters/api/body_codec.h"
#include "adapters/client/http_client.h"
#include "adapters/http/request_id.h"
#include "motcua/v1/api.pb.h"
#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

using ::motcua::testing::Eventually;
using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

constexpr const char* kToken = "reception-token-0001";

// A real server on 127.0.0.1:0 in this process, with a real engine service
// and database; the engine thread starts only when the test says, so a
// command can be held "in flight" deterministically.
class ServerTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options, bool start_engine = true) {
    auto engine = runtime::EngineService::Open(
        runtime::EngineServiceOptions{.db_path = dir_.File("motcua.db")},
        engine::EngineOptions{.unit_code = "000.00.07.H06", .fee_wait_pauses_clock = false},
        ::motcua::testing::ShippedCatalog(), ::motcua::testing::ShippedCalendar(), clock_,
        secrets_);
    ASSERT_THAT(engine, IsOk());
    engine_ = std::move(*engine);
    if (start_engine) engine_->Start();
    auto queries = runtime::QueryService::Open(dir_.File("motcua.db"), 1);
    ASSERT_THAT(queries, IsOk());
    queries_ = std::move(*queries);
    auto auth = Authenticator::Build(
        ::motcua::testing::MakeUsers({{"tiepnhan01", v1::ROLE_RECEPTION, kToken}}), "test");
    ASSERT_THAT(auth, IsOk());
    handler_ = std::make_unique<ApiHandler>(
        *engine_, *queries_, clock_,
        ApiContext{.catalog = ::motcua::testing::ShippedCatalog(), .users = *auth, .unit = {}});
    server_ = std::make_unique<Server>(ioc_, *handler_, log_, options);
    auto bound = server_->Listen(tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    ASSERT_THAT(bound, IsOk());
    port_ = bound->port();
    server_->Start();
    thread_ = std::thread([this] { ioc_.run(); });
  }

  // The shutdown sequence; returns once run() has returned.
  void Shutdown() {
    if (!server_) return;
    server_->Shutdown({});
    if (thread_.joinable()) thread_.join();
    engine_->Stop();
    server_.reset();
  }

  void TearDown() override { Shutdown(); }

  tcp::socket Connect() {
    tcp::socket s(client_ioc_);
    s.connect(
        tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port_)));
    return s;
  }

  static bhttp::response<bhttp::string_body> Read(tcp::socket& s, beast::flat_buffer& buffer) {
    bhttp::response<bhttp::string_body> res;
    beast::error_code ec;
    bhttp::read(s, buffer, res, ec);
    EXPECT_FALSE(ec) << ec.message();
    return res;
  }

  // Whether the server closes `s` (reads end of stream) within `limit`.
  static bool ClosedWithin(tcp::socket& s, std::chrono::seconds limit) {
    auto closed = std::async(std::launch::async, [&s] {
      char c;
      beast::error_code ec;
      while (!ec) s.read_some(net::buffer(&c, 1), ec);
      return ec == net::error::eof || ec == net::error::connection_reset;
    });
    return closed.wait_for(limit) == std::future_status::ready && closed.get();
  }

  ::motcua::testing::TempDir dir_;
  ManualClock clock_{Vn("2024-03-15 09:00")};
  ::motcua::testing::CountingSecrets secrets_;
  std::ostringstream log_text_;
  runtime::RequestLog log_{&log_text_};
  std::unique_ptr<runtime::EngineService> engine_;
  std::unique_ptr<runtime::QueryService> queries_;
  std::unique_ptr<ApiHandler> handler_;
  net::io_context ioc_{1};
  net::io_context client_ioc_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Start(ServerOptions{});
  tcp::socket s = Connect();
  const std::string requests =
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /v1/catalog HTTP/1.1\r\nHost: x\r\n\r\n"  // no token: 401
      "GET /v1/dossiers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
      std::string(kToken) +
      "\r\n\r\n"
      "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n";
  net::write(s, net::buffer(requests));
  beast::flat_buffer buffer;
  EXPECT_EQ(Read(s, buffer).result_int(), 200u);
  EXPECT_EQ(Read(s, buffer).result_int(), 401u);
  EXPECT_EQ(Read(s, buffer).result_int(), 200u);
  EXPECT_EQ(Read(s, buffer).result_int(), 404u);
  // One log line per request, without the token.
  Shutdown();
  EXPECT_THAT(log_text_.str(), ::testing::HasSubstr("GET /v1/catalog 401 "));
  EXPECT_THAT(log_text_.str(), ::testing::Not(::testing::HasSubstr(kToken)));
}

TEST_F(ServerTest, OversizedBodiesGet413HeadersGet431AndTheConnectionCloses) {
  ServerOptions options;
  options.session.max_body_bytes = 1000;
  options.session.max_header_bytes = 2000;
  Start(options);
  {
    tcp::socket s = Connect();
    net::write(s, net::buffer("POST /v1/commands/receive HTTP/1.1\r\nHost: x\r\n"
                              "Content-Length: 5000\r\n\r\n" +
                              std::string(5000, 'x')));
    beast::flat_buffer buffer;
    auto res = Read(s, buffer);
    EXPECT_EQ(res.result_int(), 413u);
    EXPECT_FALSE(res.keep_alive());
    EXPECT_TRUE(ClosedWithin(s, std::chrono::seconds(30)));
  }
  {
    tcp::socket s = Connect();
    net::write(s, net::buffer("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " +
                              std::string(3000, 'p') + "\r\n\r\n"));
    beast::flat_buffer buffer;
    EXPECT_EQ(Read(s, buffer).result_int(), 431u);
  }
  {
    tcp::socket s = Connect();
    net::write(s, net::buffer(std::string("NOT HTTP AT ALL\r\n\r\n")));
    beast::flat_buffer buffer;
    EXPECT_EQ(Read(s, buffer).result_int(), 400u);
  }
}

TEST_F(ServerTest, AnIdleConnectionIsClosedAtTheReadDeadline) {
  ServerOptions options;
  options.session.idle_timeout = std::chrono::milliseconds(300);
  Start(options);
  tcp::socket s = Connect();
  EXPECT_TRUE(ClosedWithin(s, std::chrono::seconds(30)));
}

// Every reply carries its request's id (request_id.h): in the header, in an
// error's body, and on the request's log line; a proxy's plausible id is
// kept, anything else replaced.
TEST_F(ServerTest, EveryReplyCarriesItsRequestIdInTheHeaderTheErrorAndTheLog) {
  Start(ServerOptions{});
  tcp::socket s = Connect();
  const std::string requests =
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /v1/catalog HTTP/1.1\r\nHost: x\r\nX-Request-Id: nginx-7f3a.1\r\n\r\n"
      "GET /nowhere HTTP/1.1\r\nHost: x\r\nX-Request-Id: bad id\r\n\r\n";
  net::write(s, net::buffer(requests));
  beast::flat_buffer buffer;
  auto health = Read(s, buffer);
  auto refused = Read(s, buffer);
  auto missing = Read(s, buffer);
  const std::string generated(ToStd(health[ToBeast(kRequestIdHeader)]));
  EXPECT_THAT(generated, ::testing::MatchesRegex("[0-9a-f]{8}-[0-9a-f]+"));
  EXPECT_EQ(refused.result_int(), 401u);
  EXPECT_EQ(ToStd(refused[ToBeast(kRequestIdHeader)]), "nginx-7f3a.1");  // the proxy's, kept
  EXPECT_THAT(refused.body(), ::testing::HasSubstr("\"request_id\":\"nginx-7f3a.1\""));
  const std::string replaced(ToStd(missing[ToBeast(kRequestIdHeader)]));
  EXPECT_EQ(missing.result_int(), 404u);
  EXPECT_THAT(replaced, ::testing::MatchesRegex("[0-9a-f]{8}-[0-9a-f]+"));
  EXPECT_NE(replaced, generated);
  EXPECT_THAT(missing.body(), ::testing::HasSubstr("\"request_id\":\"" + replaced + "\""));
  Shutdown();
  EXPECT_THAT(log_text_.str(), ::testing::HasSubstr("GET /healthz 200 "));
  EXPECT_THAT(log_text_.str(), ::testing::HasSubstr("ms id=" + generated + "\n"));
  EXPECT_THAT(log_text_.str(), ::testing::HasSubstr("GET /v1/catalog 401 "));
  EXPECT_THAT(log_text_.str(), ::testing::HasSubstr("ms id=nginx-7f3a.1\n"));
  EXPECT_THAT(log_text_.str(), ::testing::HasSubstr("ms id=" + replaced + "\n"));
  EXPECT_THAT(log_text_.str(), ::testing::Not(::testing::HasSubstr("bad id")));
}

TEST(RequestIdTest, OnlyPlainShortIdsAreKept) {
  EXPECT_TRUE(IsAcceptableRequestId("0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
  EXPECT_TRUE(IsAcceptableRequestId("req_1:2.3-4"));
  EXPECT_FALSE(IsAcceptableRequestId(""));
  EXPECT_FALSE(IsAcceptableRequestId(std::string(65, 'a')));
  EXPECT_FALSE(IsAcceptableRequestId("a b"));
  EXPECT_FALSE(IsAcceptableRequestId("a\nGET / 200"));
  EXPECT_FALSE(IsAcceptableRequestId("mã"));
  EXPECT_NE(NewRequestId(), NewRequestId());
}

TEST_F(ServerTest, ConnectionsOverTheLimitGet503) {
  ServerOptions options;
  options.max_connections = 1;
  Start(options);
  tcp::socket first = Connect();
  net::write(first, net::buffer(std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")));
  beast::flat_buffer buffer;
  EXPECT_EQ(Read(first, buffer).result_int(), 200u);  // the first is registered
  tcp::socket second = Connect();
  beast::flat_buffer buffer2;
  auto res = Read(second, buffer2);
  EXPECT_EQ(res.result_int(), 503u);
  EXPECT_EQ(res[bhttp::field::retry_after], "1");
}

TEST_F(ServerTest, TheLastRequestAllowedOnAConnectionSaysCloseAndTheConnectionCloses) {
  ServerOptions options;
  options.session.max_requests = 3;
  Start(options);
  tcp::socket s = Connect();
  beast::flat_buffer buffer;
  for (int i = 1; i <= 3; ++i) {
    net::write(s, net::buffer(std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")));
    auto res = Read(s, buffer);
    EXPECT_EQ(res.result_int(), 200u);
    EXPECT_EQ(res.keep_alive(), i < 3) << "request " << i;
  }
  EXPECT_TRUE(ClosedWithin(s, std::chrono::seconds(30)));
}

// Sends `head` one byte every `pace` (a slow-loris client: the slowness is
// the behaviour under test) until it is destroyed or the server ends the
// connection. Between two bytes it waits on the socket itself, so it sees
// the server's close (or 503: the only answer a dribbler can get) at once.
class Dribbler {
 public:
  Dribbler(tcp::socket socket, std::string head, std::chrono::milliseconds pace)
      : socket_(std::move(socket)),
        closed_(closed_promise_.get_future().share()),
        thread_([this, head = std::move(head), pace] { Run(head, pace); }) {}
  ~Dribbler() {
    stop_.store(true);
    // Wakes the thread's wait on the socket (or fails the write it is in).
    ::shutdown(socket_.native_handle(), SHUT_RDWR);
    thread_.join();
  }

  bool closed_by_server() const { return ClosedWithin(std::chrono::milliseconds(0)); }
  bool ClosedWithin(std::chrono::milliseconds limit) const {
    return closed_.wait_for(limit) == std::future_status::ready;
  }

 private:
  void Run(const std::string& head, std::chrono::milliseconds pace) {
    for (std::size_t i = 0;; i = (i + 1) % head.size()) {
      beast::error_code ec;
      net::write(socket_, net::buffer(&head[i], 1), ec);
      if (ec) break;
      pollfd readable{socket_.native_handle(), POLLIN, 0};
      if (::poll(&readable, 1, static_cast<int>(pace.count())) > 0) break;
    }
    if (!stop_.load()) closed_promise_.set_value();
  }

  tcp::socket socket_;  // the thread's; the destructor only shuts it down
  std::atomic<bool> stop_{false};
  std::promise<void> closed_promise_;
  std::shared_future<void> closed_;
  std::thread thread_;
};

TEST_F(ServerTest, ARequestTricklingInByteByByteIsCutOffAtTheDeadline) {
  ServerOptions options;
  options.session.idle_timeout = std::chrono::seconds(1);
  Start(options);
  // A header that never ends, one byte every 100ms: the deadline is for the
  // whole request, not renewed by each byte, so the server closes the
  // connection (the dribbler, waiting on its socket, sees it at once).
  Dribbler dribbler(Connect(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: sssss",
                    std::chrono::milliseconds(100));
  EXPECT_TRUE(dribbler.ClosedWithin(std::chrono::seconds(30)))
      << "a trickling request kept its connection past the deadline";
}

TEST_F(ServerTest, SlowLorisConnectionsCannotStarveANormalClient) {
  // Room for 8 connections and a generous 60s deadline per request; 16
  // attackers dribble one byte a second on every connection they can get.
  // Invariant: a normal client's request is answered 200 while they do.
  ServerOptions options;
  options.max_connections = 8;
  options.session.idle_timeout = std::chrono::seconds(60);
  Start(options);
  const std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 's');
  const auto attack = [&] {
    return std::make_unique<Dribbler>(Connect(), head, std::chrono::milliseconds(1000));
  };
  std::vector<std::unique_ptr<Dribbler>> attackers;
  for (int i = 0; i < 16; ++i) attackers.push_back(attack());
  for (int round = 0; round < 3; ++round) {
    // The attackers hold every place, taking back each free one (one at a
    // time: a reconnection into a full server would evict another)...
    ASSERT_TRUE(Eventually([&] {
      if (server_->sessions() >= options.max_connections) return true;
      for (auto& a : attackers) {
        if (a->closed_by_server()) {
          a = attack();
          break;
        }
      }
      return false;
    })) << "round " << round << ": the attackers never held every place";
    // ...and have held them as long as the server lets a connection wait
    // before it may be evicted (Server::kEvictableAfter, 1 s). That delay
    // is the behaviour under test, so it is slept, once: in later rounds the
    // places the attackers kept have waited longer than that already.
    if (round == 0) std::this_thread::sleep_for(std::chrono::seconds(1));
    auto url = client::ServerUrl::Parse("http://127.0.0.1:" + std::to_string(port_));
    ASSERT_THAT(url, IsOk());
    client::HttpClient client(*url, std::chrono::seconds(20));
    client::HttpClient::Call call;
    call.target = "/healthz";
    auto reply = client.Send(call);
    ASSERT_TRUE(std::holds_alternative<client::HttpReply>(reply))
        << std::get<client::TransportError>(reply).message;
    EXPECT_EQ(std::get<client::HttpReply>(reply).status, 200u) << "round " << round;
  }
}

TEST_F(ServerTest, ShutdownFinishesTheCommandInFlightThenCloses) {
  Start(ServerOptions{}, /*start_engine=*/false);
  tcp::socket s = Connect();
  const std::string body =
      R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER", "applicant": {"name": "A"}})";
  net::write(s, net::buffer("POST /v1/commands/receive HTTP/1.1\r\nHost: x\r\nAuthorization: "
                            "Bearer " +
                            std::string(kToken) +
                            "\r\nContent-Type: application/json\r\n"
                            "Content-Length: " +
                            std::to_string(body.size()) + "\r\n\r\n" + body));
  // The request is read and waits at the engine; an idle second connection
  // is open too.
  tcp::socket idle = Connect();
  ASSERT_TRUE(Eventually([&] { return engine_->pending() >= 1 && server_->sessions() >= 2; }));

  server_->Shutdown({});
  // The idle connection is closed; by then the acceptor is closed too.
  EXPECT_TRUE(ClosedWithin(idle, std::chrono::seconds(30)));
  tcp::socket late(client_ioc_);
  beast::error_code ec;
  late.connect(
      tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port_)), ec);
  EXPECT_TRUE(ec) << "connected after shutdown began";

  // The engine answers; the answer is written, and says Connection: close.
  engine_->Start();
  beast::flat_buffer buffer;
  auto res = Read(s, buffer);
  EXPECT_EQ(res.result_int(), 200u) << res.body();
  EXPECT_FALSE(res.keep_alive());
  thread_.join();  // run() returned: all work drained, no ioc.stop()
  EXPECT_EQ(server_->sessions(), 0u);
}

// Found by the HTTP fuzz target: a path that is not UTF-8, as a client
// sends it on the wire, came back raw in the ErrorReply (not JSON) and in
// the log. Both now quote it (engine/base/quote.h): U+FFFD for each bad byte.
TEST_F(ServerTest, APathThatIsNotUtf8IsQuotedInTheReplyAndTheLog) {
  Start(ServerOptions{});
  tcp::socket s = Connect();
  net::write(s, net::buffer(std::string(
                    "GET /v1/stats\xC1\x99\x8D\x90m=2024-01-01&to=2024-12-31&format=csv&codes=1 "
                    "HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ") +
                kToken + "\r\n\r\n"));
  beast::flat_buffer buffer;
  auto res = Read(s, buffer);
  EXPECT_EQ(res.result_int(), 404u) << res.body();
  v1::ErrorReply reply;
  ASSERT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, reply), IsOk()) << res.body();
  const std::string fffd4 = "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD";
  EXPECT_EQ(reply.message(), "không có đường dẫn /v1/stats" + fffd4 +
                                 "m=2024-01-01&to=2024-12-31&format=csv&codes=1");
  Shutdown();
  // The log line quotes the path the same way (without the query).
  EXPECT_THAT(log_text_.str(), ::testing::HasSubstr("GET /v1/stats" + fffd4 + "m=2024-01-01&to="));
  EXPECT_EQ(log_text_.str().find('\xC1'), std::string::npos);
}

// A reception command as one raw request: `version` "1.1" or "1.0",
// `host_lines` the Host header lines it carries (each with its CRLF).
std::string RawReceive(const std::string& version, const std::string& host_lines) {
  const std::string body =
      R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER", "applicant": {"name": "A"}})";
  return "POST /v1/commands/receive HTTP/" + version + "\r\n" + host_lines +
         "Authorization: Bearer " + std::string(kToken) +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

TEST_F(ServerTest, AnHttp11RequestWithoutOrWithTwoHostHeadersGets400AndIsNotServed) {
  Start(ServerOptions{});
  struct Case {
    const char* what;
    std::string request;
    const char* message;
  };
  const Case cases[] = {
      {"HTTP/1.1 without Host", RawReceive("1.1", ""), "thiếu tiêu đề Host"},
      {"HTTP/1.1 with two Host", RawReceive("1.1", "Host: a\r\nHost: b\r\n"),
       "tiêu đề Host bị lặp"},
      {"HTTP/1.1 with the same Host twice", RawReceive("1.1", "Host: x\r\nhost: x\r\n"),
       "tiêu đề Host bị lặp"},
      // Two Host lines are refused whatever the version (RFC 9112 §3.2).
      {"HTTP/1.0 with two Host", RawReceive("1.0", "Host: a\r\nHost: b\r\n"),
       "tiêu đề Host bị lặp"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    tcp::socket s = Connect();
    net::write(s, net::buffer(c.request));
    beast::flat_buffer buffer;
    auto res = Read(s, buffer);
    EXPECT_EQ(res.result_int(), 400u) << res.body();
    EXPECT_EQ(res[bhttp::field::content_type], "application/json");
    EXPECT_EQ(res.body().find('\n'), std::string::npos) << "one line";
    v1::ErrorReply reply;
    ASSERT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, reply), IsOk()) << res.body();
    EXPECT_EQ(reply.code(), "bad_request");
    EXPECT_EQ(reply.message(), c.message);
    // The client is broken: the connection ends after the answer.
    EXPECT_FALSE(res.keep_alive());
    EXPECT_TRUE(ClosedWithin(s, std::chrono::seconds(30)));
  }

  // Nothing reached the engine: no dossier exists, and the next reception
  // (HTTP/1.0 without Host, which RFC 9112 allows) takes the day's first code.
  tcp::socket s = Connect();
  net::write(s, net::buffer("GET /v1/dossiers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                            std::string(kToken) + "\r\n\r\n"));
  beast::flat_buffer buffer;
  auto list = Read(s, buffer);
  ASSERT_EQ(list.result_int(), 200u) << list.body();
  v1::DossierList dossiers;
  ASSERT_THAT(api::DecodeBody(list.body(), api::BodyFormat::kJson, dossiers), IsOk());
  EXPECT_EQ(dossiers.dossiers_size(), 0) << list.body();

  tcp::socket old = Connect();
  net::write(old, net::buffer(RawReceive("1.0", "")));
  beast::flat_buffer old_buffer;
  auto received = Read(old, old_buffer);
  ASSERT_EQ(received.result_int(), 200u) << received.body();
  v1::CommandReply reply;
  ASSERT_THAT(api::DecodeBody(received.body(), api::BodyFormat::kJson, reply), IsOk());
  EXPECT_EQ(reply.dossier().code(), "000.00.07.H06-240315-0001");
}

TEST(ServerAddress, ParsesHostAndPort) {
  auto a = ParseListenAddress("127.0.0.1:8080");
  ASSERT_THAT(a, IsOk());
  EXPECT_EQ(a->port(), 8080);
  auto b = ParseListenAddress("[::1]:0");
  ASSERT_THAT(b, IsOk());
  EXPECT_TRUE(b->address().is_v6());
  EXPECT_THAT(ParseListenAddress("localhost:80"), IsOk());
  for (const char* bad : {"8080", "127.0.0.1:", "127.0.0.1:99999", "nohost:1", ":80"}) {
    EXPECT_FALSE(ParseListenAddress(bad).ok()) << bad;
  }
  auto url = client::ServerUrl::Parse("http://127.0.0.1:8080/");
  ASSERT_THAT(url, IsOk());
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, "8080");
  EXPECT_FALSE(url->https);
  auto secure = client::ServerUrl::Parse("https://motcua.ngocson.local");
  ASSERT_THAT(secure, IsOk());
  EXPECT_TRUE(secure->https);
  EXPECT_EQ(secure->port, "443");
  EXPECT_EQ(secure->ToString(), "https://motcua.ngocson.local:443");
  auto v6 = client::ServerUrl::Parse("https://[::1]:8443");
  ASSERT_THAT(v6, IsOk());
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->ToString(), "https://[::1]:8443");
  EXPECT_FALSE(client::ServerUrl::Parse("ftp://x:1").ok());
  EXPECT_FALSE(client::ServerUrl::Parse("httpss://x:1").ok());
  EXPECT_FALSE(client::ServerUrl::Parse("http://x:1/v1").ok());
}

}  // namespace
}  // namespace motcua::http
