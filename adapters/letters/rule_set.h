// The wording each rule set prints: which circular the forms come from, the
// decrees, the legal basis and what the counter is called. Which rule set a
// dossier follows, and what it makes the clock do, is the engine's
// (engine/dossier/rule_set.h); the letters use that choice.
//
// Pure functions over constant data; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_LETTERS_RULE_SET_H_
#define MOTCUA_ADAPTERS_LETTERS_RULE_SET_H_

#include <string_view>

#include "engine/dossier/rule_set.h"

namespace motcua::letters {

using dossier::RuleSet;
using dossier::RuleSetFor;

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
