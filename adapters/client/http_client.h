// HttpClient: a small synchronous HTTP/1.1 client for the desk client and the
// tests. It keeps one connection alive between calls and reconnects when
// needed. Every call has a deadline covering connect, write and read (the
// calls run Beast's asynchronous operations on a private io_context, because
// only those honour tcp_stream's timeouts). Over https it verifies the
// server's certificate (connect.h).
//
// Not thread-safe: one client per thread.
#ifndef MOTCUA_ADAPTERS_CLIENT_HTTP_CLIENT_H_
#define MOTCUA_ADAPTERS_CLIENT_HTTP_CLIENT_H_

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "adapters/client/connect.h"
#include "adapters/client/server_url.h"
#include "adapters/net/asio.h"
#include "adapters/net/maybe_tls_stream.h"
#include "engine/base/status.h"

namespace motcua::client {

struct HttpReply {
  unsigned status = 0;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  // The first header named `name` (case-insensitive), if any.
  std::optional<std::string> Header(std::string_view name) const;
};

class HttpClient {
 public:
  HttpClient(ServerUrl url, std::chrono::milliseconds timeout);

  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  struct Call {
    bhttp::verb method = bhttp::verb::get;
    std::string target;  // "/v1/..."
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
  };

  // The reply, or why there is none. A kept-alive connection that the server
  // has closed meanwhile (idle timeout) is noticed before the call is sent
  // and reopened.
  std::variant<HttpReply, TransportError> Send(const Call& call);

  // Drops the kept-alive connection.
  void Disconnect();

  const ServerUrl& url() const { return url_; }

 private:
  // Whether the kept-alive connection can carry another request: nothing
  // (no end of stream, no stray bytes) is waiting to be read on it.
  bool Reusable();

  ServerUrl url_;
  std::chrono::milliseconds timeout_;
  net::io_context ioc_;
  ClientTls tls_;
  std::optional<MaybeTlsStream> stream_;
  beast::flat_buffer buffer_;
};

}  // namespace motcua::client

#endif  // MOTCUA_ADAPTERS_CLIENT_HTTP_CLIENT_H_
