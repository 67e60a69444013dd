// The leader's "by unit and by officer": the dossiers resolved in a period,
// grouped by the officer who recorded the result (the ResultReady event's
// actor: whoever held the dossier when it was ready) and procedure, with
// their unit from the users file. For each group: resolved, on time and
// late by the national indicator (metrics::ClassifyResolution, the rule of
// the rates), and the average working time taken: from the start of the
// clock to the result on the working calendar, less the supplementation
// pauses (the working time between the appointment at receipt and the one
// the pauses moved it to).
//
// Read from the store's `dossiers` table as it stands (its resolved_by is the
// ResultReady event's actor): a resolved dossier's end, appointment and
// resolver never change afterwards, so any later read gives a past period
// the same rows.
//
// Not thread-safe with respect to the connection (one owner at a time).
#ifndef MOTCUA_ADAPTERS_COUNTERS_HOLDER_FIGURES_H_
#define MOTCUA_ADAPTERS_COUNTERS_HOLDER_FIGURES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/metrics/period.h"
#include "adapters/sqlite/database.h"
#include "engine/base/status.h"
#include "engine/calendar/working_calendar.h"
#include "engine/catalog/catalog.h"
#include "motcua/v1/stats.pb.h"

namespace motcua::counters {

struct Officer {
  std::string unit;
  std::string name;  // display name; may be empty
};
using OfficerOf = std::function<Officer(std::string_view user)>;

// Rows ordered by unit, officer, then catalog order.
Result<std::vector<v1::HolderRow>> ResolvedByHolder(sqlite::Database& db,
                                                    const catalog::Catalog& catalog,
                                                    const calendar::WorkingCalendar& calendar,
                                                    const metrics::Period& period,
                                                    const OfficerOf& officer_of);

}  // namespace motcua::counters

#endif  // MOTCUA_ADAPTERS_COUNTERS_HOLDER_FIGURES_H_
