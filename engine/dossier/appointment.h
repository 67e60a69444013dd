// The deadline clock's pause rule, in one place (docs/domain.md "The clock"):
// the clock stops while the dossier waits for the citizen (a supplementation,
// and a fee when the fee wait pauses the clock) and restarts when the wait
// ends, the appointment moved later by the working time the wait took.
//
// Beside it runs the citizen's clock (docs/domain.md "Supplementation"): the
// law of the receipt date (rule_set.h) counts the full duration again from
// the complete dossier, so a supplementation gives the citizen an appointment
// of its own; later waits move it as they move the statistics' one.
//
// Three callers share it, so that the appointment a dossier carries live is
// the one its history gives:
// - the lifecycle's fold (lifecycle.h) asks ClockEffectOf when the clock
//   stops and restarts;
// - the engine (Engine::FillDerived) takes one Advance step from the
//   dossier's state to put the moved appointment into the resuming event;
// - RecomputeAppointment folds Advance over a whole history, for a loaded or
//   corrected official schedule (retime.h).
//
// Pure functions of their arguments; safe from any thread.
#ifndef MOTCUA_ENGINE_DOSSIER_APPOINTMENT_H_
#define MOTCUA_ENGINE_DOSSIER_APPOINTMENT_H_

#include <optional>
#include <vector>

#include "engine/base/status.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "engine/dossier/dossier_state.h"
#include "motcua/v1/event.pb.h"

namespace motcua::dossier {

// What an event does to the deadline clock.
enum class ClockEffect {
  kNone,
  // The office waits for the citizen: a supplementation request, or a fee
  // request that pauses the clock.
  kPause,
  // The wait ends: the dossier is supplemented or the fee is paid. With no
  // pause in progress (a fee paid when the fee wait does not pause) nothing
  // moves.
  kResume,
};
ClockEffect ClockEffectOf(const v1::Event& event);

// A dossier's clock: its appointment and, while stopped, since when; and
// the citizen's appointment once a supplementation restarted it (nullopt:
// the same as `appointment`).
struct DeadlineClock {
  calendar::Due appointment;
  std::optional<Instant> paused_at;
  std::optional<Instant> citizen;
};

// The clock of a dossier in memory (DossierState keeps the same facts).
DeadlineClock ClockOf(const DossierState& state);

// The appointment after one pause from `paused_at` to `resumed_at`, starting
// from `appointment`: later by the working time in [paused_at, resumed_at).
// A pause that began after the appointment had passed cannot make a late
// dossier on time again: the appointment stays. Errors: the calendar's, for
// an appointment moved out of its range.
Result<calendar::Due> AfterPause(const calendar::WorkingCalendar& calendar,
                                 calendar::Due appointment, Instant paused_at, Instant resumed_at);

// `clock` after `event` (at event.at()) of a dossier of `procedure`
// received at `received_at`: a pause records its start; a resume of a pause
// in progress moves the appointment and the citizen's (AfterPause) and
// clears it; a supplement, when the receipt's rule set restarts the
// duration, then sets the citizen's appointment to the full duration from
// the supplement (ClockAtReceipt). Any other event leaves the clock as it is.
Result<DeadlineClock> Advance(const calendar::WorkingCalendar& calendar,
                              const v1::Procedure& procedure, Instant received_at,
                              DeadlineClock clock, const v1::Event& event);

// A dossier's clock at its receipt: when it starts (the next office hour
// when received outside them) and the appointment the receipt promises. The
// one rule the engine (a received dossier), RecomputeAppointment and the
// desk's preview (GET /v1/appointment) share. Errors: the procedure's
// deadline is malformed, or the calendar does not cover the span.
struct ReceiptClock {
  Instant clock_start;
  calendar::Due appointment;
};
Result<ReceiptClock> ClockAtReceipt(const calendar::WorkingCalendar& calendar,
                                    const v1::Procedure& procedure, Instant received_at);

// The clock the dossier whose events (in order) are `history` would have
// under `calendar`: the receipt's due time, then Advance over every later
// event. kNotFound if it was never received; kInvalidArgument if its
// procedure is no longer in the catalog.
Result<DeadlineClock> RecomputeClock(const std::vector<v1::Event>& history,
                                     const catalog::Catalog& catalog,
                                     const calendar::WorkingCalendar& calendar);
// Its appointment alone.
Result<calendar::Due> RecomputeAppointment(const std::vector<v1::Event>& history,
                                           const catalog::Catalog& catalog,
                                           const calendar::WorkingCalendar& calendar);

}  // namespace motcua::dossier

#endif  // MOTCUA_ENGINE_DOSSIER_APPOINTMENT_H_
