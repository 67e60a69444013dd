// GET /metrics: the server's telemetry in the Prometheus text format
// (runtime/telemetry.h), for a scraper that presents the metrics token as
// a bearer token (Authorization: Bearer T, whose SHA-256 is the config's
// metrics_token_sha256). The token is the scraper's alone: an officer's
// token or session does not open it, and it opens nothing else. Without a
// configured hash the route answers 404.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_METRICS_ENDPOINT_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_METRICS_ENDPOINT_H_

#include <filesystem>
#include <functional>
#include <string>

#include "adapters/http/http_reply.h"
#include "adapters/runtime/engine_service.h"
#include "adapters/runtime/query_service.h"
#include "adapters/runtime/readiness.h"
#include "adapters/runtime/telemetry.h"
#include "engine/ports/clock.h"

namespace motcua::http {

struct MetricsEndpoint {
  runtime::Telemetry* telemetry = nullptr;  // must outlive the handler
  std::string token_sha256;                 // lowercase hex
  std::filesystem::path db_path;            // its size and its WAL's
};

// The answer goes through `respond`, from a query thread (the engine's
// figures are waited for there, never on an HTTP thread).
void HandleMetricsRoute(const MetricsEndpoint& metrics, const Request& request,
                        runtime::EngineService& engine, runtime::QueryService& queries,
                        const runtime::Readiness* readiness, const Clock& clock,
                        const ReplyTo& to, const std::function<void(Response)>& respond);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_METRICS_ENDPOINT_H_
