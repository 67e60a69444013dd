#include "adapters/http/api_handler.h"

#include <utility>
#include <variant>

#include "adapters/http/endpoints/admin_endpoints.h"
#include "adapters/http/endpoints/alert_endpoints.h"
#include "adapters/http/endpoints/appointment_preview.h"
#include "adapters/http/endpoints/book_endpoint.h"
#include "adapters/http/endpoints/calendar_reload.h"
#include "adapters/http/endpoints/citizen_rating.h"
#include "adapters/api/command_endpoints.h"
#include "adapters/http/endpoints/dossier_reads.h"
#include "adapters/http/endpoints/letter_endpoints.h"
#include "adapters/api/idempotency.h"
#include "adapters/crypto/sha256.h"
#include "adapters/http/endpoints/stats_routes.h"
#include "adapters/http/endpoints/test_clock_endpoint.h"
#include "engine/base/quote.h"

namespace motcua::http {

namespace {

constexpr const char* kIdempotencyKeyHeader = "Idempotency-Key";
constexpr const char* kReplayedHeader = "Idempotent-Replayed";

Status Forbidden(std::string what) {
  return Status(Error::kPermissionDenied, "vai trò của bạn không được " + std::move(what));
}

}  // namespace

ApiHandler::ApiHandler(runtime::EngineService& engine, runtime::QueryService& queries, const Clock& clock,
                       ApiContext context)
    : engine_(engine), queries_(queries), clock_(clock), context_(std::move(context)) {}

SessionServices ApiHandler::Sessions() const {
  return SessionServices{.users = context_.users.Current(),
                         .sessions = context_.sessions,
                         .queries = &queries_,
                         .clock = &clock_};
}

Result<Principal> ApiHandler::Authenticate(const Request& request) const {
  const std::string_view authorization = ToStd(request[bhttp::field::authorization]);
  if (!authorization.empty() || context_.sessions == nullptr ||
      request[bhttp::field::cookie].empty()) {
    return context_.users.Current()->Authenticate(authorization, clock_.Now());
  }
  WebSession session;
  MOTCUA_ASSIGN_OR_RETURN(Principal principal,
                          AuthenticateSession(Sessions(), request, &session));
  const bool reads = request.method() == bhttp::verb::get || request.method() == bhttp::verb::head;
  if (!reads && !crypto::SecureEquals(ToStd(request[ToBeast(kCsrfHeader)]), session.csrf_token)) {
    return Status(Error::kPermissionDenied, "thiếu hoặc sai mã chống giả mạo (X-CSRF-Token)");
  }
  return principal;
}

void ApiHandler::Handle(Request request, Respond respond) const {
  ReplyTo to = ReplyTo::Of(request);
  auto routed = api::ParseRoute(ToStd(request.method_string()), ToStd(request.target()));
  if (auto* error = std::get_if<api::RouteError>(&routed)) {
    Response res = ErrorResponse(error->status, to);
    if (!error->allow.empty()) {
      res.result(bhttp::status::method_not_allowed);
      res.set(bhttp::field::allow, ToBeast(error->allow));
    }
    respond(std::move(res));
    return;
  }
  const api::Route& route = std::get<api::Route>(routed);
  if (route.kind == api::RouteKind::kCommand) {
    HandleCommand(route, request, to, respond);
  } else {
    HandleRead(route, request, to, respond);
  }
}

void ApiHandler::HandleCommand(const api::Route& route, Request& request, const ReplyTo& to,
                               Respond& respond) const {
  auto principal = Authenticate(request);
  if (!principal.ok()) return respond(ErrorResponse(principal.status(), to));
  const api::CommandEndpoint* endpoint = api::FindCommandEndpoint(route.name);
  if (endpoint == nullptr) {
    return respond(ErrorResponse(
        Status(Error::kNotFound, "không có lệnh '" + QuoteForMessage(route.name) + "'"), to));
  }
  if (!MayRun(*principal, endpoint->kind)) {
    return respond(
        ErrorResponse(Forbidden("thực hiện lệnh '" + QuoteForMessage(route.name) + "'"), to));
  }
  auto format = api::RequestFormat(ToStd(request[bhttp::field::content_type]));
  if (!format.ok()) return respond(ErrorResponse(format.status(), to));

  runtime::CommandRequest command;
  google::protobuf::Message* body = api::MutableCommandBody(command.command, endpoint->kind);
  if (Status s = api::DecodeBody(request.body(), *format, *body); !s.ok()) {
    return respond(ErrorResponse(s, to));
  }
  // The actor is who authenticated, never anything the body says.
  command.command.set_actor(principal->name);
  const auto key = request[kIdempotencyKeyHeader];
  if (!key.empty()) {
    command.idempotency_key.assign(key.data(), key.size());
    if (Status s = api::ValidateIdempotencyKey(command.idempotency_key); !s.ok()) {
      return respond(ErrorResponse(s, to));
    }
    command.fingerprint = api::RequestFingerprint(command.command);
  }
  Status submitted = engine_.Submit(std::move(command), [to, respond](runtime::CommandResult result) {
    if (!result.status.ok()) return respond(ErrorResponse(result.status, to));
    Response res = MessageResponse(result.reply, to);
    if (result.replayed) res.set(kReplayedHeader, "true");
    respond(std::move(res));
  });
  if (!submitted.ok()) respond(ErrorResponse(submitted, to));
}

void ApiHandler::HandleRead(const api::Route& route, const Request& request, const ReplyTo& to,
                            Respond& respond) const {
  const catalog::Catalog& catalog = *context_.catalog;
  switch (route.kind) {
    case api::RouteKind::kHealth: {
      v1::Health health;
      health.set_status("ok");
      return respond(MessageResponse(health, to));
    }
    case api::RouteKind::kReady: {
      // Without a readiness (a test's handler), answering is being ready.
      v1::Health health;
      if (context_.readiness != nullptr) {
        for (std::string& p : context_.readiness->Problems()) health.add_problems(std::move(p));
      }
      health.set_status(health.problems().empty() ? "ready" : "not ready");
      Response res = MessageResponse(health, to);
      if (!health.problems().empty()) res.result(bhttp::status::service_unavailable);
      res.set(bhttp::field::cache_control, "no-store");
      return respond(std::move(res));
    }
    case api::RouteKind::kMetrics:
      if (context_.metrics == nullptr) {
        return respond(ErrorResponse(Status(Error::kNotFound, "máy chủ không bật /metrics"), to));
      }
      return HandleMetricsRoute(*context_.metrics, request, engine_, queries_, context_.readiness,
                                clock_, to, respond);
    case api::RouteKind::kSession:
      return HandleSessionRoute(Sessions(), request, to, respond);
    case api::RouteKind::kPage:
    case api::RouteKind::kCitizenPage:
    case api::RouteKind::kAsset:
      if (context_.web == nullptr) {
        return respond(ErrorResponse(Status(Error::kNotFound, "máy chủ không bật trang web"), to));
      }
      if (route.kind == api::RouteKind::kPage) return respond(context_.web->Page(to));
      if (route.kind == api::RouteKind::kCitizenPage) return respond(context_.web->CitizenPage(to));
      return respond(context_.web->Asset(route.name, to));
    case api::RouteKind::kLookup: {
      // Citizens: no token, only the code and the receipt's secret.
      queries_.Run([&catalog, route, to, respond](Result<sqlite::Database*> db) {
        if (!db.ok()) return respond(ErrorResponse(db.status(), to));
        auto view = ReadCitizenView(**db, catalog, route.name, route.Param("secret").value_or(""));
        Response res = view.ok() ? MessageResponse(*view, to) : ErrorResponse(view.status(), to);
        // Looked up on a shared computer (the counter's kiosk, a phone lent
        // around): no copy stays behind in a cache.
        res.set(bhttp::field::cache_control, "no-store");
        respond(std::move(res));
      });
      return;
    }
    case api::RouteKind::kLookupRating:
      return HandleCitizenRating(route, request, engine_, queries_, catalog, to, respond);
    default:
      break;
  }

  auto principal = Authenticate(request);
  if (!principal.ok()) return respond(ErrorResponse(principal.status(), to));
  switch (route.kind) {
    case api::RouteKind::kCatalog:
      if (!MayReadCatalog(*principal)) return respond(ErrorResponse(Forbidden("xem danh mục"), to));
      return respond(MessageResponse(CatalogReply(catalog), to));
    case api::RouteKind::kOfficers:
      return respond(OfficersResponse(*context_.users.Current(), *principal, clock_.Now(), to));
    case api::RouteKind::kGetDossier: {
      const DossierAccess access = DossierAccessOf(*principal);
      if (access == DossierAccess::kNone) {
        return respond(ErrorResponse(Forbidden("xem hồ sơ"), to));
      }
      queries_.Run([&catalog, route, to, respond, access](Result<sqlite::Database*> db) {
        if (!db.ok()) return respond(ErrorResponse(db.status(), to));
        auto detail = ReadDossierDetail(**db, catalog, route.name, access);
        respond(detail.ok() ? MessageResponse(*detail, to) : ErrorResponse(detail.status(), to));
      });
      return;
    }
    case api::RouteKind::kListDossiers: {
      const DossierAccess access = DossierAccessOf(*principal);
      if (access == DossierAccess::kNone) {
        return respond(ErrorResponse(Forbidden("xem danh sách hồ sơ"), to));
      }
      auto filter = ParseListFilter(route);
      if (!filter.ok()) return respond(ErrorResponse(filter.status(), to));
      filter->search_phone = access == DossierAccess::kFull;
      StandingClock standing{.calendar = engine_.calendar(),
                             .now = clock_.Now(),
                             .due_soon_within = context_.due_soon_within};
      queries_.Run([&catalog, filter = *filter, standing = std::move(standing), to,
                    respond](Result<sqlite::Database*> db) {
        if (!db.ok()) return respond(ErrorResponse(db.status(), to));
        auto list = ReadDossierList(**db, catalog, filter, standing);
        respond(list.ok() ? MessageResponse(*list, to) : ErrorResponse(list.status(), to));
      });
      return;
    }
    case api::RouteKind::kAppointmentPreview:
      return respond(HandleAppointmentPreview(route, *principal, catalog, *engine_.calendar(),
                                              clock_.Now(), to));
    case api::RouteKind::kReceipt:
    case api::RouteKind::kApologyLetter:
    case api::RouteKind::kRefusalLetter:
    case api::RouteKind::kSupplementRequestLetter:
    case api::RouteKind::kControlSlip:
      return HandleLetterRoute(route, *principal, queries_, catalog, context_.unit,
                               context_.users.Current(), to, respond);
    case api::RouteKind::kTrackingBook:
      return HandleBookRoute(route, *principal, queries_, catalog, context_.unit, clock_.Now(), to,
                             respond);
    case api::RouteKind::kStats:
    case api::RouteKind::kStatsTrend:
    case api::RouteKind::kPortalExport:
    case api::RouteKind::kImport:
      return HandleStatsRoute(route, request, *principal, engine_, queries_, clock_, context_, to,
                              respond);
    case api::RouteKind::kAdminCheck:
    case api::RouteKind::kAdminBackup:
    case api::RouteKind::kAdminBackupChunk:
      return HandleAdminRoute(route, request, *principal, context_.admin, to, respond);
    case api::RouteKind::kCalendarReload:
      return HandleCalendarReload(*principal, context_.config_file, engine_, queries_, clock_, to,
                                  respond);
    case api::RouteKind::kAlerts:
    case api::RouteKind::kAlertStream:
    case api::RouteKind::kUndeliveredAlerts:
    case api::RouteKind::kRetryUndelivered:
      return HandleAlertRoute(context_.alerts, route, request, *principal, to, respond);
    case api::RouteKind::kTestClock:
      return HandleTestClockRoute(context_.test_clock, request, *principal, to, respond);
    default:
      return respond(ErrorResponse(Status(Error::kInternal, "tuyến không được xử lý"), to));
  }
}

}  // namespace motcua::http
