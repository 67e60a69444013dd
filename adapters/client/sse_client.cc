#include "adapters/client/sse_client.h"

#include <array>

#include "adapters/api/body_codec.h"
#include "adapters/api/error_mapping.h"
#include "adapters/client/connect.h"
#include "motcua/v1/api.pb.h"

namespace motcua::client {

namespace {

Status Unreachable(const ServerUrl& url, const std::string& why) {
  return Status(Error::kInternal, "không kết nối được máy chủ " + url.ToString() + " (" + why + ")");
}

}  // namespace

SseClient::SseClient(ServerUrl url, std::string token)
    : url_(std::move(url)), token_(std::move(token)) {}

void SseClient::Close() {
  if (stream_) {
    beast::error_code ignored;
    stream_->socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_->close();
    stream_.reset();
  }
  pending_.clear();
  last_cr_ = false;
}

Status SseClient::Open(std::string_view target, std::optional<std::uint64_t> last_event_id,
                       std::chrono::milliseconds timeout) {
  Close();
  unreachable_ = false;
  auto connected = Connect(ioc_, url_, tls_, timeout);
  if (auto* error = std::get_if<TransportError>(&connected)) {
    unreachable_ = true;
    return Unreachable(url_, error->message);
  }
  stream_.emplace(std::move(std::get<MaybeTlsStream>(connected)));
  stream_->expires_after(timeout);

  bhttp::request<bhttp::empty_body> request{bhttp::verb::get, std::string(target), 11};
  request.set(bhttp::field::host, url_.host);
  request.set(bhttp::field::user_agent, "motcua");
  request.set(bhttp::field::accept, "text/event-stream");
  if (!token_.empty()) request.set(bhttp::field::authorization, "Bearer " + token_);
  if (last_event_id) request.set("Last-Event-ID", std::to_string(*last_event_id));

  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(1 << 20);
  beast::error_code failure;
  bool head_read = false;
  bhttp::async_write(*stream_, request, [&](beast::error_code write_ec, std::size_t) {
    if (write_ec) {
      failure = write_ec;
      return;
    }
    bhttp::async_read_header(*stream_, buffer, parser, [&](beast::error_code read_ec, std::size_t) {
      failure = read_ec;
      head_read = !read_ec;
    });
  });
  ioc_.run();
  if (!head_read) {
    Close();
    unreachable_ = true;
    return Unreachable(url_, failure.message());
  }
  if (parser.get().result() != bhttp::status::ok) {
    // An error reply carries an ErrorReply body of known length.
    ioc_.restart();
    bhttp::async_read(*stream_, buffer, parser, [&](beast::error_code read_ec, std::size_t) {
      failure = read_ec;
    });
    ioc_.run();
    const unsigned code = parser.get().result_int();
    v1::ErrorReply error;
    auto format = api::RequestFormat(std::string(parser.get()[bhttp::field::content_type]));
    Close();
    if (!failure && format.ok() && api::DecodeBody(parser.get().body(), *format, error).ok() &&
        !error.code().empty()) {
      return Status(api::ErrorFromCodeName(error.code()).value_or(Error::kInternal), error.message());
    }
    return Status(Error::kInternal, "máy chủ trả lời HTTP " + std::to_string(code));
  }
  stream_->expires_never();
  // Whatever came with the head is the start of the stream.
  const auto leftover = buffer.data();
  Append(std::string_view(static_cast<const char*>(leftover.data()), leftover.size()));
  return Status::Ok();
}

void SseClient::Append(std::string_view bytes) {
  // CRLF, CR and LF all end a line in an event stream; keep LF only.
  for (char c : bytes) {
    if (c == '\n' && last_cr_) {
      last_cr_ = false;  // the LF of a CRLF
      continue;
    }
    last_cr_ = c == '\r';
    pending_ += c == '\r' ? '\n' : c;
  }
}

std::optional<SseEvent> SseClient::TakeEvent() {
  while (true) {
    const std::size_t end = pending_.find("\n\n");
    if (end == std::string::npos) return std::nullopt;
    std::string block = pending_.substr(0, end + 1);
    pending_.erase(0, end + 2);
    SseEvent event;
    bool any = false;
    std::size_t start = 0;
    while (start < block.size()) {
      std::size_t eol = block.find('\n', start);
      std::string_view line(block.data() + start, eol - start);
      start = eol + 1;
      if (line.empty() || line.front() == ':') continue;  // a comment: keep-alive
      const std::size_t colon = line.find(':');
      std::string_view field = line.substr(0, colon);
      std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
      if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      if (field == "id") {
        event.id = std::string(value);
        any = true;
      } else if (field == "event") {
        event.event = std::string(value);
        any = true;
      } else if (field == "data") {
        if (!event.data.empty()) event.data += '\n';
        event.data += value;
        any = true;
      }
    }
    if (any) return event;
  }
}

Result<std::optional<SseEvent>> SseClient::Next(std::chrono::milliseconds timeout) {
  if (!stream_) return Status(Error::kInternal, "luồng cảnh báo chưa được mở");
  unreachable_ = false;
  while (true) {
    if (auto event = TakeEvent()) return std::optional<SseEvent>(std::move(*event));
    std::array<char, 4096> chunk;
    beast::error_code failure;
    std::size_t got = 0;
    bool timed_out = false;
    ioc_.restart();
    net::steady_timer timer(ioc_);
    timer.expires_after(timeout);
    timer.async_wait([&](const beast::error_code& ec) {
      if (ec) return;
      timed_out = true;
      beast::error_code ignored;
      stream_->socket().cancel(ignored);  // the connection stays usable
    });
    stream_->async_read_some(net::buffer(chunk),
                                      [&](const beast::error_code& ec, std::size_t n) {
                                        failure = ec;
                                        got = n;
                                        timer.cancel();
                                      });
    ioc_.run();
    if (got > 0) Append(std::string_view(chunk.data(), got));
    // Both handlers may have run in this turn (the timer expired while the
    // read was completing): the read's own result wins. Dropping an end of
    // stream here would lose it for good, since the socket reports it once.
    const bool read_failed = failure && failure != net::error::operation_aborted;
    if (timed_out && got == 0 && !read_failed) return std::optional<SseEvent>();
    if (read_failed && got == 0) {
      Close();
      unreachable_ = true;
      return Status(Error::kInternal, failure == net::error::eof
                                          ? "máy chủ đã đóng luồng cảnh báo"
                                          : "mất kết nối với luồng cảnh báo (" + failure.message() + ")");
    }
  }
}

}  // namespace motcua::client
