// The steps of a dossier's internal process, in one place (docs/domain.md
// "Internal processes"): when a step starts and ends, its deadline, and how
// it ended against it.
//
// - Receipt starts step 1 at the clock start.
// - A hand-over ends the step in progress, if any, and starts the next one,
//   due its budget of working time after the hand-over; a hand-over past the
//   last step starts none.
// - The result ends the step in progress; the steps after it (the one-stop's
//   recording and return, usually) start when the result is handed over.
// - Returning the result ends the step in progress.
// - A withdrawal or a stop ends it with no timing.
// - An ended step records the working time it took, pauses left out; the
//   engine adds who held it (Engine::FillStep).
// - The end of a wait for the citizen moves the step's deadline by the
//   working time the wait took, as it moves the appointment (appointment.h).
//
// DossierState::step is the last step started, step_due_at its deadline
// while it runs (0 once it ended).
//
// The engine decides the change when the event happens and records it in the
// event (Event.step); the lifecycle's fold only copies it, so replay, the
// slip and the statistics read the same steps.
//
// Pure functions of their arguments; safe from any thread.
#ifndef MOTCUA_ENGINE_DOSSIER_PROCESS_STEPS_H_
#define MOTCUA_ENGINE_DOSSIER_PROCESS_STEPS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/base/status.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "engine/dossier/dossier_state.h"
#include "motcua/v1/event.pb.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::dossier {

// How a step that ended at `ended_at` stands against its deadline `due_at`
// (UTC seconds): late after it; early on a Vietnam date before the
// deadline's; on time otherwise. The report's date rule for dossiers
// (docs/domain.md "Statistics"), applied to a step.
v1::StepTiming StepTimingOf(std::int64_t ended_at, std::int64_t due_at);

// The change `event` makes to the steps of a dossier in `state` that follows
// `process` (the version it keeps; nullptr: it follows none, so nothing
// changes). For a receipt, `process` is the version in force that day and
// the clock start is the event's. nullopt when the event changes no step.
// Errors: the calendar's, for a deadline out of its range.
Result<std::optional<v1::StepChange>> StepChangeFor(const calendar::WorkingCalendar& calendar,
                                                    const v1::InternalProcess* process,
                                                    const DossierState& state,
                                                    const v1::Event& event);

// The step in progress (1-based; 0 none) and its deadline (UTC seconds; 0
// when none runs) that the dossier whose events (in order) are `history`
// would have under `calendar`: every step change decided again, as the
// engine would have, from the clock start the calendar gives the receipt.
// For a calendar change (engine/retime.h), as RecomputeClock is for the
// appointment. A dossier that follows no process has none.
struct StepClock {
  std::uint8_t step = 0;
  std::int64_t due_at = 0;
};
Result<StepClock> RecomputeStep(const std::vector<v1::Event>& history,
                                const catalog::Catalog& catalog,
                                const calendar::WorkingCalendar& calendar);

}  // namespace motcua::dossier

#endif  // MOTCUA_ENGINE_DOSSIER_PROCESS_STEPS_H_
