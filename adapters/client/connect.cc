#include "adapters/client/connect.h"

#include <optional>
#include <utility>

namespace motcua::client {

std::variant<ssl::context*, TransportError> ClientTls::For(const ServerUrl& url) {
  if (!url.https) return static_cast<ssl::context*>(nullptr);
  if (!context_) {
    auto made = ClientTlsContext(url.ca_file);
    if (!made.ok()) {
      return TransportError{TransportError::Kind::kCannotConnect, made.status().message()};
    }
    context_ = std::move(*made);
  }
  return context_.get();
}

std::variant<MaybeTlsStream, TransportError> Connect(net::io_context& ioc, const ServerUrl& url,
                                                     ClientTls& trust,
                                                     std::chrono::milliseconds timeout) {
  auto context = trust.For(url);
  if (auto* error = std::get_if<TransportError>(&context)) return *error;
  ssl::context* tls = std::get<ssl::context*>(context);
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
