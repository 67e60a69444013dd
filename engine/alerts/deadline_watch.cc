#include "engine/alerts/deadline_watch.h"

#include <algorithm>
#include <functional>
#include <set>
#include <utility>

#include "engine/base/proto_time.h"
#include "engine/catalog/internal_process.h"
#include "engine/dossier/standing.h"

namespace motcua::alerts {

namespace {

bool Watched(const dossier::DossierState& s) {
  return s.open() && !s.paused() && s.appointment_at != 0;
}

// A step runs until it ends, after the result too (the return's step).
bool StepWatched(const dossier::DossierState& s) { return s.step_due_at != 0 && !s.paused(); }

// An online registration waiting to be accepted or refused.
bool IntakeWatched(const dossier::DossierState& s) {
  return s.status == v1::STATUS_REGISTERED_ONLINE && s.registered_at != 0;
}

// The due time the overdue alert is for: the deadline the office works to
// (standing.h), which the desk's queues show too.
std::int64_t WatchedDue(const dossier::DossierState& s) {
  return dossier::OfficeDeadline(s.appointment_at, s.apologized, s.extended_appointment_at);
}

}  // namespace

DeadlineWatch::DeadlineWatch(const engine::Engine& engine, WatchOptions options)
    : engine_(engine), options_(options) {}

std::int64_t DeadlineWatch::ApologyMoment(const dossier::DossierState& s) const {
  if (s.apologized || (s.alerts_raised & dossier::AlertBit(v1::ALERT_KIND_APOLOGY_DUE))) return 0;
  auto moment = engine_.calendar().SubtractWorkingTime(FromUnixSeconds(s.appointment_at),
                                                       options_.apology_lead);
  if (!moment.ok()) return 0;
  std::int64_t at = ToUnixSeconds(*moment);
  return at > s.clock_start ? at : 0;
}

std::int64_t DeadlineWatch::StepMoment(const dossier::DossierState& s) const {
  if (s.step_due_at == 0 || (s.alerts_raised & dossier::AlertBit(v1::ALERT_KIND_STEP_DUE))) {
    return 0;
  }
  // A step no longer than the lead would be due soon the moment its holder
  // takes it: they know its deadline already, as for the apology's lead.
  if (s.process_version != 0 && s.procedure < engine_.catalog().size()) {
    const v1::Procedure& p = engine_.catalog().at(s.procedure);
    if (s.process_version <= p.processes_size()) {
      auto budget = catalog::StepBudget(p.processes(s.process_version - 1), s.step);
      if (budget && *budget <= options_.step_due_lead) return 0;
    }
  }
  auto moment = engine_.calendar().SubtractWorkingTime(FromUnixSeconds(s.step_due_at),
                                                       options_.step_due_lead);
  return moment.ok() ? ToUnixSeconds(*moment) : 0;
}

void DeadlineWatch::Track(std::uint32_t dossier) {
  if (dossier >= armed_.size()) armed_.resize(engine_.size());
  if (dossier >= armed_.size()) return;  // unknown (rolled back)
  const dossier::DossierState& s = engine_.state(dossier);
  Armed& armed = armed_[dossier];
  const std::int64_t due = Watched(s) ? WatchedDue(s) : 0;  // else its entries turn stale
  // An apology changes the due time, so it re-arms here too.
  if (due != 0 && armed.due != due) {
    if (std::int64_t apology = ApologyMoment(s); apology != 0) {
      Push({apology, due, dossier, v1::ALERT_KIND_APOLOGY_DUE});
    }
    if (!(s.alerts_raised & dossier::AlertBit(v1::ALERT_KIND_OVERDUE))) {
      Push({due, due, dossier, v1::ALERT_KIND_OVERDUE});
    }
  }
  armed.due = due;
  const std::int64_t step_due = StepWatched(s) ? s.step_due_at : 0;
  if (step_due != 0 && armed.step_due != step_due) {
    if (std::int64_t step = StepMoment(s); step != 0) {
      Push({step, s.step_due_at, dossier, v1::ALERT_KIND_STEP_DUE});
    }
  }
  armed.step_due = step_due;
  const std::int64_t registered = IntakeWatched(s) ? s.registered_at : 0;
  if (registered != 0 && armed.registered != registered &&
      !(s.alerts_raised & dossier::AlertBit(v1::ALERT_KIND_INTAKE_LATE))) {
    auto limit = engine_.calendar().AddWorkingTime(FromUnixSeconds(registered),
                                                   options_.intake_limit);
    if (limit.ok()) {
      Push({ToUnixSeconds(*limit), registered, dossier, v1::ALERT_KIND_INTAKE_LATE});
    }
  }
  armed.registered = registered;
}

void DeadlineWatch::TrackAll() {
  queue_.clear();
  missed_.clear();
  missed_set_aside_ = false;
  armed_.assign(engine_.size(), Armed{});
  for (std::uint32_t id = 0; id < engine_.size(); ++id) Track(id);
}

bool DeadlineWatch::Valid(const Entry& e) const {
  if (e.dossier >= engine_.size() || e.dossier >= armed_.size()) return false;
  const dossier::DossierState& s = engine_.state(e.dossier);
  if (s.alerts_raised & dossier::AlertBit(e.kind)) return false;
  switch (e.kind) {
    case v1::ALERT_KIND_STEP_DUE:
      return StepWatched(s) && s.step_due_at == e.appointment;
    case v1::ALERT_KIND_INTAKE_LATE:
      return IntakeWatched(s) && s.registered_at == e.appointment;
    case v1::ALERT_KIND_APOLOGY_DUE:
      return Watched(s) && WatchedDue(s) == e.appointment && !s.apologized;
    default:
      return Watched(s) && WatchedDue(s) == e.appointment;
  }
}

void DeadlineWatch::Push(const Entry& e) {
  queue_.push_back(e);
  std::push_heap(queue_.begin(), queue_.end(), std::greater<>());
}

void DeadlineWatch::Pop() {
  std::pop_heap(queue_.begin(), queue_.end(), std::greater<>());
  queue_.pop_back();
}

std::optional<Instant> DeadlineWatch::NextMoment() {
  while (!queue_.empty() && !Valid(queue_.front())) Pop();
  if (queue_.empty()) return std::nullopt;
  return FromUnixSeconds(queue_.front().moment);
}

std::vector<v1::Event> DeadlineWatch::TakeDue(Instant now, bool late_fired, std::size_t max) {
  std::vector<v1::Event> due;
  // A re-tracked dossier may have a second entry for the same moment; the
  // alert bit only stops it once the first is applied, so stop it here too.
  std::set<std::pair<std::uint32_t, int>> taken;
  const std::int64_t limit = ToUnixSeconds(now);
  while (!queue_.empty() && queue_.front().moment <= limit && due.size() < max) {
    Entry e = queue_.front();
    Pop();
    if (!Valid(e) || !taken.emplace(e.dossier, e.kind).second) continue;
    Raise(e, now, late_fired, due);
  }
  return due;
}

std::vector<v1::Event> DeadlineWatch::TakeMissed(Instant now, std::size_t max) {
  if (!missed_set_aside_) {
    missed_set_aside_ = true;
    const std::int64_t limit = ToUnixSeconds(now);
    auto later = std::partition(queue_.begin(), queue_.end(),
                                [limit](const Entry& e) { return e.moment > limit; });
    missed_.assign(later, queue_.end());
    queue_.erase(later, queue_.end());
    std::make_heap(queue_.begin(), queue_.end(), std::greater<>());
    std::sort(missed_.begin(), missed_.end(), [](const Entry& a, const Entry& b) {
      return a.dossier != b.dossier ? a.dossier > b.dossier : a.moment > b.moment;
    });
  }
  std::vector<v1::Event> due;
  // A dossier's entries are next to each other here, so a second entry for
  // a moment already taken (as TakeDue's set stops) is one of them.
  std::uint32_t dossier = 0;
  std::uint8_t kinds = 0;  // AlertBit of each kind taken for `dossier`
  while (!missed_.empty() && due.size() < max) {
    const Entry e = missed_.back();
    missed_.pop_back();
    if (e.dossier != dossier) {
      dossier = e.dossier;
      kinds = 0;
    }
    if (!Valid(e) || (kinds & dossier::AlertBit(e.kind))) continue;
    kinds |= dossier::AlertBit(e.kind);
    Raise(e, now, /*late_fired=*/true, due);
  }
  if (missed_.empty()) {
    missed_.shrink_to_fit();
    // What came due since the start, or was queued again meanwhile (a
    // dossier changed by a command between the catch-up's transactions).
    if (due.size() < max) {
      for (v1::Event& e : TakeDue(now, /*late_fired=*/true, max - due.size())) {
        due.push_back(std::move(e));
      }
    }
  }
  return due;
}

void DeadlineWatch::Raise(const Entry& e, Instant now, bool late_fired,
                          std::vector<v1::Event>& due) {
  // The owner re-tracks the dossier after committing (or failing to): its
  // remaining moments are pushed again then.
  armed_[e.dossier] = {};
  v1::Event& event = due.emplace_back();
  event.set_dossier_code(engine_.code(e.dossier));
  SetInstant(now, event.mutable_at());
  event.set_actor(kActor);
  v1::AlertRaised* alert = event.mutable_alert_raised();
  alert->set_kind(e.kind);
  SetSeconds(e.moment, alert->mutable_moment());
  alert->set_late_fired(late_fired);
  const dossier::DossierState& s = engine_.state(e.dossier);
  if (e.kind == v1::ALERT_KIND_STEP_DUE) {
    // For the step's holder; the appointment is still the dossier's.
    alert->set_step(s.step);
    SetSeconds(e.appointment, alert->mutable_step_due_at());
    SetSeconds(WatchedDue(s), alert->mutable_appointment_at());
    alert->set_holder_unit(engine_.Name(s.holder_unit));
    alert->set_holder_user(engine_.Name(s.holder_user));
  } else if (e.kind != v1::ALERT_KIND_INTAKE_LATE) {  // a registration has no appointment
    SetSeconds(e.appointment, alert->mutable_appointment_at());
  }
  if (e.kind == v1::ALERT_KIND_APOLOGY_DUE) {
    auto legal =
        engine_.calendar().SubtractWorkingTime(FromUnixSeconds(e.appointment), kApologyLegalLead);
    if (legal.ok()) SetInstant(*legal, alert->mutable_legal_last_moment());
  }
}

}  // namespace motcua::alerts
