// The commune's internal processes (quy trình nội bộ), in a file of their own
// beside the national list (data/catalog/internal-processes.json, message
// motcua.v1.InternalProcessFile): for a procedure, each published version of
// its steps with the day it takes effect. Like the documents supplement
// (catalog_supplement.h), what the commune decides is kept apart from what
// the nation publishes.
//
// Refused, naming the entry: a procedure not in the catalog or not
// receivable, the same version twice, a step naming a unit the configuration
// does not have, and anything CheckInternalProcesses refuses (steps that do
// not sum to the statutory duration among them). Pure functions; safe from
// any thread.
#ifndef MOTCUA_ADAPTERS_CONFIG_INTERNAL_PROCESS_FILE_H_
#define MOTCUA_ADAPTERS_CONFIG_INTERNAL_PROCESS_FILE_H_

#include <string>
#include <vector>

#include "engine/base/status.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::config {

// Adds the processes in `json` to `procedures`, each procedure's versions
// sorted by effective day; `what` names the file in errors; `units` are the
// configuration's (empty: any unit). On error `procedures` is unchanged.
Status ApplyInternalProcesses(const std::string& json, const std::string& what,
                              const std::vector<std::string>& units,
                              std::vector<v1::Procedure>& procedures);

}  // namespace motcua::config

#endif  // MOTCUA_ADAPTERS_CONFIG_INTERNAL_PROCESS_FILE_H_
