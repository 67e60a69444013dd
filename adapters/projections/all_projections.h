// The projections a motcua database keeps, in the order they are applied.
// The server's event log and the integrity check's rebuild both take them
// from here, so a rebuild always builds exactly what the server maintains.
#ifndef MOTCUA_ADAPTERS_PROJECTIONS_ALL_PROJECTIONS_H_
#define MOTCUA_ADAPTERS_PROJECTIONS_ALL_PROJECTIONS_H_

#include "adapters/sqlite/projection.h"

namespace motcua::projections {

sqlite::ProjectionList AllProjections();

}  // namespace motcua::projections

#endif  // MOTCUA_ADAPTERS_PROJECTIONS_ALL_PROJECTIONS_H_
