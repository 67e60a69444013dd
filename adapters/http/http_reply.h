// The API's HTTP messages and how replies are built: a protobuf message in
// the client's format, an error as ErrorReply JSON with the status its Error
// maps to (error_mapping.h), or a document as text.
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_HTTP_REPLY_H_
#define MOTCUA_ADAPTERS_HTTP_HTTP_REPLY_H_

#include <google/protobuf/message.h>

#include <string>
#include <string_view>

#include "adapters/net/asio.h"
#include "adapters/api/body_codec.h"
#include "engine/base/status.h"

namespace motcua::http {

using Request = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;

// What every reply copies from its request.
struct ReplyTo {
  unsigned version = 11;
  bool keep_alive = true;
  api::BodyFormat format = api::BodyFormat::kJson;
  // The request's id (request_id.h), which the session put in its
  // X-Request-Id header: every reply carries it back.
  std::string request_id;

  static ReplyTo Of(const Request& request);
};

inline constexpr std::string_view kServerName = "motcuad";
// Seconds a client shed with 503 should wait before retrying.
inline constexpr std::string_view kRetryAfterSeconds = "1";

// 200 with `message` in the client's format.
Response MessageResponse(const google::protobuf::Message& message, const ReplyTo& to);
// The error's status with ErrorReply{code, message} as JSON, whatever the
// client accepts (errors are read by people and scripts alike); 503 adds
// Retry-After. `status` must not be OK.
Response ErrorResponse(const Status& status, const ReplyTo& to);
// 200 with a document, e.g. "text/html; charset=utf-8": not cached
// (no-store), not sniffed, and an HTML one under a policy that lets it load
// and run nothing.
Response DocumentResponse(std::string body, std::string_view content_type, const ReplyTo& to);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_HTTP_REPLY_H_
