#include "adapters/http/admin_endpoints.h"

#include <charconv>
#include <string>

namespace motcua::http {

namespace {

constexpr std::string_view kOctetStream = "application/octet-stream";

}  // namespace

bool MayAdminister(const Principal& principal) { return principal.Has(v1::ROLE_ADMIN); }

void HandleAdminRoute(const Route& route, const Principal& principal, AdminService* admin,
                      const ReplyTo& to, const std::function<void(Response)>& respond) {
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
    case RouteKind::kAdminCheck:
      started = admin->Check(principal.name, [to, respond](Result<v1::IntegrityReport> report) {
        respond(report.ok() ? MessageResponse(*report, to) : ErrorResponse(report.status(), to));
      });
      break;
    case RouteKind::kAdminBackup:
      started = admin->Backup(principal.name, [to, respond](Result<v1::BackupSnapshot> snapshot) {
        respond(snapshot.ok() ? MessageResponse(*snapshot, to)
                              : ErrorResponse(snapshot.status(), to));
      });
      break;
    case RouteKind::kAdminBackupChunk: {
      const std::string text = route.Param("offset").value_or("0");
      std::uint64_t offset = 0;
      auto [end, errc] = std::from_chars(text.data(), text.data() + text.size(), offset);
      if (text.empty() || errc != std::errc() || end != text.data() + text.size()) {
        return respond(ErrorResponse(
            Status(Error::kInvalidArgument, "tham số offset không hợp lệ '" + text + "'"), to));
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

}  // namespace motcua::http
