// Connect: opens a client's connection to the server, TCP and then, for an
// https URL, the TLS handshake that verifies the server's certificate
// against the URL's CA file (or the system's trust store) and its name
// against the URL's host. HttpClient and SseClient share it.
#ifndef MOTCUA_ADAPTERS_CLIENT_CONNECT_H_
#define MOTCUA_ADAPTERS_CLIENT_CONNECT_H_

#include <chrono>
#include <memory>
#include <variant>

#include "adapters/client/server_url.h"
#include "adapters/net/maybe_tls_stream.h"
#include "adapters/net/tls.h"

namespace motcua::client {

// A client's trust for https: the context is made at its first https
// connection and kept for the next ones.
class ClientTls {
 public:
  // Null for http; for https the context, or kCannotConnect naming a CA file
  // that cannot be read.
  std::variant<ssl::context*, TransportError> For(const ServerUrl& url);

 private:
  std::unique_ptr<ssl::context> context_;
};

// Resolves, connects and, for https, handshakes with `tls`'s context, all
// within `timeout`, running `ioc` (restarted first) until done. `tls` must
// outlive the stream.
std::variant<MaybeTlsStream, TransportError> Connect(net::io_context& ioc, const ServerUrl& url,
                                                     ClientTls& tls,
                                                     std::chrono::milliseconds timeout);

}  // namespace motcua::client

#endif  // MOTCUA_ADAPTERS_CLIENT_CONNECT_H_
