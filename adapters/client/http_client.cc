#include "adapters/client/http_client.h"

#include <poll.h>

#include <cctype>

namespace motcua::client {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

TransportError FromError(const beast::error_code& ec, TransportError::Kind otherwise) {
  if (ec == beast::error::timeout) return {TransportError::Kind::kTimedOut, ec.message()};
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
      ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
    return {TransportError::Kind::kBadReply, ec.message()};
  }
  return {otherwise, ec.message()};
}

}  // namespace

std::optional<std::string> HttpReply::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return std::nullopt;
}

HttpClient::HttpClient(ServerUrl url, std::chrono::milliseconds timeout)
    : url_(std::move(url)), timeout_(timeout) {}

void HttpClient::Disconnect() {
  if (stream_) {
    beast::error_code ignored;
    stream_->socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_->close();
    stream_.reset();
  }
  buffer_.clear();
}

bool HttpClient::Reusable() {
  if (!stream_ || !stream_->socket().is_open()) return false;
  pollfd p{};
  p.fd = stream_->socket().native_handle();
  p.events = POLLIN;
  // Readable before we asked anything means end of stream, an error, or
  // bytes that belong to no request: in every case, start afresh.
  return ::poll(&p, 1, 0) == 0;
}

std::variant<HttpReply, TransportError> HttpClient::Send(const Call& call) {
  if (!Reusable()) Disconnect();
  ioc_.restart();

  if (!stream_) {
    auto connected = Connect(ioc_, url_, tls_, timeout_);
    if (auto* error = std::get_if<TransportError>(&connected)) {
      Disconnect();
      return *error;
    }
    stream_.emplace(std::move(std::get<MaybeTlsStream>(connected)));
  }

  std::optional<TransportError> failure;
  bhttp::request<bhttp::string_body> request{call.method, call.target, 11};
  request.set(bhttp::field::host, url_.host);
  request.set(bhttp::field::user_agent, "motcua");
  for (const auto& [name, value] : call.headers) request.set(name, value);
  request.body() = call.body;
  request.keep_alive(true);
  request.prepare_payload();

  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64u << 20);
  stream_->expires_after(timeout_);
  bhttp::async_write(*stream_, request, [&](beast::error_code ec, std::size_t) {
    if (ec) {
      failure = FromError(ec, TransportError::Kind::kConnectionLost);
      return;
    }
    bhttp::async_read(*stream_, buffer_, parser, [&](beast::error_code read_ec, std::size_t) {
      if (read_ec) failure = FromError(read_ec, TransportError::Kind::kConnectionLost);
    });
  });
  ioc_.run();
  if (failure) {
    Disconnect();
    return *failure;
  }

  auto response = parser.release();
  HttpReply reply;
  reply.status = response.result_int();
  reply.content_type = std::string(response[bhttp::field::content_type]);
  for (const auto& field : response) {
    reply.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  reply.body = std::move(response.body());
  if (!response.keep_alive()) Disconnect();
  return reply;
}

}  // namespace motcua::client
