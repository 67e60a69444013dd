#include "adapters/http/endpoints/dossier_reads.h"

#include <algorithm>
#include <charconv>

#include "adapters/crypto/sha256.h"
#include "adapters/http/endpoints/citizen_steps.h"
#include "adapters/text/search_fold.h"
#include "engine/base/proto_time.h"
#include "engine/base/quote.h"
#include "engine/dossier/dossier_view.h"
#include "engine/dossier/lifecycle.h"
#include "engine/dossier/names.h"
#include "engine/dossier/standing.h"

namespace motcua::http {

namespace {

constexpr std::uint32_t kDefaultLimit = 100;
constexpr std::uint32_t kMaxLimit = 1000;
constexpr std::size_t kMaxQueryBytes = 200;
// Paging past this is not browsing; a filter or a search finds it.
constexpr std::int64_t kMaxOffset = 1'000'000;

v1::Urgency UrgencyOf(dossier::Urgency u) {
  switch (u) {
    case dossier::Urgency::kNone: return v1::URGENCY_UNSPECIFIED;
    case dossier::Urgency::kOnTrack: return v1::URGENCY_ON_TRACK;
    case dossier::Urgency::kDueSoon: return v1::URGENCY_DUE_SOON;
    case dossier::Urgency::kOverdue: return v1::URGENCY_OVERDUE;
    case dossier::Urgency::kPaused: return v1::URGENCY_PAUSED;
  }
  return v1::URGENCY_UNSPECIFIED;
}

// Where the row's dossier stands (standing.h), into the summary.
void SetStanding(const sqlite::DossierRow& r, const StandingClock& clock, v1::DossierSummary& s) {
  dossier::DossierState state;
  state.status = static_cast<std::uint8_t>(r.status);
  const dossier::Standing standing = dossier::StandingOf(
      *clock.calendar,
      dossier::DeadlineFacts{.open = state.open(),
                             .appointment_at = r.appointment_at,
                             .apologized = r.apologized,
                             .extended_appointment_at = r.extended_appointment_at,
                             .paused_at = r.paused_at,
                             .awaiting_supplement = r.status == v1::STATUS_SUPPLEMENT_REQUESTED,
                             .clock_start = r.clock_start,
                             .original_appointment_at = r.original_appointment_at},
      clock.now, clock.due_soon_within);
  if (standing.urgency == dossier::Urgency::kNone) return;
  SetSeconds(standing.deadline_at, s.mutable_deadline_at());
  s.set_urgency(UrgencyOf(standing.urgency));
  s.set_working_seconds_left(standing.working_left.count());
  s.set_waiting_too_long(standing.waiting_too_long);
}

Status UnknownDossier(std::string_view code) {
  return Status(Error::kNotFound, "không tìm thấy hồ sơ " + QuoteForMessage(code));
}

// Folds `code`'s events into `view`; `history` receives them, when not
// null. kNotFound when the dossier has no events.
Status Fold(sqlite::Database& db, std::string_view code, dossier::DossierViewBuilder& view,
            google::protobuf::RepeatedPtrField<v1::Event>* history) {
  bool any = false;
  sqlite::DossierEventReader reader(db);
  MOTCUA_RETURN_IF_ERROR(reader.Read(code, [&](const v1::Event& e) {
    any = true;
    view.Add(e);
    if (history) *history->Add() = e;
  }));
  if (!any) return UnknownDossier(code);
  return Status::Ok();
}

std::optional<std::int64_t> ParseInt(const std::string& text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

Status BadParam(const std::string& name, const std::string& why) {
  return Status(Error::kInvalidArgument, "tham số " + name + " không hợp lệ: " + why);
}

// Sets the field only for a set instant (0 = unset stays absent).
void SetTime(std::int64_t seconds, google::protobuf::Timestamp* (v1::DossierSummary::*field)(),
             v1::DossierSummary& s) {
  if (seconds != 0) SetSeconds(seconds, (s.*field)());
}

}  // namespace

Result<v1::DossierDetail> ReadDossierDetail(sqlite::Database& db, const catalog::Catalog& catalog,
                                            std::string_view code, DossierAccess access) {
  v1::DossierDetail detail;
  dossier::DossierViewBuilder view(catalog);
  MOTCUA_RETURN_IF_ERROR(Fold(db, code, view, detail.mutable_history()));
  *detail.mutable_dossier() = view.dossier();
  if (access != DossierAccess::kFull) {
    Redact(*detail.mutable_dossier());
    for (v1::Event& e : *detail.mutable_history()) Redact(e);
  }
  return detail;
}

Result<sqlite::DossierFilter> ParseListFilter(const api::Route& route) {
  sqlite::DossierFilter filter;
  filter.limit = kDefaultLimit;
  if (auto s = route.Param("status")) {
    auto v = ParseInt(*s);
    if (!v || *v < v1::STATUS_REGISTERED_ONLINE || *v > v1::STATUS_RETURNED) {
      return BadParam("status", "cần mã trạng thái từ 1 đến 10, nhận được '" + QuoteForMessage(*s) + "'");
    }
    filter.status = static_cast<int>(*v);
  }
  if (auto open = route.Param("open")) {
    if (*open != "0" && *open != "1") {
      return BadParam("open", "cần 1 (chỉ hồ sơ đang giải quyết) hoặc 0, nhận được '" +
                                  QuoteForMessage(*open) + "'");
    }
    filter.open_only = *open == "1";
  }
  if (auto p = route.Param("procedure")) filter.procedure = *p;
  if (auto h = route.Param("holder")) filter.holder = *h;
  if (auto d = route.Param("due_before")) {
    auto t = ParseVietnamMinute(*d);
    if (!t.ok()) return BadParam("due_before", t.status().message());
    filter.due_before = ToUnixSeconds(*t);
  }
  if (auto q = route.Param("q")) {
    if (q->size() > kMaxQueryBytes) {
      return BadParam("q", "dài quá " + std::to_string(kMaxQueryBytes) + " byte");
    }
    if (text::SearchWords(*q).empty()) {
      return BadParam("q", "cần mã hồ sơ, số điện thoại hoặc tên người nộp");
    }
    if (text::SearchWords(*q).size() > sqlite::kMaxSearchWords) {
      return BadParam("q", "nhiều hơn " + std::to_string(sqlite::kMaxSearchWords) + " từ");
    }
    filter.query = *q;
  }
  if (auto o = route.Param("offset")) {
    auto v = ParseInt(*o);
    if (!v || *v < 0 || *v > kMaxOffset) {
      return BadParam("offset", "cần số từ 0 đến " + std::to_string(kMaxOffset));
    }
    filter.offset = static_cast<std::uint64_t>(*v);
  }
  if (auto l = route.Param("limit")) {
    auto v = ParseInt(*l);
    if (!v || *v < 1 || *v > kMaxLimit) {
      return BadParam("limit", "cần số từ 1 đến " + std::to_string(kMaxLimit));
    }
    filter.limit = static_cast<std::uint32_t>(*v);
  }
  return filter;
}

Result<v1::DossierList> ReadDossierList(sqlite::Database& db, const catalog::Catalog& catalog,
                                        const sqlite::DossierFilter& filter,
                                        const StandingClock& clock) {
  // One row more than asked tells whether the list was cut.
  sqlite::DossierFilter probe = filter;
  probe.limit = filter.limit + 1;
  MOTCUA_ASSIGN_OR_RETURN(std::vector<sqlite::DossierRow> rows, sqlite::ListDossiers(db, probe));
  v1::DossierList list;
  list.set_truncated(rows.size() > filter.limit);
  rows.resize(std::min<std::size_t>(rows.size(), filter.limit));
  for (const sqlite::DossierRow& r : rows) {
    v1::DossierSummary* s = list.add_dossiers();
    s->set_code(r.code);
    s->set_procedure_code(r.procedure);
    if (const v1::Procedure* p = catalog.Find(r.procedure)) s->set_procedure_name(p->name());
    s->set_applicant_name(r.applicant_name);
    s->set_status(static_cast<v1::Status>(r.status));
    s->set_channel(static_cast<v1::Channel>(r.channel));
    SetTime(r.registered_at, &v1::DossierSummary::mutable_registered_at, *s);
    SetTime(r.received_at, &v1::DossierSummary::mutable_received_at, *s);
    SetTime(r.appointment_at, &v1::DossierSummary::mutable_appointment_at, *s);
    SetTime(r.extended_appointment_at, &v1::DossierSummary::mutable_extended_appointment_at, *s);
    s->set_holder_unit(r.holder_unit);
    s->set_holder_user(r.holder_user);
    if (clock.calendar) SetStanding(r, clock, *s);
  }
  return list;
}

Result<v1::CitizenView> ReadCitizenView(sqlite::Database& db, const catalog::Catalog& catalog,
                                        std::string_view code, std::string_view secret) {
  const Status not_found(Error::kNotFound,
                         "Không tìm thấy hồ sơ " + QuoteForMessage(code) +
                             " với mã tra cứu này. Kiểm tra lại mã hồ sơ và mã tra cứu trên "
                             "giấy tiếp nhận.");
  dossier::DossierViewBuilder view(catalog);
  google::protobuf::RepeatedPtrField<v1::Event> history;
  if (Status s = Fold(db, code, view, &history); !s.ok()) {
    return s.code() == Error::kNotFound ? not_found : s;
  }
  // Compare digests in constant time: the time taken tells nothing about
  // how much of a guessed secret was right.
  if (view.lookup_secret().empty() || secret.empty() ||
      !crypto::SecureEquals(crypto::Sha256(secret), crypto::Sha256(view.lookup_secret()))) {
    return not_found;
  }
  const v1::Dossier& d = view.dossier();
  v1::CitizenView out;
  out.set_code(d.code());
  out.set_status(d.status());
  out.set_status_name(std::string(dossier::StatusName(d.status())));
  out.set_procedure_code(d.procedure_code());
  out.set_procedure_name(d.procedure_name());
  if (d.has_received_at()) *out.mutable_received_at() = d.received_at();
  // The citizen is owed the law's appointment (docs/domain.md "Supplementation").
  if (d.has_citizen_appointment_at()) *out.mutable_appointment_at() = d.citizen_appointment_at();
  if (d.has_extended_appointment_at()) {
    *out.mutable_new_appointment_at() = d.extended_appointment_at();
  }
  if (d.has_apology()) out.set_apology_reason(d.apology().reason());
  out.set_satisfaction(d.rating().satisfaction());
  out.set_may_rate(dossier::RatingOpen(d.status()) &&
                   d.rating().satisfaction() == v1::SATISFACTION_UNSPECIFIED);
  for (const v1::Event& e : history) {
    if (auto step = CitizenStepOf(e)) *out.add_steps() = std::move(*step);
  }
  return out;
}

v1::Catalog CatalogReply(const catalog::Catalog& catalog) {
  v1::Catalog out;
  for (const v1::Procedure& p : catalog.procedures()) *out.add_procedures() = p;
  return out;
}

}  // namespace motcua::http
