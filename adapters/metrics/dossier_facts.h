// DossierFacts: the few things the statistics need to know about a dossier,
// copied from its DossierState into a compact record (72 bytes) so that a
// year's statistics over a million dossiers is one linear scan of memory.
// FactsTable holds them with the dossier codes behind them.
//
// A FactsTable is a snapshot: it does not follow the engine. Not
// thread-safe to mutate; const use from many threads is safe.
#ifndef MOTCUA_ADAPTERS_METRICS_DOSSIER_FACTS_H_
#define MOTCUA_ADAPTERS_METRICS_DOSSIER_FACTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/dossier/dossier_state.h"

namespace motcua::metrics {

// Instants are UTC seconds, 0 = not (yet) happened.
struct DossierFacts {
  std::int64_t received_at = 0;
  std::int64_t appointment_at = 0;  // the one statistics count against
  std::int64_t end_at = 0;          // end of processing
  std::int64_t returned_at = 0;
  std::int64_t paused_at = 0;       // the clock is paused since
  // The dossier's last event. A rating is always a dossier's last event
  // (lifecycle.h allows nothing after Rated), so for a rated dossier this is
  // when it was rated.
  std::int64_t last_event_at = 0;
  std::uint32_t procedure = 0;  // catalog index (Catalog::kNone if unknown)
  std::uint8_t status = 0;
  std::uint8_t channel = 0;
  std::uint8_t result_kind = 0;
  std::uint8_t return_method = 0;
  std::uint8_t payment_method = 0;
  std::uint8_t satisfaction = 0;
  std::uint8_t supplement_requests = 0;
  bool has_fee = false;
  bool handed_over = false;
  bool all_handovers_electronic = false;
  bool documents_reused = false;
  bool documents_digitized = false;
  bool complaint = false;
  bool intake_late = false;  // accepted after its late-intake alert
  bool supplement_late = false;  // a supplementation requested after the law's limit

  bool operator==(const DossierFacts&) const = default;
};

DossierFacts FactsOf(const dossier::DossierState& state);

// Accepted after its late-intake alert: the alert's bit, which the receipt
// keeps (lifecycle.h), read from a state or from the dossiers table's
// alerts_raised column.
bool AcceptedLate(std::uint8_t alerts_raised);

struct FactsTable {
  std::vector<DossierFacts> facts;
  std::vector<std::string> codes;  // codes[i] is the dossier of facts[i]

  void Add(std::string code, const dossier::DossierState& state) {
    facts.push_back(FactsOf(state));
    codes.push_back(std::move(code));
  }
  std::size_t size() const { return facts.size(); }
};

}  // namespace motcua::metrics

#endif  // MOTCUA_ADAPTERS_METRICS_DOSSIER_FACTS_H_
