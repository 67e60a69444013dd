// AccessPolicy: which role may do what, in one place. Every role check of
// the API is one of the functions below, and the role sets they evaluate
// live only in access_policy.cc: the commands (by kind; the command table,
// command_endpoints.h, names them but holds no roles), the reads, the
// letters, the alerts, the statistics, the history exchange with the
// national portal, the administration and the test clock. The endpoint files
// ask; they never look at a role themselves.
//
// Who does what at a commune (docs/domain.md "People and roles"): the
// counter (reception) receives, asks for supplements and fees, and returns
// results; the specialist processes and reports the result ready; the
// leader signs and may stop; any of the three may pass a dossier on and
// apologise for a late one. Statistics reads the figures; the administrator
// runs the server. Personal data (an applicant's ID number, phone, e-mail
// and address) is shown only to the officers who handle dossiers;
// statistics and administration see dossiers with those fields blanked;
// citizens see only their own dossier's public view (no token: the lookup
// secret, dossier_reads.h).
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ACCESS_POLICY_H_
#define MOTCUA_ADAPTERS_HTTP_ACCESS_POLICY_H_

#include "adapters/http/authenticator.h"
#include "motcua/v1/api.pb.h"
#include "motcua/v1/command.pb.h"
#include "motcua/v1/dossier.pb.h"
#include "motcua/v1/event.pb.h"

namespace motcua::http {

enum class DossierAccess {
  kNone,
  kRedacted,  // personal data blanked
  kFull,
};

// How `principal` may read dossiers (detail, history, lists): in full for
// the officers who handle dossiers, redacted for statistics and admin.
DossierAccess DossierAccessOf(const Principal& principal);
// The catalog is open to every authenticated officer.
bool MayReadCatalog(const Principal& principal);
// The letters of a dossier (the receipt, Mẫu 01, and the apology, Mẫu 04)
// carry personal data, and the receipt the lookup secret: the handlers only.
bool MayPrintLetters(const Principal& principal);
// The alert list and the alert stream: the handlers and the administrator.
bool MayReadAlerts(const Principal& principal);
// GET /v1/stats: statistics, leader, admin.
bool MayReadStatistics(const Principal& principal);
// The national portal's sync export (it carries phone numbers) and the
// history import: admin.
bool MayExchangeHistory(const Principal& principal);
// Integrity check and backup: admin.
bool MayAdminister(const Principal& principal);
// Loading a new official calendar into the running server: admin.
bool MayReloadCalendar(const Principal& principal);
// POST /v1/test/clock on a server started with --test-clock: admin.
bool MaySetTestClock(const Principal& principal);
// The alerts the webhook set aside, listed and retried: admin (the
// receiver's configuration is theirs to fix).
bool MayManageWebhook(const Principal& principal);

// The roles that may send a command of `kind` (none for KIND_NOT_SET).
RoleMask RolesToRun(v1::Command::KindCase kind);
// May `principal` send a command of `kind`?
bool MayRun(const Principal& principal, v1::Command::KindCase kind);

// Blanks the applicant's personal data (ID number, phone, e-mail, address),
// keeping the name, which every list and form shows.
void RedactApplicant(v1::Applicant& applicant);
void Redact(v1::Dossier& dossier);
// Blanks the personal data in events and the lookup secret of the Received event.
void Redact(v1::Event& event);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ACCESS_POLICY_H_
