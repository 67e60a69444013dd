// The tracking book (Mẫu 06) for ApiHandler:
//
//   GET /v1/book?from=YYYY-MM-DD&to=YYYY-MM-DD&format=text|html|csv
//       the dossiers received on those Vietnam days, one line each with its
//       number of the year (adapters/sqlite/tracking_book_projection.h);
//       html is the A4-landscape book to print, csv a download.
//
// Who may read it: those who may print letters (access_policy.h
// MayPrintLetters): it names the applicants. The read takes a read-only
// connection on a query thread; HandleBookRoute may be called from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_BOOK_ENDPOINT_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_BOOK_ENDPOINT_H_

#include <functional>
#include <string>

#include "adapters/api/route.h"
#include "adapters/http/authenticator.h"
#include "adapters/http/http_reply.h"
#include "adapters/letters/unit_info.h"
#include "adapters/metrics/period.h"
#include "adapters/runtime/query_service.h"
#include "adapters/sqlite/database.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"

namespace motcua::http {

enum class BookFormat { kText, kHtml, kCsv };

// The book of `period` in `format`, printed at `now`.
Result<std::string> ReadBook(sqlite::Database& db, const catalog::Catalog& catalog,
                             const letters::UnitInfo& unit, const metrics::Period& period,
                             BookFormat format, Instant now);

// The route (RouteKind kTrackingBook): the role check, the parameters, then
// the read. `queries`, `catalog` and `unit` must outlive every request in
// flight; `respond` is called exactly once, possibly on a query thread.
void HandleBookRoute(const api::Route& route, const Principal& principal,
                     runtime::QueryService& queries, const catalog::Catalog& catalog,
                     const letters::UnitInfo& unit, Instant now, const ReplyTo& to,
                     const std::function<void(Response)>& respond);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_BOOK_ENDPOINT_H_
