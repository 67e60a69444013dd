#include "adapters/http/http_session.h"

#include <utility>

#include "adapters/api/route.h"
#include "adapters/http/auth_throttle.h"
#include "adapters/http/request_id.h"
#include "adapters/http/stream_endpoint.h"
#include "adapters/net/tls.h"

namespace motcua::http {

namespace {

// How long a closing connection waits for the client to close its side.
constexpr auto kLingerTimeout = std::chrono::seconds(2);

bool IsHttpParseError(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

// RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request without a
// Host header and to any request with more than one. HTTP/1.0 never
// required Host, so its absence there is served. The value is not checked:
// motcuad is one site, whatever name it is reached by.
Status CheckHost(const Request& request) {
  const std::size_t hosts = request.count(bhttp::field::host);
  if (hosts > 1) return Status(Error::kBadRequest, "tiêu đề Host bị lặp");
  if (hosts == 0 && request.version() >= 11) {
    return Status(Error::kBadRequest, "thiếu tiêu đề Host");
  }
  return Status::Ok();
}

bool OffersCredentials(const Request& request) {
  return request.count(bhttp::field::authorization) != 0 ||
         !CookieValue(ToStd(request[bhttp::field::cookie]), kSessionCookie).empty() ||
         (request.method() == bhttp::verb::post &&
          ToStd(request.target()).starts_with("/v1/session"));
}

}  // namespace

HttpSession::HttpSession(MaybeTlsStream stream, const ApiHandler& handler,
                         runtime::RequestLog& log, SessionRegistry& registry, SessionLimits limits)
    : stream_(std::move(stream)),
      handler_(handler),
      log_(log),
      registry_(registry),
      limits_(limits) {
  beast::error_code ec;
  const tcp::endpoint peer = stream_.socket().remote_endpoint(ec);
  if (!ec) peer_ = peer.address().to_string();
}

HttpSession::~HttpSession() {
  if (registry_id_ != 0) registry_.Remove(registry_id_);
}

std::optional<std::chrono::steady_clock::time_point> HttpSession::WaitingSince() const {
  const std::int64_t ticks = waiting_since_.load(std::memory_order_relaxed);
  if (ticks == 0) return std::nullopt;
  return std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(ticks));
}

void HttpSession::Evict() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->closed_ || !self->queue_.empty() || self->writing_) return;
    self->read_closed_ = true;
    self->Close();
  });
}

void HttpSession::Run() {
  waiting_since_.store(std::chrono::steady_clock::now().time_since_epoch().count(),
                       std::memory_order_relaxed);
  registry_id_ = registry_.Add(weak_from_this());
  // The socket's executor is this session's strand: start there, so that no
  // member is ever touched off the strand.
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    self->Handshake(&HttpSession::DoRead);
  });
}

void HttpSession::Handshake(void (HttpSession::*next)()) {
  if (!stream_.secure()) {
    (this->*next)();
    return;
  }
  stream_.expires_after(limits_.handshake_timeout);
  // The handshake reads from the client: Stop(), Evict() and Close() treat
  // it as the pending read it is (cancel it, close at once), and nothing
  // else touches the TLS stream until it ends.
  reading_ = true;
  stream_.tls().async_handshake(
      ssl::stream_base::server, [self = shared_from_this(), next](beast::error_code ec) {
        self->reading_ = false;
        if (self->closed_) return;
        if (ec) {
          // A scanner, a plain-HTTP client or an untrusting browser: worth
          // one line, never an answer.
          if (!self->stopping_) {
            self->log_.Note("TLS handshake with " + self->peer_ + " failed: " + TlsErrorText(ec));
          }
          self->closed_ = true;
          self->stream_.close();
          return;
        }
        ((*self).*next)();
        self->MaybeClose();  // Stop() came during the handshake: nothing is read
      });
}

void HttpSession::Reject() {
  registry_id_ = registry_.Add(weak_from_this());
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    self->read_closed_ = true;
    self->Handshake(&HttpSession::StartReject);
  });
}

void HttpSession::StartReject() {
  ReplyTo to;
  to.keep_alive = false;
  to.request_id = NewRequestId();
  queue_.push_back(Slot{next_id_++,
                        ErrorResponse(Status(Error::kOverloaded,
                                             "máy chủ đang có quá nhiều kết nối; hãy "
                                             "thử lại sau ít giây"),
                                      to),
                        "-", "-", std::chrono::steady_clock::now(), false, to.request_id});
  DoWrite();
}

void HttpSession::Stop() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->closed_) return;
    self->stopping_ = true;
    self->read_closed_ = true;
    if (self->reading_) {
      beast::error_code ignored;
      if (self->writing_) {
        // Cancelling would abort the write too: end only the read side; the
        // pending read then completes with end of stream.
        self->stream_.socket().shutdown(tcp::socket::shutdown_receive, ignored);
      } else {
        self->stream_.socket().cancel(ignored);
      }
    }
    // Answers already queued go out with Connection: close.
    for (Slot& slot : self->queue_) {
      if (slot.response) slot.response->keep_alive(false);
    }
    self->MaybeClose();
  });
}

void HttpSession::Abort() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    self->closed_ = true;
    self->stream_.close();
  });
}

void HttpSession::DoRead() {
  if (reading_ || read_closed_ || closed_ || queue_.size() >= limits_.pipeline_limit) return;
  parser_.emplace();
  parser_->body_limit(limits_.max_body_bytes);
  parser_->header_limit(limits_.max_header_bytes);
  stream_.expires_after(limits_.idle_timeout);
  reading_ = true;
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&HttpSession::OnRead, shared_from_this()));
}

void HttpSession::OnRead(beast::error_code ec, std::size_t /*bytes*/) {
  reading_ = false;
  if (closed_) return;
  if (ec) {
    read_closed_ = true;
    if (ec == bhttp::error::body_limit) {
      AnswerUnreadable(
          Status(Error::kTooLarge, "nội dung yêu cầu vượt quá giới hạn cho phép"));
    } else if (ec == bhttp::error::header_limit) {
      AnswerUnreadable(Status(Error::kTooLarge, "phần đầu yêu cầu vượt quá giới hạn cho phép"),
                       bhttp::status::request_header_fields_too_large);
    } else if (IsHttpParseError(ec) && ec != bhttp::error::end_of_stream &&
               ec != bhttp::error::partial_message) {
      AnswerUnreadable(Status(Error::kBadRequest, "yêu cầu HTTP không hợp lệ"));
    }
    // Otherwise the client went away, idled past the deadline, or we are
    // stopping: nothing to answer. operation_aborted is not an error here.
    MaybeClose();
    return;
  }

  ++requests_;
  waiting_since_.store(0, std::memory_order_relaxed);
  Request request = parser_->release();
  if (!request.keep_alive() || requests_ >= limits_.max_requests || stopping_) {
    read_closed_ = true;
  }
  // Every reply and the log line carry the request's id (request_id.h): the
  // header is set here, before anything answers, so ReplyTo::Of finds it.
  std::string request_id(ToStd(request[ToBeast(kRequestIdHeader)]));
  if (!IsAcceptableRequestId(request_id)) request_id = NewRequestId();
  request.set(ToBeast(kRequestIdHeader), ToBeast(request_id));
  // Behind a trusted proxy, the client it names; the forwarding headers of
  // anyone else are removed before anything reads them.
  std::string client = ClientAddressOf(request, peer_, limits_.trusted_proxies);
  if (stream_.secure()) MarkDirectHttps(request);
  const std::uint64_t id = next_id_++;
  queue_.push_back(Slot{id, std::nullopt, std::string(request.method_string()),
                        std::string(request.target()), std::chrono::steady_clock::now(),
                        OffersCredentials(request), std::move(request_id), std::move(client)});
  if (Status host = CheckHost(request); !host.ok()) {
    // Refused before the handler, the throttle or a stream sees it. A client
    // this confused about HTTP gets no further requests read: this answer
    // is its last (Connection: close), after those it is still owed.
    read_closed_ = true;
    OnResponse(id, ErrorResponse(host, ReplyTo::Of(request)));
    return;
  }
  if (limits_.auth_throttle != nullptr) {
    // Refused unhandled: a guesser learns nothing from its next guess.
    if (auto wait = limits_.auth_throttle->Admit(queue_.back().client, queue_.back().target,
                                                 queue_.back().start)) {
      OnResponse(id, TooManyAttempts(*wait, ReplyTo::Of(request)));
      DoRead();
      return;
    }
  }
  if (StreamEndpoint* stream = handler_.stream_endpoint();
      stream != nullptr && queue_.size() == 1 && !stopping_ && stream->Wants(request)) {
    if (Result<Principal> principal = handler_.Authenticate(request); principal.ok()) {
      // An event stream takes the connection over (stream_endpoint.h): this
      // session ends here without closing the socket or answering (the
      // endpoint logs the request).
      queue_.clear();
      closed_ = true;
      stream->Accept(std::move(stream_), std::move(request), *principal);
      return;
    }
  }

  // The answer may come from another thread; it comes back through the
  // strand, and until it does the io_context counts it as outstanding work.
  net::any_io_executor work =
      net::prefer(stream_.get_executor(), net::execution::outstanding_work.tracked);
  handler_.Handle(std::move(request), [self = shared_from_this(), id, work](Response response) {
    net::post(work, [self, id, response = std::move(response)]() mutable {
      self->OnResponse(id, std::move(response));
    });
  });
  DoRead();
}

void HttpSession::OnResponse(std::uint64_t id, Response response) {
  if (closed_ || queue_.empty()) return;
  const std::uint64_t index = id - queue_.front().id;
  if (index >= queue_.size()) return;
  // The last request of the connection gets Connection: close.
  if (read_closed_ && id + 1 == next_id_) response.keep_alive(false);
  if (stopping_) response.keep_alive(false);
  if (limits_.auth_throttle != nullptr &&
      (response.result_int() != 401 || queue_[index].offered_credentials)) {
    limits_.auth_throttle->Record(queue_[index].client, queue_[index].target, response.result_int(),
                                  std::chrono::steady_clock::now());
  }
  queue_[index].response = std::move(response);
  DoWrite();
}

void HttpSession::AnswerUnreadable(const Status& status, std::optional<bhttp::status> http_status) {
  linger_ = true;  // the client may still be sending what we did not read
  ReplyTo to;
  to.keep_alive = false;
  to.request_id = NewRequestId();
  Response response = ErrorResponse(status, to);
  if (http_status) response.result(*http_status);
  queue_.push_back(Slot{next_id_++, std::move(response), "-", "-", std::chrono::steady_clock::now(),
                        false, to.request_id});
  DoWrite();
}

void HttpSession::DoWrite() {
  if (writing_ || closed_ || queue_.empty() || !queue_.front().response) return;
  writing_ = true;
  // A pending read's deadline covers the write too; with no read pending the
  // write gets a deadline of its own, so a client that stops reading cannot
  // hold the connection forever.
  if (!reading_) stream_.expires_after(limits_.idle_timeout);
  bhttp::async_write(stream_, *queue_.front().response,
                     beast::bind_front_handler(&HttpSession::OnWrite, shared_from_this()));
}

void HttpSession::OnWrite(beast::error_code ec, std::size_t /*bytes*/) {
  writing_ = false;
  Slot& slot = queue_.front();
  const auto took = std::chrono::steady_clock::now() - slot.start;
  log_.Request(slot.method, slot.target, slot.response->result_int(), took, slot.request_id);
  if (limits_.telemetry != nullptr) {
    limits_.telemetry->Request(api::RouteLabelOf(slot.method, slot.target),
                               slot.response->result_int(), took);
  }
  const bool keep_alive = slot.response->keep_alive();
  queue_.pop_front();
  if (queue_.empty()) {
    waiting_since_.store(std::chrono::steady_clock::now().time_since_epoch().count(),
                         std::memory_order_relaxed);
  }
  if (ec || !keep_alive) {
    Close();
    return;
  }
  DoWrite();
  DoRead();
  MaybeClose();
}

void HttpSession::MaybeClose() {
  if (read_closed_ && !reading_ && !writing_ && queue_.empty()) Close();
}

void HttpSession::Close() {
  if (closed_) return;
  closed_ = true;
  if (reading_) {
    stream_.close();  // the pending read completes with operation_aborted
    return;
  }
  if (!stream_.secure()) {
    CloseTcp();
    return;
  }
  // TLS first says it is done (close_notify), so that the client can tell
  // the end of the conversation from a cut connection; the shutdown waits
  // for the client's own close_notify or its closing, under a short
  // deadline.
  stream_.expires_after(kLingerTimeout);
  stream_.tls().async_shutdown([self = shared_from_this()](beast::error_code /*ec*/) {
    self->CloseTcp();
  });
}

void HttpSession::CloseTcp() {
  // Lingering close: end our side, then read and discard until the client
  // closes too (or a short deadline). Closing a socket that still has
  // unread bytes (say, the rest of a body over the limit) makes the kernel
  // send a reset, which can destroy the reply before the client reads it.
  // With nothing left unread and no request refused unread, close at once.
  beast::error_code ignored;
  if (!stream_.socket().is_open()) return;
  if (!linger_ && stream_.socket().available(ignored) == 0 && !ignored) {
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
    return;
  }
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream_.expires_after(kLingerTimeout);
  Drain();
}

void HttpSession::Drain() {
  // From the TCP layer: what is left is discarded, not decrypted.
  stream_.tcp().async_read_some(net::buffer(drain_buffer_),
                          [self = shared_from_this()](beast::error_code ec, std::size_t /*bytes*/) {
                            if (ec) {
                              self->stream_.close();
                              return;
                            }
                            self->Drain();
                          });
}

}  // namespace motcua::http
