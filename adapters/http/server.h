// Server: accepts connections and runs an HttpSession for each, and shuts
// down as a sequence, never by stopping the io_context:
//
//   1. Shutdown() closes the acceptor: no new connections.
//   2. Every session is asked to Stop(): it reads no more requests, answers
//      the ones it has (commands out at the engine are committed and
//      answered), and closes.
//   3. The server waits for the last session to go, up to the grace period.
//   4. Sessions still open then are aborted (their answers are dropped;
//      their commands still commit). run() returns once every pending
//      operation has drained.
//
// Each connection is accepted onto its own strand. An accept error other
// than the acceptor's closing is retried after a short delay instead of
// ending the accept loop. At max_connections, a new connection takes the
// place of the one that has waited longest (over kEvictableAfter) for its
// next request with nothing in hand, which is closed: a client dribbling
// requests byte by byte on many connections (slow-loris) cannot keep
// others out, and an idle keep-alive connection is only reopened. When no
// connection has waited that long, the new one gets 503 and is closed.
//
// Thread safety: Listen() and Start() from the thread that builds the
// server, before run(); Shutdown() from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_SERVER_H_
#define MOTCUA_ADAPTERS_HTTP_SERVER_H_

#include <chrono>
#include <functional>
#include <memory>

#include "adapters/http/api_handler.h"
#include "adapters/net/asio.h"
#include "adapters/net/tls.h"
#include "adapters/http/http_session.h"
#include "adapters/runtime/request_log.h"
#include "adapters/http/session_registry.h"
#include "engine/base/status.h"

namespace motcua::http {

struct ServerOptions {
  SessionLimits session;
  // HTTPS on every connection with this certificate (tls.h); null: plain
  // HTTP (behind a proxy that terminates TLS, or on loopback only).
  std::shared_ptr<ssl::context> tls = nullptr;
  std::size_t max_connections = 1024;
  std::chrono::steady_clock::duration shutdown_grace = std::chrono::seconds(10);
};

class Server {
 public:
  // `ioc`, `handler` and `log` must outlive the server, and the server must
  // outlive the io_context's run().
  Server(net::io_context& ioc, const ApiHandler& handler, runtime::RequestLog& log, ServerOptions options);

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; the bound endpoint (its port when asked for 0).
  Result<tcp::endpoint> Listen(const tcp::endpoint& endpoint);
  void Start();

  // Begins the shutdown sequence above; `done` runs once every session is
  // gone (on one of the io_context's threads). Later calls do nothing.
  void Shutdown(std::function<void()> done);

  std::size_t sessions() const { return registry_.size(); }

 private:
  void DoAccept();
  void OnAccept(beast::error_code ec, tcp::socket socket);
  // Closes the connection that has waited longest for a request; false if
  // none has waited kEvictableAfter.
  bool EvictLongestWaiter();

  static constexpr auto kEvictableAfter = std::chrono::seconds(1);

  net::io_context& ioc_;
  const ApiHandler& handler_;
  runtime::RequestLog& log_;
  const ServerOptions options_;
  // The acceptor and both timers share one strand.
  tcp::acceptor acceptor_;
  net::steady_timer retry_timer_;
  net::steady_timer grace_timer_;
  SessionRegistry registry_;
  bool shutting_down_ = false;  // on the acceptor's strand
};

// Parses "HOST:PORT" (an IPv4 or IPv6 address, "[::1]:8080"; port 0–65535).
Result<tcp::endpoint> ParseListenAddress(std::string_view text);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_SERVER_H_
