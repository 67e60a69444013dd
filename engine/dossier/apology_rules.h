// The new appointment an apology may promise (docs/domain.md "Alerts and the
// apology"), checked when an officer apologises, in this order, the refusal
// naming the rule that failed:
//   1. later than now;
//   2. later than the current appointment;
//   3. a working moment: inside office hours on a working day, or the close
//      of a session (17:00 is the day's last working moment);
//   4. no later than the procedure's statutory duration again, counted from
//      the current appointment: an apology buys at most one more term.
// History imports are not held to these (the lifecycle checks only that it
// is later than the appointment): they record what was promised then.
//
// Pure; safe from any thread.
#ifndef MOTCUA_ENGINE_DOSSIER_APOLOGY_RULES_H_
#define MOTCUA_ENGINE_DOSSIER_APOLOGY_RULES_H_

#include "engine/base/status.h"
#include "engine/base/time.h"
#include "engine/calendar/working_calendar.h"
#include "engine/dossier/dossier_state.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::dossier {

// OK, or kInvalidArgument naming the rule `new_appointment` breaks.
Status CheckNewAppointment(const calendar::WorkingCalendar& calendar,
                           const v1::Procedure& procedure, const DossierState& state, Instant now,
                           Instant new_appointment);

}  // namespace motcua::dossier

#endif  // MOTCUA_ENGINE_DOSSIER_APOLOGY_RULES_H_
