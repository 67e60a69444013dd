#include "adapters/sqlite/dossier_search_projection.h"

#include "adapters/text/search_fold.h"

namespace motcua::sqlite {

namespace {

using K = v1::Event::KindCase;

// The applicant an event carries, or null.
const v1::Applicant* ApplicantOf(const v1::Event& e) {
  switch (e.kind_case()) {
    case K::kRegisteredOnline:
      return &e.registered_online().applicant();
    case K::kReceived:
      return &e.received().applicant();
    case K::kRefused:
      return &e.refused().applicant();
    default:
      return nullptr;
  }
}

}  // namespace

std::vector<std::string> DossierSearchProjection::migrations() const {
  return {
      "CREATE TABLE dossier_search ("
      "  code TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL) WITHOUT ROWID;",
  };
}

std::vector<TableSpec> DossierSearchProjection::tables() const {
  return {{"dossier_search", "code"}};
}

Status DossierSearchProjection::Prepare(Database& db) {
  // An empty value keeps what an earlier event stored (accepting an online
  // registration may name no applicant: the registration's stands).
  upsert_ = std::make_unique<Statement>(
      db,
      "INSERT INTO dossier_search (code, name, phone) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(code) DO UPDATE SET"
      "  name = CASE WHEN excluded.name = '' THEN name ELSE excluded.name END,"
      "  phone = CASE WHEN excluded.phone = '' THEN phone ELSE excluded.phone END");
  return upsert_->status();
}

Status DossierSearchProjection::Apply(const engine::PendingEvent& pending) {
  const v1::Event& e = pending.event;
  const v1::Applicant* applicant = ApplicantOf(e);
  if (applicant == nullptr || e.dossier_code().empty()) return Status::Ok();
  // Framed by spaces so that " word" matches at the start of any word of it.
  const std::string folded = text::FoldForSearch(applicant->name());
  upsert_->Bind(1, e.dossier_code())
      .Bind(2, folded.empty() ? std::string() : " " + folded + " ")
      .Bind(3, text::DigitsOf(applicant->phone()));
  return upsert_->Run();
}

Status DossierSearchProjection::Backfill(Database& db) {
  MOTCUA_RETURN_IF_ERROR(Prepare(db));
  return ApplyStoredEvents(db, {"registered_online", "received", "refused"}, *this);
}

}  // namespace motcua::sqlite
