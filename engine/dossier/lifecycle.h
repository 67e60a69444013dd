// The lifecycle: the one rulebook for what may happen to a dossier.
//
// CheckTransition says whether an event may happen to a dossier in a given
// state; Apply folds an accepted event into the state. Commands from the desk
// and events imported from history go through the same two functions, so a
// history that could not have happened live cannot be imported either.
//
// Both are pure (no clock, no I/O); decisions such as the appointment time are
// already in the event (the engine computes them, engine.h). Statuses and
// transitions follow docs/domain.md "The lifecycle":
//
//   (new) -> 1 registered online -> 2 received | 3 refused
//   (new) -> 2 received (counter, post)       | 3 refused at the counter
//   2,4   -> 4 handed over; 5 supplement requested; 6 fee requested;
//            9 result ready; 8 stopped; 7 withdrawn
//   5     -> back to 2/4 when supplemented;  6 -> back to 2/4 when paid
//   9     -> 10 returned (handovers of the result keep it at 9)
#ifndef MOTCUA_ENGINE_DOSSIER_LIFECYCLE_H_
#define MOTCUA_ENGINE_DOSSIER_LIFECYCLE_H_

#include <string_view>

#include "engine/base/status.h"
#include "engine/base/string_pool.h"
#include "engine/catalog/catalog.h"
#include "engine/dossier/dossier_state.h"
#include "motcua/v1/event.pb.h"

namespace motcua::dossier {

// OK, or an error naming the dossier, its state and the attempted action:
// kIllegalTransition when the state forbids it, kAlreadyExists for a
// once-only action done twice, kInvalidArgument / kNotFound for a bad field.
// `state` is a default DossierState for a dossier that does not exist yet.
// With `catalog` null the procedure is not checked: replaying a log must not
// fail because a procedure was later removed from the catalog.
Status CheckTransition(const DossierState& state, const v1::Event& event,
                       const catalog::Catalog* catalog);

// A citizen may rate a dossier whose processing is over for them: returned,
// or refused, withdrawn or stopped (and only once: CheckTransition).
bool RatingOpen(v1::Status status);

// Folds `event` into `state`. Precondition: CheckTransition(state, event) is OK.
// `names` interns the unit and officer holding the dossier.
void Apply(const v1::Event& event, const catalog::Catalog& catalog, StringPool& names,
           DossierState& state);

}  // namespace motcua::dossier

#endif  // MOTCUA_ENGINE_DOSSIER_LIFECYCLE_H_
