#include "adapters/http/access_policy.h"

namespace motcua::http {

namespace {

constexpr RoleMask kHandlers =
    RoleBit(v1::ROLE_RECEPTION) | RoleBit(v1::ROLE_SPECIALIST) | RoleBit(v1::ROLE_LEADER);
constexpr RoleMask kOverseers = RoleBit(v1::ROLE_STATISTICS) | RoleBit(v1::ROLE_ADMIN);

}  // namespace

DossierAccess DossierAccessOf(const Principal& principal) {
  if (principal.HasAny(kHandlers)) return DossierAccess::kFull;
  if (principal.HasAny(kOverseers)) return DossierAccess::kRedacted;
  return DossierAccess::kNone;
}

bool MayReadReceipt(const Principal& principal) { return principal.HasAny(kHandlers); }

bool MayReadCatalog(const Principal& principal) { return principal.roles != 0; }

bool MayRun(const Principal& principal, const CommandEndpoint& endpoint) {
  return principal.HasAny(endpoint.roles);
}

void RedactApplicant(v1::Applicant& applicant) {
  applicant.clear_id_number();
  applicant.clear_phone();
  applicant.clear_email();
  applicant.clear_address();
}

void Redact(v1::Dossier& dossier) {
  if (dossier.has_applicant()) RedactApplicant(*dossier.mutable_applicant());
}

void Redact(v1::Event& event) {
  using K = v1::Event::KindCase;
  switch (event.kind_case()) {
    case K::kRegisteredOnline:
      RedactApplicant(*event.mutable_registered_online()->mutable_applicant());
      break;
    case K::kReceived:
      RedactApplicant(*event.mutable_received()->mutable_applicant());
      event.mutable_received()->clear_lookup_secret();
      break;
    case K::kRefused:
      RedactApplicant(*event.mutable_refused()->mutable_applicant());
      break;
    default:
      break;
  }
}

}  // namespace motcua::http
