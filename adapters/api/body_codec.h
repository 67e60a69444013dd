// How API bodies travel: protobuf messages as JSON (protobuf's JSON mapping,
// field names as in the .proto files; both snake_case and lowerCamelCase are
// accepted on input, unknown fields are refused) or as binary protobuf when
// the Content-Type / Accept header says application/x-protobuf.
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_API_BODY_CODEC_H_
#define MOTCUA_ADAPTERS_API_BODY_CODEC_H_

#include <google/protobuf/message.h>

#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace motcua::api {

enum class BodyFormat { kJson, kProtobuf };

inline constexpr std::string_view kJsonType = "application/json";
inline constexpr std::string_view kProtobufType = "application/x-protobuf";

// The format of a request body from its Content-Type: JSON when absent or
// application/json, protobuf for application/x-protobuf; kBadRequest for
// anything else.
Result<BodyFormat> RequestFormat(std::string_view content_type);
// The format the client asked for in Accept: protobuf only when it names
// application/x-protobuf, JSON otherwise.
BodyFormat ReplyFormat(std::string_view accept);
// The Content-Type header value for a format.
std::string_view ContentTypeOf(BodyFormat format);

// Parses `body` into `message` (cleared first). kBadRequest, with the
// parser's reason, when it does not parse or names an unknown field. An empty
// body is an empty message.
Status DecodeBody(std::string_view body, BodyFormat format, google::protobuf::Message& message);
// The message in `format`; JSON keeps the .proto field names.
std::string EncodeBody(const google::protobuf::Message& message, BodyFormat format);

}  // namespace motcua::api

#endif  // MOTCUA_ADAPTERS_API_BODY_CODEC_H_
