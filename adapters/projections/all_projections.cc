#include "adapters/projections/all_projections.h"

#include <memory>

#include "adapters/counters/daily_counters_projection.h"
#include "adapters/sqlite/alert_projection.h"
#include "adapters/sqlite/dossier_projection.h"
#include "adapters/sqlite/dossier_search_projection.h"
#include "adapters/sqlite/step_projection.h"
#include "adapters/sqlite/tracking_book_projection.h"

namespace motcua::projections {

sqlite::ProjectionList AllProjections() {
  sqlite::ProjectionList list;
  list.push_back(std::make_unique<sqlite::DossierProjection>());
  list.push_back(std::make_unique<counters::DailyCountersProjection>());  // reads `dossiers`
  list.push_back(std::make_unique<sqlite::AlertProjection>());
  list.push_back(std::make_unique<sqlite::DossierSearchProjection>());
  list.push_back(std::make_unique<sqlite::TrackingBookProjection>());
  list.push_back(std::make_unique<sqlite::StepProjection>());
  return list;
}

}  // namespace motcua::projections
