// Which body of law governs a dossier, and the rules of it the engine
// applies. Vietnam replaced its one-stop-shop rules on 2025-07-01: a dossier
// received before that day stays under Decree 61/2018 (amended by Decree
// 107/2021) for its whole life; one received from that day on falls under
// Decree 118/2025 (docs/domain.md "Rule sets and forms"). The day is a
// Vietnam calendar day, so the switch is at 2025-07-01 00:00
// Asia/Ho_Chi_Minh, i.e. 2025-06-30 17:00 UTC.
//
// The forms and wording each rule set prints are the letters' business
// (adapters/letters/rule_set.h); what the law makes the clock do is here, so
// that the engine, the letters and the statistics read one rule.
//
// Pure functions over constant data; safe to call from any thread.
#ifndef MOTCUA_ENGINE_DOSSIER_RULE_SET_H_
#define MOTCUA_ENGINE_DOSSIER_RULE_SET_H_

#include <chrono>

#include "engine/base/time.h"

namespace motcua::dossier {

enum class RuleSet {
  kDecree61Of2018,   // Decree 61/2018 + 107/2021, Circular 01/2018/TT-VPCP
  kDecree118Of2025,  // Decree 118/2025, Circular 03/2025/TT-VPCP
};

// The rule set for a dossier received at `received_at`. For a dossier that
// was never received (refused at the counter), pass the refusal time.
RuleSet RuleSetFor(Instant received_at);

// The first Vietnam calendar day of Decree 118/2025.
LocalDays Decree118EffectiveDay() noexcept;

// What the law says about a supplementation request during processing
// (docs/domain.md "Supplementation"). Decree 61/2018 art. 19(4): the request
// goes to the citizen within 3 working days of receipt, and "thời hạn giải
// quyết được tính lại từ đầu sau khi nhận đủ hồ sơ": the full duration counts
// again from the complete dossier. motcua holds no text of Decree 118/2025
// that says otherwise, so it keeps the same rule; a later reading changes
// this table and nothing else.
struct SupplementationRule {
  // A request later than this working time after the clock start is the
  // agency's lateness: allowed, and flagged.
  std::chrono::seconds request_limit;
  // The citizen's appointment starts the full duration again from the
  // complete dossier (else it is moved by the wait, as the statistics' is).
  bool restarts_duration;
};
SupplementationRule SupplementationRuleOf(RuleSet rules) noexcept;

}  // namespace motcua::dossier

#endif  // MOTCUA_ENGINE_DOSSIER_RULE_SET_H_
