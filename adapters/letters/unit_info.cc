#include "adapters/letters/unit_info.h"

#include <array>

namespace motcua::letters {

std::string PlaceFromUnitName(std::string_view unit_name) {
  static constexpr std::array<std::string_view, 4> kBodies = {
      "UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân ", "ỦY BAN NHÂN DÂN "};
  static constexpr std::array<std::string_view, 4> kLevels = {"xã ", "phường ", "thị trấn ",
                                                              "đặc khu "};
  for (std::string_view body : kBodies) {
    if (!unit_name.starts_with(body)) continue;
    std::string_view rest = unit_name.substr(body.size());
    for (std::string_view level : kLevels) {
      if (rest.starts_with(level) && rest.size() > level.size()) {
        return std::string(rest.substr(level.size()));
      }
    }
  }
  return {};
}

UnitInfo UnitInfoFromConfig(const v1::ServerConfig& config) {
  UnitInfo unit;
  unit.name = config.unit_name();
  unit.address = config.unit_address();
  unit.head = config.head_of_unit();
  unit.place = PlaceFromUnitName(unit.name);
  if (!config.public_url().empty()) {
    std::string base = config.public_url();
    while (!base.empty() && base.back() == '/') base.pop_back();
    unit.lookup_url = base + "/tra-cuu";  // the citizen's page (web_assets.h)
  }
  return unit;
}

}  // namespace motcua::letters
