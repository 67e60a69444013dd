// AlertStreamSession: one subscriber of GET /v1/alerts/stream, a
// server-sent-events stream (text/event-stream) on a connection taken over
// from its HttpSession after the request was read and authorised
// (stream_endpoint.h). One event per alert:
//
//   id: 42
//   data: {"id":"42","dossier_code":"000.00.07.H06-261120-0001","kind":...}
//
// then a blank line. The id is the AlertRaised event's seq. A client that
// reconnects with Last-Event-ID: N first gets, from the `alerts` table, every
// alert after N whose delivery time has come, then the live ones; an alert
// is never sent twice on one stream. A comment line (": keep-alive") goes
// out every keep_alive when nothing else does, so proxies and clients can
// tell a quiet stream from a dead one.
//
// Shape (Beast's session shape): the session lives on the connection's strand and
// owns itself through shared_from_this(); the hub holds it weakly. One write
// at a time from a queue of at most queue_limit frames: a client that falls
// that far behind is disconnected (it resumes with Last-Event-ID) rather
// than let the server buffer without bound. Every write has a deadline. A
// read is kept pending only to notice the client leaving. On shutdown the
// hub's OnClose() ends the stream after the frames already queued. The body
// is delimited by the connection's close (Connection: close), as EventSource
// clients expect.
//
// Thread safety: OnAlert() and OnClose() may be called from any thread (they
// post to the strand); everything else runs on the strand.
#ifndef MOTCUA_ADAPTERS_HTTP_ALERT_STREAM_SESSION_H_
#define MOTCUA_ADAPTERS_HTTP_ALERT_STREAM_SESSION_H_

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "adapters/runtime/alert_hub.h"
#include "adapters/net/asio.h"
#include "adapters/net/maybe_tls_stream.h"
#include "adapters/http/http_reply.h"
#include "adapters/runtime/query_service.h"
#include "adapters/runtime/request_log.h"
#include "adapters/sqlite/alert_queries.h"
#include "engine/ports/clock.h"

namespace motcua::http {

struct StreamOptions {
  std::chrono::steady_clock::duration keep_alive = std::chrono::seconds(15);
  std::chrono::steady_clock::duration write_timeout = std::chrono::seconds(30);
  std::size_t queue_limit = 256;     // frames waiting to be written
  std::uint32_t backlog_page = 200;  // rows per backlog query
};

class AlertStreamSession : public runtime::AlertSubscriber,
                           public std::enable_shared_from_this<AlertStreamSession> {
 public:
  // `hub`, `queries`, `clock` and `log` must outlive the session (the
  // server's run()). `last_event_id`: resume after this alert.
  AlertStreamSession(MaybeTlsStream stream, runtime::AlertHub& hub, runtime::QueryService& queries,
                     const Clock& clock, runtime::RequestLog& log, std::optional<std::uint64_t> last_event_id,
                     StreamOptions options);

  AlertStreamSession(const AlertStreamSession&) = delete;
  AlertStreamSession& operator=(const AlertStreamSession&) = delete;

  // Subscribes, writes the response head, then the backlog and live alerts.
  void Run();

  void OnAlert(const v1::Alert& alert) override;
  void OnClose() override;

  // Writes `response` (a refusal) on `stream` and closes it.
  static void Refuse(MaybeTlsStream stream, Response response);

 private:
  void Start();
  void FetchBacklog();
  void OnBacklog(Result<std::vector<sqlite::AlertRow>> rows);
  void Send(const v1::Alert& alert);
  void Enqueue(std::string frame);
  void DoWrite();
  void OnWrite(const beast::error_code& ec);
  void WatchClient();
  void ArmKeepAlive();
  void Finish();
  void Close();

  MaybeTlsStream stream_;
  runtime::AlertHub& hub_;
  runtime::QueryService& queries_;
  const Clock& clock_;
  runtime::RequestLog& log_;
  const StreamOptions options_;
  net::steady_timer keep_alive_;
  std::array<char, 256> read_buffer_{};

  std::deque<std::string> queue_;
  bool writing_ = false;
  bool finishing_ = false;  // close once the queue is written
  bool closed_ = false;
  std::chrono::steady_clock::time_point last_write_;

  // Resuming: live alerts wait in early_ until the backlog (alerts after
  // backlog_after_ already deliverable) is sent; backlog_sent_ keeps them
  // from going out twice.
  bool in_backlog_ = false;
  std::uint64_t backlog_after_ = 0;
  std::vector<v1::Alert> early_;
  std::set<std::uint64_t> backlog_sent_;
};

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ALERT_STREAM_SESSION_H_
