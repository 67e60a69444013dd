#include "engine/command_target.h"

namespace motcua::engine {

const std::string& TargetCode(const v1::Command& c) {
  using C = v1::Command::KindCase;
  static const std::string kNone;
  switch (c.kind_case()) {
    case C::kRegisterOnline: return kNone;
    case C::kReceive: return c.receive().dossier_code();
    case C::kRefuse: return c.refuse().dossier_code();
    case C::kHandOver: return c.hand_over().dossier_code();
    case C::kRequestSupplement: return c.request_supplement().dossier_code();
    case C::kSupplement: return c.supplement().dossier_code();
    case C::kRequestFee: return c.request_fee().dossier_code();
    case C::kRecordPayment: return c.record_payment().dossier_code();
    case C::kStop: return c.stop().dossier_code();
    case C::kWithdraw: return c.withdraw().dossier_code();
    case C::kMarkResultReady: return c.mark_result_ready().dossier_code();
    case C::kReturnResult: return c.return_result().dossier_code();
    case C::kApologize: return c.apologize().dossier_code();
    case C::kRate: return c.rate().dossier_code();
    case C::KIND_NOT_SET: return kNone;
  }
  return kNone;
}

bool MayCreate(const v1::Command& c) {
  using C = v1::Command::KindCase;
  return c.kind_case() == C::kRegisterOnline || c.kind_case() == C::kReceive ||
         c.kind_case() == C::kRefuse;
}

}  // namespace motcua::engine
