#include "adapters/client/api_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "adapters/http/http_reply.h"
#include "tests/support/fixtures.h"

namespace motcua::client {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;

// A scripted peer on 127.0.0.1:0 for the client under test: for each
// connection in turn it reads one request, records it, and either answers
// with `replies[i]` or, when that is empty, hangs up without answering (a
// server that died after reading, or a reset on the way back).
class ScriptedPeer {
 public:
  explicit ScriptedPeer(std::vector<std::string> replies)
      : acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)),
        replies_(std::move(replies)) {
    thread_ = std::thread([this] { Serve(); });
  }
  ~ScriptedPeer() { thread_.join(); }

  ServerUrl url() const {
    return ServerUrl{"127.0.0.1", std::to_string(acceptor_.local_endpoint().port())};
  }
  const std::vector<http::Request>& requests() const { return requests_; }

 private:
  void Serve() {
    for (const std::string& reply : replies_) {
      tcp::socket socket(ioc_);
      acceptor_.accept(socket);
      beast::flat_buffer buffer;
      http::Request request;
      beast::error_code ec;
      bhttp::read(socket, buffer, request, ec);
      if (ec) return;
      requests_.push_back(std::move(request));
      if (!reply.empty()) net::write(socket, net::buffer(reply), ec);
      socket.shutdown(tcp::socket::shutdown_both, ec);
    }
  }

  net::io_context ioc_;
  tcp::acceptor acceptor_;
  std::vector<std::string> replies_;
  std::vector<http::Request> requests_;
  std::thread thread_;
};

std::string HttpReplyText(unsigned status, const std::string& type, const std::string& body,
                          const std::string& extra = "") {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n" +
         extra + "\r\n" + body;
}

TEST(ApiClient, RetriesACommandOnceWithTheSameKeyAfterALostConnection) {
  v1::CommandReply answer;
  answer.mutable_dossier()->set_code("000.00.07.H06-240315-0001");
  std::vector<http::Request> seen;
  {
    ScriptedPeer peer({"", HttpReplyText(200, "application/x-protobuf", answer.SerializeAsString(),
                                         "Idempotent-Replayed: true\r\n")});
    ApiClient client(peer.url(), "token-0000000001");
    v1::Receive body;
    body.set_procedure_code("1.004873");
    auto reply = client.Command("receive", body, "key-123");
    ASSERT_THAT(reply, IsOk());
    EXPECT_EQ(reply->dossier().code(), "000.00.07.H06-240315-0001");
    EXPECT_EQ(client.attempts(), 2);
    EXPECT_TRUE(client.replayed());
    EXPECT_FALSE(client.unreachable());
    seen = peer.requests();
  }
  ASSERT_EQ(seen.size(), 2u);
  for (const http::Request& r : seen) {
    EXPECT_EQ(r.target(), "/v1/commands/receive");
    EXPECT_EQ(r["Idempotency-Key"], "key-123");
    EXPECT_EQ(r[bhttp::field::authorization], "Bearer token-0000000001");
    EXPECT_EQ(r[bhttp::field::content_type], "application/x-protobuf");
  }
  EXPECT_EQ(seen[0].body(), seen[1].body());
}

TEST(ApiClient, WithoutAKeyACommandIsNeverSentTwice) {
  ScriptedPeer peer({""});
  ApiClient client(peer.url(), "token-0000000001");
  auto reply = client.Command("receive", v1::Receive(), "");
  EXPECT_FALSE(reply.ok());
  EXPECT_TRUE(client.unreachable());
  EXPECT_EQ(client.attempts(), 1);
}

TEST(ApiClient, TheServersErrorReplyBecomesItsStatus) {
  ScriptedPeer peer(
      {HttpReplyText(409, "application/json",
                     R"({"code": "illegal_transition", "message": "hồ sơ đã trả kết quả"})")});
  ApiClient client(peer.url(), "token-0000000001");
  auto reply = client.Dossier("X");
  EXPECT_THAT(reply, HasError(Error::kIllegalTransition));
  EXPECT_EQ(reply.status().message(), "hồ sơ đã trả kết quả");
  EXPECT_FALSE(client.unreachable());
}

TEST(ApiClient, NoServerIsUnreachable) {
  // A port that was just free: nothing listens there.
  net::io_context ioc;
  tcp::acceptor probe(ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
  const unsigned short port = probe.local_endpoint().port();
  probe.close();
  ApiClient client(ServerUrl{"127.0.0.1", std::to_string(port)}, "t");
  EXPECT_FALSE(client.Health().ok());
  EXPECT_TRUE(client.unreachable());
}

}  // namespace
}  // namespace motcua::client
