// Connect: opens a client's connection to the server, TCP and then, for an
// https URL, the TLS handshake that verifies the server's certificate
// against the URL's CA file (or the system's trust store) and its name
// against the URL's host. HttpClient and SseClient share it.
#ifndef MOTCUA_ADAPTERS_CLIENT_CONNECT_H_
#define MOTCUA_ADAPTERS_CLIENT_CONNECT_H_

#include <chrono>
#include <memory>
#include <variant>

#include "adapters/client/http_client.h"
#include "adapters/net/maybe_tls_stream.h"
#include "adapters/net/tls.h"

namespace motcua::client {

// The TLS context for `url` (null for http), made once per client. A CA
// file that cannot be read is a kCannotConnect with the reason.
std::variant<std::unique_ptr<ssl::context>, TransportError> TlsContextFor(const ServerUrl& url);

// Resolves, connects and (with `tls`) handshakes, all within `timeout`,
// running `ioc` (restarted first) until done. `tls` must outlive the stream.
std::variant<MaybeTlsStream, TransportError> Connect(net::io_context& ioc, const ServerUrl& url,
                                                     ssl::context* tls,
                                                     std::chrono::milliseconds timeout);

}  // namespace motcua::client

#endif  // MOTCUA_ADAPTERS_CLIENT_CONNECT_H_
