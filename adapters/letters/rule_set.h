// Which body of law governs a dossier's documents. Vietnam replaced its
// one-stop-shop rules on 2025-07-01: a dossier received before that day stays
// under Decree 61/2018 (amended by Decree 107/2021) and Circular
// 01/2018/TT-VPCP for its whole life; one received from that day on falls
// under Decree 118/2025 and Circular 03/2025/TT-VPCP (docs/domain.md "Rule
// sets and forms"). The day is a Vietnam calendar day, so the switch is at
// 2025-07-01 00:00 Asia/Ho_Chi_Minh, i.e. 2025-06-30 17:00 UTC.
//
// Pure functions over constant data; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_LETTERS_RULE_SET_H_
#define MOTCUA_ADAPTERS_LETTERS_RULE_SET_H_

#include <string_view>

#include "engine/base/time.h"

namespace motcua::letters {

enum class RuleSet {
  kDecree61Of2018,   // Decree 61/2018 + 107/2021, Circular 01/2018/TT-VPCP
  kDecree118Of2025,  // Decree 118/2025, Circular 03/2025/TT-VPCP
};

// The rule set for a dossier received at `received_at`. For a dossier that
// was never received (refused at the counter), pass the refusal time.
RuleSet RuleSetFor(Instant received_at);

// The first Vietnam calendar day of Decree 118/2025.
LocalDays Decree118EffectiveDay() noexcept;

// "Thông tư số 01/2018/TT-VPCP" or "Thông tư số 03/2025/TT-VPCP": where the
// forms (Mẫu) come from.
std::string_view CircularOf(RuleSet rules) noexcept;

// The decrees, by number only: "Nghị định số 61/2018/NĐ-CP và Nghị định số
// 107/2021/NĐ-CP" or "Nghị định số 118/2025/NĐ-CP".
std::string_view DecreesOf(RuleSet rules) noexcept;

// The decrees with their dates and subjects, for a "Căn cứ ..." line.
std::string_view LegalBasisOf(RuleSet rules) noexcept;

// What the law calls the counter: "Bộ phận Tiếp nhận và Trả kết quả" under
// Decree 61/2018, "Bộ phận Một cửa" under Decree 118/2025.
std::string_view CounterNameOf(RuleSet rules) noexcept;

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_RULE_SET_H_
