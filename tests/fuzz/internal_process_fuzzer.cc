// Fuzz target: the commune's internal-process file, applied to a small
// catalog as motcuad does at start (adapters/config/internal_process_file.h).
//
// Oracles: a bad file is refused with a user's error naming the entry, and a
// refused file leaves the catalog as it was; an accepted one builds.
#include <string>
#include <vector>

#include "adapters/config/catalog_file.h"
#include "adapters/config/internal_process_file.h"
#include "engine/catalog/catalog.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr std::string_view kName = "internal_process_fuzzer";

// Three working days, a same-day procedure and one in calendar days (which
// may not have a process): the shapes the steps are checked against.
constexpr const char* kCatalog = R"([
  {"code": "1.004873", "name_vi": "Xác nhận tình trạng hôn nhân",
   "deadline": {"unit": "working_days", "amount": 3}},
  {"code": "1.001193", "name_vi": "Đăng ký khai sinh",
   "deadline": {"unit": "same_day", "amount": 0}},
  {"code": "1.000656", "name_vi": "Đăng ký khai tử",
   "deadline": {"unit": "calendar_days", "amount": 5}}
])";

const std::vector<motcua::v1::Procedure>& BaseCatalog() {
  static const std::vector<motcua::v1::Procedure> procedures = [] {
    auto parsed = motcua::config::ParseCatalog(kCatalog, "catalog.json");
    if (!parsed.ok()) motcua::fuzz::Fail(kName, "the base catalog: " + parsed.status().message());
    return *parsed;
  }();
  return procedures;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<motcua::v1::Procedure> procedures = BaseCatalog();
  const std::vector<std::string> units = {"Bộ phận Một cửa", "Tư pháp - Hộ tịch",
                                          "Lãnh đạo UBND xã"};
  motcua::Status applied = motcua::config::ApplyInternalProcesses(
      std::string(motcua::fuzz::Text(data, size)), "internal-processes.json", units, procedures);
  motcua::fuzz::ExpectOkOrRefusal(kName, applied);
  if (!applied.ok()) {
    const std::vector<motcua::v1::Procedure>& base = BaseCatalog();
    for (std::size_t i = 0; i < base.size(); ++i) {
      if (procedures.size() != base.size() ||
          procedures[i].SerializeAsString() != base[i].SerializeAsString()) {
        motcua::fuzz::Fail(kName, "a refused file changed the catalog");
      }
    }
    return 0;
  }
  auto catalog = motcua::catalog::Catalog::Build(std::move(procedures));
  motcua::fuzz::ExpectOkOrRefusal(kName, catalog.status());
  return 0;
}
