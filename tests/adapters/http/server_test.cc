#include "adapters/http/server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <sstream>
#include <thread>

#include "adapters/http/http_client.h"
#include "adapters/http/token_hash.h"
#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

constexpr const char* kToken = "reception-token-0001";

// A real server on 127.0.0.1:0 in this process, with a real engine service
// and database; the engine thread starts only when the test says, so a
// command can be held "in flight" deterministically.
class ServerTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options, bool start_engine = true) {
    auto engine = EngineService::Open(
        EngineServiceOptions{.db_path = dir_.File("motcua.db")},
        engine::EngineOptions{.unit_code = "000.00.07.H06", .fee_wait_pauses_clock = false},
        ::motcua::testing::ShippedCatalog(), ::motcua::testing::ShippedCalendar(), clock_,
        secrets_);
    ASSERT_THAT(engine, IsOk());
    engine_ = std::move(*engine);
    if (start_engine) engine_->Start();
    auto queries = QueryService::Open(dir_.File("motcua.db"), 1);
    ASSERT_THAT(queries, IsOk());
    queries_ = std::move(*queries);
    v1::Users users;
    v1::User* u = users.add_users();
    u->set_name("tiepnhan01");
    u->add_roles(v1::ROLE_RECEPTION);
    u->set_token_sha256(TokenHash(kToken));
    auto auth = Authenticator::Build(users, "test");
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
  RequestLog log_{&log_text_};
  std::unique_ptr<EngineService> engine_;
  std::unique_ptr<QueryService> queries_;
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

// Sends `head` one byte every `pace` until told to stop or the server closes.
class Dribbler {
 public:
  Dribbler(tcp::socket socket, std::string head, std::chrono::milliseconds pace)
      : socket_(std::move(socket)), thread_([this, head = std::move(head), pace] {
          for (std::size_t i = 0; !stop_.load(); i = (i + 1) % head.size()) {
            beast::error_code ec;
            net::write(socket_, net::buffer(&head[i], 1), ec);
            if (ec) {
              closed_by_server_.store(true);
              return;
            }
            for (auto slept = std::chrono::milliseconds(0); slept < pace && !stop_.load();
                 slept += std::chrono::milliseconds(20)) {
              std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
          }
        }) {}
  ~Dribbler() {
    stop_.store(true);
    thread_.join();
  }
  bool closed_by_server() const { return closed_by_server_.load(); }

 private:
  tcp::socket socket_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> closed_by_server_{false};
  std::thread thread_;
};

TEST_F(ServerTest, ARequestTricklingInByteByByteIsCutOffAtTheDeadline) {
  ServerOptions options;
  options.session.idle_timeout = std::chrono::seconds(1);
  Start(options);
  // A header that never ends, one byte every 100ms: the deadline is for the
  // whole request, not renewed by each byte, so the server closes the
  // connection and the dribbler's writes start failing.
  Dribbler dribbler(Connect(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: sssss",
                    std::chrono::milliseconds(100));
  const auto start = std::chrono::steady_clock::now();
  while (!dribbler.closed_by_server() &&
         std::chrono::steady_clock::now() - start < std::chrono::seconds(30)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(dribbler.closed_by_server())
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
  std::vector<std::unique_ptr<Dribbler>> attackers;
  for (int i = 0; i < 16; ++i) {
    attackers.push_back(std::make_unique<Dribbler>(
        Connect(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 's'),
        std::chrono::milliseconds(1000)));
  }
  // Let them hold every place long enough to count as waiting.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  for (int round = 0; round < 3; ++round) {
    auto url = ServerUrl::Parse("http://127.0.0.1:" + std::to_string(port_));
    ASSERT_THAT(url, IsOk());
    HttpClient client(*url, std::chrono::seconds(20));
    HttpClient::Call call;
    call.target = "/healthz";
    auto reply = client.Send(call);
    ASSERT_TRUE(std::holds_alternative<HttpReply>(reply))
        << std::get<TransportError>(reply).message;
    EXPECT_EQ(std::get<HttpReply>(reply).status, 200u) << "round " << round;
    // Attackers reconnect to take the places back.
    for (auto& a : attackers) {
      if (a->closed_by_server()) {
        a = std::make_unique<Dribbler>(
            Connect(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 's'),
            std::chrono::milliseconds(1000));
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
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
  while (engine_->pending() < 1 || server_->sessions() < 2) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }

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
  auto url = ServerUrl::Parse("http://127.0.0.1:8080/");
  ASSERT_THAT(url, IsOk());
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, "8080");
  EXPECT_FALSE(ServerUrl::Parse("https://x:1").ok());
  EXPECT_FALSE(ServerUrl::Parse("http://x:1/v1").ok());
}

}  // namespace
}  // namespace motcua::http
