// The administrator's endpoints, for ApiHandler (admin role only):
//
//   POST /v1/admin/check                       → v1.IntegrityReport
//   POST /v1/admin/backup                      → v1.BackupSnapshot
//   GET  /v1/admin/backup/{id}?offset=N        → bytes of the snapshot
//
// A check that finds damage is still a 200: the report says what is wrong
// (the CLI turns it into its exit code); an error status means the check
// could not run. One call per request; `respond` is called exactly once,
// possibly later on one of the admin service's threads.
#ifndef MOTCUA_ADAPTERS_HTTP_ADMIN_ENDPOINTS_H_
#define MOTCUA_ADAPTERS_HTTP_ADMIN_ENDPOINTS_H_

#include <functional>

#include "adapters/http/admin_service.h"
#include "adapters/http/authenticator.h"
#include "adapters/http/http_reply.h"
#include "adapters/http/route.h"

namespace motcua::http {

bool MayAdminister(const Principal& principal);

// `admin` may be null (a server built without one): 404. It must outlive
// every request in flight.
void HandleAdminRoute(const Route& route, const Principal& principal, AdminService* admin,
                      const ReplyTo& to, const std::function<void(Response)>& respond);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ADMIN_ENDPOINTS_H_
