#include "adapters/http/api_handler.h"

#include <utility>
#include <variant>

#include "adapters/http/admin_endpoints.h"
#include "adapters/http/alert_endpoints.h"
#include "adapters/http/command_endpoints.h"
#include "adapters/http/dossier_reads.h"
#include "adapters/http/idempotency.h"
#include "adapters/http/stats_routes.h"

namespace motcua::http {

namespace {

constexpr const char* kIdempotencyKeyHeader = "Idempotency-Key";
constexpr const char* kReplayedHeader = "Idempotent-Replayed";

Status Forbidden(std::string what) {
  return Status(Error::kPermissionDenied, "vai trò của bạn không được " + std::move(what));
}

}  // namespace

ApiHandler::ApiHandler(EngineService& engine, QueryService& queries, const Clock& clock,
                       ApiContext context)
    : engine_(engine), queries_(queries), clock_(clock), context_(std::move(context)) {}

Result<Principal> ApiHandler::Authenticate(const Request& request) const {
  return context_.users->Authenticate(ToStd(request[bhttp::field::authorization]),
                                      clock_.Now());
}

void ApiHandler::Handle(Request request, Respond respond) const {
  ReplyTo to = ReplyTo::Of(request);
  auto routed = ParseRoute(ToStd(request.method_string()), ToStd(request.target()));
  if (auto* error = std::get_if<RouteError>(&routed)) {
    Response res = ErrorResponse(error->status, to);
    if (!error->allow.empty()) {
      res.result(bhttp::status::method_not_allowed);
      res.set(bhttp::field::allow, ToBeast(error->allow));
    }
    respond(std::move(res));
    return;
  }
  const Route& route = std::get<Route>(routed);
  if (route.kind == RouteKind::kCommand) {
    HandleCommand(route, request, to, respond);
  } else {
    HandleRead(route, request, to, respond);
  }
}

void ApiHandler::HandleCommand(const Route& route, Request& request, const ReplyTo& to,
                               Respond& respond) const {
  auto principal = Authenticate(request);
  if (!principal.ok()) return respond(ErrorResponse(principal.status(), to));
  const CommandEndpoint* endpoint = FindCommandEndpoint(route.name);
  if (endpoint == nullptr) {
    return respond(ErrorResponse(
        Status(Error::kNotFound, "không có lệnh '" + route.name + "'"), to));
  }
  if (!MayRun(*principal, *endpoint)) {
    return respond(ErrorResponse(Forbidden("thực hiện lệnh '" + route.name + "'"), to));
  }
  auto format = RequestFormat(ToStd(request[bhttp::field::content_type]));
  if (!format.ok()) return respond(ErrorResponse(format.status(), to));

  CommandRequest command;
  google::protobuf::Message* body = MutableCommandBody(command.command, endpoint->kind);
  if (Status s = DecodeBody(request.body(), *format, *body); !s.ok()) {
    return respond(ErrorResponse(s, to));
  }
  // The actor is who authenticated, never anything the body says.
  command.command.set_actor(principal->name);
  const auto key = request[kIdempotencyKeyHeader];
  if (!key.empty()) {
    command.idempotency_key.assign(key.data(), key.size());
    if (Status s = ValidateIdempotencyKey(command.idempotency_key); !s.ok()) {
      return respond(ErrorResponse(s, to));
    }
    command.fingerprint = RequestFingerprint(command.command);
  }
  Status submitted = engine_.Submit(std::move(command), [to, respond](CommandResult result) {
    if (!result.status.ok()) return respond(ErrorResponse(result.status, to));
    Response res = MessageResponse(result.reply, to);
    if (result.replayed) res.set(kReplayedHeader, "true");
    respond(std::move(res));
  });
  if (!submitted.ok()) respond(ErrorResponse(submitted, to));
}

void ApiHandler::HandleRead(const Route& route, const Request& request, const ReplyTo& to,
                            Respond& respond) const {
  const catalog::Catalog& catalog = *context_.catalog;
  switch (route.kind) {
    case RouteKind::kHealth: {
      v1::Health health;
      health.set_status("ok");
      return respond(MessageResponse(health, to));
    }
    case RouteKind::kLookup: {
      // Citizens: no token, only the code and the receipt's secret.
      queries_.Run([&catalog, route, to, respond](Result<sqlite::Database*> db) {
        if (!db.ok()) return respond(ErrorResponse(db.status(), to));
        auto view = ReadCitizenView(**db, catalog, route.name, route.Param("secret").value_or(""));
        respond(view.ok() ? MessageResponse(*view, to) : ErrorResponse(view.status(), to));
      });
      return;
    }
    default:
      break;
  }

  auto principal = Authenticate(request);
  if (!principal.ok()) return respond(ErrorResponse(principal.status(), to));
  switch (route.kind) {
    case RouteKind::kCatalog:
      if (!MayReadCatalog(*principal)) return respond(ErrorResponse(Forbidden("xem danh mục"), to));
      return respond(MessageResponse(CatalogReply(catalog), to));
    case RouteKind::kGetDossier: {
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
    case RouteKind::kListDossiers: {
      if (DossierAccessOf(*principal) == DossierAccess::kNone) {
        return respond(ErrorResponse(Forbidden("xem danh sách hồ sơ"), to));
      }
      auto filter = ParseListFilter(route);
      if (!filter.ok()) return respond(ErrorResponse(filter.status(), to));
      queries_.Run([&catalog, filter = *filter, to, respond](Result<sqlite::Database*> db) {
        if (!db.ok()) return respond(ErrorResponse(db.status(), to));
        auto list = ReadDossierList(**db, catalog, filter);
        respond(list.ok() ? MessageResponse(*list, to) : ErrorResponse(list.status(), to));
      });
      return;
    }
    case RouteKind::kReceipt: {
      if (!MayReadReceipt(*principal)) {
        return respond(ErrorResponse(Forbidden("in giấy tiếp nhận"), to));
      }
      const std::string format = route.Param("format").value_or("text");
      if (format != "text" && format != "html") {
        return respond(ErrorResponse(
            Status(Error::kInvalidArgument,
                   "tham số format không hợp lệ: cần 'text' hoặc 'html', nhận được '" + format +
                       "'"),
            to));
      }
      const ReceiptFormat receipt_format =
          format == "html" ? ReceiptFormat::kHtml : ReceiptFormat::kText;
      queries_.Run([this, &catalog, route, to, respond, receipt_format](
                       Result<sqlite::Database*> db) {
        if (!db.ok()) return respond(ErrorResponse(db.status(), to));
        auto doc = ReadReceipt(**db, catalog, context_.unit, route.name, receipt_format);
        if (!doc.ok()) return respond(ErrorResponse(doc.status(), to));
        respond(DocumentResponse(std::move(*doc),
                                 receipt_format == ReceiptFormat::kHtml
                                     ? "text/html; charset=utf-8"
                                     : "text/plain; charset=utf-8",
                                 to));
      });
      return;
    }
    case RouteKind::kStats:
    case RouteKind::kPortalExport:
    case RouteKind::kImport:
      return HandleStatsRoute(route, request, *principal, engine_, queries_, clock_, context_, to,
                              respond);
    case RouteKind::kAdminCheck:
    case RouteKind::kAdminBackup:
    case RouteKind::kAdminBackupChunk:
      return HandleAdminRoute(route, *principal, context_.admin, to, respond);
    case RouteKind::kAlerts:
    case RouteKind::kAlertStream:
    case RouteKind::kApologyLetter:
    case RouteKind::kCalendarReload:
    case RouteKind::kTestClock:
      return HandleAlertRoute(context_.alerts, route, request, *principal, to, respond);
    default:
      return respond(ErrorResponse(Status(Error::kInternal, "tuyến không được xử lý"), to));
  }
}

}  // namespace motcua::http
