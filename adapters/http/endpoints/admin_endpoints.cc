#include "adapters/http/endpoints/admin_endpoints.h"

#include <charconv>
#include <string>
#include <utility>

#include "adapters/api/body_codec.h"
#include "adapters/http/access_policy.h"
#include "adapters/http/endpoints/calendar_reload.h"
#include "engine/base/quote.h"

namespace motcua::http {

namespace {

constexpr std::string_view kOctetStream = "application/octet-stream";

}  // namespace

void HandleAdminRoute(const api::Route& route, const Request& request, const Principal& principal,
                      runtime::AdminService* admin, const ReplyTo& to,
                      const std::function<void(Response)>& respond) {
  if (!MayAdminister(principal)) {
    return respond(ErrorResponse(
        Status(Error::kPermissionDenied, "vai trò của bạn không được quản trị hệ thống"), to));
  }
  if (admin == nullptr) {
    return respond(ErrorResponse(
        Status(Error::kNotFound, "máy chủ này không bật chức năng quản trị"), to));
  }
  Status started;
  switch (route.kind) {
    case api::RouteKind::kAdminCheck: {
      auto format = api::RequestFormat(ToStd(request[bhttp::field::content_type]));
      if (!format.ok()) return respond(ErrorResponse(format.status(), to));
      v1::CheckRequest check;
      if (Status s = api::DecodeBody(request.body(), *format, check); !s.ok()) {
        return respond(ErrorResponse(s, to));
      }
      started = admin->Check(principal.name, check,
                             [to, respond](Result<v1::IntegrityReport> report) {
                               respond(report.ok() ? MessageResponse(*report, to)
                                                   : ErrorResponse(report.status(), to));
                             });
      break;
    }
    case api::RouteKind::kAdminBackup:
      started = admin->Backup(principal.name, [to, respond](Result<v1::BackupSnapshot> snapshot) {
        respond(snapshot.ok() ? MessageResponse(*snapshot, to)
                              : ErrorResponse(snapshot.status(), to));
      });
      break;
    case api::RouteKind::kAdminBackupChunk: {
      const std::string text = route.Param("offset").value_or("0");
      std::uint64_t offset = 0;
      auto [end, errc] = std::from_chars(text.data(), text.data() + text.size(), offset);
      if (text.empty() || errc != std::errc() || end != text.data() + text.size()) {
        return respond(ErrorResponse(
            Status(Error::kInvalidArgument,
                   "tham số offset không hợp lệ '" + QuoteForMessage(text) + "'"), to));
      }
      started = admin->ReadChunk(route.name, offset, [to, respond](Result<std::string> bytes) {
        respond(bytes.ok() ? DocumentResponse(std::move(*bytes), kOctetStream, to)
                           : ErrorResponse(bytes.status(), to));
      });
      break;
    }
    default:
      started = Status(Error::kInternal, "tuyến không được xử lý");
  }
  if (!started.ok()) respond(ErrorResponse(started, to));
}

void HandleCalendarReload(const Principal& principal, const std::filesystem::path& config_file,
                          runtime::EngineService& engine, runtime::QueryService& queries,
                          const Clock& clock, const ReplyTo& to,
                          const std::function<void(Response)>& respond) {
  if (!MayReloadCalendar(principal)) {
    return respond(ErrorResponse(
        Status(Error::kPermissionDenied, "vai trò của bạn không được tải lại lịch làm việc"), to));
  }
  if (config_file.empty()) {
    return respond(ErrorResponse(
        Status(Error::kNotFound, "máy chủ này không có tệp cấu hình để tải lại lịch làm việc"),
        to));
  }
  // Building the calendar takes a while: on a query thread, neither on the
  // connection's strand nor on the engine thread.
  queries.Run([config_file, &engine, &clock, to, respond](Result<sqlite::Database*>) {
    auto loaded = LoadCalendarFromConfig(config_file);
    if (!loaded.ok()) return respond(ErrorResponse(loaded.status(), to));
    Status submitted = engine.RunExclusive(
        [loaded = std::move(*loaded), to, respond, &clock](engine::Engine& e, EventLog& log) {
          auto reply = ReloadCalendarNow(loaded, e, log, clock.Now());
          respond(reply.ok() ? MessageResponse(*reply, to) : ErrorResponse(reply.status(), to));
        });
    if (!submitted.ok()) respond(ErrorResponse(submitted, to));
  });
}

}  // namespace motcua::http
