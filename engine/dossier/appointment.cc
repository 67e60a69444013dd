#include "engine/dossier/appointment.h"

#include "engine/base/proto_time.h"
#include "engine/base/quote.h"
#include "engine/dossier/rule_set.h"

namespace motcua::dossier {

ClockEffect ClockEffectOf(const v1::Event& event) {
  using K = v1::Event::KindCase;
  switch (event.kind_case()) {
    case K::kSupplementRequested:
      return ClockEffect::kPause;
    case K::kFeeRequested:
      return event.fee_requested().pauses_clock() ? ClockEffect::kPause : ClockEffect::kNone;
    case K::kSupplemented:
    case K::kFeePaid:
      return ClockEffect::kResume;
    default:
      return ClockEffect::kNone;
  }
}

DeadlineClock ClockOf(const DossierState& state) {
  DeadlineClock clock{
      {FromUnixSeconds(state.appointment_at), state.appointment_provisional}, {}, {}};
  if (state.paused()) clock.paused_at = FromUnixSeconds(state.paused_at);
  if (state.citizen_appointment_offset != 0) {
    clock.citizen = FromUnixSeconds(state.citizen_appointment_at());
  }
  return clock;
}

Result<calendar::Due> AfterPause(const calendar::WorkingCalendar& calendar,
                                 calendar::Due appointment, Instant paused_at, Instant resumed_at) {
  if (paused_at >= appointment.at) return appointment;
  std::chrono::seconds taken = calendar.WorkingTimeBetween(paused_at, resumed_at);
  MOTCUA_ASSIGN_OR_RETURN(Instant moved, calendar.AddWorkingTime(appointment.at, taken));
  return calendar::Due{moved,
                       appointment.provisional || calendar.DependsOnProvisional(paused_at, moved)};
}

Result<DeadlineClock> Advance(const calendar::WorkingCalendar& calendar,
                              const v1::Procedure& procedure, Instant received_at,
                              DeadlineClock clock, const v1::Event& event) {
  const Instant at = ToInstant(event.at());
  switch (ClockEffectOf(event)) {
    case ClockEffect::kPause:
      clock.paused_at = at;
      break;
    case ClockEffect::kResume:
      if (clock.paused_at) {
        MOTCUA_ASSIGN_OR_RETURN(clock.appointment,
                                AfterPause(calendar, clock.appointment, *clock.paused_at, at));
        if (clock.citizen) {
          MOTCUA_ASSIGN_OR_RETURN(calendar::Due citizen,
                                  AfterPause(calendar, calendar::Due{*clock.citizen},
                                             *clock.paused_at, at));
          clock.citizen = citizen.at;
        }
        clock.paused_at.reset();
      }
      if (event.kind_case() == v1::Event::kSupplemented &&
          SupplementationRuleOf(RuleSetFor(received_at)).restarts_duration) {
        MOTCUA_ASSIGN_OR_RETURN(ReceiptClock restarted, ClockAtReceipt(calendar, procedure, at));
        clock.citizen = restarted.appointment.at;
      }
      break;
    case ClockEffect::kNone:
      break;
  }
  return clock;
}

Result<ReceiptClock> ClockAtReceipt(const calendar::WorkingCalendar& calendar,
                                    const v1::Procedure& procedure, Instant received_at) {
  MOTCUA_ASSIGN_OR_RETURN(calendar::DeadlineSpec spec, catalog::DeadlineOf(procedure));
  MOTCUA_ASSIGN_OR_RETURN(Instant start, calendar.ClockStart(received_at));
  MOTCUA_ASSIGN_OR_RETURN(calendar::Due due, calendar.ComputeDue(received_at, spec));
  return ReceiptClock{start, due};
}

Result<DeadlineClock> RecomputeClock(const std::vector<v1::Event>& history,
                                     const catalog::Catalog& catalog,
                                     const calendar::WorkingCalendar& calendar) {
  std::optional<DeadlineClock> clock;
  const v1::Procedure* procedure = nullptr;
  Instant received_at{};
  for (const v1::Event& e : history) {
    if (e.kind_case() == v1::Event::kReceived) {
      procedure = catalog.Find(e.received().procedure_code());
      if (procedure == nullptr) {
        return Status(Error::kInvalidArgument,
                      "thủ tục " + QuoteForMessage(e.received().procedure_code()) +
                          " không còn trong danh mục");
      }
      received_at = ToInstant(e.at());
      MOTCUA_ASSIGN_OR_RETURN(ReceiptClock start,
                              ClockAtReceipt(calendar, *procedure, received_at));
      clock = DeadlineClock{start.appointment, {}, {}};
    } else if (clock) {
      // Before the receipt there is no clock to stop (a fee paid with an
      // online registration moves nothing).
      MOTCUA_ASSIGN_OR_RETURN(clock, Advance(calendar, *procedure, received_at, *clock, e));
    }
  }
  if (!clock) return Status(Error::kNotFound, "hồ sơ chưa được tiếp nhận");
  return *clock;
}

Result<calendar::Due> RecomputeAppointment(const std::vector<v1::Event>& history,
                                           const catalog::Catalog& catalog,
                                           const calendar::WorkingCalendar& calendar) {
  MOTCUA_ASSIGN_OR_RETURN(DeadlineClock clock, RecomputeClock(history, catalog, calendar));
  return clock.appointment;
}

}  // namespace motcua::dossier
