#include "engine/dossier/process_steps.h"

#include <algorithm>

#include "engine/base/proto_time.h"
#include "engine/base/string_pool.h"
#include "engine/catalog/internal_process.h"
#include "engine/dossier/appointment.h"
#include "engine/dossier/lifecycle.h"

namespace motcua::dossier {

namespace {

using K = v1::Event::KindCase;

LocalDays VietnamDay(std::int64_t at) {
  return cal::floor<cal::days>(ToVietnam(FromUnixSeconds(at)));
}

// Starts step `number` at `start`; past the last step, none.
Result<v1::StepChange> Start(const calendar::WorkingCalendar& calendar,
                             const v1::InternalProcess& process, std::uint32_t number,
                             std::int64_t start, v1::StepChange change) {
  std::optional<std::chrono::seconds> budget = catalog::StepBudget(process, number);
  if (!budget) return change;
  MOTCUA_ASSIGN_OR_RETURN(Instant due, calendar.AddWorkingTime(FromUnixSeconds(start), *budget));
  change.set_current(number);
  SetInstant(due, change.mutable_due_at());
  return change;
}

// The working time the step in progress took until `at`, pauses left out.
// Its deadline is its budget after its start, moved by every ended pause, so
// what it took is the budget less what was left, or plus the overrun; a
// pause still in progress (a withdrawal while waiting) is left out too.
std::int64_t WorkingSecondsTaken(const calendar::WorkingCalendar& calendar,
                                 const v1::InternalProcess& process, const DossierState& state,
                                 std::int64_t at) {
  const std::optional<std::chrono::seconds> budget = catalog::StepBudget(process, state.step);
  if (!budget) return 0;
  const Instant end = FromUnixSeconds(at);
  const Instant due = FromUnixSeconds(state.step_due_at);
  std::chrono::seconds taken = end <= due ? *budget - calendar.WorkingTimeBetween(end, due)
                                          : *budget + calendar.WorkingTimeBetween(due, end);
  if (state.paused()) taken -= calendar.WorkingTimeBetween(FromUnixSeconds(state.paused_at), end);
  return std::max<std::int64_t>(0, taken.count());
}

v1::StepChange End(const calendar::WorkingCalendar& calendar, const v1::InternalProcess& process,
                   const DossierState& state, std::int64_t at, bool timed) {
  v1::StepChange change;
  change.set_ended(state.step);
  SetSeconds(state.step_due_at, change.mutable_ended_due_at());
  if (timed) change.set_ended_timing(StepTimingOf(at, state.step_due_at));
  change.set_ended_working_seconds(WorkingSecondsTaken(calendar, process, state, at));
  return change;
}

}  // namespace

v1::StepTiming StepTimingOf(std::int64_t ended_at, std::int64_t due_at) {
  if (ended_at > due_at) return v1::STEP_TIMING_LATE;
  return VietnamDay(ended_at) < VietnamDay(due_at) ? v1::STEP_TIMING_EARLY
                                                   : v1::STEP_TIMING_ON_TIME;
}

Result<std::optional<v1::StepChange>> StepChangeFor(const calendar::WorkingCalendar& calendar,
                                                    const v1::InternalProcess* process,
                                                    const DossierState& state,
                                                    const v1::Event& event) {
  using Change = std::optional<v1::StepChange>;
  if (process == nullptr) return Change();
  const std::int64_t at = Seconds(event.at());
  const bool running = state.step_due_at != 0;
  Result<v1::StepChange> change = v1::StepChange{};
  switch (event.kind_case()) {
    case K::kReceived:
      change = Start(calendar, *process, 1, Seconds(event.received().clock_start()), {});
      break;
    case K::kHandedOver:
      change = Start(calendar, *process, state.step + 1u, at,
                     running ? End(calendar, *process, state, at, /*timed=*/true)
                             : v1::StepChange{});
      break;
    case K::kResultReady:
    case K::kResultReturned:
      if (!running) return Change();
      change = End(calendar, *process, state, at, /*timed=*/true);
      break;
    case K::kWithdrawn:
    case K::kStopped:
      if (!running) return Change();
      change = End(calendar, *process, state, at, /*timed=*/false);
      break;
    default:
      if (ClockEffectOf(event) != ClockEffect::kResume || !state.paused() || !running) {
        return Change();
      }
      {
        MOTCUA_ASSIGN_OR_RETURN(
            calendar::Due due,
            AfterPause(calendar, calendar::Due{FromUnixSeconds(state.step_due_at)},
                       FromUnixSeconds(state.paused_at), FromUnixSeconds(at)));
        v1::StepChange moved;
        moved.set_current(state.step);
        SetInstant(due.at, moved.mutable_due_at());
        change = std::move(moved);
      }
      break;
  }
  if (!change.ok()) return change.status();
  if (change->ended() == 0 && change->current() == 0) return Change();  // past the last step
  return Change(std::move(*change));
}

Result<StepClock> RecomputeStep(const std::vector<v1::Event>& history,
                                const catalog::Catalog& catalog,
                                const calendar::WorkingCalendar& calendar) {
  DossierState state;
  StringPool names;
  const v1::InternalProcess* process = nullptr;
  for (v1::Event e : history) {
    if (e.kind_case() == K::kReceived) {
      const v1::Procedure* p = catalog.Find(e.received().procedure_code());
      process = p == nullptr ? nullptr : catalog::ProcessFrom(*p, e.received().process_from());
      MOTCUA_ASSIGN_OR_RETURN(Instant start, calendar.ClockStart(ToInstant(e.at())));
      SetInstant(start, e.mutable_received()->mutable_clock_start());
    }
    // The recorded change was decided under the old calendar: decide again
    // (an earlier re-timing's step is dropped with it).
    e.clear_step();
    MOTCUA_ASSIGN_OR_RETURN(std::optional<v1::StepChange> change,
                            StepChangeFor(calendar, process, state, e));
    if (change) *e.mutable_step() = std::move(*change);
    Apply(e, catalog, names, state);
  }
  return StepClock{state.step, state.step_due_at};
}

}  // namespace motcua::dossier
