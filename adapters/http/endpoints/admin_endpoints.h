// The administrator's endpoints, for ApiHandler (who may use them:
// access_policy.h, MayAdminister and MayReloadCalendar):
//
//   POST /v1/admin/check  [v1.CheckRequest]    → v1.IntegrityReport
//   POST /v1/admin/backup                      → v1.BackupSnapshot
//   GET  /v1/admin/backup/{id}?offset=N        → bytes of the snapshot
//   POST /v1/admin/calendar/reload             → v1.CalendarReloadReply
//        (calendar_reload.h): the configuration file's calendar, read again
//        and built on a query thread, then switched to on the engine thread.
//
// A check that finds damage is still a 200: the report says what is wrong
// (the CLI turns it into its exit code); an error status means the check
// could not run. One call per request; `respond` is called exactly once,
// possibly later on one of the admin service's threads, a query thread or
// the engine thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_ADMIN_ENDPOINTS_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_ADMIN_ENDPOINTS_H_

#include <filesystem>
#include <functional>

#include "adapters/api/route.h"
#include "adapters/http/authenticator.h"
#include "adapters/http/http_reply.h"
#include "adapters/runtime/admin_service.h"
#include "adapters/runtime/engine_service.h"
#include "adapters/runtime/query_service.h"
#include "engine/ports/clock.h"

namespace motcua::http {

// Check and backup. `admin` may be null (a server built without one): 404.
// It must outlive every request in flight. `request` carries the check's
// optional body (v1.CheckRequest: anchors).
void HandleAdminRoute(const api::Route& route, const Request& request, const Principal& principal,
                      runtime::AdminService* admin, const ReplyTo& to,
                      const std::function<void(Response)>& respond);

// The calendar reload. `config_file` empty (a server that was given none):
// 404. `engine`, `queries` and `clock` must outlive every request in flight.
void HandleCalendarReload(const Principal& principal, const std::filesystem::path& config_file,
                          runtime::EngineService& engine, runtime::QueryService& queries,
                          const Clock& clock, const ReplyTo& to,
                          const std::function<void(Response)>& respond);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_ADMIN_ENDPOINTS_H_
