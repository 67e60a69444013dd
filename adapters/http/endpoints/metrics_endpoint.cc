#include "adapters/http/endpoints/metrics_endpoint.h"

#include <utility>

#include "adapters/api/token_hash.h"
#include "adapters/crypto/sha256.h"
#include "adapters/runtime/telemetry_live.h"

namespace motcua::http {

namespace {

// How long a scrape waits for the engine thread's count of the dossiers.
constexpr std::chrono::seconds kEngineWait(2);

bool PresentsMetricsToken(const MetricsEndpoint& metrics, const Request& request) {
  constexpr std::string_view kScheme = "Bearer ";
  const std::string_view authorization = ToStd(request[bhttp::field::authorization]);
  if (!authorization.starts_with(kScheme)) return false;
  return crypto::SecureEquals(api::TokenHash(authorization.substr(kScheme.size())),
                              metrics.token_sha256);
}

}  // namespace

void HandleMetricsRoute(const MetricsEndpoint& metrics, const Request& request,
                        runtime::EngineService& engine, runtime::QueryService& queries,
                        const runtime::Readiness* readiness, const Clock& clock,
                        const ReplyTo& to, const std::function<void(Response)>& respond) {
  if (!PresentsMetricsToken(metrics, request)) {
    Response res = ErrorResponse(
        Status(Error::kUnauthenticated, "cần mã của /metrics (Authorization: Bearer ...)"), to);
    res.set(bhttp::field::www_authenticate, "Bearer");
    return respond(std::move(res));
  }
  const Instant now = clock.Now();
  queries.Run([&metrics, &engine, readiness, now, to, respond](Result<sqlite::Database*>) {
    const runtime::LiveFigures live =
        runtime::GatherLiveFigures(engine, readiness, metrics.db_path, now, kEngineWait);
    Response res = DocumentResponse(metrics.telemetry->Render(live),
                                    "text/plain; version=0.0.4; charset=utf-8", to);
    res.set(bhttp::field::cache_control, "no-store");
    respond(std::move(res));
  });
}

}  // namespace motcua::http
