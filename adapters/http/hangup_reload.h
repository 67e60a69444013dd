// SIGHUP (`systemctl reload motcuad`): what motcuad reads again without a
// restart, each part all or nothing, each outcome one log line:
//   - the users file the configuration names: a revoked or expired token and
//     a removed officer are refused from the next request (their web
//     sessions too), a new officer can sign in and be handed dossiers;
//   - the calendar (office hours and official schedules), exactly as
//     POST /v1/admin/calendar/reload does (endpoints/calendar_reload.h).
// A file that does not load leaves what was in force and logs an error.
// Nothing else of the configuration changes without a restart.
#ifndef MOTCUA_ADAPTERS_HTTP_HANGUP_RELOAD_H_
#define MOTCUA_ADAPTERS_HTTP_HANGUP_RELOAD_H_

#include <filesystem>

#include "adapters/http/user_directory.h"
#include "adapters/runtime/engine_service.h"
#include "adapters/runtime/query_service.h"
#include "adapters/runtime/request_log.h"
#include "engine/ports/clock.h"

namespace motcua::http {

struct HangupReload {
  std::filesystem::path config_file;
  UserDirectory users;  // the handler's (a copy shares it)
  // Must outlive every reload.
  runtime::EngineService* engine = nullptr;
  runtime::QueryService* queries = nullptr;
  const Clock* clock = nullptr;
  runtime::RequestLog* log = nullptr;
};

// Starts one reload and returns at once: the files are read on a query
// thread, the changes applied on the engine thread behind the commands
// already queued.
void ReloadOnHangup(const HangupReload& reload);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_HANGUP_RELOAD_H_
