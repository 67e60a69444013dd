#include "adapters/metrics/dossier_facts.h"

namespace motcua::metrics {

static_assert(sizeof(DossierFacts) <= 72, "DossierFacts is scanned by the million: keep it small");

DossierFacts FactsOf(const dossier::DossierState& s) {
  DossierFacts f;
  f.received_at = s.received_at;
  f.appointment_at = s.appointment_at;
  f.end_at = s.end_of_processing_at;
  f.returned_at = s.returned_at;
  f.paused_at = s.paused_at;
  f.last_event_at = s.last_event_at;
  f.procedure = s.procedure;
  f.status = s.status;
  f.channel = s.channel;
  f.result_kind = s.result_kind;
  f.return_method = s.return_method;
  f.payment_method = s.payment_method;
  f.satisfaction = s.satisfaction;
  f.supplement_requests = s.supplement_requests;
  f.has_fee = s.fee_vnd > 0;
  f.handed_over = s.handovers > 0;
  f.all_handovers_electronic = s.handovers > 0 && s.all_handovers_electronic;
  f.documents_reused = s.documents_reused;
  f.documents_digitized = s.documents_digitized;
  f.complaint = s.complaint;
  f.intake_late = AcceptedLate(s.alerts_raised);
  f.supplement_late = s.supplement_requested_late;
  return f;
}

bool AcceptedLate(std::uint8_t alerts_raised) {
  return (alerts_raised & dossier::AlertBit(v1::ALERT_KIND_INTAKE_LATE)) != 0;
}

}  // namespace motcua::metrics
