#include "adapters/api/body_codec.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/unknown_field_set.h>
#include <google/protobuf/util/json_util.h>

#include <optional>
#include <vector>

#include "engine/base/quote.h"

namespace motcua::api {

namespace {

// The media type without parameters (e.g. "; charset=utf-8"), lowercased.
std::string MediaType(std::string_view header) {
  std::string_view type = header.substr(0, header.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  std::string out(type);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// protobuf's JSON parser names what it refused on its first line (a field
// name or a value from the body: "to_planet: Cannot find field.") and after
// a line break points into the body with a caret. Keep the first line,
// quoted like any client text: valid UTF-8, one line, at most 160 bytes.
std::string ParserReason(std::string_view message) {
  return QuoteForMessage(message.substr(0, message.find_first_of("\r\n")), 160);
}

// "applicant.17": where the first field number `message` does not define
// sits, searching the fields it holds; nullopt when there is none. The
// binary parser keeps such fields aside instead of refusing them.
std::optional<std::string> FirstUnknownField(const google::protobuf::Message& message) {
  const google::protobuf::Reflection& reflection = *message.GetReflection();
  const google::protobuf::UnknownFieldSet& unknown = reflection.GetUnknownFields(message);
  if (!unknown.empty()) return std::to_string(unknown.field(0).number());
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  reflection.ListFields(message, &fields);
  for (const google::protobuf::FieldDescriptor* field : fields) {
    if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    const int count = field->is_repeated() ? reflection.FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      const google::protobuf::Message& inner =
          field->is_repeated() ? reflection.GetRepeatedMessage(message, field, i)
                               : reflection.GetMessage(message, field);
      if (auto found = FirstUnknownField(inner)) return field->name() + "." + *found;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<BodyFormat> RequestFormat(std::string_view content_type) {
  std::string type = MediaType(content_type);
  if (type.empty() || type == kJsonType) return BodyFormat::kJson;
  if (type == kProtobufType) return BodyFormat::kProtobuf;
  return Status(Error::kBadRequest, "kiểu nội dung không được hỗ trợ '" + QuoteForMessage(type) +
                                        "' (dùng application/json hoặc application/x-protobuf)");
}

BodyFormat ReplyFormat(std::string_view accept) {
  // Any listed type will do; protobuf only when asked for by name.
  std::size_t start = 0;
  while (start <= accept.size()) {
    std::size_t end = accept.find(',', start);
    if (end == std::string_view::npos) end = accept.size();
    if (MediaType(accept.substr(start, end - start)) == kProtobufType) return BodyFormat::kProtobuf;
    start = end + 1;
  }
  return BodyFormat::kJson;
}

std::string_view ContentTypeOf(BodyFormat format) {
  return format == BodyFormat::kProtobuf ? kProtobufType : kJsonType;
}

Status DecodeBody(std::string_view body, BodyFormat format, google::protobuf::Message& message) {
  message.Clear();
  if (body.empty()) return Status::Ok();
  if (format == BodyFormat::kProtobuf) {
    if (!message.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
      return Status(Error::kBadRequest,
                    "nội dung protobuf không đọc được (" + message.GetDescriptor()->name() + ")");
    }
    // As JSON refuses a field it does not know: a field from a newer client
    // would otherwise be dropped and the command run without it.
    if (auto unknown = FirstUnknownField(message)) {
      const std::string name = message.GetDescriptor()->name();
      message.Clear();
      return Status(Error::kBadRequest, "nội dung protobuf có trường số " + *unknown +
                                            " không thuộc " + name +
                                            " (máy khách khác phiên bản máy chủ?)");
    }
    return Status::Ok();
  }
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(body.data(), body.size()), &message, options);
  if (!status.ok()) {
    return Status(Error::kBadRequest,
                  "nội dung JSON không hợp lệ: " + ParserReason(std::string(status.message())));
  }
  return Status::Ok();
}

std::string EncodeBody(const google::protobuf::Message& message, BodyFormat format) {
  std::string out;
  if (format == BodyFormat::kProtobuf) {
    message.SerializeToString(&out);
    return out;
  }
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  // Printing a message we built cannot fail short of a broken invariant.
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

}  // namespace motcua::api
