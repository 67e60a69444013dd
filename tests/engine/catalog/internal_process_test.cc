// The internal processes' own rules (engine/catalog/internal_process.h): the
// statutory duration as the working hours a process shares out, what a
// published process must keep (dates in order, complete steps, steps summing
// to the statutory duration), which version a dossier follows, and what each
// step may take.
#include "engine/catalog/internal_process.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <initializer_list>
#include <stdexcept>
#include <string>

#include "tests/support/fixtures.h"

namespace motcua::catalog {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::testing::HasSubstr;

v1::Duration DurationOf(v1::DurationUnit unit, std::uint32_t amount) {
  v1::Duration d;
  d.set_unit(unit);
  d.set_amount(amount);
  return d;
}

// A version effective from `from` whose steps take `hours`, each performed by
// a named unit.
v1::InternalProcess Version(const std::string& from, std::initializer_list<std::uint32_t> hours) {
  v1::InternalProcess p;
  p.set_effective_from(from);
  int i = 0;
  for (std::uint32_t h : hours) {
    v1::ProcessStep* step = p.add_steps();
    step->set_name("Bước " + std::to_string(++i));
    step->set_unit(i % 2 == 0 ? "Tư pháp - Hộ tịch" : "Bộ phận Một cửa");
    step->set_working_hours(h);
  }
  return p;
}

// Xác nhận tình trạng hôn nhân as shipped: 3 working days (24 working hours),
// a first process from 2024-01-01 (4/12/4/4 h) and a revision from
// 2025-07-01 (2/14/4/4 h).
v1::Procedure MaritalStatus() {
  v1::Procedure p;
  p.set_code("1.004873");
  p.set_name("Xác nhận tình trạng hôn nhân");
  p.set_receivable(true);
  *p.mutable_duration() = DurationOf(v1::DURATION_UNIT_WORKING_DAYS, 3);
  *p.add_processes() = Version("2024-01-01", {4, 12, 4, 4});
  *p.add_processes() = Version("2025-07-01", {2, 14, 4, 4});
  return p;
}

LocalDays Day(const char* text) {
  auto day = ParseDate(text);
  if (!day.ok()) throw std::invalid_argument(day.status().ToString());
  return *day;
}

TEST(StatutoryWorkingHoursTest, WorkingHoursCountAsGivenAndAWorkingDayIsEightHours) {
  EXPECT_EQ(StatutoryWorkingHours(DurationOf(v1::DURATION_UNIT_WORKING_HOURS, 5)), 5u);
  EXPECT_EQ(StatutoryWorkingHours(DurationOf(v1::DURATION_UNIT_WORKING_DAYS, 3)), 24u);
  EXPECT_EQ(StatutoryWorkingHours(DurationOf(v1::DURATION_UNIT_WORKING_DAYS, 1)), 8u);
}

TEST(StatutoryWorkingHoursTest, ASameDayProcedureHasOneWorkingDayWhateverItsAmount) {
  EXPECT_EQ(StatutoryWorkingHours(DurationOf(v1::DURATION_UNIT_SAME_DAY, 0)), 8u);
  EXPECT_EQ(StatutoryWorkingHours(DurationOf(v1::DURATION_UNIT_SAME_DAY, 3)), 8u);
}

TEST(StatutoryWorkingHoursTest, CalendarDaysAndAMissingDurationHaveNoWorkingHours) {
  // Calendar days' working time depends on the days off they span.
  EXPECT_EQ(StatutoryWorkingHours(DurationOf(v1::DURATION_UNIT_CALENDAR_DAYS, 5)), std::nullopt);
  EXPECT_EQ(StatutoryWorkingHours(DurationOf(v1::DURATION_UNIT_UNSPECIFIED, 3)), std::nullopt);
  EXPECT_EQ(StatutoryWorkingHours(v1::Duration{}), std::nullopt);
}

TEST(InternalProcessTest, VersionsInOrderWhoseStepsSumToTheStatutoryDurationAreAccepted) {
  EXPECT_THAT(CheckInternalProcesses(MaritalStatus()), IsOk());
}

TEST(InternalProcessTest, AProcedureWithNoProcessNeedsNoneWhateverItsDuration) {
  v1::Procedure p;
  p.set_code("1.000001");
  *p.mutable_duration() = DurationOf(v1::DURATION_UNIT_CALENDAR_DAYS, 15);
  EXPECT_THAT(CheckInternalProcesses(p), IsOk());
}

TEST(InternalProcessTest, EveryShippedProcessKeepsTheRules) {
  int with_processes = 0;
  for (const v1::Procedure& p : ::motcua::testing::ShippedCatalog()->procedures()) {
    EXPECT_THAT(CheckInternalProcesses(p), IsOk()) << p.code();
    if (p.processes_size() > 0) ++with_processes;
  }
  EXPECT_GT(with_processes, 0) << "the shipped catalog has internal processes";
}

TEST(InternalProcessTest, StepsMustSumToTheStatutoryDurationAndTheErrorNamesBothFigures) {
  v1::Procedure p = MaritalStatus();
  *p.mutable_processes(1) = Version("2025-07-01", {2, 10, 4, 4});  // 20 of 24 hours
  Status s = CheckInternalProcesses(p);
  EXPECT_THAT(s, HasError(Error::kConfig));
  EXPECT_EQ(s.message(),
            "quy trình áp dụng từ 2025-07-01: các bước cộng lại 20 giờ làm việc, thời hạn luật "
            "định là 24 giờ làm việc");
  // Too many hours is as wrong as too few.
  *p.mutable_processes(1) = Version("2025-07-01", {2, 14, 4, 5});
  EXPECT_THAT(CheckInternalProcesses(p).message(),
              HasSubstr("các bước cộng lại 25 giờ làm việc, thời hạn luật định là 24 giờ"));
}

TEST(InternalProcessTest, ASameDayProcessSharesOutEightWorkingHours) {
  v1::Procedure p;
  p.set_code("2.000815");
  *p.mutable_duration() = DurationOf(v1::DURATION_UNIT_SAME_DAY, 0);
  *p.add_processes() = Version("2024-01-01", {1, 4, 2, 1});
  EXPECT_THAT(CheckInternalProcesses(p), IsOk());
  *p.mutable_processes(0) = Version("2024-01-01", {1, 4, 2});
  EXPECT_THAT(CheckInternalProcesses(p).message(),
              HasSubstr("các bước cộng lại 7 giờ làm việc, thời hạn luật định là 8 giờ làm việc"));
}

TEST(InternalProcessTest, AVersionNotAfterThePreviousOneIsRefusedNamingBothDays) {
  v1::Procedure p = MaritalStatus();
  p.mutable_processes()->SwapElements(0, 1);  // 2025-07-01, then 2024-01-01
  Status s = CheckInternalProcesses(p);
  EXPECT_THAT(s, HasError(Error::kConfig));
  EXPECT_EQ(s.message(), "quy trình áp dụng từ 2024-01-01 không sau phiên bản trước (2025-07-01)");
  // The same day twice is not after it either.
  p = MaritalStatus();
  p.mutable_processes(1)->set_effective_from("2024-01-01");
  EXPECT_THAT(CheckInternalProcesses(p).message(),
              HasSubstr("2024-01-01 không sau phiên bản trước (2024-01-01)"));
}

TEST(InternalProcessTest, AnEffectiveDayNotWrittenYyyyMmDdIsRefusedQuotingIt) {
  for (const char* bad : {"01/07/2025", "2025-7-1", "2025-02-30", ""}) {
    v1::Procedure p = MaritalStatus();
    p.mutable_processes(1)->set_effective_from(bad);
    Status s = CheckInternalProcesses(p);
    EXPECT_THAT(s, HasError(Error::kConfig)) << bad;
    EXPECT_EQ(s.message(),
              std::string("ngày áp dụng quy trình nội bộ không đúng dạng YYYY-MM-DD: ") + bad);
  }
}

TEST(InternalProcessTest, AVersionWithNoStepsIsRefused) {
  v1::Procedure p = MaritalStatus();
  p.mutable_processes(1)->clear_steps();
  Status s = CheckInternalProcesses(p);
  EXPECT_THAT(s, HasError(Error::kConfig));
  EXPECT_EQ(s.message(), "quy trình áp dụng từ 2025-07-01 không có bước nào");
}

TEST(InternalProcessTest, AStepWithNoNameUnitOrHoursIsRefusedNamingItsNumber) {
  const std::string message =
      "quy trình áp dụng từ 2025-07-01, bước 2: thiếu tên, đơn vị thực hiện hoặc số giờ làm việc";
  {
    v1::Procedure p = MaritalStatus();
    p.mutable_processes(1)->mutable_steps(1)->clear_unit();
    Status s = CheckInternalProcesses(p);
    EXPECT_THAT(s, HasError(Error::kConfig));
    EXPECT_EQ(s.message(), message) << "no unit";
  }
  {
    v1::Procedure p = MaritalStatus();
    p.mutable_processes(1)->mutable_steps(1)->set_working_hours(0);
    EXPECT_EQ(CheckInternalProcesses(p).message(), message) << "no hours";
  }
  {
    v1::Procedure p = MaritalStatus();
    p.mutable_processes(1)->mutable_steps(1)->clear_name();
    EXPECT_EQ(CheckInternalProcesses(p).message(), message) << "no name";
  }
}

TEST(InternalProcessTest, ACalendarDayProcedureCannotBeSharedOutIntoSteps) {
  v1::Procedure p = MaritalStatus();
  *p.mutable_duration() = DurationOf(v1::DURATION_UNIT_CALENDAR_DAYS, 3);
  Status s = CheckInternalProcesses(p);
  EXPECT_THAT(s, HasError(Error::kConfig));
  EXPECT_EQ(s.message(),
            "quy trình áp dụng từ 2024-01-01: thời hạn của thủ tục không tính bằng giờ hoặc ngày "
            "làm việc nên không chia được cho các bước");
}

TEST(InternalProcessTest, TheVersionInForceIsTheLastWhoseEffectiveDayIsNotAfterTheDay) {
  const v1::Procedure p = MaritalStatus();
  EXPECT_EQ(ProcessInForce(p, Day("2023-12-31")), nullptr) << "before the first version";
  EXPECT_EQ(ProcessInForce(p, Day("2024-01-01")), &p.processes(0)) << "on its effective day";
  EXPECT_EQ(ProcessInForce(p, Day("2025-06-30")), &p.processes(0)) << "the day before the next";
  EXPECT_EQ(ProcessInForce(p, Day("2025-07-01")), &p.processes(1)) << "the next, on its day";
  EXPECT_EQ(ProcessInForce(p, Day("2026-12-07")), &p.processes(1)) << "later: still the last";
  EXPECT_EQ(ProcessInForce(v1::Procedure{}, Day("2026-12-07")), nullptr) << "none published";
}

TEST(InternalProcessTest, TheShippedMaritalStatusProcessChangedOnTheFirstOfJuly2025) {
  const v1::Procedure* p = ::motcua::testing::ShippedCatalog()->Find("1.004873");
  ASSERT_NE(p, nullptr);
  const v1::InternalProcess* before = ProcessInForce(*p, Day("2025-06-30"));
  const v1::InternalProcess* after = ProcessInForce(*p, Day("2025-07-01"));
  ASSERT_NE(before, nullptr);
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(before->effective_from(), "2024-01-01");
  EXPECT_EQ(after->effective_from(), "2025-07-01");
}

TEST(InternalProcessTest, TheVersionADossierRecordedIsFoundByItsEffectiveDayOnly) {
  const v1::Procedure p = MaritalStatus();
  EXPECT_EQ(ProcessFrom(p, "2024-01-01"), &p.processes(0));
  EXPECT_EQ(ProcessFrom(p, "2025-07-01"), &p.processes(1));
  // A day within a version's time is not that version's name.
  EXPECT_EQ(ProcessFrom(p, "2025-08-01"), nullptr);
  // None recorded (the procedure had none at receipt).
  EXPECT_EQ(ProcessFrom(p, ""), nullptr);
}

TEST(InternalProcessTest, AStepsBudgetIsItsWorkingHoursAndThereIsNoneOutsideTheSteps) {
  const v1::Procedure procedure = MaritalStatus();
  const v1::InternalProcess& process = procedure.processes(1);  // 2/14/4/4 h
  EXPECT_EQ(StepBudget(process, 1), std::chrono::seconds(std::chrono::hours(2)));
  EXPECT_EQ(StepBudget(process, 2), std::chrono::seconds(std::chrono::hours(14)));
  EXPECT_EQ(StepBudget(process, 4), std::chrono::seconds(std::chrono::hours(4)));
  EXPECT_EQ(StepBudget(process, 5), std::nullopt) << "past the last";
  EXPECT_EQ(StepBudget(process, 0), std::nullopt) << "steps are numbered from 1";
  EXPECT_EQ(StepBudget(v1::InternalProcess{}, 1), std::nullopt) << "no steps";
}

}  // namespace
}  // namespace motcua::catalog
