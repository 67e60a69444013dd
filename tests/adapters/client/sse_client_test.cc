#include "adapters/client/sse_client.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "adapters/net/asio.h"  // before any other Asio header

#include <boost/asio/buffers_iterator.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

namespace motcua::client {
namespace {

using std::chrono::milliseconds;

// A one-connection event-stream server on loopback: it reads the request
// head, answers `reply` and closes the connection.
class OneShotStream {
 public:
  explicit OneShotStream(std::string reply)
      : acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)),
        reply_(std::move(reply)) {
    thread_ = std::thread([this] {
      tcp::socket socket(ioc_);
      beast::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec) return;
      net::streambuf head;
      net::read_until(socket, head, "\r\n\r\n", ec);
      request_ = std::string(net::buffers_begin(head.data()), net::buffers_end(head.data()));
      net::write(socket, net::buffer(reply_), ec);
      socket.shutdown(tcp::socket::shutdown_both, ec);
    });
  }
  ~OneShotStream() {
    if (thread_.joinable()) thread_.join();
  }

  ServerUrl url() const {
    return ServerUrl{.host = "127.0.0.1", .port = std::to_string(acceptor_.local_endpoint().port())};
  }
  // The request head it read; only after the connection ended.
  const std::string& request() {
    if (thread_.joinable()) thread_.join();
    return request_;
  }

 private:
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  const std::string reply_;
  std::string request_;
  std::thread thread_;
};

constexpr const char* kHead =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n";

TEST(SseClient, ParsesEventsAcrossLineEndingsAndSkipsComments) {
  OneShotStream server(std::string(kHead) +
                       ": connected\r\nretry: 2000\r\n\r\n"
                       "id: 7\r\ndata: {\"a\":1}\r\ndata: x\r\n\r\n"
                       "id: 8\nevent: alert\ndata:y\n\n");
  SseClient client(server.url(), "token");
  ASSERT_TRUE(client.Open("/v1/alerts/stream", 5, milliseconds(5000)).ok());
  auto first = client.Next(milliseconds(5000));
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->id, "7");
  EXPECT_EQ((*first)->data, "{\"a\":1}\nx");
  auto second = client.Next(milliseconds(5000));
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_EQ((*second)->id, "8");
  EXPECT_EQ((*second)->event, "alert");
  EXPECT_EQ((*second)->data, "y");
  EXPECT_NE(server.request().find("Last-Event-ID: 5\r\n"), std::string::npos) << server.request();
  EXPECT_NE(server.request().find("Authorization: Bearer token\r\n"), std::string::npos);
}

// Regression: with a short wait, the end of the stream and the wait's timer
// complete in the same turn; the end used to be taken for a timeout, and
// the socket reports it only once, so `motcua alerts --follow` waited for
// ever after the server was killed.
TEST(SseClient, EndOfStreamIsReportedEvenWhenTheWaitTimesOutTogether) {
  OneShotStream server(kHead);
  SseClient client(server.url(), "");
  ASSERT_TRUE(client.Open("/v1/alerts/stream", std::nullopt, milliseconds(5000)).ok());
  server.request();  // the server has closed its end
  // Zero waits are the case under test, so the end is polled for: nothing
  // says when the server's FIN reaches the client's socket. The deadline
  // only ends a run that would otherwise spin for ever.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool ended = false;
  while (!ended && std::chrono::steady_clock::now() < deadline) {
    auto next = client.Next(milliseconds(0));
    if (!next.ok()) {
      ended = true;
      EXPECT_EQ(next.status().message(), "máy chủ đã đóng luồng cảnh báo");
    } else {
      EXPECT_FALSE(next->has_value());
      std::this_thread::sleep_for(milliseconds(1));
    }
  }
  EXPECT_TRUE(ended);
}

}  // namespace
}  // namespace motcua::client
