// Loading the procedure catalog. Two shapes are accepted:
//   - a JSON array in the national-list shape of the shipped sample
//     (data/catalog/commune-procedures.json: name_vi, deadline{unit, amount},
//     fee_vnd, online ...), where null means "not known";
//   - a JSON object {"procedures": [...]} of motcua.v1.Procedure, which can
//     also carry a procedure's internal processes.
// Entries lacking what the counter needs (a code, or a deadline) are kept in
// the catalog, marked not receivable with the reason; an entry that is wrong
// (unknown unit, negative amount, duplicate code, bad field) fails the whole
// load with an error naming it.
#ifndef MOTCUA_ADAPTERS_CONFIG_CATALOG_FILE_H_
#define MOTCUA_ADAPTERS_CONFIG_CATALOG_FILE_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/catalog/catalog.h"
#include "motcua/v1/config.pb.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::config {

// Parses catalog JSON text; `what` names the source in errors.
Result<std::vector<v1::Procedure>> ParseCatalog(const std::string& json, const std::string& what);

// The files a catalog is assembled from; only `catalog` is required.
struct CatalogFiles {
  std::filesystem::path catalog;
  // The commune's documents per procedure (catalog_supplement.h).
  std::filesystem::path supplement;
  // The internal processes (internal_process_file.h), whose steps must name
  // one of `units` (any unit when `units` is empty).
  std::filesystem::path internal_processes;
  std::vector<std::string> units;
};

Result<std::shared_ptr<const catalog::Catalog>> LoadCatalog(const CatalogFiles& files);
// The files a server configuration names (paths already resolved).
Result<std::shared_ptr<const catalog::Catalog>> LoadCatalog(const v1::ServerConfig& config);

}  // namespace motcua::config

#endif  // MOTCUA_ADAPTERS_CONFIG_CATALOG_FILE_H_
