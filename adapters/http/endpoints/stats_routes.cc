#include "adapters/http/endpoints/stats_routes.h"

#include <memory>
#include <utility>

#include "adapters/http/access_policy.h"
#include "adapters/http/endpoints/stats_endpoints.h"

namespace motcua::http {

namespace {

Status Forbidden(const std::string& what) {
  return Status(Error::kPermissionDenied, "vai trò của bạn không được " + what);
}

}  // namespace

void HandleStatsRoute(const api::Route& route, const Request& request, const Principal& principal,
                      runtime::EngineService& engine, runtime::QueryService& queries, const Clock& clock,
                      const ApiContext& context, const ReplyTo& to, const Respond& respond) {
  auto stats = context.stats ? context.stats : std::make_shared<const runtime::StatsContext>();
  auto catalog = context.catalog;
  switch (route.kind) {
    case api::RouteKind::kStats: {
      if (!MayReadStatistics(principal)) return respond(ErrorResponse(Forbidden("xem thống kê"), to));
      // The calendar as it is now, kept alive by the read; a reload meanwhile
      // publishes a new one (EngineService::calendar).
      std::shared_ptr<const calendar::WorkingCalendar> working = engine.calendar();
      queries.Run([catalog, stats, route, to, respond, &clock, working,
                   users = context.users.Current()](Result<sqlite::Database*> db) {
        if (!db.ok()) return respond(ErrorResponse(db.status(), to));
        HolderSources holders;
        holders.calendar = working.get();
        holders.officer_of = [&users](std::string_view user) {
          return counters::Officer{users ? users->UnitOf(user) : std::string(),
                                   users ? users->DisplayName(user) : std::string(user)};
        };
        respond(StatsRead(**db, *catalog, *stats, route, clock.Now(), to, holders));
      });
      return;
    }
    case api::RouteKind::kStatsTrend:
      if (!MayReadStatistics(principal)) return respond(ErrorResponse(Forbidden("xem thống kê"), to));
      queries.Run([catalog, stats, route, to, respond, &clock](Result<sqlite::Database*> db) {
        if (!db.ok()) return respond(ErrorResponse(db.status(), to));
        respond(StatsTrendRead(**db, *catalog, *stats, route, clock.Now(), to));
      });
      return;
    case api::RouteKind::kPortalExport:
      if (!MayExchangeHistory(principal)) {
        return respond(ErrorResponse(Forbidden("xuất dữ liệu đồng bộ Cổng dịch vụ công"), to));
      }
      queries.Run([catalog, stats, route, to, respond](Result<sqlite::Database*> db) {
        if (!db.ok()) return respond(ErrorResponse(db.status(), to));
        respond(PortalExportRead(**db, *catalog, *stats, route, to));
      });
      return;
    case api::RouteKind::kImport: {
      if (!MayExchangeHistory(principal)) {
        return respond(ErrorResponse(Forbidden("nhập lịch sử hồ sơ"), to));
      }
      Status submitted = engine.RunExclusive(
          [body = std::string(request.body()), to, respond](engine::Engine& e,
                                                            EventLog& log) {
            respond(ImportHistoryNow(body, e, log, to));
          });
      if (!submitted.ok()) respond(ErrorResponse(submitted, to));
      return;
    }
    default:
      return respond(ErrorResponse(Status(Error::kInternal, "tuyến không được xử lý"), to));
  }
}

}  // namespace motcua::http
