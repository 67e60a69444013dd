// GET /v1/appointment?procedure=CODE: the appointment a dossier of that
// procedure received at the counter now would get, for the intake form to
// show before the officer confirms. The same rule as the receipt
// (dossier::ClockAtReceipt) on the engine's current calendar
// (EngineService::calendar), so the preview and the receipt agree unless the
// moment of receiving crosses an office-hours boundary.
//
// Who may ask: whoever may receive a dossier (access_policy.h). Pure apart
// from its arguments; safe from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_APPOINTMENT_PREVIEW_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_APPOINTMENT_PREVIEW_H_

#include "adapters/api/route.h"
#include "adapters/http/authenticator.h"
#include "adapters/http/http_reply.h"
#include "engine/base/status.h"
#include "engine/base/time.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "motcua/v1/api.pb.h"

namespace motcua::http {

// kInvalidArgument without a procedure, kNotFound for one not in the
// catalog, the calendar's error outside the years it covers.
Result<v1::AppointmentPreview> PreviewAppointment(const catalog::Catalog& catalog,
                                                  const calendar::WorkingCalendar& calendar,
                                                  const api::Route& route, Instant now);

// The route: the role check, then PreviewAppointment.
Response HandleAppointmentPreview(const api::Route& route, const Principal& principal,
                                  const catalog::Catalog& catalog,
                                  const calendar::WorkingCalendar& calendar, Instant now,
                                  const ReplyTo& to);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_APPOINTMENT_PREVIEW_H_
