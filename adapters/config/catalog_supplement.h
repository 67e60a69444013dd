// The commune's additions to the procedure catalog, in a file of its own
// beside the national list (data/catalog/commune-supplement.json, message
// motcua.v1.CatalogSupplement): for a procedure, the documents its dossier
// holds (thành phần hồ sơ), which the counter's checklist shows, with their
// legal basis and whether the list is assumed rather than confirmed. The
// national list stays as it was published; what the commune knows better is
// kept apart and said so.
//
// Refused, naming the entry: a code not in the catalog or given twice, a
// document without a name. Pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_CONFIG_CATALOG_SUPPLEMENT_H_
#define MOTCUA_ADAPTERS_CONFIG_CATALOG_SUPPLEMENT_H_

#include <string>
#include <vector>

#include "engine/base/status.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::config {

// Adds the supplement in `json` to `procedures`; `what` names the file in
// errors. On error `procedures` is unchanged.
Status ApplyCatalogSupplement(const std::string& json, const std::string& what,
                              std::vector<v1::Procedure>& procedures);

}  // namespace motcua::config

#endif  // MOTCUA_ADAPTERS_CONFIG_CATALOG_SUPPLEMENT_H_
