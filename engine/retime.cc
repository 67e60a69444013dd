#include "engine/retime.h"

#include <algorithm>

#include "engine/base/proto_time.h"
#include "engine/dossier/appointment.h"
#include "engine/dossier/process_steps.h"

namespace motcua::engine {

std::optional<LocalDays> FirstDifference(const calendar::WorkingCalendar& before,
                                         const calendar::WorkingCalendar& after, LocalDays from) {
  const int first = std::max(before.first_year(), after.first_year());
  const int last = std::min(before.last_year(), after.last_year());
  LocalDays day = std::max(from, LocalDays{cal::year{first} / cal::January / 1});
  const LocalDays end{cal::year{last} / cal::December / 31};
  for (; day <= end; day += cal::days{1}) {
    const Instant start = FromVietnam(LocalTime(day.time_since_epoch()));
    const Instant end_of_day = FromVietnam(LocalTime((day + cal::days{1}).time_since_epoch()));
    if (before.WorkingTimeBetween(start, end_of_day) != after.WorkingTimeBetween(start, end_of_day) ||
        before.IsWorkingDay(day) != after.IsWorkingDay(day)) {
      return day;
    }
  }
  return std::nullopt;
}

Result<RetimePlan> PlanRetime(const Engine& engine, const calendar::WorkingCalendar& after,
                              const HistoryLoader& history, Instant now,
                              const std::vector<int>& years, const std::string& description) {
  RetimePlan plan;
  if (engine.calendar().SameWorkingTime(after)) {
    plan.unchanged = true;
    return plan;
  }
  // Days before the earliest open dossier's clock start cannot move anything.
  std::int64_t earliest = 0;
  for (std::uint32_t id = 0; id < engine.size(); ++id) {
    const dossier::DossierState& s = engine.state(id);
    if (s.open() && (earliest == 0 || s.clock_start < earliest)) earliest = s.clock_start;
  }
  std::optional<LocalDays> changed;
  if (earliest != 0) {
    changed = FirstDifference(engine.calendar(), after,
                              cal::floor<cal::days>(ToVietnam(FromUnixSeconds(earliest))));
  }
  if (changed) {
    const std::int64_t from = ToUnixSeconds(FromVietnam(LocalTime(changed->time_since_epoch())));
    for (std::uint32_t id = 0; id < engine.size(); ++id) {
      const dossier::DossierState& s = engine.state(id);
      // A paused dossier's appointment will move later still: recompute it
      // whatever its current value. The citizen's, or the step's deadline,
      // may be the later one.
      const std::int64_t latest =
          std::max({s.appointment_at, s.citizen_appointment_at(), s.step_due_at});
      if (!s.open() || (latest < from && !s.paused())) continue;
      ++plan.examined;
      const std::string code = engine.code(id);
      MOTCUA_ASSIGN_OR_RETURN(std::vector<v1::Event> events, history(code));
      MOTCUA_ASSIGN_OR_RETURN(dossier::DeadlineClock clock,
                              dossier::RecomputeClock(events, engine.catalog(), after));
      const calendar::Due& due = clock.appointment;
      const std::int64_t citizen = clock.citizen ? ToUnixSeconds(*clock.citizen) : 0;
      MOTCUA_ASSIGN_OR_RETURN(dossier::StepClock step,
                              dossier::RecomputeStep(events, engine.catalog(), after));
      const bool step_moved =
          step.step == s.step && step.due_at != 0 && step.due_at != s.step_due_at;
      if (ToUnixSeconds(due.at) == s.appointment_at &&
          due.provisional == s.appointment_provisional &&
          (citizen == 0 || citizen == s.citizen_appointment_at()) && !step_moved) {
        continue;
      }
      v1::Event& e = plan.events.emplace_back();
      e.set_dossier_code(code);
      SetInstant(now, e.mutable_at());
      e.set_actor("system");
      v1::Retimed* r = e.mutable_retimed();
      SetSeconds(s.appointment_at, r->mutable_appointment_before());
      SetInstant(due.at, r->mutable_appointment_after());
      r->set_appointment_provisional(due.provisional);
      if (clock.citizen) SetInstant(*clock.citizen, r->mutable_citizen_appointment_after());
      r->set_reason(description);
      if (step_moved) {
        // The step in progress keeps running, due at its new deadline.
        e.mutable_step()->set_current(step.step);
        SetSeconds(step.due_at, e.mutable_step()->mutable_due_at());
      }
      ++plan.moved;
    }
  }
  v1::Event& e = plan.events.emplace_back();
  SetInstant(now, e.mutable_at());
  e.set_actor("system");
  v1::CalendarChanged* c = e.mutable_calendar_changed();
  for (int y : years) c->add_years(y);
  c->set_description(description);
  c->set_dossiers_retimed(static_cast<std::uint32_t>(plan.moved));
  return plan;
}

}  // namespace motcua::engine
