#include "engine/dossier/rule_set.h"

namespace motcua::dossier {

LocalDays Decree118EffectiveDay() noexcept { return LocalDays(cal::year{2025} / cal::July / 1); }

RuleSet RuleSetFor(Instant received_at) {
  // Compare Vietnam wall-clock time with the Vietnam midnight that starts the
  // day, so a dossier received at 00:30 on 2025-07-01 in the commune (still
  // 30 June in UTC) is already under the new decree.
  return ToVietnam(received_at) < LocalTime(Decree118EffectiveDay()) ? RuleSet::kDecree61Of2018
                                                                     : RuleSet::kDecree118Of2025;
}

SupplementationRule SupplementationRuleOf(RuleSet rules) noexcept {
  // Three working days of 8 hours (a working day counts 8 hours whatever
  // the timetable, as for durations).
  constexpr std::chrono::seconds kThreeWorkingDays = std::chrono::hours(3 * 8);
  switch (rules) {
    case RuleSet::kDecree61Of2018:
      return {kThreeWorkingDays, true};
    case RuleSet::kDecree118Of2025:
      // Decree 61's rule kept: see the header.
      return {kThreeWorkingDays, true};
  }
  return {kThreeWorkingDays, true};
}

}  // namespace motcua::dossier
