// HttpSession: one HTTP/1.1 connection, in Beast's session shape: its own
// strand, one write in flight, a deadline on every read, other threads
// reaching it only by posting, and a shutdown that lets it finish what it
// holds before it closes.
//
// The session lives on its own strand (the socket's executor) and owns
// itself through shared_from_this(): every pending operation and every
// request out at the engine or a query thread holds it alive, and nothing
// else does. Requests may be pipelined: each is handed to the ApiHandler as
// soon as it is read, and the responses are written strictly in request
// order, one write at a time, from a queue of at most `pipeline_limit`
// requests; reading pauses while the queue is full.
//
// Over TLS (maybe_tls_stream.h) the handshake comes first, under
// `handshake_timeout`; the rest is the same for both transports.
//
// Every read carries the idle deadline (tcp_stream::expires_after); a write
// started while a read is pending shares that read's deadline. Requests
// whose body exceeds the limit gets 413, whose header 431, and the
// connection closes. An HTTP/1.1 request without a Host header, or any with
// two, gets 400 unhandled and is the connection's last (RFC 9112 §3.2). The deadline is set once per request, so a request
// must arrive whole within the idle timeout however slowly it trickles in.
// A request out at the engine keeps the io_context's work count up, so the
// server's run() cannot return while an answer is owed.
//
// Thread safety: Run(), Stop(), Abort() and Reject() may be called from any
// thread (they post to the strand); everything else runs on the strand.
#ifndef MOTCUA_ADAPTERS_HTTP_HTTP_SESSION_H_
#define MOTCUA_ADAPTERS_HTTP_HTTP_SESSION_H_

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "adapters/http/api_handler.h"
#include "adapters/http/client_address.h"
#include "adapters/net/asio.h"
#include "adapters/net/maybe_tls_stream.h"
#include "adapters/http/http_reply.h"
#include "adapters/runtime/request_log.h"
#include "adapters/runtime/telemetry.h"
#include "adapters/http/session_registry.h"

namespace motcua::http {

class AuthThrottle;

struct SessionLimits {
  std::uint64_t max_body_bytes = 1 << 20;
  std::uint32_t max_header_bytes = 16 << 10;
  std::chrono::steady_clock::duration idle_timeout = std::chrono::seconds(30);
  std::uint32_t max_requests = 10000;  // per connection
  std::size_t pipeline_limit = 8;      // requests read but not yet answered
  // Failed authentications per client address (auth_throttle.h); must
  // outlive the server. Null: not throttled.
  AuthThrottle* auth_throttle = nullptr;
  // Whose X-Forwarded-For and X-Forwarded-Proto are believed
  // (client_address.h); none by default.
  TrustedProxies trusted_proxies = {};
  // Where every answered request is counted (runtime/telemetry.h); must
  // outlive the server. Null: nowhere.
  runtime::Telemetry* telemetry = nullptr;
  // How long a TLS client has to finish its handshake.
  std::chrono::steady_clock::duration handshake_timeout = std::chrono::seconds(10);
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  // `handler`, `log` and `registry` must outlive the session. Over TLS the
  // handshake comes first (with its own deadline); a client that fails it
  // is closed with a log line and never reaches the handler.
  HttpSession(MaybeTlsStream stream, const ApiHandler& handler, runtime::RequestLog& log,
              SessionRegistry& registry, SessionLimits limits);
  ~HttpSession();

  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  // Registers with the registry and starts reading.
  void Run();
  // Answers 503 (too many connections) without reading, then closes.
  void Reject();
  // Graceful: reads no more requests, answers those already read (each
  // answer says Connection: close), then closes.
  void Stop();
  // Closes the socket now; answers still owed are dropped when they arrive.
  void Abort();

  // Since when the connection has been waiting for its next request with
  // nothing in hand (no request being handled or answered); nullopt while
  // busy. Any thread. The server evicts the longest waiter when it is full
  // (server.h), so connections that dribble a request byte by byte
  // (slow-loris) cannot keep others out.
  std::optional<std::chrono::steady_clock::time_point> WaitingSince() const;
  // Closes the connection if it is still waiting with nothing in hand.
  void Evict();

 private:
  struct Slot {
    std::uint64_t id;
    std::optional<Response> response;  // set when the handler answered
    std::string method;
    std::string target;
    std::chrono::steady_clock::time_point start;
    // A token, a session cookie or a sign-in: only then is a 401 a guess
    // the auth throttle counts. A page opened before signing in is not.
    bool offered_credentials = false;
    std::string request_id;  // request_id.h; on the log line
    std::string client = {};  // client_address.h; what the auth throttle counts
  };

  // Over TLS, the handshake, then `next`; plain, `next` at once.
  void Handshake(void (HttpSession::*next)());
  void StartReject();
  void DoRead();
  void OnRead(beast::error_code ec, std::size_t bytes);
  void OnResponse(std::uint64_t id, Response response);
  void DoWrite();
  void OnWrite(beast::error_code ec, std::size_t bytes);
  // Answers a request that could not be read (413, 431, 400) and stops
  // reading; `http_status` overrides the status the error maps to.
  void AnswerUnreadable(const Status& status,
                        std::optional<bhttp::status> http_status = std::nullopt);
  void MaybeClose();
  // Graceful close (TLS close_notify, then lingering: see the .cc);
  // Abort() closes at once.
  void Close();
  void CloseTcp();
  void Drain();

  MaybeTlsStream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  const ApiHandler& handler_;
  runtime::RequestLog& log_;
  SessionRegistry& registry_;
  const SessionLimits limits_;
  std::uint64_t registry_id_ = 0;
  std::array<char, 4096> drain_buffer_;

  std::deque<Slot> queue_;  // in request order
  std::uint64_t next_id_ = 0;
  std::uint32_t requests_ = 0;
  bool reading_ = false;
  bool writing_ = false;
  bool read_closed_ = false;  // no more requests will be read
  bool stopping_ = false;
  bool closed_ = false;
  bool linger_ = false;  // a request was refused before it was all read
  std::string peer_;     // the connection's address (a proxy's, behind one)
  // steady_clock ticks since the wait for the next request began; 0: busy.
  std::atomic<std::int64_t> waiting_since_{0};
};

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_HTTP_SESSION_H_
