// Mẫu 04: the written apology an agency that will be late sends the citizen,
// with the reason and a new appointment (docs/domain.md "Alerts and the
// apology"). Its title and legal basis follow the rule set of the dossier's
// receipt date (RuleSetFor in rule_set.h): "Phiếu xin lỗi và hẹn lại ngày trả
// kết quả" under Decree 61/2018 and Circular 01/2018/TT-VPCP, "Văn bản xin
// lỗi và đề nghị gia hạn thời gian giải quyết" under Decree 118/2025 and
// Circular 03/2025/TT-VPCP. Addressed to the applicant, dated the apology's
// time, signed by the head of the unit. Prints on A4.
//
// Pure functions; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_LETTERS_APOLOGY_H_
#define MOTCUA_ADAPTERS_LETTERS_APOLOGY_H_

#include <string_view>

#include "adapters/letters/letter.h"
#include "adapters/letters/rule_set.h"
#include "adapters/letters/unit_info.h"
#include "engine/base/status.h"
#include "motcua/v1/dossier.pb.h"

namespace motcua::letters {

// The form's title in sentence case.
std::string_view ApologyTitle(RuleSet rules) noexcept;

// Everything comes from the dossier: code, applicant, procedure, received_at,
// the original appointment (original_appointment_at, else appointment_at) and
// the apology (at, reason, new_appointment_at). Fails with kInvalidArgument,
// naming the first thing missing, when any of them is absent.
Result<Letter> BuildApology(const v1::Dossier& dossier, const UnitInfo& unit);

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_APOLOGY_H_
