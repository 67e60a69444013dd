#include "adapters/client/connect.h"

#include <optional>
#include <utility>

namespace motcua::client {

std::variant<std::unique_ptr<ssl::context>, TransportError> TlsContextFor(const ServerUrl& url) {
  if (!url.https) return std::unique_ptr<ssl::context>();
  auto context = ClientTlsContext(url.ca_file);
  if (!context.ok()) {
    return TransportError{TransportError::Kind::kCannotConnect, context.status().message()};
  }
  return std::move(*context);
}

std::variant<MaybeTlsStream, TransportError> Connect(net::io_context& ioc, const ServerUrl& url,
                                                     ssl::context* tls,
                                                     std::chrono::milliseconds timeout) {
  ioc.restart();
  tcp::resolver resolver(ioc);
  beast::error_code ec;
  auto endpoints = resolver.resolve(url.host, url.port, ec);
  if (ec) return TransportError{TransportError::Kind::kCannotConnect, ec.message()};

  beast::tcp_stream plain(ioc);
  plain.expires_after(timeout);
  std::optional<TransportError> failure;
  plain.async_connect(endpoints, [&](beast::error_code connect_ec, const tcp::endpoint&) {
    if (connect_ec) {
      failure = TransportError{connect_ec == beast::error::timeout
                                   ? TransportError::Kind::kTimedOut
                                   : TransportError::Kind::kCannotConnect,
                               connect_ec.message()};
    }
  });
  ioc.run();
  ioc.restart();
  if (failure) return *failure;
  plain.socket().set_option(tcp::no_delay(true), ec);
  if (tls == nullptr) return MaybeTlsStream(std::move(plain));

  MaybeTlsStream stream(std::move(plain), *tls);
  if (!ExpectServerName(stream.tls(), url.host)) {
    return TransportError{TransportError::Kind::kCannotConnect,
                          "cannot verify a certificate for host " + url.host};
  }
  stream.tls().async_handshake(ssl::stream_base::client, [&](beast::error_code handshake_ec) {
    if (handshake_ec) {
      // Nothing was sent: an untrusted or misnamed certificate is a
      // connection that could not be made, never a request to retry.
      failure = TransportError{handshake_ec == beast::error::timeout
                                   ? TransportError::Kind::kTimedOut
                                   : TransportError::Kind::kCannotConnect,
                               "TLS: " + TlsErrorText(handshake_ec)};
    }
  });
  ioc.run();
  ioc.restart();
  if (failure) return *failure;
  return stream;
}

}  // namespace motcua::client
