#include "adapters/http/endpoints/appointment_preview.h"

#include "adapters/http/access_policy.h"
#include "engine/base/proto_time.h"
#include "engine/base/quote.h"
#include "engine/dossier/appointment.h"

namespace motcua::http {

Result<v1::AppointmentPreview> PreviewAppointment(const catalog::Catalog& catalog,
                                                  const calendar::WorkingCalendar& calendar,
                                                  const api::Route& route, Instant now) {
  const std::string code = route.Param("procedure").value_or("");
  if (code.empty()) {
    return Status(Error::kInvalidArgument, "thiếu tham số procedure (mã thủ tục)");
  }
  const v1::Procedure* procedure = catalog.Find(code);
  if (procedure == nullptr) {
    return Status(Error::kNotFound,
                  "không có thủ tục mã " + QuoteForMessage(code) + " trong danh mục");
  }
  MOTCUA_ASSIGN_OR_RETURN(dossier::ReceiptClock clock,
                          dossier::ClockAtReceipt(calendar, *procedure, now));
  v1::AppointmentPreview preview;
  preview.set_procedure_code(procedure->code());
  SetInstant(now, preview.mutable_received_at());
  SetInstant(clock.clock_start, preview.mutable_clock_start());
  SetInstant(clock.appointment.at, preview.mutable_appointment_at());
  preview.set_provisional(clock.appointment.provisional);
  return preview;
}

Response HandleAppointmentPreview(const api::Route& route, const Principal& principal,
                                  const catalog::Catalog& catalog,
                                  const calendar::WorkingCalendar& calendar, Instant now,
                                  const ReplyTo& to) {
  if (!MayRun(principal, v1::Command::kReceive)) {
    return ErrorResponse(
        Status(Error::kPermissionDenied, "vai trò của bạn không được tiếp nhận hồ sơ"), to);
  }
  auto preview = PreviewAppointment(catalog, calendar, route, now);
  return preview.ok() ? MessageResponse(*preview, to) : ErrorResponse(preview.status(), to);
}

}  // namespace motcua::http
