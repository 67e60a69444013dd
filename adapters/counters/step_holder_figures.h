// The leader's "steps by unit and by officer": the steps of internal
// processes that ended in a period, grouped by who held them when they ended
// (the unit, and the officer if one was named). For each group: how many,
// how many early, on time and late against the step's own deadline, how many
// ended without a result to time them (withdrawn, stopped), and the working
// time they took, pauses left out, summed and averaged.
//
// Read from the store's `steps` table (sqlite/step_projection.h): the engine
// decided each step's holder, timing and working time when it ended, so any
// later read gives a past period the same rows.
//
// Not thread-safe with respect to the connection (one owner at a time).
#ifndef MOTCUA_ADAPTERS_COUNTERS_STEP_HOLDER_FIGURES_H_
#define MOTCUA_ADAPTERS_COUNTERS_STEP_HOLDER_FIGURES_H_

#include <vector>

#include "adapters/counters/holder_figures.h"
#include "adapters/metrics/period.h"
#include "adapters/sqlite/database.h"
#include "engine/base/status.h"
#include "motcua/v1/stats.pb.h"

namespace motcua::counters {

// The steps that ended in [period.start(), period.end()), one row per unit
// and officer, ordered by unit then officer (a unit's steps with no officer
// first). officer_of gives the officer's display name.
Result<std::vector<v1::StepHolderRow>> StepsByHolder(sqlite::Database& db,
                                                     const metrics::Period& period,
                                                     const OfficerOf& officer_of);

}  // namespace motcua::counters

#endif  // MOTCUA_ADAPTERS_COUNTERS_STEP_HOLDER_FIGURES_H_
