// Fuzz target: the procedure catalog (either shape catalog_file.h accepts),
// parsed and built into the engine's catalog as motcuad does at start.
//
// Oracle: a bad catalog is refused with a user's error naming the entry.
#include "adapters/config/catalog_file.h"
#include "engine/catalog/catalog.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr std::string_view kName = "catalog_fuzzer";

void CheckLoad(const motcua::Status& status) { motcua::fuzz::ExpectOkOrRefusal(kName, status); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto procedures = motcua::config::ParseCatalog(std::string(motcua::fuzz::Text(data, size)),
                                                 "catalog.json");
  CheckLoad(procedures.status());
  if (!procedures.ok()) return 0;
  auto catalog = motcua::catalog::Catalog::Build(std::move(*procedures));
  CheckLoad(catalog.status());
  return 0;
}
