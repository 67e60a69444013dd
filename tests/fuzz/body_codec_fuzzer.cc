// Fuzz target: request bodies. The first byte picks the message (every
// command body, the history event, the users file, the configuration) and
// the format (JSON or binary protobuf); the rest is the body.
//
// Oracles: decoding either refuses with kBadRequest and a one-line UTF-8
// message (what it quotes of the body quoted, engine/base/quote.h), or
// yields a message that encodes back, in both formats, to one that decodes
// to the same message (no crash, no silent loss).
#include <google/protobuf/util/message_differencer.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "adapters/api/body_codec.h"
#include "adapters/api/command_endpoints.h"
#include "motcua/v1/alerts.pb.h"
#include "motcua/v1/api.pb.h"
#include "motcua/v1/command.pb.h"
#include "motcua/v1/config.pb.h"
#include "motcua/v1/event.pb.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using motcua::api::BodyFormat;

[[noreturn]] void Fail(const std::string& why) {
  std::fprintf(stderr, "body_codec_fuzzer: %s\n", why.c_str());
  std::abort();
}

// A fresh message of the kind `selector` names.
std::unique_ptr<google::protobuf::Message> MessageFor(unsigned selector,
                                                      motcua::v1::Command& command) {
  const auto endpoints = motcua::api::CommandEndpoints();
  const unsigned kinds = static_cast<unsigned>(endpoints.size()) + 4;
  const unsigned pick = selector % kinds;
  if (pick < endpoints.size()) {
    google::protobuf::Message* body =
        motcua::api::MutableCommandBody(command, endpoints[pick].kind);
    if (body == nullptr) Fail("no body for an endpoint");
    std::unique_ptr<google::protobuf::Message> copy(body->New());
    return copy;
  }
  switch (pick - endpoints.size()) {
    case 0: return std::make_unique<motcua::v1::Event>();
    case 1: return std::make_unique<motcua::v1::Users>();
    case 2: return std::make_unique<motcua::v1::ServerConfig>();
    default: return std::make_unique<motcua::v1::SetTestClock>();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned selector = data[0];
  const BodyFormat format = (selector & 0x80) != 0 ? BodyFormat::kProtobuf : BodyFormat::kJson;
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  motcua::v1::Command command;
  std::unique_ptr<google::protobuf::Message> message = MessageFor(selector & 0x7f, command);

  const motcua::Status decoded = motcua::api::DecodeBody(body, format, *message);
  if (!decoded.ok()) {
    if (decoded.code() != motcua::Error::kBadRequest || decoded.message().empty()) {
      Fail("refused with " + decoded.ToString());
    }
    motcua::fuzz::ExpectQuotedMessage("body_codec_fuzzer", decoded.message());
    return 0;
  }
  // Binary protobuf keeps fields it does not know (forward compatibility);
  // JSON has no way to carry them.
  message->DiscardUnknownFields();
  for (BodyFormat again : {BodyFormat::kJson, BodyFormat::kProtobuf}) {
    const std::string encoded = motcua::api::EncodeBody(*message, again);
    std::unique_ptr<google::protobuf::Message> back(message->New());
    const motcua::Status redecoded = motcua::api::DecodeBody(encoded, again, *back);
    if (!redecoded.ok()) Fail("its own encoding does not decode: " + redecoded.ToString());
    if (!google::protobuf::util::MessageDifferencer::Equals(*message, *back)) {
      Fail("the round trip changed the message: " + message->ShortDebugString() + " vs " +
           back->ShortDebugString());
    }
  }
  return 0;
}
