#include "engine/dossier/appointment.h"

#include <optional>

#include "engine/base/proto_time.h"

namespace motcua::dossier {

Result<calendar::Due> AfterPause(const calendar::WorkingCalendar& calendar, calendar::Due appointment,
                                 Instant paused_at, Instant resumed_at) {
  if (paused_at >= appointment.at) return appointment;
  std::chrono::seconds taken = calendar.WorkingTimeBetween(paused_at, resumed_at);
  MOTCUA_ASSIGN_OR_RETURN(Instant moved, calendar.AddWorkingTime(appointment.at, taken));
  return calendar::Due{moved, appointment.provisional || calendar.DependsOnProvisional(paused_at, moved)};
}

Result<calendar::Due> RecomputeAppointment(const std::vector<v1::Event>& history,
                                           const catalog::Catalog& catalog,
                                           const calendar::WorkingCalendar& calendar) {
  using K = v1::Event::KindCase;
  std::optional<calendar::Due> due;
  std::optional<Instant> paused_at;
  for (const v1::Event& e : history) {
    const Instant at = ToInstant(e.at());
    switch (e.kind_case()) {
      case K::kReceived: {
        const v1::Procedure* p = catalog.Find(e.received().procedure_code());
        if (p == nullptr) {
          return Status(Error::kInvalidArgument, "thủ tục " + e.received().procedure_code() +
                                                     " không còn trong danh mục");
        }
        MOTCUA_ASSIGN_OR_RETURN(calendar::DeadlineSpec spec, catalog::DeadlineOf(*p));
        MOTCUA_ASSIGN_OR_RETURN(due, calendar.ComputeDue(at, spec));
        break;
      }
      case K::kSupplementRequested:
        paused_at = at;
        break;
      case K::kFeeRequested:
        if (e.fee_requested().pauses_clock()) paused_at = at;
        break;
      case K::kSupplemented:
      case K::kFeePaid:
        if (due && paused_at) {
          MOTCUA_ASSIGN_OR_RETURN(due, AfterPause(calendar, *due, *paused_at, at));
        }
        paused_at.reset();
        break;
      default:
        break;
    }
  }
  if (!due) return Status(Error::kNotFound, "hồ sơ chưa được tiếp nhận");
  return *due;
}

}  // namespace motcua::dossier
