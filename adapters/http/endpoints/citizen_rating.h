// POST /v1/lookup/{code}/rating: a citizen rates their own dossier (the five
// levels, an optional comment) with no account, authenticated as the lookup
// is, by the dossier code and the receipt's lookup secret. A wrong code or
// secret gets the lookup's one not-found answer, throttled with it
// (auth_throttle.h). The rating is stored as the desk's Rate command, by
// the actor kCitizenActor, so the lifecycle's once-only rule holds for both
// ways in; the reply is the citizen's view after it.
//
// `respond` is called exactly once, later, on another thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_CITIZEN_RATING_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_CITIZEN_RATING_H_

#include <string_view>

#include "adapters/http/api_handler.h"

namespace motcua::http {

// The actor recorded on a rating a citizen gave from the lookup page.
inline constexpr std::string_view kCitizenActor = "citizen-lookup";

// The longest comment taken, in characters.
inline constexpr std::size_t kMaxRatingComment = 1000;

// `engine`, `queries` and `catalog` must outlive every request in flight.
void HandleCitizenRating(const api::Route& route, const Request& request,
                         runtime::EngineService& engine, runtime::QueryService& queries,
                         const catalog::Catalog& catalog, const ReplyTo& to, const Respond& respond);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_CITIZEN_RATING_H_
