#include "adapters/letters/unit_info.h"

#include <gtest/gtest.h>

namespace motcua::letters {
namespace {

TEST(UnitInfo, PlaceComesFromACommuneLevelUnitName) {
  EXPECT_EQ(PlaceFromUnitName("UBND xã Ngọc Sơn"), "Ngọc Sơn");
  EXPECT_EQ(PlaceFromUnitName("Ủy ban nhân dân phường Hà Cầu"), "Hà Cầu");
  EXPECT_EQ(PlaceFromUnitName("UBND thị trấn Thắng"), "Thắng");
  EXPECT_EQ(PlaceFromUnitName("Trung tâm Phục vụ hành chính công"), "");
  EXPECT_EQ(PlaceFromUnitName("UBND xã "), "");
  EXPECT_EQ(PlaceFromUnitName(""), "");
}

TEST(UnitInfo, FromServerConfig) {
  v1::ServerConfig config;
  config.set_unit_name("UBND xã Ngọc Sơn");
  config.set_unit_address("xã Ngọc Sơn, huyện Hiệp Hòa, tỉnh Bắc Giang");
  config.set_head_of_unit("Chủ tịch UBND xã Ngọc Sơn");
  const UnitInfo unit = UnitInfoFromConfig(config);
  EXPECT_EQ(unit.name, "UBND xã Ngọc Sơn");
  EXPECT_EQ(unit.address, "xã Ngọc Sơn, huyện Hiệp Hòa, tỉnh Bắc Giang");
  EXPECT_EQ(unit.head, "Chủ tịch UBND xã Ngọc Sơn");
  EXPECT_EQ(unit.place, "Ngọc Sơn");
  EXPECT_EQ(unit.counter, "");
  EXPECT_EQ(unit.lookup_url, "");
  // The public address, with or without a final slash, leads to the lookup page.
  config.set_public_url("https://dichvucong.ngocson.example/");
  EXPECT_EQ(UnitInfoFromConfig(config).lookup_url, "https://dichvucong.ngocson.example/tra-cuu");
}

}  // namespace
}  // namespace motcua::letters
