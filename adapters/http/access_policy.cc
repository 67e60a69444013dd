#include "adapters/http/access_policy.h"

namespace motcua::http {

namespace {

constexpr RoleMask kReception = RoleBit(v1::ROLE_RECEPTION);
constexpr RoleMask kSpecialist = RoleBit(v1::ROLE_SPECIALIST);
constexpr RoleMask kLeader = RoleBit(v1::ROLE_LEADER);
constexpr RoleMask kStatistics = RoleBit(v1::ROLE_STATISTICS);
constexpr RoleMask kAdmin = RoleBit(v1::ROLE_ADMIN);

// The officers who handle dossiers, and those who only oversee them.
constexpr RoleMask kHandlers = kReception | kSpecialist | kLeader;
constexpr RoleMask kOverseers = kStatistics | kAdmin;

}  // namespace

DossierAccess DossierAccessOf(const Principal& principal) {
  if (principal.HasAny(kHandlers)) return DossierAccess::kFull;
  if (principal.HasAny(kOverseers)) return DossierAccess::kRedacted;
  return DossierAccess::kNone;
}

bool MayReadCatalog(const Principal& principal) { return principal.roles != 0; }

bool MayPrintLetters(const Principal& principal) { return principal.HasAny(kHandlers); }

bool MayReadAlerts(const Principal& principal) { return principal.HasAny(kHandlers | kAdmin); }

bool MayReadStatistics(const Principal& principal) {
  return principal.HasAny(kStatistics | kLeader | kAdmin);
}

bool MayExchangeHistory(const Principal& principal) { return principal.HasAny(kAdmin); }

bool MayAdminister(const Principal& principal) { return principal.HasAny(kAdmin); }

bool MayReloadCalendar(const Principal& principal) { return principal.HasAny(kAdmin); }

bool MaySetTestClock(const Principal& principal) { return principal.HasAny(kAdmin); }

bool MayManageWebhook(const Principal& principal) { return principal.HasAny(kAdmin); }

RoleMask RolesToRun(v1::Command::KindCase kind) {
  using K = v1::Command::KindCase;
  // No default: a new command kind does not compile until it is given roles.
  switch (kind) {
    case K::kRegisterOnline: return kReception;
    case K::kReceive: return kReception;
    case K::kRefuse: return kReception;
    case K::kHandOver: return kReception | kSpecialist | kLeader;
    case K::kRequestSupplement: return kReception | kSpecialist;
    case K::kSupplement: return kReception;
    case K::kRequestFee: return kReception | kSpecialist;
    case K::kRecordPayment: return kReception;
    case K::kStop: return kSpecialist | kLeader;
    case K::kWithdraw: return kReception;
    case K::kMarkResultReady: return kSpecialist | kLeader;
    case K::kReturnResult: return kReception;
    case K::kApologize: return kReception | kSpecialist | kLeader;
    case K::kRate: return kReception;
    case K::KIND_NOT_SET: return 0;
  }
  return 0;
}

bool MayRun(const Principal& principal, v1::Command::KindCase kind) {
  return principal.HasAny(RolesToRun(kind));
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
