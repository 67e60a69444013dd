#include "engine/dossier/dossier_view.h"

#include "engine/base/proto_time.h"
#include "engine/dossier/lifecycle.h"

namespace motcua::dossier {

namespace {

void SetIfAny(std::int64_t seconds, google::protobuf::Timestamp* (v1::Dossier::*field)(),
              void (v1::Dossier::*clear)(), v1::Dossier& d) {
  if (seconds != 0) {
    SetSeconds(seconds, (d.*field)());
  } else {
    (d.*clear)();
  }
}

}  // namespace

void DossierViewBuilder::Add(const v1::Event& e) {
  using K = v1::Event::KindCase;
  Apply(e, catalog_, names_, state_);
  v1::Dossier& d = dossier_;
  d.set_code(e.dossier_code());
  d.set_last_seq(e.seq());
  auto set_procedure = [&](const std::string& code) {
    d.set_procedure_code(code);
    if (const v1::Procedure* p = catalog_.Find(code)) d.set_procedure_name(p->name());
  };
  switch (e.kind_case()) {
    case K::kRegisteredOnline: {
      const auto& r = e.registered_online();
      set_procedure(r.procedure_code());
      *d.mutable_applicant() = r.applicant();
      *d.mutable_documents() = r.documents();
      d.set_sets(r.sets());
      break;
    }
    case K::kReceived: {
      const auto& r = e.received();
      set_procedure(r.procedure_code());
      d.set_unit(r.unit());
      if (!r.applicant().name().empty()) *d.mutable_applicant() = r.applicant();
      // The documents checked at reception replace what was registered.
      if (r.documents_size() > 0) *d.mutable_documents() = r.documents();
      d.set_sets(r.sets());
      lookup_secret_ = r.lookup_secret();
      break;
    }
    case K::kRefused: {
      const auto& r = e.refused();
      if (!r.procedure_code().empty()) set_procedure(r.procedure_code());
      if (!r.unit().empty()) d.set_unit(r.unit());
      if (r.has_applicant()) *d.mutable_applicant() = r.applicant();
      d.set_end_reason(r.reason());
      break;
    }
    case K::kHandedOver: {
      const auto& h = e.handed_over();
      v1::Handover* row = d.add_handovers();
      *row->mutable_at() = e.at();
      row->set_from_unit(h.from_unit());
      row->set_from_user(h.from_user());
      row->set_to_unit(h.to_unit());
      row->set_to_user(h.to_user());
      row->set_electronic(h.electronic());
      row->set_note(h.note());
      break;
    }
    case K::kSupplementRequested: {
      v1::Supplementation* s = d.add_supplementations();
      *s->mutable_requested_at() = e.at();
      s->set_reason(e.supplement_requested().reason());
      SetSeconds(state_.appointment_at, s->mutable_appointment_before());
      if (e.supplement_requested().has_request_limit_at()) {
        *s->mutable_request_limit_at() = e.supplement_requested().request_limit_at();
      }
      s->set_late(e.supplement_requested().late());
      break;
    }
    case K::kSupplemented: {
      if (d.supplementations_size() > 0) {
        v1::Supplementation* s = d.mutable_supplementations(d.supplementations_size() - 1);
        *s->mutable_supplied_at() = e.at();
        *s->mutable_appointment_after() = e.supplemented().appointment_after();
        if (e.supplemented().has_citizen_appointment_after()) {
          *s->mutable_citizen_appointment_after() = e.supplemented().citizen_appointment_after();
        }
      }
      for (const v1::Document& doc : e.supplemented().documents()) *d.add_documents() = doc;
      break;
    }
    case K::kFeeRequested:
      d.mutable_payment()->set_amount_vnd(e.fee_requested().amount_vnd());
      *d.mutable_payment()->mutable_requested_at() = e.at();
      break;
    case K::kFeePaid:
      if (d.payment().amount_vnd() == 0) d.mutable_payment()->set_amount_vnd(e.fee_paid().amount_vnd());
      *d.mutable_payment()->mutable_paid_at() = e.at();
      d.mutable_payment()->set_method(e.fee_paid().method());
      break;
    case K::kStopped:
      d.set_end_reason(e.stopped().reason());
      break;
    case K::kWithdrawn:
      d.set_end_reason(e.withdrawn().reason());
      break;
    case K::kApologyIssued: {
      const auto& a = e.apology_issued();
      v1::Apology* apology = d.mutable_apology();
      *apology->mutable_at() = e.at();
      apology->set_reason(a.reason());
      *apology->mutable_new_appointment_at() = a.new_appointment_at();
      apology->set_signed_by(a.signed_by());
      break;
    }
    case K::kRated: {
      const auto& r = e.rated();
      d.mutable_rating()->set_satisfaction(r.satisfaction());
      d.mutable_rating()->set_complaint(r.complaint());
      d.mutable_rating()->set_comment(r.comment());
      break;
    }
    default:
      break;
  }
  CopyState();
}

void DossierViewBuilder::CopyState() {
  const DossierState& s = state_;
  v1::Dossier& d = dossier_;
  d.set_status(s.status_enum());
  d.set_channel(static_cast<v1::Channel>(s.channel));
  SetIfAny(s.registered_at, &v1::Dossier::mutable_registered_at, &v1::Dossier::clear_registered_at, d);
  SetIfAny(s.received_at, &v1::Dossier::mutable_received_at, &v1::Dossier::clear_received_at, d);
  SetIfAny(s.appointment_at, &v1::Dossier::mutable_appointment_at,
           &v1::Dossier::clear_appointment_at, d);
  SetIfAny(s.received_at != 0 ? s.citizen_appointment_at() : 0,
           &v1::Dossier::mutable_citizen_appointment_at, &v1::Dossier::clear_citizen_appointment_at,
           d);
  SetIfAny(s.original_appointment_at, &v1::Dossier::mutable_original_appointment_at,
           &v1::Dossier::clear_original_appointment_at, d);
  SetIfAny(s.extended_appointment_at, &v1::Dossier::mutable_extended_appointment_at,
           &v1::Dossier::clear_extended_appointment_at, d);
  SetIfAny(s.end_of_processing_at, &v1::Dossier::mutable_end_of_processing_at,
           &v1::Dossier::clear_end_of_processing_at, d);
  SetIfAny(s.returned_at, &v1::Dossier::mutable_returned_at, &v1::Dossier::clear_returned_at, d);
  d.set_holder_unit(names_.Get(s.holder_unit));
  d.set_holder_user(names_.Get(s.holder_user));
  d.set_result_kind(static_cast<v1::ResultKind>(s.result_kind));
  d.set_return_method(static_cast<v1::ReturnMethod>(s.return_method));
  d.set_appointment_provisional(s.appointment_provisional);
}

}  // namespace motcua::dossier
