// The commune's supplement to the catalog (adapters/config/catalog_supplement.h):
// the shipped file applies to the shipped list, and a wrong entry is refused
// naming itself, leaving the catalog as it was.
#include "adapters/config/catalog_supplement.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "adapters/config/catalog_file.h"
#include "tests/support/fixtures.h"

namespace motcua::config {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::testing::HasSubstr;

std::vector<v1::Procedure> TwoProcedures() {
  std::vector<v1::Procedure> procedures(2);
  procedures[0].set_code("1.004873");
  procedures[1].set_code("2.000815");
  return procedures;
}

TEST(CatalogSupplementTest, TheShippedSupplementGivesTheMaritalStatusConfirmationItsDocuments) {
  const auto data = ::motcua::testing::SourceDir() / "data" / "catalog";
  CatalogFiles files;
  files.catalog = data / "commune-procedures.json";
  files.supplement = data / "commune-supplement.json";
  auto catalog = LoadCatalog(files);
  ASSERT_THAT(catalog, IsOk());
  const v1::Procedure* p = (*catalog)->Find("1.004873");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->documents_size(), 3);
  EXPECT_EQ(p->documents(0).name(), "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)");
  EXPECT_EQ(p->documents(0).copies(), 1u);
  EXPECT_EQ(p->documents(0).when(), "");
  EXPECT_EQ(p->documents(1).when(), "nếu đã từng kết hôn");
  EXPECT_THAT(p->documents_basis(), HasSubstr("Nghị định 123/2015/NĐ-CP"));
  EXPECT_TRUE(p->documents_assumed());
  // Without the supplement the national list alone has none.
  files.supplement.clear();
  auto bare = LoadCatalog(files);
  ASSERT_THAT(bare, IsOk());
  EXPECT_EQ((*bare)->Find("1.004873")->documents_size(), 0);
}

TEST(CatalogSupplementTest, AnUnknownOrRepeatedCodeOrANamelessDocumentIsRefusedNamingTheEntry) {
  struct Case {
    const char* json;
    const char* message;
  };
  for (const Case& c : {
           Case{R"({"procedures": [{"code": "9.999999", "documents": [{"name": "Tờ khai"}]}]})",
                "supplement.json: mục 1 (mã 9.999999): không có thủ tục mã này trong danh mục"},
           Case{R"({"procedures": [{"code": "1.004873"}, {"code": "1.004873"}]})",
                "supplement.json: mục 2 (mã 1.004873): thủ tục đã có ở một mục trước"},
           Case{R"({"procedures": [{"code": "2.000815", "documents": [{"name": "Bản chính"},
                                                                     {"name": "  "}]}]})",
                "supplement.json: mục 1 (mã 2.000815): thành phần hồ sơ thứ 2 không có tên"},
           Case{R"({"procedures": [{"code": "1.004873", "documnets": []}]})", "documnets"},
       }) {
    std::vector<v1::Procedure> procedures = TwoProcedures();
    Status s = ApplyCatalogSupplement(c.json, "supplement.json", procedures);
    EXPECT_THAT(s, HasError(Error::kConfig)) << c.json;
    EXPECT_THAT(s.message(), HasSubstr(c.message));
    EXPECT_EQ(procedures[0].documents_size(), 0) << "unchanged on error";
    EXPECT_EQ(procedures[1].documents_size(), 0) << "unchanged on error";
  }
}

}  // namespace
}  // namespace motcua::config
