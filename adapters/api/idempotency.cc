#include "adapters/api/idempotency.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "adapters/crypto/sha256.h"
#include "adapters/api/command_endpoints.h"

namespace motcua::api {

Status ValidateIdempotencyKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxIdempotencyKeyBytes) {
    return Status(Error::kBadRequest, "Idempotency-Key phải dài từ 1 đến 128 ký tự");
  }
  for (char c : key) {
    if (c < 0x21 || c > 0x7e) {
      return Status(Error::kBadRequest, "Idempotency-Key chỉ được chứa ký tự ASCII nhìn thấy được");
    }
  }
  return Status::Ok();
}

std::string RequestFingerprint(const v1::Command& command) {
  std::string body;
  if (const google::protobuf::Message* m = CommandBody(command)) {
    // Deterministic: map entries and unknown fields always serialize the
    // same way, so equal messages give equal bytes.
    google::protobuf::io::StringOutputStream out(&body);
    google::protobuf::io::CodedOutputStream coded(&out);
    coded.SetSerializationDeterministic(true);
    m->SerializeToCodedStream(&coded);
  }
  const CommandEndpoint* endpoint = EndpointOf(command.kind_case());
  std::string_view kind = endpoint ? endpoint->name : std::string_view("none");
  return crypto::Sha256({kind, std::string_view("\0", 1), body});
}

}  // namespace motcua::api
