// The statistics side of the API, as functions from a request to a
// response so they are tested without sockets:
//
//   GET  /v1/stats?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=json|csv|table|xlsx][&codes=1]
//        statistics, leader, admin. Without `format` the reply is
//        v1.Statistics in the client's format (protobuf or JSON); json, csv,
//        table and xlsx (an Excel workbook, as a download) are the export
//        renderings (adapters/export). The server's targets file, if
//        configured, is judged in; the resolved dossiers by officer
//        (counters/holder_figures.h) and the ended steps by unit and officer
//        (counters/step_holder_figures.h) are added when the caller gives
//        the calendar (to the message only: json or protobuf).
//   GET  /v1/stats/trend?to=YYYY-MM-DD&months=N
//        the same roles: the rates and targets month by month
//        (counters/monthly_rates.h); `to` defaults to today, N to 12.
//   GET  /v1/export/portal?from=YYYY-MM-DD&to=YYYY-MM-DD
//        admin: the national portal's sync batch (v1.PortalSyncBatch; its
//        JSON uses the portal's field names). It carries applicants' phone
//        numbers, as the portal requires, hence admin only.
//   POST /v1/import   body: one JSON v1.Event per line
//        admin: a history import, validated and committed as one batch on
//        the engine thread (all or nothing; the error names the line).
//
// The roles named above are decided by access_policy.h (MayReadStatistics,
// MayExchangeHistory), checked by stats_routes.h.
//
// Reads run on a query thread's read-only connection; the import runs on
// the engine thread (EngineService::RunExclusive). Pure otherwise; safe from
// any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_STATS_ENDPOINTS_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_STATS_ENDPOINTS_H_

#include <functional>
#include <optional>
#include <string>

#include "adapters/http/authenticator.h"
#include "adapters/http/http_reply.h"
#include "adapters/api/route.h"
#include "adapters/counters/holder_figures.h"
#include "adapters/metrics/period.h"
#include "adapters/runtime/stats_context.h"
#include "adapters/sqlite/database.h"
#include "engine/catalog/catalog.h"
#include "engine/engine.h"
#include "engine/ports/event_log.h"
#include "motcua/v1/stats.pb.h"

namespace motcua::http {

using runtime::StatsContext;

// from/to of a route; kInvalidArgument naming the parameter.
Result<metrics::Period> PeriodParams(const api::Route& route);

// What GET /v1/stats needs beyond the store for its by_holder and
// by_step_holder rows: the working calendar and who each officer is. No
// calendar: no such rows.
struct HolderSources {
  const calendar::WorkingCalendar* calendar = nullptr;
  counters::OfficerOf officer_of;
};

// GET /v1/stats, computed at `now` (which decides between the log, the
// live states and the counters: metrics/store_statistics.h).
Response StatsRead(sqlite::Database& db, const catalog::Catalog& catalog,
                   const runtime::StatsContext& context, const api::Route& route, Instant now,
                   const ReplyTo& to, const HolderSources& holders = {});

// GET /v1/stats/trend, `to` defaulting to the Vietnam date of `now`.
Response StatsTrendRead(sqlite::Database& db, const catalog::Catalog& catalog,
                        const runtime::StatsContext& context, const api::Route& route, Instant now,
                        const ReplyTo& to);

// GET /v1/export/portal.
Response PortalExportRead(sqlite::Database& db, const catalog::Catalog& catalog,
                          const runtime::StatsContext& context, const api::Route& route, const ReplyTo& to);

// POST /v1/import, on the engine thread: imports `body` into one batch,
// commits it, and answers ImportReply or the first bad line's error.
Response ImportHistoryNow(const std::string& body, engine::Engine& engine,
                          EventLog& log, const ReplyTo& to);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_STATS_ENDPOINTS_H_
