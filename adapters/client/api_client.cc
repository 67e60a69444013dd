#include "adapters/client/api_client.h"

#include "adapters/crypto/sha256.h"
#include "adapters/api/body_codec.h"
#include "adapters/api/error_mapping.h"
#include "adapters/api/route.h"
#include "engine/base/quote.h"

namespace motcua::client {

namespace {

Status TransportStatus(const ServerUrl& url, const TransportError& e) {
  const std::string where = url.ToString();
  switch (e.kind) {
    case TransportError::Kind::kCannotConnect:
      return Status(Error::kInternal, "không kết nối được máy chủ " + where + " (" + e.message + ")");
    case TransportError::Kind::kTimedOut:
      return Status(Error::kInternal, "máy chủ " + where + " không trả lời kịp thời");
    case TransportError::Kind::kConnectionLost:
      return Status(Error::kInternal, "mất kết nối với máy chủ " + where + " (" + e.message + ")");
    case TransportError::Kind::kBadReply:
      return Status(Error::kInternal, "máy chủ " + where + " trả lời không đúng giao thức HTTP");
  }
  return Status(Error::kInternal, "lỗi kết nối");
}

// The server's ErrorReply as a Status; a reply that is not one (a proxy's
// page, say) becomes a generic line with the HTTP status. The message is
// quoted: it is printed on the officer's terminal, and the server at the
// other end may be an older or a foreign one.
Status ErrorOf(const HttpReply& reply) {
  v1::ErrorReply error;
  auto format = api::RequestFormat(reply.content_type);
  if (format.ok() && api::DecodeBody(reply.body, *format, error).ok() && !error.code().empty()) {
    std::string message = QuoteForMessage(error.message(), kMessageMaxBytes);
    // A fault of the server's: the request's id finds its line in the
    // server's log (a refusal of the officer's input needs none).
    if (reply.status >= 500 && !error.request_id().empty()) {
      message += " (mã yêu cầu " + QuoteForMessage(error.request_id(), 64) + ")";
    }
    return Status(api::ErrorFromCodeName(error.code()).value_or(Error::kInternal), message);
  }
  return Status(Error::kInternal, "máy chủ trả lời HTTP " + std::to_string(reply.status));
}

}  // namespace

ApiClient::ApiClient(ServerUrl url, std::string token, std::chrono::milliseconds timeout)
    : http_(std::move(url), timeout), token_(std::move(token)) {}

std::string ApiClient::NewIdempotencyKey() { return crypto::Hex(crypto::RandomBytes(16)); }

Result<HttpReply> ApiClient::Exchange(const HttpClient::Call& call, bool may_retry) {
  unreachable_ = false;
  attempts_ = 0;
  while (true) {
    ++attempts_;
    auto sent = http_.Send(call);
    if (auto* reply = std::get_if<HttpReply>(&sent)) {
      if (reply->status >= 400) return ErrorOf(*reply);
      return std::move(*reply);
    }
    const TransportError& e = std::get<TransportError>(sent);
    const bool retriable = e.kind == TransportError::Kind::kTimedOut ||
                           e.kind == TransportError::Kind::kConnectionLost;
    if (may_retry && retriable && attempts_ == 1) continue;
    unreachable_ = true;
    return TransportStatus(http_.url(), e);
  }
}

template <class M>
Result<M> ApiClient::Get(const std::string& target) {
  HttpClient::Call call;
  call.method = bhttp::verb::get;
  call.target = target;
  call.headers = {{"Accept", std::string(api::kProtobufType)}};
  if (!token_.empty()) call.headers.emplace_back("Authorization", "Bearer " + token_);
  // Reads change nothing: safe to send again after a lost connection.
  MOTCUA_ASSIGN_OR_RETURN(HttpReply reply, Exchange(call, /*may_retry=*/true));
  M message;
  if (!message.ParseFromString(reply.body)) {
    return Status(Error::kInternal, "không đọc được câu trả lời của máy chủ");
  }
  return message;
}

Result<v1::CommandReply> ApiClient::Command(std::string_view name,
                                            const google::protobuf::Message& body,
                                            const std::string& idempotency_key) {
  HttpClient::Call call;
  call.method = bhttp::verb::post;
  call.target = "/v1/commands/" + api::PercentEncode(name);
  call.headers = {{"Content-Type", std::string(api::kProtobufType)},
                  {"Accept", std::string(api::kProtobufType)}};
  if (!token_.empty()) call.headers.emplace_back("Authorization", "Bearer " + token_);
  if (!idempotency_key.empty()) call.headers.emplace_back("Idempotency-Key", idempotency_key);
  body.SerializeToString(&call.body);
  replayed_ = false;
  MOTCUA_ASSIGN_OR_RETURN(HttpReply reply, Exchange(call, !idempotency_key.empty()));
  v1::CommandReply out;
  if (!out.ParseFromString(reply.body)) {
    return Status(Error::kInternal, "không đọc được câu trả lời của máy chủ");
  }
  replayed_ = reply.Header("Idempotent-Replayed").value_or("") == "true";
  return out;
}

Result<v1::DossierDetail> ApiClient::Dossier(std::string_view code) {
  return Get<v1::DossierDetail>("/v1/dossiers/" + api::PercentEncode(code));
}

Result<v1::DossierList> ApiClient::Dossiers(
    const std::vector<std::pair<std::string, std::string>>& query) {
  std::string target = "/v1/dossiers";
  char sep = '?';
  for (const auto& [key, value] : query) {
    target += sep;
    target += api::PercentEncode(key) + "=" + api::PercentEncode(value);
    sep = '&';
  }
  return Get<v1::DossierList>(target);
}

Result<v1::Catalog> ApiClient::Catalog() { return Get<v1::Catalog>("/v1/catalog"); }

Result<v1::CitizenView> ApiClient::Lookup(std::string_view code, std::string_view secret) {
  return Get<v1::CitizenView>("/v1/lookup/" + api::PercentEncode(code) +
                              "?secret=" + api::PercentEncode(secret));
}

Result<v1::Health> ApiClient::Health() { return Get<v1::Health>("/healthz"); }

Result<HttpReply> ApiClient::Fetch(HttpClient::Call call, bool may_retry) {
  if (!token_.empty()) call.headers.emplace_back("Authorization", "Bearer " + token_);
  return Exchange(call, may_retry);
}

Result<std::string> ApiClient::Receipt(std::string_view code, bool html) {
  HttpClient::Call call;
  call.method = bhttp::verb::get;
  call.target = "/v1/dossiers/" + api::PercentEncode(code) + "/receipt?format=" + (html ? "html" : "text");
  if (!token_.empty()) call.headers.emplace_back("Authorization", "Bearer " + token_);
  MOTCUA_ASSIGN_OR_RETURN(HttpReply reply, Exchange(call, /*may_retry=*/true));
  return std::move(reply.body);
}

}  // namespace motcua::client
