#include "adapters/http/alert_stream_session.h"

#include <utility>

#include "adapters/runtime/alert_message.h"

namespace motcua::http {

namespace {

constexpr auto kFinishTimeout = std::chrono::seconds(2);

constexpr std::string_view kHead =
    "HTTP/1.1 200 OK\r\n"
    "Server: motcuad\r\n"
    "Content-Type: text/event-stream; charset=utf-8\r\n"
    "Cache-Control: no-cache\r\n"
    "Connection: close\r\n"
    "X-Accel-Buffering: no\r\n"
    "\r\n"
    // The first event-stream line: a comment telling the client it is
    // subscribed (nothing published from now on can be missed), and how
    // long to wait before reconnecting.
    ": connected\n"
    "retry: 2000\n\n";

std::string Frame(const v1::Alert& alert) {
  // JSON from protobuf has no raw newlines, so one data line carries it.
  return "id: " + std::to_string(alert.id()) + "\ndata: " + runtime::AlertJson(alert) + "\n\n";
}

}  // namespace

AlertStreamSession::AlertStreamSession(MaybeTlsStream stream, runtime::AlertHub& hub,
                                       runtime::QueryService& queries, const Clock& clock, runtime::RequestLog& log,
                                       std::optional<std::uint64_t> last_event_id,
                                       StreamOptions options)
    : stream_(std::move(stream)),
      hub_(hub),
      queries_(queries),
      clock_(clock),
      log_(log),
      options_(options),
      keep_alive_(stream_.get_executor()),
      in_backlog_(last_event_id.has_value()),
      backlog_after_(last_event_id.value_or(0)) {}

void AlertStreamSession::Run() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Start(); });
}

void AlertStreamSession::Start() {
  // The HttpSession's read deadline must not end the stream.
  stream_.expires_never();
  // Subscribe before the head goes out: once the client sees it, nothing
  // published can be missed.
  if (!hub_.Subscribe(weak_from_this())) {
    Close();  // shutting down
    return;
  }
  Enqueue(std::string(kHead));
  WatchClient();
  ArmKeepAlive();
  if (in_backlog_) FetchBacklog();
}

void AlertStreamSession::FetchBacklog() {
  // Until the answer comes back through the strand, the io_context counts
  // it as outstanding work (as HttpSession does for its requests).
  net::any_io_executor work =
      net::prefer(stream_.get_executor(), net::execution::outstanding_work.tracked);
  queries_.Run([self = shared_from_this(), work, after = backlog_after_,
                limit = options_.backlog_page](Result<sqlite::Database*> db) {
    Result<std::vector<sqlite::AlertRow>> rows =
        db.ok() ? sqlite::AlertsAfter(**db, after, ToUnixSeconds(self->clock_.Now()), limit)
                : Result<std::vector<sqlite::AlertRow>>(db.status());
    net::post(work, [self, rows = std::move(rows)]() mutable { self->OnBacklog(std::move(rows)); });
  });
}

void AlertStreamSession::OnBacklog(Result<std::vector<sqlite::AlertRow>> rows) {
  if (closed_) return;
  if (!rows.ok()) {
    log_.Error("alert stream: cannot read the backlog: " + rows.status().ToString());
    Close();  // the client reconnects and resumes
    return;
  }
  for (const sqlite::AlertRow& row : *rows) {
    backlog_after_ = row.seq;
    backlog_sent_.insert(row.seq);
    Send(runtime::AlertFromRow(row));
    if (closed_) return;
  }
  if (rows->size() == options_.backlog_page) {
    FetchBacklog();  // more to come; live alerts keep waiting in early_
    return;
  }
  in_backlog_ = false;
  for (const v1::Alert& alert : early_) {
    if (!backlog_sent_.count(alert.id())) Send(alert);
  }
  early_.clear();
  backlog_sent_.clear();
}

void AlertStreamSession::OnAlert(const v1::Alert& alert) {
  net::post(stream_.get_executor(), [self = shared_from_this(), alert] {
    if (self->closed_ || self->finishing_) return;
    if (self->in_backlog_) {
      if (self->early_.size() >= self->options_.queue_limit) {
        self->log_.Warning("alert stream: subscriber too slow to resume; disconnected");
        self->Close();
        return;
      }
      self->early_.push_back(alert);
      return;
    }
    self->Send(alert);
  });
}

void AlertStreamSession::OnClose() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->Finish(); });
}

void AlertStreamSession::Send(const v1::Alert& alert) {
  // The public shape of a pushed alert: `open` belongs to lists.
  v1::Alert pushed = alert;
  pushed.clear_open();
  Enqueue(Frame(pushed));
}

void AlertStreamSession::Enqueue(std::string frame) {
  if (closed_) return;
  if (queue_.size() >= options_.queue_limit) {
    // Buffering without bound for a client that does not read would let one
    // stalled desk exhaust the server's memory; it resumes by its last id.
    log_.Warning("alert stream: subscriber fell " + std::to_string(queue_.size()) +
              " frames behind; disconnected");
    Close();
    return;
  }
  queue_.push_back(std::move(frame));
  DoWrite();
}

void AlertStreamSession::DoWrite() {
  if (writing_ || closed_ || queue_.empty()) return;
  writing_ = true;
  stream_.expires_after(finishing_ ? std::chrono::steady_clock::duration(kFinishTimeout)
                                   : options_.write_timeout);
  net::async_write(stream_, net::buffer(queue_.front()),
                   [self = shared_from_this()](const beast::error_code& ec, std::size_t) {
                     self->OnWrite(ec);
                   });
}

void AlertStreamSession::OnWrite(const beast::error_code& ec) {
  writing_ = false;
  if (closed_) return;
  if (ec) {
    Close();  // gone, or timed out: it resumes by its last id
    return;
  }
  stream_.expires_never();
  last_write_ = std::chrono::steady_clock::now();
  queue_.pop_front();
  if (queue_.empty() && finishing_) {
    Close();
    return;
  }
  DoWrite();
}

void AlertStreamSession::WatchClient() {
  // Directly on the socket: tcp_stream's deadline is for the writes.
  // Under TLS the client sends nothing the stream needs decrypted; this
  // only notices the close.
  stream_.socket().async_read_some(
      net::buffer(read_buffer_),
      [self = shared_from_this()](const beast::error_code& ec, std::size_t) {
        if (self->closed_) return;
        if (ec) {
          self->Close();  // the client left (operation_aborted: we closed)
          return;
        }
        self->WatchClient();  // a client has nothing to say; ignore it
      });
}

void AlertStreamSession::ArmKeepAlive() {
  keep_alive_.expires_after(options_.keep_alive);
  keep_alive_.async_wait([self = shared_from_this()](const beast::error_code& ec) {
    if (ec || self->closed_ || self->finishing_) return;
    if (!self->writing_ && self->queue_.empty() &&
        std::chrono::steady_clock::now() - self->last_write_ >= self->options_.keep_alive / 2) {
      self->Enqueue(": keep-alive\n\n");
    }
    self->ArmKeepAlive();
  });
}

void AlertStreamSession::Finish() {
  if (closed_ || finishing_) return;
  finishing_ = true;
  keep_alive_.cancel();
  if (!writing_ && queue_.empty()) {
    Close();
    return;
  }
  // A client that stopped reading cannot hold the shutdown for long.
  stream_.expires_after(kFinishTimeout);
}

void AlertStreamSession::Close() {
  if (closed_) return;
  closed_ = true;
  keep_alive_.cancel();
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  // The queue stays: a pending write still points into its front frame.
  stream_.close();  // pending operations complete with operation_aborted
  early_.clear();
}

void AlertStreamSession::Refuse(MaybeTlsStream stream, Response response) {
  struct Refusal : std::enable_shared_from_this<Refusal> {
    MaybeTlsStream stream;
    Response response;
    Refusal(MaybeTlsStream s, Response r) : stream(std::move(s)), response(std::move(r)) {}
  };
  auto refusal = std::make_shared<Refusal>(std::move(stream), std::move(response));
  refusal->response.keep_alive(false);
  refusal->response.prepare_payload();
  refusal->stream.expires_after(std::chrono::seconds(10));
  bhttp::async_write(refusal->stream, refusal->response,
                     [refusal](const beast::error_code&, std::size_t) {
                       beast::error_code ignored;
                       refusal->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
                       refusal->stream.close();
                     });
}

}  // namespace motcua::http
