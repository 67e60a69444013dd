#include "engine/dossier/apology_rules.h"

#include <chrono>
#include <string>

#include "engine/catalog/catalog.h"

namespace motcua::dossier {

namespace {

Status Refuse(const std::string& why) {
  return Status(Error::kInvalidArgument, "thời hạn hẹn mới " + why);
}

bool WorkingMoment(const calendar::WorkingCalendar& calendar, Instant t) {
  // The close of a session counts: the second before it was working time.
  return calendar.InOfficeHours(t) ||
         calendar.WorkingTimeBetween(t - std::chrono::seconds(1), t) > std::chrono::seconds(0);
}

}  // namespace

Status CheckNewAppointment(const calendar::WorkingCalendar& calendar,
                           const v1::Procedure& procedure, const DossierState& state, Instant now,
                           Instant new_appointment) {
  const Instant current = FromUnixSeconds(state.appointment_at);
  if (new_appointment <= now) {
    return Refuse("phải sau thời điểm hiện tại " + FormatVietnamMinute(now));
  }
  if (new_appointment <= current) {
    return Refuse("phải sau thời hạn hẹn hiện tại " + FormatVietnamMinute(current));
  }
  if (!WorkingMoment(calendar, new_appointment)) {
    return Refuse(FormatVietnamMinute(new_appointment) +
                  " không phải giờ làm việc: chọn một thời điểm trong giờ hành chính của ngày làm việc");
  }
  MOTCUA_ASSIGN_OR_RETURN(calendar::DeadlineSpec spec, catalog::DeadlineOf(procedure));
  MOTCUA_ASSIGN_OR_RETURN(calendar::Due limit, calendar.ComputeDue(current, spec));
  if (new_appointment > limit.at) {
    return Refuse("không được quá một lần thời hạn giải quyết tính từ hẹn hiện tại, tức là "
                  "không sau " + FormatVietnamMinute(limit.at));
  }
  return Status::Ok();
}

}  // namespace motcua::dossier
