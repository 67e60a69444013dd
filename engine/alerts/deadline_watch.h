// DeadlineWatch: every open dossier's next moments of interest, in one
// priority queue, so its owner needs one timer for the earliest (not a timer
// per dossier). The moments (docs/domain.md "Alerts and the apology"):
//   apology due  the last moment to apologise: `apology_lead` of working time
//                before the appointment (default one working day); skipped
//                once the agency has apologised, and when the whole duration
//                is shorter than the lead (it would fire at the counter);
//   overdue      the appointment itself; after an apology, the new
//                appointment it promised (statistics still count against
//                the old one, but the office's next deadline is the new).
//   step due     `step_due_lead` of working time before the deadline of the
//                internal process's step in progress (process_steps.h), for
//                its holder; skipped when the step's budget is no longer
//                than the lead (it would fire as the holder takes it);
//   late intake  `intake_limit` of working time after an online registration
//                that is still neither accepted nor refused.
// Paused dossiers (waiting for the citizen) have no moments: their
// appointment is not known until the pause ends.
//
// Entries are invalidated lazily: when a dossier changes, its owner calls
// Track(id), which pushes fresh entries; stale ones are recognised and
// dropped when they reach the top (their appointment no longer matches, the
// dossier finished, or the alert was already raised). Raising an alert is
// appending an AlertRaised event through Engine::Import, so each alert is in
// the log exactly once and a restart does not repeat it.
//
// Memory: 24 bytes per pending moment plus 24 per dossier. Not thread-safe:
// it lives on the engine's strand, beside the engine it reads.
#ifndef MOTCUA_ENGINE_ALERTS_DEADLINE_WATCH_H_
#define MOTCUA_ENGINE_ALERTS_DEADLINE_WATCH_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/base/time.h"
#include "engine/engine.h"
#include "motcua/v1/event.pb.h"

namespace motcua::alerts {

// The law's last moment to apologise is one working day before the
// appointment (docs/domain.md "Alerts and the apology"); `apology_lead` may
// warn earlier, and the alert states both.
inline constexpr std::chrono::seconds kApologyLegalLead = std::chrono::hours(8);

struct WatchOptions {
  std::chrono::seconds apology_lead = std::chrono::hours(8);
  std::chrono::seconds step_due_lead = std::chrono::hours(2);
  std::chrono::seconds intake_limit = std::chrono::hours(8);
};

// The most moments an owner takes and commits at once. A catch-up after a
// long downtime (818,130 late moments at a million open dossiers) is
// committed in transactions of this many: the batch in memory and the WAL
// stay bounded, where one transaction of them all held every pending event
// and every dirty page until its end.
inline constexpr std::size_t kMaxAlertsPerCommit = 10000;

class DeadlineWatch {
 public:
  static constexpr const char* kActor = "system";

  // `engine` must outlive the watch.
  DeadlineWatch(const engine::Engine& engine, WatchOptions options);
  DeadlineWatch(const DeadlineWatch&) = delete;
  DeadlineWatch& operator=(const DeadlineWatch&) = delete;

  // Recomputes the moments of one dossier from its current state.
  void Track(std::uint32_t dossier);
  // Forgets everything and tracks every dossier (after replay, or when the
  // calendar or the lead changed).
  void TrackAll();
  // The earliest pending moment, after dropping stale entries; the owner
  // arms its one timer for it.
  std::optional<Instant> NextMoment();
  // Every valid moment at or before `now`, as AlertRaised events (at = now,
  // actor "system") for the owner to pass to Engine::Import and commit.
  // `late_fired` marks moments found on start that passed while the engine
  // was down. The owner must Track() each returned dossier after its commit
  // succeeds or fails, so its remaining (or retried) moments are queued again.
  // At most `max` moments, the earliest: the rest stay queued for the next
  // call (a catch-up after downtime commits them in batches).
  std::vector<v1::Event> TakeDue(Instant now, bool late_fired,
                                 std::size_t max = static_cast<std::size_t>(-1));
  // The catch-up after downtime: the moments at or before `now` (the
  // start), late-fired, at most `max`, as TakeDue gives them but in the
  // order of their dossiers rather than of their moments. Dossier ids follow
  // creation, so the order of the codes that the log's and the projections'
  // B-trees are sorted by: a transaction of them writes neighbouring pages,
  // where the earliest moments first, scattered over every dossier, touched
  // nearly every page of each tree in every transaction (tools/bench
  // open_dossiers). The first call sets those moments aside; when they are
  // all taken it goes on as TakeDue(now, true, max). The same contract:
  // the owner re-tracks each returned dossier after its commit.
  std::vector<v1::Event> TakeMissed(Instant now, std::size_t max);

  std::size_t pending() const { return queue_.size() + missed_.size(); }
  const WatchOptions& options() const { return options_; }

 private:
  struct Entry {
    std::int64_t moment;
    // What it was computed from: the office's deadline, the step's, or (a
    // late intake) the registration time; a changed value makes it stale.
    std::int64_t appointment;
    std::uint32_t dossier;
    v1::AlertKind kind;
    bool operator>(const Entry& o) const {
      return moment != o.moment ? moment > o.moment : dossier > o.dossier;
    }
  };

  bool Valid(const Entry& e) const;
  // Appends the AlertRaised event of `e`, raised at `now`, to `due`.
  void Raise(const Entry& e, Instant now, bool late_fired, std::vector<v1::Event>& due);
  // The queue as a heap in a vector (std::push_heap and std::pop_heap, the
  // earliest on top), so that TakeMissed can set the due part aside in one
  // pass.
  void Push(const Entry& e);
  void Pop();
  // The apology-due moment for a dossier, or 0 when it has none.
  std::int64_t ApologyMoment(const dossier::DossierState& s) const;
  // The step-due moment, or 0 when no step is in progress.
  std::int64_t StepMoment(const dossier::DossierState& s) const;

  // The deadlines a dossier's entries were computed for (0: none), so Track
  // on an unchanged dossier pushes nothing.
  struct Armed {
    std::int64_t due = 0;
    std::int64_t step_due = 0;
    std::int64_t registered = 0;
  };

  const engine::Engine& engine_;
  const WatchOptions options_;
  std::vector<Entry> queue_;  // a heap: Push, Pop, queue_.front()
  // The moments TakeMissed set aside and has not taken yet, the next last
  // (sorted by dossier and moment, descending); `missed_set_aside_` once it
  // did, until TrackAll starts afresh.
  std::vector<Entry> missed_;
  bool missed_set_aside_ = false;
  std::vector<Armed> armed_;
};

}  // namespace motcua::alerts

#endif  // MOTCUA_ENGINE_ALERTS_DEADLINE_WATCH_H_
