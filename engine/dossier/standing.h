// Where an open dossier stands against its deadline: the deadline the office
// works to, the working time left until it, and whether that is comfortable,
// close, past, or stopped while the office waits for the citizen. The desk's
// queues show it (GET /v1/dossiers) and the deadline watch arms its overdue
// alert for the same deadline (OfficeDeadline), so the badge an officer sees
// and the alert that fires agree.
//
// Pure functions of their arguments; safe from any thread.
#ifndef MOTCUA_ENGINE_DOSSIER_STANDING_H_
#define MOTCUA_ENGINE_DOSSIER_STANDING_H_

#include <chrono>
#include <cstdint>

#include "engine/base/time.h"
#include "engine/calendar/working_calendar.h"

namespace motcua::dossier {

// The deadline the office works to: the appointment, or after an apology the
// new appointment it promised (a later pause may move the appointment past
// it). Statistics keep counting against the appointment alone. UTC seconds;
// 0 when the dossier has no appointment.
std::int64_t OfficeDeadline(std::int64_t appointment_at, bool apologized,
                            std::int64_t extended_appointment_at);

enum class Urgency { kNone, kOnTrack, kDueSoon, kOverdue, kPaused };

// What Standing needs of a dossier (DossierState, or a row of the dossiers
// table). Instants in UTC seconds, 0 = unset.
struct DeadlineFacts {
  bool open = false;  // received and not finished (DossierState::open)
  std::int64_t appointment_at = 0;
  bool apologized = false;
  std::int64_t extended_appointment_at = 0;
  std::int64_t paused_at = 0;
  // For waiting_too_long: paused for the citizen's supplementation (not a
  // fee), and the processing time given at receipt (clock start to the
  // appointment then).
  bool awaiting_supplement = false;
  std::int64_t clock_start = 0;
  std::int64_t original_appointment_at = 0;
};

struct Standing {
  Urgency urgency = Urgency::kNone;
  std::int64_t deadline_at = 0;  // OfficeDeadline; 0 with kNone
  // Until deadline_at, from `now` or, while paused, from the pause's start
  // (the clock is stopped: what is left does not shrink). Negative when the
  // deadline had passed: by how much working time.
  std::chrono::seconds working_left{0};
  // Waiting for supplementation for longer, in working time up to `now`,
  // than the whole processing time the procedure gave it at receipt: the
  // citizen has not come back, and a leader decides whether to stop it.
  bool waiting_too_long = false;
};

// kNone for a dossier that is not open or has no appointment. Due soon means
// at most `due_soon_within` of working time left: the apology alert's lead
// (WatchOptions::apology_lead, one working day by default), the moment the
// office must act.
Standing StandingOf(const calendar::WorkingCalendar& calendar, const DeadlineFacts& facts,
                    Instant now, std::chrono::seconds due_soon_within);

}  // namespace motcua::dossier

#endif  // MOTCUA_ENGINE_DOSSIER_STANDING_H_
