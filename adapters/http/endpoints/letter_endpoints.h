// The letters of a dossier, for ApiHandler:
//
//   GET  /v1/dossiers/{code}/receipt?format=text|html
//        Mẫu 01, the receipt (adapters/letters/receipt.h), A5 in HTML.
//   GET  /v1/dossiers/{code}/apology?format=text|html
//        Mẫu 04, the apology of a late dossier (adapters/letters/apology.h),
//        A4 in HTML.
//   GET  /v1/dossiers/{code}/refusal?format=text|html
//        Mẫu 03, the refusal at the counter (adapters/letters/refusal.h), A4.
//   GET  /v1/dossiers/{code}/supplement-request?format=text|html
//        Mẫu 02, the dossier's latest request for supplementation
//        (adapters/letters/supplementation_request.h), A4.
//   GET  /v1/dossiers/{code}/slip?format=text|html
//        Mẫu 05, the process-control slip: every hand-over and the steps'
//        timing (adapters/letters/control_slip.h), A4.
//
// Who may print them: access_policy.h (MayPrintLetters). Each letter is a
// fold of the dossier's events (DossierViewBuilder), so it always shows what
// the log recorded; the title and legal basis follow the rule set of the
// dossier's receipt date. The reads take a read-only connection and are
// tested directly against a real database.
//
// Thread safety: the reads are safe from any thread as long as each call has
// its own connection; HandleLetterRoute may be called from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_LETTER_ENDPOINTS_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_LETTER_ENDPOINTS_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/api/route.h"
#include "adapters/http/authenticator.h"
#include "adapters/http/http_reply.h"
#include "adapters/letters/unit_info.h"
#include "adapters/runtime/query_service.h"
#include "adapters/sqlite/database.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"

namespace motcua::http {

enum class LetterFormat { kText, kHtml };

// Mẫu 01 for a received dossier, signed with the receiving officer's
// display name from `users` (Authenticator::DisplayName). kNotFound for an
// unknown code; kIllegalTransition for a dossier that was never received (it
// has no receipt).
Result<std::string> ReadReceipt(sqlite::Database& db, const catalog::Catalog& catalog,
                                const letters::UnitInfo& unit, const Authenticator& users,
                                std::string_view code, LetterFormat format);

// Mẫu 04. kNotFound for an unknown code; kIllegalTransition when the dossier
// has no apology.
Result<std::string> ReadApologyLetter(sqlite::Database& db, const catalog::Catalog& catalog,
                                      const letters::UnitInfo& unit, std::string_view code,
                                      LetterFormat format);

// Mẫu 03, signed with the refusing officer's display name. kNotFound for an
// unknown code; kIllegalTransition for a dossier that was not refused.
Result<std::string> ReadRefusalLetter(sqlite::Database& db, const catalog::Catalog& catalog,
                                      const letters::UnitInfo& unit, const Authenticator& users,
                                      std::string_view code, LetterFormat format);

// Mẫu 02 for the latest supplementation request, signed with the requesting
// officer's display name. kNotFound for an unknown code; kIllegalTransition
// for a dossier never asked to supplement.
Result<std::string> ReadSupplementRequestLetter(sqlite::Database& db,
                                                const catalog::Catalog& catalog,
                                                const letters::UnitInfo& unit,
                                                const Authenticator& users,
                                                std::string_view code, LetterFormat format);

// Mẫu 05, with the officers' display names. kNotFound for an unknown code;
// kIllegalTransition for a dossier never received.
Result<std::string> ReadControlSlip(sqlite::Database& db, const catalog::Catalog& catalog,
                                    const letters::UnitInfo& unit, const Authenticator& users,
                                    std::string_view code, LetterFormat format);

// The routes above (RouteKind kReceipt, kApologyLetter, kRefusalLetter,
// kSupplementRequestLetter, kControlSlip): the role check, the
// format parameter, then the read on a query thread. `queries`, `catalog`,
// `unit` and `users` must outlive every request in flight; `respond` is
// called exactly once, possibly later on a query thread.
void HandleLetterRoute(const api::Route& route, const Principal& principal,
                       runtime::QueryService& queries, const catalog::Catalog& catalog,
                       const letters::UnitInfo& unit,
                       std::shared_ptr<const Authenticator> users, const ReplyTo& to,
                       const std::function<void(Response)>& respond);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_LETTER_ENDPOINTS_H_
