// Recomputing a dossier's appointment from its history, with a given
// calendar: the receipt's due time, then every pause (supplementation, and a
// fee wait when it paused the clock) moving it later by the working time the
// citizen took. Used when an official schedule is loaded or corrected
// (DOMAIN.md "Calendar changes"); the engine applies the same rules live,
// one event at a time (Engine::FillDerived).
#ifndef MOTCUA_ENGINE_DOSSIER_APPOINTMENT_H_
#define MOTCUA_ENGINE_DOSSIER_APPOINTMENT_H_

#include <vector>

#include "engine/base/status.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "motcua/v1/event.pb.h"

namespace motcua::dossier {

// The appointment after one pause from `paused_at` to `resumed_at`, starting
// from `appointment`. A pause that began after the appointment had passed
// cannot make a late dossier on time again: the appointment stays.
Result<calendar::Due> AfterPause(const calendar::WorkingCalendar& calendar, calendar::Due appointment,
                                 Instant paused_at, Instant resumed_at);

// The appointment the dossier whose events (in order) are `history` would
// have under `calendar`. kNotFound if it was never received; kInvalidArgument
// if its procedure is no longer in the catalog.
Result<calendar::Due> RecomputeAppointment(const std::vector<v1::Event>& history,
                                           const catalog::Catalog& catalog,
                                           const calendar::WorkingCalendar& calendar);

}  // namespace motcua::dossier

#endif  // MOTCUA_ENGINE_DOSSIER_APPOINTMENT_H_
