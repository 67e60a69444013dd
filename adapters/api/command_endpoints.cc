#include "adapters/api/command_endpoints.h"

#include <array>

namespace motcua::api {

namespace {

using K = v1::Command::KindCase;

// In lifecycle order. Who may send each: adapters/http/access_policy.cc.
constexpr std::array<CommandEndpoint, 14> kEndpoints = {{
    {"register-online", K::kRegisterOnline},
    {"receive", K::kReceive},
    {"refuse", K::kRefuse},
    {"hand-over", K::kHandOver},
    {"request-supplement", K::kRequestSupplement},
    {"supplement", K::kSupplement},
    {"request-fee", K::kRequestFee},
    {"record-payment", K::kRecordPayment},
    {"stop", K::kStop},
    {"withdraw", K::kWithdraw},
    {"result-ready", K::kMarkResultReady},
    {"return-result", K::kReturnResult},
    {"apologize", K::kApologize},
    {"rate", K::kRate},
}};

}  // namespace

std::span<const CommandEndpoint> CommandEndpoints() { return kEndpoints; }

const CommandEndpoint* FindCommandEndpoint(std::string_view name) {
  for (const CommandEndpoint& e : kEndpoints) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

const CommandEndpoint* EndpointOf(v1::Command::KindCase kind) {
  for (const CommandEndpoint& e : kEndpoints) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

google::protobuf::Message* MutableCommandBody(v1::Command& c, v1::Command::KindCase kind) {
  switch (kind) {
    case K::kRegisterOnline: return c.mutable_register_online();
    case K::kReceive: return c.mutable_receive();
    case K::kRefuse: return c.mutable_refuse();
    case K::kHandOver: return c.mutable_hand_over();
    case K::kRequestSupplement: return c.mutable_request_supplement();
    case K::kSupplement: return c.mutable_supplement();
    case K::kRequestFee: return c.mutable_request_fee();
    case K::kRecordPayment: return c.mutable_record_payment();
    case K::kStop: return c.mutable_stop();
    case K::kWithdraw: return c.mutable_withdraw();
    case K::kMarkResultReady: return c.mutable_mark_result_ready();
    case K::kReturnResult: return c.mutable_return_result();
    case K::kApologize: return c.mutable_apologize();
    case K::kRate: return c.mutable_rate();
    case K::KIND_NOT_SET: return nullptr;
  }
  return nullptr;
}

const google::protobuf::Message* CommandBody(const v1::Command& c) {
  switch (c.kind_case()) {
    case K::kRegisterOnline: return &c.register_online();
    case K::kReceive: return &c.receive();
    case K::kRefuse: return &c.refuse();
    case K::kHandOver: return &c.hand_over();
    case K::kRequestSupplement: return &c.request_supplement();
    case K::kSupplement: return &c.supplement();
    case K::kRequestFee: return &c.request_fee();
    case K::kRecordPayment: return &c.record_payment();
    case K::kStop: return &c.stop();
    case K::kWithdraw: return &c.withdraw();
    case K::kMarkResultReady: return &c.mark_result_ready();
    case K::kReturnResult: return &c.return_result();
    case K::kApologize: return &c.apologize();
    case K::kRate: return &c.rate();
    case K::KIND_NOT_SET: return nullptr;
  }
  return nullptr;
}

}  // namespace motcua::api
