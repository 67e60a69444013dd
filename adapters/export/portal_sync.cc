#include "adapters/export/portal_sync.h"

#include <map>
#include <memory>
#include <set>

#include "engine/base/proto_time.h"
#include "engine/dossier/dossier_view.h"
#include "engine/dossier/names.h"

namespace motcua::exporter {

namespace {

using K = v1::Event::KindCase;

int Flag(bool b) { return b ? 1 : 0; }

std::string TimeOf(const google::protobuf::Timestamp& t) { return PortalTime(t.seconds()); }

// One dossier being folded: its view, plus what the view does not keep.
struct Folding {
  explicit Folding(const catalog::Catalog& catalog) : view(catalog) {}
  dossier::DossierViewBuilder view;
  std::vector<v1::PortalProcessStep> steps;
  std::vector<v1::PortalResult> results;
};

v1::PortalDossier ToPortal(Folding& f) {
  const v1::Dossier& d = f.view.dossier();
  v1::PortalDossier p;
  p.set_code(d.code());
  p.set_procedure_code(d.procedure_code());
  p.set_procedure_name(d.procedure_name());
  p.set_channel(d.channel());  // KenhThucHien: the enum's numbers are the codes
  p.set_applicant(d.applicant().name());
  p.set_phone(d.applicant().phone());
  p.set_received_at(TimeOf(d.received_at()));
  p.set_appointment_at(TimeOf(d.appointment_at()));
  p.set_end_of_processing_at(TimeOf(d.end_of_processing_at()));
  p.set_returned_at(TimeOf(d.returned_at()));
  p.set_status(d.status());  // TrangThaiHoSo: likewise
  const v1::PaymentMethod method = d.payment().method();
  p.set_paid_online(method == v1::PAYMENT_METHOD_NATIONAL_PORTAL      ? 1
                    : method == v1::PAYMENT_METHOD_PROVINCIAL_GATEWAY ? 2
                                                                      : 0);
  bool digitized = false;
  for (const v1::Document& doc : d.documents()) {
    v1::PortalDocument* out = p.add_documents();
    out->set_name(doc.name());
    out->set_copies(static_cast<int>(doc.copies()));
    out->set_digitized(Flag(doc.digitized()));
    out->set_reused(Flag(doc.reused()));
    digitized = digitized || doc.digitized();
  }
  p.set_has_digitized_documents(Flag(digitized));
  for (v1::PortalProcessStep& step : f.steps) *p.add_history() = std::move(step);
  for (const v1::Supplementation& s : d.supplementations()) {
    v1::PortalSupplement* out = p.add_supplements();
    out->set_requested_at(TimeOf(s.requested_at()));
    out->set_supplied_at(TimeOf(s.supplied_at()));
    out->set_reason(s.reason());
    out->set_appointment_before(TimeOf(s.appointment_before()));
    out->set_appointment_after(TimeOf(s.appointment_after()));
  }
  for (v1::PortalResult& r : f.results) *p.add_results() = std::move(r);
  if (d.payment().amount_vnd() > 0) {
    v1::PortalFee* fee = p.add_fees();
    fee->set_name("Phí, lệ phí " + d.procedure_name());
    fee->set_amount_vnd(d.payment().amount_vnd());
    fee->set_method(d.payment().method());
    fee->set_paid_at(TimeOf(d.payment().paid_at()));
  }
  return p;
}

}  // namespace

std::string PortalTime(std::int64_t utc_seconds) {
  if (utc_seconds == 0) return "";
  return FormatVietnam(FromUnixSeconds(utc_seconds), "%Y%m%d%H%M%S");
}

Result<v1::PortalSyncBatch> BuildPortalSync(EventLog& log, const catalog::Catalog& catalog,
                                            const metrics::Period& period,
                                            const std::string& unit_code) {
  return BuildPortalSync([&log](const auto& visit) { return log.ReadAll(visit); }, catalog, period,
                         unit_code);
}

Result<v1::PortalSyncBatch> BuildPortalSync(const metrics::EventReader& read_all,
                                            const catalog::Catalog& catalog,
                                            const metrics::Period& period,
                                            const std::string& unit_code) {
  const std::int64_t start = period.start_seconds();
  const std::int64_t end = period.end_seconds();
  std::set<std::string> touched;
  MOTCUA_RETURN_IF_ERROR(read_all([&](const v1::Event& e) {
    const std::int64_t at = Seconds(e.at());
    if (!e.dossier_code().empty() && at >= start && at < end) touched.insert(e.dossier_code());
    return Status::Ok();
  }));

  std::map<std::string, std::unique_ptr<Folding>> folding;  // sorted by code
  MOTCUA_RETURN_IF_ERROR(read_all([&](const v1::Event& e) {
    // A dossier's own events are in time order: past the end is its tail.
    if (Seconds(e.at()) >= end || !touched.contains(e.dossier_code())) return Status::Ok();
    auto& f = folding[e.dossier_code()];
    if (!f) f = std::make_unique<Folding>(catalog);
    f->view.Add(e);
    v1::PortalProcessStep step;
    step.set_time(TimeOf(e.at()));
    step.set_officer(e.actor());
    step.set_unit(f->view.dossier().holder_unit());
    step.set_action(std::string(dossier::ActionName(e.kind_case())));
    step.set_status(f->view.dossier().status());
    f->steps.push_back(std::move(step));
    if (e.kind_case() == K::kResultReady) {
      v1::PortalResult r;
      r.set_name("Kết quả giải quyết " + f->view.dossier().procedure_name());
      r.set_kind(e.result_ready().result_kind());
      r.set_number(e.result_ready().result_number());
      f->results.push_back(std::move(r));
    }
    return Status::Ok();
  }));

  v1::PortalSyncBatch batch;
  batch.set_from(FormatDate(period.from));
  batch.set_to(FormatDate(period.to));
  batch.set_unit(unit_code);
  for (auto& [code, f] : folding) *batch.add_dossiers() = ToPortal(*f);
  return batch;
}

}  // namespace motcua::exporter
