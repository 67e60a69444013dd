#include "adapters/http/command_endpoints.h"

#include <array>

namespace motcua::http {

namespace {

using K = v1::Command::KindCase;

constexpr RoleMask kReception = RoleBit(v1::ROLE_RECEPTION);
constexpr RoleMask kSpecialist = RoleBit(v1::ROLE_SPECIALIST);
constexpr RoleMask kLeader = RoleBit(v1::ROLE_LEADER);

// Who does what at a commune (DOMAIN.md "People"): the counter receives,
// asks for supplements and fees, and returns results; the specialist
// processes and reports the result ready; the leader signs and may stop.
// Any of the three may pass a dossier on and apologise for a late one.
constexpr std::array<CommandEndpoint, 14> kEndpoints = {{
    {"register-online", K::kRegisterOnline, kReception},
    {"receive", K::kReceive, kReception},
    {"refuse", K::kRefuse, kReception},
    {"hand-over", K::kHandOver, kReception | kSpecialist | kLeader},
    {"request-supplement", K::kRequestSupplement, kReception | kSpecialist},
    {"supplement", K::kSupplement, kReception},
    {"request-fee", K::kRequestFee, kReception | kSpecialist},
    {"record-payment", K::kRecordPayment, kReception},
    {"stop", K::kStop, kSpecialist | kLeader},
    {"withdraw", K::kWithdraw, kReception},
    {"result-ready", K::kMarkResultReady, kSpecialist | kLeader},
    {"return-result", K::kReturnResult, kReception},
    {"apologize", K::kApologize, kReception | kSpecialist | kLeader},
    {"rate", K::kRate, kReception},
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

const std::string& TargetCode(const v1::Command& c) {
  static const std::string kNone;
  switch (c.kind_case()) {
    case K::kRegisterOnline: return kNone;
    case K::kReceive: return c.receive().dossier_code();
    case K::kRefuse: return c.refuse().dossier_code();
    case K::kHandOver: return c.hand_over().dossier_code();
    case K::kRequestSupplement: return c.request_supplement().dossier_code();
    case K::kSupplement: return c.supplement().dossier_code();
    case K::kRequestFee: return c.request_fee().dossier_code();
    case K::kRecordPayment: return c.record_payment().dossier_code();
    case K::kStop: return c.stop().dossier_code();
    case K::kWithdraw: return c.withdraw().dossier_code();
    case K::kMarkResultReady: return c.mark_result_ready().dossier_code();
    case K::kReturnResult: return c.return_result().dossier_code();
    case K::kApologize: return c.apologize().dossier_code();
    case K::kRate: return c.rate().dossier_code();
    case K::KIND_NOT_SET: return kNone;
  }
  return kNone;
}

}  // namespace motcua::http
