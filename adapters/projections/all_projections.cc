#include "adapters/projections/all_projections.h"

#include <memory>

#include "adapters/sqlite/dossier_projection.h"

namespace motcua::projections {

sqlite::ProjectionList AllProjections() {
  sqlite::ProjectionList list;
  list.push_back(std::make_unique<sqlite::DossierProjection>());
  return list;
}

}  // namespace motcua::projections
