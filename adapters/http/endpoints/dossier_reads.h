// The API's reads, as functions from a read-only connection and the request's
// parameters to a reply message: no HTTP and no threads here, so each is
// tested directly against a real database.
//
// A dossier's detail and citizen view are folds of its events
// (DossierViewBuilder), so they always agree with what the engine validated;
// lists come from the `dossiers` projection table. Its letters (receipt,
// apology): letter_endpoints.h.
//
// Safe from any thread as long as each call has its own connection.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_DOSSIER_READS_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_DOSSIER_READS_H_

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/http/access_policy.h"
#include "adapters/api/route.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/dossier_queries.h"
#include "engine/base/status.h"
#include "engine/base/time.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "motcua/v1/api.pb.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::http {

// The dossier and its full history; kNotFound for an unknown code. With
// kRedacted access the applicant's personal data and the lookup secret are
// blanked. Precondition: access is not kNone.
Result<v1::DossierDetail> ReadDossierDetail(sqlite::Database& db, const catalog::Catalog& catalog,
                                            std::string_view code, DossierAccess access);

// The list filters of a GET /v1/dossiers route: status (the national code,
// 1–10), procedure, holder, due_before ("YYYY-MM-DDTHH:MM" or "YYYY-MM-DD
// HH:MM", Vietnam time), open (1: only dossiers being dealt with, received
// and not finished), q (a search: sqlite::DossierFilter::query, at most
// 200 bytes), offset (0–1,000,000) and limit (1–1000, default 100).
// kInvalidArgument naming the bad parameter.
Result<sqlite::DossierFilter> ParseListFilter(const api::Route& route);

// What the list times each open dossier against (dossier::StandingOf): the
// engine's calendar (null: the rows carry no standing), the moment of the
// read and the due-soon lead (the apology alert's).
struct StandingClock {
  std::shared_ptr<const calendar::WorkingCalendar> calendar;
  Instant now;
  std::chrono::seconds due_soon_within{0};
};

// One page of the list, ordered by the office's deadline; `truncated` when
// more rows follow it.
Result<v1::DossierList> ReadDossierList(sqlite::Database& db, const catalog::Catalog& catalog,
                                        const sqlite::DossierFilter& filter,
                                        const StandingClock& clock);

// What a citizen holding the code and the receipt's lookup secret may see.
// An unknown code and a wrong secret give the same kNotFound, so the reply
// never tells whether a code exists.
Result<v1::CitizenView> ReadCitizenView(sqlite::Database& db, const catalog::Catalog& catalog,
                                        std::string_view code, std::string_view secret);

v1::Catalog CatalogReply(const catalog::Catalog& catalog);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_DOSSIER_READS_H_
