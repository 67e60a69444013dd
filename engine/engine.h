// Engine: turns commands into events. It validates each command against the
// dossier's state (lifecycle.h), the catalog and the calendar, computes what
// the command decides (the dossier code, the appointment, the lookup secret),
// applies the resulting events to its in-memory state and queues them in a
// CommitBatch for the event log.
//
// The engine does no I/O and reads no clock: callers pass `now`. It is not
// thread-safe; it lives on one strand (the server's engine thread), which also
// commits its batches. Memory: one DossierState (about 120 bytes) plus a map
// entry per dossier.
//
//   engine::CommitBatch batch;
//   auto outcome = engine.Execute(command, clock.Now(), batch);
//   if (outcome.ok()) {
//     Status s = log.Commit(batch);
//     if (s.ok()) engine.Committed(batch); else engine.Rollback(batch);
//   }
#ifndef MOTCUA_ENGINE_ENGINE_H_
#define MOTCUA_ENGINE_ENGINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/base/status.h"
#include "engine/base/string_pool.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "engine/commit_batch.h"
#include "engine/dossier/dossier_code.h"
#include "engine/dossier/dossier_state.h"
#include "engine/engine_image.h"
#include "engine/ports/secret_source.h"
#include "motcua/v1/command.pb.h"
#include "motcua/v1/event.pb.h"

namespace motcua::engine {

struct EngineOptions {
  std::string unit_code;  // the receiving unit; prefixes every new code
  // Whether waiting for a fee (status 6) pauses the clock (docs/domain.md
  // "Fees": by default it runs).
  bool fee_wait_pauses_clock = false;
};

// Whom a dossier can be handed over to: the commune's units, and each
// officer's unit (user name to unit). A hand-over naming another unit, or an
// officer not of the unit it names, is refused with the valid ones; a
// receipt records the receiving officer's unit as the dossier's holder.
// No units: any unit (a bare engine, as in most tests).
struct Recipients {
  std::vector<std::string> units;
  std::unordered_map<std::string, std::string> officer_units;
};

// What an accepted command produced: its dossier and its events, which are
// batch.events[first_event, first_event + event_count).
struct CommandOutcome {
  std::string dossier_code;
  std::size_t first_event = 0;
  std::size_t event_count = 0;
  std::string lookup_secret;  // only when the command received the dossier
};

class Engine {
 public:
  static constexpr std::uint32_t kNoDossier = ~std::uint32_t{0};

  // `secrets` must outlive the engine.
  Engine(EngineOptions options, std::shared_ptr<const catalog::Catalog> catalog,
         std::shared_ptr<const calendar::WorkingCalendar> calendar, SecretSource& secrets);

  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Folds an already committed event into memory (start-up replay). kCorrupt,
  // naming the seq, when the log contradicts the lifecycle.
  Status Replay(const v1::Event& event);

  // A copy of the engine's memory (engine_image.h): O(dossiers), for a
  // snapshot.
  EngineImage Image() const;
  // Loads `image` into an engine that holds no dossier yet, as if the events
  // it was taken after had been replayed. kInvalidArgument when the engine
  // is not empty; kCorrupt when the image contradicts itself (an id out of
  // range, a name twice), and the engine stays empty.
  Status Restore(EngineImage image);

  // Validates `command` (its actor set by the caller) at `now`: first that it
  // carries its required fields (command_fields.h: kInvalidArgument naming
  // them), then against the dossier, the catalog and the calendar. On success
  // its events are applied to memory (later commands see them) and appended
  // to `batch`; on error nothing changes.
  Result<CommandOutcome> Execute(const v1::Command& command, Instant now, CommitBatch& batch);

  // Accepts one event from outside the desk: a history import (derived fields
  // such as the appointment are computed when missing) or the engine's own
  // alerts. Same validation as Execute; on error nothing changes.
  Status Import(v1::Event event, CommitBatch& batch);

  // The batch is durable: drop its undo records.
  void Committed(CommitBatch& batch);
  // The batch could not be written: undo its effects on memory, newest first.
  void Rollback(CommitBatch& batch);

  // nullptr when no such dossier.
  const dossier::DossierState* Find(std::string_view code) const;
  std::size_t size() const { return states_.size(); }
  // Dense ids 0..size()-1 in creation order; kNoDossier when unknown. An id
  // is stable for the engine's life (a rolled-back creation frees the last).
  std::uint32_t IdOf(std::string_view code) const;
  const dossier::DossierState& state(std::uint32_t id) const { return states_[id]; }
  std::string code(std::uint32_t id) const { return CodeOf(id); }
  // Every dossier, in the order they were created.
  void ForEach(const std::function<void(const std::string& code,
                                        const dossier::DossierState&)>& visit) const;
  const std::string& Name(std::uint32_t interned) const { return names_.Get(interned); }

  const EngineOptions& options() const { return options_; }
  const catalog::Catalog& catalog() const { return *catalog_; }
  const calendar::WorkingCalendar& calendar() const { return *calendar_; }
  std::shared_ptr<const calendar::WorkingCalendar> calendar_ptr() const { return calendar_; }
  // Later commands are timed with `calendar` (a loaded or corrected schedule).
  void SetCalendar(std::shared_ptr<const calendar::WorkingCalendar> calendar);
  // Later commands are checked against `recipients` (the users file read
  // again).
  void SetRecipients(Recipients recipients) { recipients_ = std::move(recipients); }
  const Recipients& recipients() const { return recipients_; }

 private:
  Result<v1::Event> BuildEvent(const v1::Command& command, Instant now,
                               std::string* lookup_secret);
  // A hand-over's recipient is one of recipients_.
  Status CheckRecipient(const std::string& unit, const std::string& user) const;
  Status FillDerived(v1::Event& event);
  // The step change the event makes (process_steps.h), unless it states one.
  Status FillStep(v1::Event& event);
  // A supplementation request's limit under the law and whether it is late.
  Status FillSupplementRequestLimit(v1::Event& event);
  Status Accept(v1::Event event, bool allocate_code, CommitBatch& batch);
  std::string NewCode(Instant at, CommitBatch& batch);
  std::uint32_t Create(const std::string& code);
  std::string CodeOf(std::uint32_t id) const;

  const EngineOptions options_;
  std::shared_ptr<const catalog::Catalog> catalog_;
  std::shared_ptr<const calendar::WorkingCalendar> calendar_;
  SecretSource& secrets_;
  Recipients recipients_;

  StringPool names_;  // units and officers holding dossiers
  StringPool units_;  // the unit part of dossier codes
  dossier::CodeSequencer sequencer_;
  std::vector<dossier::DossierState> states_;
  // A code in the standard format is packed into 64 bits (unit, day, number);
  // any other code (imported from another system) is kept as a string.
  std::vector<std::uint64_t> keys_;
  std::unordered_map<std::uint64_t, std::uint32_t> ids_;
  std::vector<std::string> foreign_codes_;
  std::unordered_map<std::string, std::uint32_t> foreign_ids_;
};

}  // namespace motcua::engine

#endif  // MOTCUA_ENGINE_ENGINE_H_
