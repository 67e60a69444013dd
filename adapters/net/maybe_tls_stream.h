// MaybeTlsStream: one connection, plain TCP or TLS over TCP, behind one type,
// so that the HTTP sessions and the client are written once for both.
//
// The TCP layer (a beast::tcp_stream) is always there: its deadlines, socket
// and close serve both kinds, as Beast's documentation recommends for an SSL
// stream over a tcp_stream. Reads and writes go through TLS when the stream
// is secure. Both branches are compiled into every read and write, which
// costs one test of a flag per operation and keeps one session class instead
// of a template per transport.
//
// Not thread-safe: like the streams it holds, used on one strand.
#ifndef MOTCUA_ADAPTERS_NET_MAYBE_TLS_STREAM_H_
#define MOTCUA_ADAPTERS_NET_MAYBE_TLS_STREAM_H_

#include <utility>
#include <variant>

#include "adapters/net/asio.h"
#include "adapters/net/tls.h"

namespace motcua {

class MaybeTlsStream {
 public:
  using executor_type = beast::tcp_stream::executor_type;
  using TlsLayer = beast::ssl_stream<beast::tcp_stream>;

  // Plain TCP.
  explicit MaybeTlsStream(beast::tcp_stream plain) : stream_(std::move(plain)) {}
  // TLS over `plain`, with `context`'s certificate or trust (which must
  // outlive the stream); the handshake is the owner's first operation.
  MaybeTlsStream(beast::tcp_stream plain, ssl::context& context)
      : stream_(std::in_place_type<TlsLayer>, std::move(plain), context) {}

  // Moved (into a session, to the alert stream), never assigned: Asio's
  // SSL stream cannot be move-assigned.
  MaybeTlsStream(MaybeTlsStream&&) = default;

  bool secure() const { return std::holds_alternative<TlsLayer>(stream_); }
  // Only when secure().
  TlsLayer& tls() { return std::get<TlsLayer>(stream_); }

  beast::tcp_stream& tcp() {
    if (TlsLayer* tls = std::get_if<TlsLayer>(&stream_)) return tls->next_layer();
    return std::get<beast::tcp_stream>(stream_);
  }
  executor_type get_executor() { return tcp().get_executor(); }
  tcp::socket& socket() { return tcp().socket(); }
  template <class Duration>
  void expires_after(Duration d) { tcp().expires_after(d); }
  void expires_never() { tcp().expires_never(); }
  // Closes the socket at once (no TLS close_notify); pending operations
  // complete with operation_aborted.
  void close() { tcp().close(); }

  // AsyncReadStream and AsyncWriteStream, for Beast's and Asio's composed
  // operations.
  template <class MutableBuffers, class Handler>
  void async_read_some(const MutableBuffers& buffers, Handler&& handler) {
    if (TlsLayer* tls = std::get_if<TlsLayer>(&stream_)) {
      tls->async_read_some(buffers, std::forward<Handler>(handler));
    } else {
      std::get<beast::tcp_stream>(stream_).async_read_some(buffers, std::forward<Handler>(handler));
    }
  }
  template <class ConstBuffers, class Handler>
  void async_write_some(const ConstBuffers& buffers, Handler&& handler) {
    if (TlsLayer* tls = std::get_if<TlsLayer>(&stream_)) {
      tls->async_write_some(buffers, std::forward<Handler>(handler));
    } else {
      std::get<beast::tcp_stream>(stream_).async_write_some(buffers, std::forward<Handler>(handler));
    }
  }

 private:
  std::variant<beast::tcp_stream, TlsLayer> stream_;
};

}  // namespace motcua

#endif  // MOTCUA_ADAPTERS_NET_MAYBE_TLS_STREAM_H_
