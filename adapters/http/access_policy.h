// AccessPolicy: what each role may read, in one place (commands are guarded
// by the roles in command_endpoints.h). Personal data (an applicant's ID
// number, phone, e-mail and address) is shown only to the officers who
// handle dossiers; statistics and administration see dossiers with those
// fields blanked; citizens see only their own dossier's public view.
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ACCESS_POLICY_H_
#define MOTCUA_ADAPTERS_HTTP_ACCESS_POLICY_H_

#include "adapters/http/authenticator.h"
#include "motcua/v1/api.pb.h"
#include "motcua/v1/dossier.pb.h"
#include "motcua/v1/event.pb.h"

namespace motcua::http {

enum class DossierAccess {
  kNone,
  kRedacted,  // personal data blanked
  kFull,
};

// How `principal` may read dossiers (detail, history, lists).
DossierAccess DossierAccessOf(const Principal& principal);
// The receipt (Mẫu 01) carries personal data and the lookup secret.
bool MayReadReceipt(const Principal& principal);
// The catalog is public to every authenticated officer.
bool MayReadCatalog(const Principal& principal);
// May `principal` send a command of this endpoint?
bool MayRun(const Principal& principal, const CommandEndpoint& endpoint);

// Blanks the applicant's personal data (ID number, phone, e-mail, address),
// keeping the name, which every list and form shows.
void RedactApplicant(v1::Applicant& applicant);
void Redact(v1::Dossier& dossier);
// Blanks the personal data in events and the lookup secret of the Received event.
void Redact(v1::Event& event);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ACCESS_POLICY_H_
