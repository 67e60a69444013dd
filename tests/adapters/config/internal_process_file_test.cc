// The commune's internal-process file (adapters/config/internal_process_file.h):
// the shipped file loads with the shipped configuration, versions are kept
// oldest first, and a wrong entry is refused in one line naming itself,
// leaving the procedures as they were.
#include "adapters/config/internal_process_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/config/catalog_file.h"
#include "adapters/config/server_config.h"
#include "tests/support/fixtures.h"

namespace motcua::config {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::testing::HasSubstr;
using ::testing::Not;

const std::vector<std::string> kUnits = {"Bộ phận Một cửa", "Tư pháp - Hộ tịch",
                                         "Lãnh đạo UBND xã"};

// A receivable procedure of 3 working days (24 working hours), and one the
// counter cannot receive.
std::vector<v1::Procedure> Procedures() {
  std::vector<v1::Procedure> procedures(2);
  procedures[0].set_code("1.004873");
  procedures[0].set_name("Xác nhận tình trạng hôn nhân");
  procedures[0].set_receivable(true);
  procedures[0].mutable_duration()->set_unit(v1::DURATION_UNIT_WORKING_DAYS);
  procedures[0].mutable_duration()->set_amount(3);
  procedures[1].set_code("9.000001");
  procedures[1].set_name("Thủ tục chưa có thời hạn");
  procedures[1].set_receivable(false);
  procedures[1].set_note("thiếu thời hạn giải quyết");
  return procedures;
}

// One entry of the file for `code` from `from`, its steps' hours 2/14/4/4
// unless given, the second step performed by `unit`.
std::string Entry(const std::string& code, const std::string& from,
                  const std::string& hours = "2, 14, 4, 4",
                  const std::string& unit = "Tư pháp - Hộ tịch") {
  std::vector<std::string> h;
  std::string rest = hours;
  for (std::size_t comma; (comma = rest.find(',')) != std::string::npos;) {
    h.push_back(rest.substr(0, comma));
    rest = rest.substr(comma + 1);
  }
  h.push_back(rest);
  return R"j({"procedure": ")j" + code + R"j(", "effective_from": ")j" + from +
         R"j(", "basis": "Quyết định (giả định)", "steps": [
    {"name": "Tiếp nhận", "unit": "Bộ phận Một cửa", "working_hours": )j" + h.at(0) + R"j(},
    {"name": "Thẩm định", "unit": ")j" + unit + R"j(", "working_hours": )j" + h.at(1) + R"j(},
    {"name": "Ký duyệt", "unit": "Lãnh đạo UBND xã", "working_hours": )j" + h.at(2) + R"j(},
    {"name": "Trả kết quả", "unit": "Bộ phận Một cửa", "working_hours": )j" + h.at(3) + R"j(}]})j";
}

std::string File(std::initializer_list<std::string> entries) {
  std::string json = R"({"processes": [)";
  bool first = true;
  for (const std::string& e : entries) {
    json += (first ? "" : ", ") + e;
    first = false;
  }
  return json + "]}";
}

TEST(InternalProcessFileTest, TheShippedFileGivesTheMaritalStatusConfirmationTwoVersions) {
  auto config = LoadServerConfig(::motcua::testing::ShippedConfig());
  ASSERT_THAT(config, IsOk());
  ASSERT_FALSE(config->internal_process_file().empty());
  auto catalog = LoadCatalog(*config);
  ASSERT_THAT(catalog, IsOk());
  const v1::Procedure* p = (*catalog)->Find("1.004873");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->processes_size(), 2);
  EXPECT_EQ(p->processes(0).effective_from(), "2024-01-01");
  const v1::InternalProcess& revised = p->processes(1);
  EXPECT_EQ(revised.effective_from(), "2025-07-01");
  EXPECT_TRUE(revised.assumed());
  EXPECT_THAT(revised.basis(), HasSubstr("01/7/2025"));
  ASSERT_EQ(revised.steps_size(), 4);
  EXPECT_EQ(revised.steps(0).working_hours(), 2u);
  EXPECT_EQ(revised.steps(1).working_hours(), 14u);
  EXPECT_EQ(revised.steps(2).working_hours(), 4u);
  EXPECT_EQ(revised.steps(3).working_hours(), 4u);
  EXPECT_EQ(revised.steps(0).unit(), "Bộ phận Một cửa");
  EXPECT_EQ(revised.steps(1).unit(), "Tư pháp - Hộ tịch");
  EXPECT_EQ(revised.steps(2).unit(), "Lãnh đạo UBND xã");
  // Every step of every shipped process names a configured unit (else the
  // load above would have failed); check the units the file relies on exist.
  for (const v1::Procedure& q : (*catalog)->procedures()) {
    for (const v1::InternalProcess& version : q.processes()) {
      for (const v1::ProcessStep& step : version.steps()) {
        EXPECT_THAT(config->units(), ::testing::Contains(step.unit())) << q.code();
      }
    }
  }
}

TEST(InternalProcessFileTest, VersionsAreKeptOldestFirstWhateverTheFileOrder) {
  std::vector<v1::Procedure> procedures = Procedures();
  ASSERT_THAT(ApplyInternalProcesses(
                  File({Entry("1.004873", "2025-07-01"), Entry("1.004873", "2024-01-01", "4, 12, 4, 4")}),
                  "processes.json", kUnits, procedures),
              IsOk());
  ASSERT_EQ(procedures[0].processes_size(), 2);
  EXPECT_EQ(procedures[0].processes(0).effective_from(), "2024-01-01");
  EXPECT_EQ(procedures[0].processes(0).steps(0).working_hours(), 4u);
  EXPECT_EQ(procedures[0].processes(1).effective_from(), "2025-07-01");
  EXPECT_EQ(procedures[0].processes(1).basis(), "Quyết định (giả định)");
  EXPECT_EQ(procedures[1].processes_size(), 0);
}

TEST(InternalProcessFileTest, WithNoConfiguredUnitsAnyUnitIsAccepted) {
  std::vector<v1::Procedure> procedures = Procedures();
  EXPECT_THAT(ApplyInternalProcesses(File({Entry("1.004873", "2025-07-01", "2, 14, 4, 4",
                                                 "Địa chính - Xây dựng")}),
                                     "processes.json", {}, procedures),
              IsOk());
  EXPECT_EQ(procedures[0].processes_size(), 1);
}

TEST(InternalProcessFileTest, AWrongEntryIsRefusedInOneLineNamingItAndNothingChanges) {
  struct Case {
    std::string json;
    std::string message;
  };
  for (const Case& c : {
           Case{File({Entry("9.999999", "2025-07-01")}),
                "processes.json: mục 1 (mã 9.999999): không có thủ tục mã này trong danh mục"},
           Case{File({Entry("9.000001", "2025-07-01")}),
                "processes.json: mục 1 (mã 9.000001): thủ tục chưa tiếp nhận được nên không có "
                "quy trình"},
           Case{File({Entry("1.004873", "2025-07-01", "2, 14, 4, 4", "Địa chính - Xây dựng")}),
                "processes.json: mục 1 (mã 1.004873): bước Thẩm định giao cho đơn vị Địa chính - "
                "Xây dựng không có trong cấu hình; các đơn vị: Bộ phận Một cửa, Tư pháp - Hộ "
                "tịch, Lãnh đạo UBND xã"},
           Case{File({Entry("1.004873", "2025-07-01"), Entry("1.004873", "2025-07-01")}),
                "processes.json: mục 2 (mã 1.004873): đã có quy trình áp dụng từ 2025-07-01"},
           Case{File({Entry("1.004873", "2025-07-01", "2, 10, 4, 4")}),
                "processes.json: thủ tục 1.004873 (Xác nhận tình trạng hôn nhân): quy trình áp "
                "dụng từ 2025-07-01: các bước cộng lại 20 giờ làm việc, thời hạn luật định là 24 "
                "giờ làm việc"},
           Case{File({Entry("1.004873", "1/7/2025")}),
                "processes.json: thủ tục 1.004873 (Xác nhận tình trạng hôn nhân): ngày áp dụng "
                "quy trình nội bộ không đúng dạng YYYY-MM-DD: 1/7/2025"},
           // A good entry before a wrong one is not kept either.
           Case{File({Entry("1.004873", "2024-01-01", "4, 12, 4, 4"), Entry("9.999999", "2025-07-01")}),
                "processes.json: mục 2 (mã 9.999999): không có thủ tục mã này trong danh mục"},
           Case{R"({"processes": [{"procedure": "1.004873", "steps": [{"working_hour": 2}]}]})",
                "working_hour"},
       }) {
    std::vector<v1::Procedure> procedures = Procedures();
    const std::vector<v1::Procedure> before = procedures;
    Status s = ApplyInternalProcesses(c.json, "processes.json", kUnits, procedures);
    EXPECT_THAT(s, HasError(Error::kConfig)) << c.json;
    EXPECT_THAT(s.message(), HasSubstr(c.message));
    EXPECT_THAT(s.message(), Not(HasSubstr("\n"))) << "one line";
    ASSERT_EQ(procedures.size(), before.size());
    for (std::size_t i = 0; i < procedures.size(); ++i) {
      EXPECT_EQ(procedures[i].SerializeAsString(), before[i].SerializeAsString())
          << "unchanged on error: " << procedures[i].code();
    }
  }
}

TEST(InternalProcessFileTest, AVersionAlreadyInTheCatalogCannotBeAddedAgain) {
  // The catalog's own JSON can carry processes too; the file cannot repeat one.
  std::vector<v1::Procedure> procedures = Procedures();
  ASSERT_THAT(ApplyInternalProcesses(File({Entry("1.004873", "2025-07-01")}), "a.json", kUnits,
                                     procedures),
              IsOk());
  Status s =
      ApplyInternalProcesses(File({Entry("1.004873", "2025-07-01")}), "b.json", kUnits, procedures);
  EXPECT_THAT(s, HasError(Error::kConfig));
  EXPECT_EQ(s.message(), "b.json: mục 1 (mã 1.004873): đã có quy trình áp dụng từ 2025-07-01");
  EXPECT_EQ(procedures[0].processes_size(), 1);
}

}  // namespace
}  // namespace motcua::config
