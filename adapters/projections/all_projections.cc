#include "adapters/projections/all_projections.h"

#include <memory>

#include "adapters/metrics/daily_counters_projection.h"
#include "adapters/sqlite/alert_projection.h"
#include "adapters/sqlite/dossier_projection.h"

namespace motcua::projections {

sqlite::ProjectionList AllProjections() {
  sqlite::ProjectionList list;
  list.push_back(std::make_unique<sqlite::DossierProjection>());
  list.push_back(std::make_unique<metrics::DailyCountersProjection>());  // reads `dossiers`
  list.push_back(std::make_unique<sqlite::AlertProjection>());
  return list;
}

}  // namespace motcua::projections
