// Route: what an HTTP request line asks for, before any I/O. ParseRoute splits
// the target into its path and query, percent-decodes them and matches the
// API's paths:
//
//   GET  /healthz
//   GET  /readyz                              (runtime/readiness.h)
//   GET  /metrics                             (endpoints/metrics_endpoint.h)
//   POST /v1/commands/{name}              name from command_endpoints.h
//   GET  /v1/dossiers?status=&open=&procedure=&holder=&due_before=&q=&offset=&limit=
//   GET  /v1/dossiers/{code}
//   GET  /v1/dossiers/{code}/receipt?format=text|html
//   GET  /v1/catalog
//   GET  /v1/lookup/{code}?secret=S
//   GET  /v1/stats?from=&to=&format=&codes=   (stats_endpoints.h)
//   GET  /v1/export/portal?from=&to=
//   POST /v1/import
//   GET  /v1/alerts?open=1|from=&to=&limit=    (alert_endpoints.h)
//   GET  /v1/alerts/stream                     (server-sent events)
//   GET  /v1/alerts/undelivered?limit=          (the webhook's set-aside alerts)
//   POST /v1/alerts/undelivered/retry
//   GET  /v1/dossiers/{code}/apology?format=text|html
//   GET  /v1/dossiers/{code}/refusal?format=text|html            (Mẫu 03)
//   GET  /v1/dossiers/{code}/supplement-request?format=text|html (Mẫu 02)
//   GET  /v1/appointment?procedure=CODE    (the intake form's preview)
//   POST /v1/admin/calendar/reload
//   POST /v1/test/clock                        (only with motcuad --test-clock)
//   POST /v1/admin/check                  (admin_endpoints.h)
//   POST /v1/admin/backup
//   GET  /v1/admin/backup/{id}?offset=N
//   GET|POST|DELETE /v1/session           (the web desk's sign-in)
//   GET  /v1/officers                      (whom to hand a dossier over to)
//   GET  /                                 (the web desk's page)
//   GET  /tra-cuu                          (the citizen's lookup page)
//   GET  /assets/{name}                    (its scripts and styles)
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_API_ROUTE_H_
#define MOTCUA_ADAPTERS_API_ROUTE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "engine/base/status.h"

namespace motcua::api {

enum class RouteKind {
  kHealth,
  kReady,
  kMetrics,  // the Prometheus scrape
  kCommand,
  kListDossiers,
  kGetDossier,
  kReceipt,
  kCatalog,
  kLookup,
  kLookupRating,  // name: the dossier code; the citizen's rating (endpoints/citizen_rating.h)
  kStats,         // stats_endpoints.h
  kStatsTrend,    // stats_endpoints.h: GET /v1/stats/trend
  kPortalExport,
  kImport,
  kAlerts,          // alert_endpoints.h
  kAlertStream,     // taken over by the stream endpoint before routing
  kUndeliveredAlerts,
  kRetryUndelivered,
  kApologyLetter,   // name: the dossier code
  kRefusalLetter,            // name: the dossier code
  kSupplementRequestLetter,  // name: the dossier code
  kControlSlip,               // name: the dossier code
  kTrackingBook,
  kAppointmentPreview,       // endpoints/appointment_preview.h
  kCalendarReload,
  kTestClock,
  kAdminCheck,        // admin_endpoints.h
  kAdminBackup,
  kAdminBackupChunk,  // name: the backup's id
  kSession,           // endpoints/session_endpoints.h; GET, POST or DELETE
  kOfficers,          // endpoints/session_endpoints.h
  kPage,              // web_assets.h
  kCitizenPage,       // web_assets.h: GET /tra-cuu
  kAsset,             // name: the file name under assets/
};

struct Route {
  RouteKind kind = RouteKind::kHealth;
  std::string name;  // the command name, or the dossier code
  std::map<std::string, std::string> query;

  // The query parameter, if given.
  std::optional<std::string> Param(const std::string& key) const;
};

// Why a request line matches no route: kNotFound for an unknown path,
// kBadRequest for a malformed target or a duplicated or unexpected query
// parameter, or for a method the path does not take (then `allow` names the
// method it does take, for a 405 reply).
struct RouteError {
  Status status;
  std::string allow;  // non-empty when the path exists with another method
};
std::variant<Route, RouteError> ParseRoute(std::string_view method, std::string_view target);

// The route's path template for the telemetry ("/v1/dossiers/{code}"):
// never the dossier code or any other value from the path.
std::string_view RouteLabel(RouteKind kind);
// RouteLabel of the route `method` and `target` match; "unmatched" when
// none does.
std::string_view RouteLabelOf(std::string_view method, std::string_view target);

// Percent-decodes `text` ('+' is a space in queries); nullopt if malformed.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);
// Percent-encodes everything but unreserved characters (RFC 3986).
std::string PercentEncode(std::string_view text);

}  // namespace motcua::api

#endif  // MOTCUA_ADAPTERS_API_ROUTE_H_
