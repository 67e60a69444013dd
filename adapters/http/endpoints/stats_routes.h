// Dispatch of the statistics routes (stats_endpoints.h) for ApiHandler: the
// role check, then the read on a query thread or the import on the engine
// thread. One call per request; `respond` is called exactly once, possibly
// later on another thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_STATS_ROUTES_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_STATS_ROUTES_H_

#include "adapters/http/api_handler.h"

namespace motcua::http {

// `engine`, `queries` and `clock` must outlive every request in flight.
void HandleStatsRoute(const api::Route& route, const Request& request, const Principal& principal,
                      runtime::EngineService& engine, runtime::QueryService& queries, const Clock& clock,
                      const ApiContext& context, const ReplyTo& to, const Respond& respond);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_STATS_ROUTES_H_
