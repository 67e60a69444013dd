// DossierState: what the engine keeps in memory for every dossier, and all it
// needs to validate a command: the status, the clock, and the flags behind
// the once-only rules. Descriptive data (applicant, documents, history) stays
// in the log and is folded on demand (dossier_view.h).
//
// Kept small on purpose (see the static_assert): a province's engine holds a
// million open dossiers. Instants are UTC seconds since the epoch, 0 = unset.
// A plain value; not synchronised.
#ifndef MOTCUA_ENGINE_DOSSIER_DOSSIER_STATE_H_
#define MOTCUA_ENGINE_DOSSIER_DOSSIER_STATE_H_

#include <cstdint>

#include "engine/base/time.h"
#include "motcua/v1/dossier.pb.h"
#include "motcua/v1/event.pb.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::dossier {

// The bit of `kind` in DossierState::alerts_raised: the lifecycle sets and
// clears it, the deadline watch reads it.
constexpr std::uint8_t AlertBit(v1::AlertKind kind) {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(kind));
}
static_assert(v1::AlertKind_MAX < 8, "alerts_raised holds one bit per AlertKind in 8 bits");

struct DossierState {
  std::int64_t registered_at = 0;
  std::int64_t received_at = 0;
  std::int64_t clock_start = 0;
  // The appointment statistics count against (pauses move it, apologies do not).
  std::int64_t appointment_at = 0;
  std::int64_t original_appointment_at = 0;
  std::int64_t extended_appointment_at = 0;
  std::int64_t end_of_processing_at = 0;
  std::int64_t returned_at = 0;
  std::int64_t paused_at = 0;  // while waiting for the citizen (supplement, fee if pausing)
  std::int64_t last_event_at = 0;
  std::int64_t fee_vnd = 0;  // requested
  // The deadline of the internal process's step in progress; 0 when none
  // runs (process_steps.h).
  std::int64_t step_due_at = 0;

  std::uint32_t procedure = 0;  // index in the catalog
  std::uint32_t holder_unit = 0;  // interned name; 0 = none
  std::uint32_t holder_user = 0;
  // The citizen's appointment when a supplementation restarted it under the
  // law (rule_set.h), as seconds after clock_start (32 bits reach 136 years);
  // 0: the same as appointment_at. Read it with citizen_appointment_at().
  std::uint32_t citizen_appointment_offset = 0;

  std::uint8_t status = 0;         // v1::Status
  std::uint8_t resume_status = 0;  // the status to return to after a pause
  std::uint8_t channel = 0;        // v1::Channel
  std::uint8_t result_kind = 0;    // v1::ResultKind
  std::uint8_t return_method = 0;  // v1::ReturnMethod
  std::uint8_t payment_method = 0; // v1::PaymentMethod; nonzero once paid
  std::uint8_t satisfaction = 0;   // v1::Satisfaction; nonzero once rated
  std::uint8_t supplement_requests = 0;
  std::uint8_t handovers = 0;      // saturating count
  std::uint8_t alerts_raised = 0;  // bit per v1::AlertKind raised for the current appointment
  // The internal process it follows: 1 + its index in Procedure.processes,
  // 0 = none. And the last step started (1-based), 0 = none.
  std::uint8_t process_version = 0;
  std::uint8_t step = 0;

  // One bit each, to keep the state within its size.
  bool fee_requested : 1 = false;
  bool fee_pauses_clock : 1 = false;
  bool apologized : 1 = false;
  bool complaint : 1 = false;
  bool all_handovers_electronic : 1 = true;
  bool documents_reused : 1 = false;
  bool documents_digitized : 1 = false;
  bool appointment_provisional : 1 = false;
  // A supplementation was requested later than the law allows (rule_set.h).
  bool supplement_requested_late : 1 = false;

  bool operator==(const DossierState&) const = default;

  v1::Status status_enum() const { return static_cast<v1::Status>(status); }
  bool exists() const { return status != v1::STATUS_UNSPECIFIED; }
  // Finished: no more processing (refused, withdrawn, stopped, ready, returned).
  bool finished() const { return end_of_processing_at != 0; }
  // The clock runs or is paused: received and not finished.
  bool open() const {
    return status == v1::STATUS_RECEIVED || status == v1::STATUS_PROCESSING ||
           status == v1::STATUS_SUPPLEMENT_REQUESTED || status == v1::STATUS_FEE_REQUESTED;
  }
  bool paused() const { return paused_at != 0; }
  // The appointment the citizen is owed under the law: the statistics one
  // until a supplementation restarts the duration (appointment.h).
  std::int64_t citizen_appointment_at() const {
    return citizen_appointment_offset == 0 ? appointment_at
                                           : clock_start + citizen_appointment_offset;
  }
};

static_assert(sizeof(DossierState) <= 128, "DossierState is per dossier in memory: keep it small");

}  // namespace motcua::dossier

#endif  // MOTCUA_ENGINE_DOSSIER_DOSSIER_STATE_H_
