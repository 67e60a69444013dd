#include "adapters/http/http_reply.h"

#include "adapters/api/error_mapping.h"
#include "adapters/http/request_id.h"
#include "engine/base/quote.h"
#include "motcua/v1/api.pb.h"

namespace motcua::http {

namespace {

Response Start(unsigned status, std::string_view content_type, std::string body,
               const ReplyTo& to) {
  Response res{static_cast<bhttp::status>(status), to.version};
  res.set(bhttp::field::server, ToBeast(kServerName));
  res.set(bhttp::field::content_type, ToBeast(content_type));
  if (!to.request_id.empty()) res.set(ToBeast(kRequestIdHeader), ToBeast(to.request_id));
  res.keep_alive(to.keep_alive);
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

}  // namespace

ReplyTo ReplyTo::Of(const Request& request) {
  return ReplyTo{request.version(), request.keep_alive(),
                 api::ReplyFormat(ToStd(request[bhttp::field::accept])),
                 std::string(ToStd(request[ToBeast(kRequestIdHeader)]))};
}

Response MessageResponse(const google::protobuf::Message& message, const ReplyTo& to) {
  return Start(200, api::ContentTypeOf(to.format), api::EncodeBody(message, to.format), to);
}

Response ErrorResponse(const Status& status, const ReplyTo& to) {
  v1::ErrorReply reply;
  reply.set_code(std::string(ErrorCodeName(status.code())));
  // Messages quote outside text through QuoteForMessage where they are
  // built. This last pass keeps every reply one line of valid UTF-8 (JSON
  // requires it) whatever a message holds: a line break becomes a space
  // (a parser's message may span several lines), the rest as for a quote.
  std::string message = status.message();
  for (char& c : message) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  reply.set_message(QuoteForMessage(message, kMessageMaxBytes));
  reply.set_request_id(to.request_id);
  Response res =
      Start(api::HttpStatusOf(status.code()), api::kJsonType, api::EncodeBody(reply, api::BodyFormat::kJson), to);
  if (status.code() == Error::kOverloaded)
    res.set(bhttp::field::retry_after, ToBeast(kRetryAfterSeconds));
  return res;
}

Response DocumentResponse(std::string body, std::string_view content_type, const ReplyTo& to) {
  Response res = Start(200, content_type, std::move(body), to);
  // Letters carry personal data and the lookup secret: kept by no cache,
  // never sniffed into another type, and an HTML letter may load nothing
  // and run nothing (its own inline style is all it has).
  res.set(bhttp::field::cache_control, "no-store");
  res.set("X-Content-Type-Options", "nosniff");
  if (content_type.starts_with("text/html")) {
    res.set("Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'");
  }
  return res;
}

}  // namespace motcua::http
