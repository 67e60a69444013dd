// SseClient: reads a server-sent-events stream (GET /v1/alerts/stream,
// alert_stream_session.h) for `motcua alerts --follow` and the tests. Like
// HttpClient it runs Beast's asynchronous operations on a private
// io_context, so that every step has a deadline; waiting for the next event
// with a timeout leaves the connection open.
//
//   SseClient sse(url, token);
//   MOTCUA_RETURN_IF_ERROR(sse.Open("/v1/alerts/stream", last_id, 10s));
//   while (true) {
//     auto next = sse.Next(45s);
//     if (!next.ok()) break;          // the server ended the stream
//     if (!*next) continue;           // nothing within the timeout
//     Use((*next)->id, (*next)->data);
//   }
//
// Not thread-safe: one client per thread.
#ifndef MOTCUA_ADAPTERS_CLIENT_SSE_CLIENT_H_
#define MOTCUA_ADAPTERS_CLIENT_SSE_CLIENT_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/net/asio.h"
#include "adapters/client/connect.h"
#include "adapters/client/http_client.h"
#include "engine/base/status.h"

namespace motcua::client {

struct SseEvent {
  std::string id;     // the last "id:" of the event, empty if none
  std::string event;  // "event:", empty for the default "message"
  std::string data;   // the "data:" lines joined by '\n'
};

class SseClient {
 public:
  SseClient(ServerUrl url, std::string token);

  SseClient(const SseClient&) = delete;
  SseClient& operator=(const SseClient&) = delete;

  // Connects, sends GET `target` (with Last-Event-ID when given) and reads
  // the response head, all within `timeout`. An error reply becomes the
  // server's Status (its ErrorReply); no answer sets unreachable().
  Status Open(std::string_view target, std::optional<std::uint64_t> last_event_id,
              std::chrono::milliseconds timeout);

  // The next event (comments and retry lines are skipped), nullopt when
  // none came within `timeout` (the stream stays open), or an error once
  // the server closed the stream or the connection broke.
  Result<std::optional<SseEvent>> Next(std::chrono::milliseconds timeout);

  // Whether the last failure got no answer from the server.
  bool unreachable() const { return unreachable_; }
  void Close();

 private:
  void Append(std::string_view bytes);
  // One complete event from pending_, if there is one.
  std::optional<SseEvent> TakeEvent();

  const ServerUrl url_;
  const std::string token_;
  net::io_context ioc_;
  ClientTls tls_;
  std::optional<MaybeTlsStream> stream_;
  std::string pending_;  // stream bytes not yet parsed, line ends as '\n'
  bool last_cr_ = false;
  bool unreachable_ = false;
};

}  // namespace motcua::client

#endif  // MOTCUA_ADAPTERS_CLIENT_SSE_CLIENT_H_
