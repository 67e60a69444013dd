#include "adapters/http/http_reply.h"

#include "adapters/http/error_mapping.h"
#include "motcua/v1/api.pb.h"

namespace motcua::http {

namespace {

Response Start(unsigned status, std::string_view content_type, std::string body,
               const ReplyTo& to) {
  Response res{static_cast<bhttp::status>(status), to.version};
  res.set(bhttp::field::server, ToBeast(kServerName));
  res.set(bhttp::field::content_type, ToBeast(content_type));
  res.keep_alive(to.keep_alive);
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

}  // namespace

ReplyTo ReplyTo::Of(const Request& request) {
  return ReplyTo{request.version(), request.keep_alive(),
                 ReplyFormat(ToStd(request[bhttp::field::accept]))};
}

Response MessageResponse(const google::protobuf::Message& message, const ReplyTo& to) {
  return Start(200, ContentTypeOf(to.format), EncodeBody(message, to.format), to);
}

Response ErrorResponse(const Status& status, const ReplyTo& to) {
  v1::ErrorReply reply;
  reply.set_code(std::string(ErrorCodeName(status.code())));
  // One line, whatever the source: a parser's message may span several.
  std::string message = status.message();
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  reply.set_message(std::move(message));
  Response res =
      Start(HttpStatusOf(status.code()), kJsonType, EncodeBody(reply, BodyFormat::kJson), to);
  if (status.code() == Error::kOverloaded)
    res.set(bhttp::field::retry_after, ToBeast(kRetryAfterSeconds));
  return res;
}

Response DocumentResponse(std::string body, std::string_view content_type, const ReplyTo& to) {
  return Start(200, content_type, std::move(body), to);
}

}  // namespace motcua::http
