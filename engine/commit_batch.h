// CommitBatch: the unit of durability. The engine fills one with the events of
// every command it accepts while the previous batch is being written; the
// event log commits it in one transaction (group commit), and only then are
// the commands acknowledged. If the commit fails the engine rolls its memory
// back with the undo records, so memory never runs ahead of the disk.
#ifndef MOTCUA_ENGINE_COMMIT_BATCH_H_
#define MOTCUA_ENGINE_COMMIT_BATCH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dossier/dossier_code.h"
#include "engine/dossier/dossier_state.h"
#include "motcua/v1/event.pb.h"

namespace motcua::engine {

struct PendingEvent {
  v1::Event event;  // seq is assigned by the log when committed
  // The dossier right before this event (not exists() when it creates it)
  // and right after it. A projection compares the two to write only what
  // the event changed.
  dossier::DossierState state_before;
  dossier::DossierState state_after;
  // The unit and officer holding the dossier after this event (interned in
  // the engine; copied here so projections need no access to its pool).
  std::string holder_unit;
  std::string holder_user;
  // The dossier's procedure code after this event, a view into the catalog
  // (which outlives every batch); empty when the procedure is not in the
  // catalog. Projections that count per procedure read it here instead of
  // looking the dossier up in their own tables once per event (that lookup
  // was a B-tree seek per event: tools/bench ingest and replay).
  std::string_view procedure_code;
};

// A retried request's answer, stored with the events it produced.
struct IdempotencyRecord {
  std::string actor;
  std::string key;
  std::string request_fingerprint;  // a retry with another body is a conflict
  std::string response;             // the serialized v1::CommandReply
  // When the command was executed (Unix seconds): records are kept for a
  // retention period only (EngineServiceOptions::idempotency_retention).
  std::int64_t recorded_at = 0;
};

struct CommitBatch {
  std::vector<PendingEvent> events;
  // Counters raised by this batch, with their final values.
  std::vector<dossier::CodeSequencer::Counter> counters;
  std::vector<IdempotencyRecord> idempotency;

  // Engine-private undo records, in the order the changes were made.
  struct Undo {
    std::uint32_t dossier;
    bool created;
    dossier::DossierState before;
  };
  std::vector<Undo> undo;
  std::vector<dossier::CodeSequencer::Counter> counters_before;

  bool empty() const { return events.empty() && idempotency.empty(); }
  void clear() {
    events.clear();
    counters.clear();
    idempotency.clear();
    undo.clear();
    counters_before.clear();
  }
};

}  // namespace motcua::engine

#endif  // MOTCUA_ENGINE_COMMIT_BATCH_H_
