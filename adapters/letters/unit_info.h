// The issuing unit as the letters print it: its name, address and signing
// head, plus two optional touches of the printed page. A plain value, filled
// from the server configuration by UnitInfoFromConfig or by hand in tests.
#ifndef MOTCUA_ADAPTERS_LETTERS_UNIT_INFO_H_
#define MOTCUA_ADAPTERS_LETTERS_UNIT_INFO_H_

#include <string>
#include <string_view>

#include "motcua/v1/config.pb.h"

namespace motcua::letters {

struct UnitInfo {
  std::string name;     // "UBND xã Ngọc Sơn"
  std::string address;  // where the counter is; printed as the place to collect results
  std::string head;     // who signs the apology (Mẫu 04); empty leaves the line blank
  // The place name of the date line ("Ngọc Sơn, ngày ..."); empty prints the
  // date alone.
  std::string place;
  // The counter's own name; empty uses the name its rule set gives it
  // (CounterNameOf in rule_set.h).
  std::string counter;
  // Where a citizen looks a dossier up with its code and lookup secret;
  // empty tells the citizen to ask at the counter.
  std::string lookup_url;
};

// name, address and head from `config`; place from the unit name; the
// lookup page under the configuration's public_url, when it has one.
UnitInfo UnitInfoFromConfig(const v1::ServerConfig& config);

// The place name inside a commune-level unit name: "UBND xã Ngọc Sơn" and
// "Ủy ban nhân dân phường Hà Cầu" give "Ngọc Sơn" and "Hà Cầu". Empty when
// the name does not start with a known "UBND xã/phường/thị trấn/đặc khu"
// prefix: better no place on the date line than a wrong one.
std::string PlaceFromUnitName(std::string_view unit_name);

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_UNIT_INFO_H_
