#include "engine/alerts/deadline_watch.h"

#include <set>
#include <utility>

#include "engine/base/proto_time.h"
#include "engine/dossier/standing.h"

namespace motcua::alerts {

namespace {

bool Watched(const dossier::DossierState& s) {
  return s.open() && !s.paused() && s.appointment_at != 0;
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

void DeadlineWatch::Track(std::uint32_t dossier) {
  if (dossier >= armed_.size()) armed_.resize(engine_.size(), 0);
  if (dossier >= armed_.size()) return;  // unknown (rolled back)
  const dossier::DossierState& s = engine_.state(dossier);
  if (!Watched(s)) {
    armed_[dossier] = 0;  // its entries turn stale
    return;
  }
  const std::int64_t due = WatchedDue(s);
  // An apology changes the due time, so it re-arms here too.
  if (armed_[dossier] == due) return;
  armed_[dossier] = due;
  if (std::int64_t apology = ApologyMoment(s); apology != 0) {
    queue_.push({apology, due, dossier, v1::ALERT_KIND_APOLOGY_DUE});
  }
  if (!(s.alerts_raised & dossier::AlertBit(v1::ALERT_KIND_OVERDUE))) {
    queue_.push({due, due, dossier, v1::ALERT_KIND_OVERDUE});
  }
}

void DeadlineWatch::TrackAll() {
  queue_ = {};
  armed_.assign(engine_.size(), 0);
  for (std::uint32_t id = 0; id < engine_.size(); ++id) Track(id);
}

bool DeadlineWatch::Valid(const Entry& e) const {
  if (e.dossier >= engine_.size() || e.dossier >= armed_.size()) return false;
  const dossier::DossierState& s = engine_.state(e.dossier);
  if (!Watched(s) || WatchedDue(s) != e.appointment) return false;
  if (s.alerts_raised & dossier::AlertBit(e.kind)) return false;
  return e.kind != v1::ALERT_KIND_APOLOGY_DUE || !s.apologized;
}

std::optional<Instant> DeadlineWatch::NextMoment() {
  while (!queue_.empty() && !Valid(queue_.top())) queue_.pop();
  if (queue_.empty()) return std::nullopt;
  return FromUnixSeconds(queue_.top().moment);
}

std::vector<v1::Event> DeadlineWatch::TakeDue(Instant now, bool late_fired) {
  std::vector<v1::Event> due;
  // A re-tracked dossier may have a second entry for the same moment; the
  // alert bit only stops it once the first is applied, so stop it here too.
  std::set<std::pair<std::uint32_t, int>> taken;
  const std::int64_t limit = ToUnixSeconds(now);
  while (!queue_.empty() && queue_.top().moment <= limit) {
    Entry e = queue_.top();
    queue_.pop();
    if (!Valid(e) || !taken.emplace(e.dossier, e.kind).second) continue;
    // The owner re-tracks the dossier after committing (or failing to):
    // its remaining moments are pushed again then.
    armed_[e.dossier] = 0;
    v1::Event& event = due.emplace_back();
    event.set_dossier_code(engine_.code(e.dossier));
    SetInstant(now, event.mutable_at());
    event.set_actor(kActor);
    v1::AlertRaised* alert = event.mutable_alert_raised();
    alert->set_kind(e.kind);
    SetSeconds(e.moment, alert->mutable_moment());
    SetSeconds(e.appointment, alert->mutable_appointment_at());
    alert->set_late_fired(late_fired);
  }
  return due;
}

}  // namespace motcua::alerts
