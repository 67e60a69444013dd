// The steps of a dossier as its citizen reads them on the lookup page
// (GET /v1/lookup/{code}): what happened, when, and where the dossier went,
// in plain Vietnamese. Units appear, officers never (the page is public to
// whoever holds the receipt); neither does any personal data. Events a
// citizen has nothing to do with (alerts, re-timings, the rating) are left
// out.
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_CITIZEN_STEPS_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_CITIZEN_STEPS_H_

#include <optional>

#include "motcua/v1/api.pb.h"
#include "motcua/v1/event.pb.h"

namespace motcua::http {

// The step `event` is for the citizen, or nothing.
std::optional<v1::CitizenStep> CitizenStepOf(const v1::Event& event);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_CITIZEN_STEPS_H_
