#include "engine/dossier/standing.h"

#include <algorithm>

namespace motcua::dossier {

std::int64_t OfficeDeadline(std::int64_t appointment_at, bool apologized,
                            std::int64_t extended_appointment_at) {
  if (appointment_at == 0) return 0;
  return std::max(appointment_at, apologized ? extended_appointment_at : 0);
}

Standing StandingOf(const calendar::WorkingCalendar& calendar, const DeadlineFacts& facts,
                    Instant now, std::chrono::seconds due_soon_within) {
  Standing s;
  s.deadline_at =
      facts.open ? OfficeDeadline(facts.appointment_at, facts.apologized,
                                  facts.extended_appointment_at)
                 : 0;
  if (s.deadline_at == 0) return s;
  const Instant deadline = FromUnixSeconds(s.deadline_at);
  const bool paused = facts.paused_at != 0;
  const Instant from = paused ? FromUnixSeconds(facts.paused_at) : now;
  s.working_left = from < deadline ? calendar.WorkingTimeBetween(from, deadline)
                                   : -calendar.WorkingTimeBetween(deadline, from);
  if (paused) {
    s.urgency = Urgency::kPaused;
    const Instant paused_since = FromUnixSeconds(facts.paused_at);
    if (facts.awaiting_supplement && facts.original_appointment_at > facts.clock_start &&
        facts.clock_start != 0 && now > paused_since) {
      const auto given = calendar.WorkingTimeBetween(FromUnixSeconds(facts.clock_start),
                                                     FromUnixSeconds(facts.original_appointment_at));
      s.waiting_too_long = calendar.WorkingTimeBetween(paused_since, now) > given;
    }
  } else if (from >= deadline) {
    s.urgency = Urgency::kOverdue;
  } else {
    s.urgency = s.working_left <= due_soon_within ? Urgency::kDueSoon : Urgency::kOnTrack;
  }
  return s;
}

}  // namespace motcua::dossier
