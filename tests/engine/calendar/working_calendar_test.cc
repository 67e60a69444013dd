#include "engine/calendar/working_calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/calendar/holiday_rules.h"
#include "tests/engine/calendar/calendar_test_support.h"

namespace motcua::calendar {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::At;
using testing::Day;
using ::testing::HasSubstr;
using testing::ShippedCalendar;

// Default office hours throughout: 07:00–11:30 (4.5 h) and 13:30–17:00
// (3.5 h), so one working day is exactly the 8 hours the arithmetic uses.

std::string DueText(const WorkingCalendar& calendar, const std::string& received, DurationUnit unit,
                    int amount, minutes cutoff = minutes(15 * 60)) {
  auto due = calendar.ComputeDue(At(received), DeadlineSpec{unit, amount, cutoff});
  if (!due.ok()) return "error: " + due.status().ToString();
  return FormatVietnamMinute(due->at) + (due->provisional ? " (provisional)" : "");
}

std::string Due(const std::string& received, DurationUnit unit, int amount,
                minutes cutoff = minutes(15 * 60)) {
  return DueText(*ShippedCalendar(), received, unit, amount, cutoff);
}

std::string AddWorkingTimeText(const std::string& from, seconds amount) {
  auto at = ShippedCalendar()->AddWorkingTime(At(from), amount);
  return at.ok() ? FormatVietnamMinute(*at) : "error: " + at.status().ToString();
}

constexpr DurationUnit kHours = DurationUnit::kWorkingHours;
constexpr DurationUnit kDays = DurationUnit::kWorkingDays;
constexpr DurationUnit kCalendar = DurationUnit::kCalendarDays;
constexpr DurationUnit kSameDay = DurationUnit::kSameDay;

// The official schedules of 2023–2026, copied by hand from
// data/calendar/vn-official-days.json (independently of the loader).
const std::map<int, std::pair<std::vector<LocalDays>, std::vector<LocalDays>>>& Official() {
  static const auto* table =
      new std::map<int, std::pair<std::vector<LocalDays>, std::vector<LocalDays>>>{
          {2023,
           {{Day(2023, 1, 2), Day(2023, 1, 20), Day(2023, 1, 23), Day(2023, 1, 24),
             Day(2023, 1, 25), Day(2023, 1, 26), Day(2023, 5, 1), Day(2023, 5, 2), Day(2023, 5, 3),
             Day(2023, 9, 1), Day(2023, 9, 4)},
            {}}},
          {2024,
           {{Day(2024, 1, 1), Day(2024, 2, 8), Day(2024, 2, 9), Day(2024, 2, 12), Day(2024, 2, 13),
             Day(2024, 2, 14), Day(2024, 4, 18), Day(2024, 4, 29), Day(2024, 4, 30),
             Day(2024, 5, 1), Day(2024, 9, 2), Day(2024, 9, 3)},
            {Day(2024, 5, 4)}}},
          {2025,
           {{Day(2025, 1, 1), Day(2025, 1, 27), Day(2025, 1, 28), Day(2025, 1, 29),
             Day(2025, 1, 30), Day(2025, 1, 31), Day(2025, 4, 7), Day(2025, 4, 30), Day(2025, 5, 1),
             Day(2025, 5, 2), Day(2025, 9, 1), Day(2025, 9, 2)},
            {Day(2025, 4, 26)}}},
          {2026,
           {{Day(2026, 1, 1), Day(2026, 1, 2), Day(2026, 2, 16), Day(2026, 2, 17), Day(2026, 2, 18),
             Day(2026, 2, 19), Day(2026, 2, 20), Day(2026, 4, 27), Day(2026, 4, 30),
             Day(2026, 5, 1), Day(2026, 8, 31), Day(2026, 9, 1), Day(2026, 9, 2)},
            {Day(2026, 1, 10), Day(2026, 8, 22)}}},
      };
  return *table;
}

TEST(WorkingCalendar, HonoursEveryOfficialDayOf2023To2026) {
  const auto calendar = ShippedCalendar();
  for (const auto& [year, lists] : Official()) {
    SCOPED_TRACE(year);
    EXPECT_FALSE(calendar->IsProvisional(year));
    const std::set<LocalDays> off(lists.first.begin(), lists.first.end());
    const std::set<LocalDays> work(lists.second.begin(), lists.second.end());
    const LocalDays first = Day(year, 1, 1);
    const LocalDays end = Day(year + 1, 1, 1);
    int working_days = 0;
    for (LocalDays d = first; d < end; d += cal::days(1)) {
      const bool expected = (!IsWeekend(d) && !off.count(d)) || work.count(d);
      ASSERT_EQ(calendar->IsWorkingDay(d), expected) << FormatDate(d);
      working_days += expected;
      const DayKind kind = calendar->Classify(d);
      if (off.count(d)) {
        EXPECT_EQ(kind, DayKind::kOfficialDayOff) << FormatDate(d);
      }
      if (work.count(d)) {
        EXPECT_EQ(kind, DayKind::kOfficialWorkedWeekend) << FormatDate(d);
      }
      // A whole day of working time where it is a working day, none elsewhere.
      const seconds worked = calendar->WorkingTimeBetween(FromVietnam(LocalTime(d)),
                                                          FromVietnam(LocalTime(d + cal::days(1))));
      EXPECT_EQ(worked, expected ? hours(8) : hours(0)) << FormatDate(d);
    }
    // The year's working time is its working days times 8 hours.
    EXPECT_EQ(
        calendar->WorkingTimeBetween(FromVietnam(LocalTime(first)), FromVietnam(LocalTime(end))),
        hours(8) * working_days);
    EXPECT_EQ(calendar->Exceptions(year).size(), off.size() + work.size());
  }
  // 2027's entry in the shipped file is marked provisional: not official.
  EXPECT_TRUE(calendar->IsProvisional(2027));
  EXPECT_TRUE(calendar->IsProvisional(2022));
  EXPECT_TRUE(calendar->IsProvisional(1900));
  EXPECT_TRUE(calendar->IsProvisional(1899));  // outside: no data either
}

TEST(WorkingCalendar, WorkedSaturdaysCount) {
  const auto calendar = ShippedCalendar();
  for (LocalDays saturday :
       {Day(2024, 5, 4), Day(2025, 4, 26), Day(2026, 1, 10), Day(2026, 8, 22)}) {
    SCOPED_TRACE(FormatDate(saturday));
    EXPECT_EQ(cal::weekday(saturday), cal::Saturday);
    EXPECT_TRUE(calendar->IsWorkingDay(saturday));
    EXPECT_TRUE(calendar->InOfficeHours(FromVietnam(LocalTime(saturday) + hours(9))));
    EXPECT_EQ(calendar->WorkingTimeBetween(FromVietnam(LocalTime(saturday)),
                                           FromVietnam(LocalTime(saturday + cal::days(1)))),
              hours(8));
  }
  // An ordinary Saturday does not.
  EXPECT_FALSE(calendar->IsWorkingDay(Day(2024, 5, 11)));
  EXPECT_EQ(calendar->WorkingTimeBetween(At("2024-05-11 00:00"), At("2024-05-12 00:00")), hours(0));
}

TEST(WorkingCalendar, WorkingHoursByHand) {
  // Across the lunch break: Tue 10:00–11:30 is 1.5 h, the other 2.5 h run
  // from 13:30 to 16:00.
  EXPECT_EQ(Due("2024-03-12 10:00", kHours, 4), "2024-03-12 16:00");
  // Received during lunch: the clock starts at 13:30; +2 h = 15:30.
  EXPECT_EQ(Due("2024-03-12 12:15", kHours, 2), "2024-03-12 15:30");
  // At 11:30 sharp the morning is over: 13:30 + 1 h.
  EXPECT_EQ(Due("2024-03-12 11:30", kHours, 1), "2024-03-12 14:30");
  // The whole morning from its opening ends at its close, not at 13:30.
  EXPECT_EQ(Due("2024-03-12 07:00", kHours, 0), "2024-03-12 07:00");
  EXPECT_EQ(AddWorkingTimeText("2024-03-12 07:00", hours(4) + minutes(30)), "2024-03-12 11:30");
  // Friday evening: counted from Monday's opening, 07:00 + 2 h.
  EXPECT_EQ(Due("2024-03-15 18:30", kHours, 2), "2024-03-18 09:00");
  // Fri 16:30–17:00 is 0.5 h; Monday morning 4.5 h; 3 h more from 13:30.
  EXPECT_EQ(Due("2024-03-15 16:30", kHours, 8), "2024-03-18 16:30");
  // Zero hours on a Sunday: due at the clock start.
  EXPECT_EQ(Due("2024-03-17 10:00", kHours, 0), "2024-03-18 07:00");
}

TEST(WorkingCalendar, WorkingDaysByHand) {
  // A full day from the opening lands on that day's close.
  EXPECT_EQ(Due("2024-03-12 07:00", kDays, 1), "2024-03-12 17:00");
  // Friday evening: all of Monday.
  EXPECT_EQ(Due("2024-03-15 18:30", kDays, 1), "2024-03-18 17:00");
  // Tết 2024 (off Thu 8/2 – Wed 14/2): Wed 7/2 14:00–17:00 = 3 h, Thu 15/2
  // 8 h (11), Fri 16/2 8 h (19), Mon 19/2 5 h: 4.5 h to 11:30, 0.5 h to 14:00.
  EXPECT_EQ(Due("2024-02-07 14:00", kDays, 3), "2024-02-19 14:00");
  // Tết 2025 (off Mon 27/1 – Fri 31/1): Fri 24/1 09:00–17:00 = 6 h, Mon 3/2
  // 8 h (14), Tue 4/2 2 h: 09:00.
  EXPECT_EQ(Due("2025-01-24 09:00", kDays, 2), "2025-02-04 09:00");
  // Tết 2026 (off Mon 16/2 – Fri 20/2): Fri 13/2 16:00–17:00 = 1 h, Mon
  // 23/2 7 h: 4.5 h to 11:30, 2.5 h to 16:00.
  EXPECT_EQ(Due("2026-02-13 16:00", kDays, 1), "2026-02-23 16:00");
  // 30/4–1/5 2024 (off Mon 29/4 – Wed 1/5, Sat 4/5 worked): Fri 26/4 10:00–
  // 17:00 = 5 h, Thu 2/5 8 h (13), Fri 3/5 3 h: 10:00.
  EXPECT_EQ(Due("2024-04-26 10:00", kDays, 2), "2024-05-03 10:00");
  // One more day: Fri 3/5 rest 5 h (21 of 24), then the worked Saturday
  // 4/5, 3 h: 10:00.
  EXPECT_EQ(Due("2024-04-26 10:00", kDays, 3), "2024-05-04 10:00");
  // 2025 (Sat 26/4 worked; off Wed 30/4 – Fri 2/5): Fri 25/4 15:00–17:00 =
  // 2 h, Sat 26/4 6 h: 4.5 h to 11:30, 1.5 h to 15:00.
  EXPECT_EQ(Due("2025-04-25 15:00", kDays, 1), "2025-04-26 15:00");
  // Then each further day ends at 15:00 of the next working day: Mon 28/4,
  // Tue 29/4, then past the break to Mon 5/5.
  EXPECT_EQ(Due("2025-04-25 15:00", kDays, 2), "2025-04-28 15:00");
  EXPECT_EQ(Due("2025-04-25 15:00", kDays, 3), "2025-04-29 15:00");
  EXPECT_EQ(Due("2025-04-25 15:00", kDays, 4), "2025-05-05 15:00");
  // 2/9 2025 (off Mon 1/9, Tue 2/9): Fri 29/8 08:00–17:00 = 7 h, Wed 3/9
  // 1 h: 08:00.
  EXPECT_EQ(Due("2025-08-29 08:00", kDays, 1), "2025-09-03 08:00");
  // 2/9 2024 (off Mon 2/9, Tue 3/9): Fri 30/8 10:00 = 5 h, Wed 4/9 3 h.
  EXPECT_EQ(Due("2024-08-30 10:00", kDays, 1), "2024-09-04 10:00");
  // 2/9 2026: Friday evening 21/8, the next working day is Saturday 22/8
  // (worked for Mon 31/8).
  EXPECT_EQ(Due("2026-08-21 17:30", kDays, 1), "2026-08-22 17:00");
  // 1/1 2026 (Thu 1/1, Fri 2/1 off; Sat 10/1 worked): Wed 31/12/2025 10:00
  // = 5 h, Mon 5/1 3 h: 10:00.
  EXPECT_EQ(Due("2025-12-31 10:00", kDays, 1), "2026-01-05 10:00");
}

TEST(WorkingCalendar, CalendarDaysByHand) {
  // Thu 25/4/2024 + 5 = Tue 30/4 (off), Wed 1/5 (off), Thu 2/5: its close.
  EXPECT_EQ(Due("2024-04-25 10:00", kCalendar, 5), "2024-05-02 17:00");
  // Wed 22/1/2025 + 5 = Mon 27/1, Tết break until Sun 2/2: Mon 3/2.
  EXPECT_EQ(Due("2025-01-22 10:00", kCalendar, 5), "2025-02-03 17:00");
  // Tết 2026: Thu 12/2 + 4 = Mon 16/2, off to Sun 22/2: Mon 23/2.
  EXPECT_EQ(Due("2026-02-12 09:00", kCalendar, 4), "2026-02-23 17:00");
  // Counted from the received day, not the clock start: Fri evening + 3 =
  // Mon; + 1 = Sat, rolled to Mon.
  EXPECT_EQ(Due("2024-03-15 18:30", kCalendar, 3), "2024-03-18 17:00");
  EXPECT_EQ(Due("2024-03-15 18:30", kCalendar, 1), "2024-03-18 17:00");
  // Sat 27/4/2024 + 7 = Sat 4/5, a worked Saturday: due that day.
  EXPECT_EQ(Due("2024-04-27 09:00", kCalendar, 7), "2024-05-04 17:00");
  // 2/9 2025: Sat 30/8 + 2 = Mon 1/9 (off), Tue 2/9 (off): Wed 3/9.
  EXPECT_EQ(Due("2025-08-30 09:00", kCalendar, 2), "2025-09-03 17:00");
  // Zero days: the day's close, or the next working day's after it.
  EXPECT_EQ(Due("2024-03-12 10:00", kCalendar, 0), "2024-03-12 17:00");
  EXPECT_EQ(Due("2024-03-12 17:30", kCalendar, 0), "2024-03-13 17:00");
}

TEST(WorkingCalendar, SameDayByHand) {
  EXPECT_EQ(Due("2024-03-12 14:59", kSameDay, 0), "2024-03-12 17:00");
  EXPECT_EQ(Due("2024-03-12 15:00", kSameDay, 0), "2024-03-13 17:00");  // at the cutoff
  EXPECT_EQ(Due("2024-03-12 06:30", kSameDay, 0), "2024-03-12 17:00");  // before opening
  EXPECT_EQ(Due("2024-03-12 12:00", kSameDay, 0), "2024-03-12 17:00");  // lunch
  // Friday evening: Monday's close.
  EXPECT_EQ(Due("2024-03-15 18:30", kSameDay, 0), "2024-03-18 17:00");
  // A worked Saturday is a working day; a Sunday is not.
  EXPECT_EQ(Due("2024-05-04 10:00", kSameDay, 0), "2024-05-04 17:00");
  EXPECT_EQ(Due("2024-05-05 10:00", kSameDay, 0), "2024-05-06 17:00");
  // After the cutoff the day before Tết 2024: the first day after the break.
  EXPECT_EQ(Due("2024-02-07 16:00", kSameDay, 0), "2024-02-15 17:00");
  // On a holiday (Giỗ Tổ, Thu 18/4/2024) before the cutoff: the next day.
  EXPECT_EQ(Due("2024-04-18 09:00", kSameDay, 0), "2024-04-19 17:00");
  // A later cutoff; a cutoff after the close does not make 17:30 "today".
  EXPECT_EQ(Due("2024-03-12 15:30", kSameDay, 0, minutes(16 * 60)), "2024-03-12 17:00");
  EXPECT_EQ(Due("2024-03-12 17:30", kSameDay, 0, minutes(18 * 60)), "2024-03-13 17:00");
}

TEST(WorkingCalendar, ProvisionalYearsAreFlagged) {
  // Thu 31/12/2026 10:00 = 5 h; 2027 by the rules: Fri 1/1 off, Mon 4/1
  // 8 h (13), Tue 5/1 3 h: 10:00 — resting on 2027, not yet announced.
  EXPECT_EQ(Due("2026-12-31 10:00", kDays, 2), "2027-01-05 10:00 (provisional)");
  // Tết 2027 by the rules: Fri 5/2 – Tue 9/2 and nghỉ bù Wed 10/2, Thu 11/2.
  // Thu 4/2 09:00 = 6 h, Fri 12/2 2 h: 09:00.
  EXPECT_EQ(Due("2027-02-04 09:00", kDays, 1), "2027-02-12 09:00 (provisional)");
  EXPECT_EQ(Due("2026-12-29 10:00", kDays, 1), "2026-12-30 10:00");
  EXPECT_EQ(Due("2022-06-01 10:00", kDays, 1), "2022-06-02 10:00 (provisional)");
  // Same-day after the cutoff on the last working day of 2026 (Thu 31/12):
  // Fri 1/1/2027 is a rule holiday, so Mon 4/1/2027.
  EXPECT_EQ(Due("2026-12-31 16:00", kSameDay, 0), "2027-01-04 17:00 (provisional)");
  const auto calendar = ShippedCalendar();
  EXPECT_TRUE(calendar->DependsOnProvisional(At("2026-12-31 10:00"), At("2027-01-04 07:00")));
  EXPECT_TRUE(calendar->DependsOnProvisional(At("2027-01-04 07:00"), At("2026-12-31 10:00")));
  EXPECT_FALSE(calendar->DependsOnProvisional(At("2023-01-01 00:00"), At("2026-12-31 23:59")));
}

TEST(WorkingCalendar, ClockStartAndOfficeHours) {
  const auto calendar = ShippedCalendar();
  auto start = [&](const std::string& t) {
    return FormatVietnamMinute(*calendar->ClockStart(At(t)));
  };
  EXPECT_EQ(start("2024-03-12 09:15"), "2024-03-12 09:15");
  EXPECT_EQ(start("2024-03-12 06:00"), "2024-03-12 07:00");
  EXPECT_EQ(start("2024-03-12 11:30"), "2024-03-12 13:30");
  EXPECT_EQ(start("2024-03-12 17:00"), "2024-03-13 07:00");
  EXPECT_EQ(start("2024-03-15 18:30"), "2024-03-18 07:00");
  EXPECT_EQ(start("2024-02-07 17:30"), "2024-02-15 07:00");  // Tết 2024
  EXPECT_TRUE(calendar->InOfficeHours(At("2024-03-12 07:00")));
  EXPECT_TRUE(calendar->InOfficeHours(At("2024-03-12 11:29") + seconds(59)));
  EXPECT_FALSE(calendar->InOfficeHours(At("2024-03-12 11:30")));
  EXPECT_FALSE(calendar->InOfficeHours(At("2024-03-12 17:00")));
  EXPECT_FALSE(calendar->InOfficeHours(At("2024-03-16 09:00")));  // Saturday
  EXPECT_FALSE(calendar->InOfficeHours(At("2024-02-12 09:00")));  // Tết
}

TEST(WorkingCalendar, WorkingTimeBetweenAndSubtract) {
  const auto calendar = ShippedCalendar();
  // An ordinary week: 5 x 8 h.
  EXPECT_EQ(calendar->WorkingTimeBetween(At("2024-03-11 00:00"), At("2024-03-18 00:00")),
            hours(40));
  // Mon 5/2 – Mon 19/2/2024: Mon–Wed 5–7/2 and Thu–Fri 15–16/2, 5 days.
  EXPECT_EQ(calendar->WorkingTimeBetween(At("2024-02-05 00:00"), At("2024-02-19 00:00")),
            hours(40));
  EXPECT_EQ(calendar->WorkingTimeBetween(At("2024-03-12 10:00"), At("2024-03-12 16:00")), hours(4));
  EXPECT_EQ(calendar->WorkingTimeBetween(At("2024-03-12 16:00"), At("2024-03-12 10:00")), hours(0));
  auto sub = [&](const std::string& to, seconds amount) {
    return FormatVietnamMinute(*calendar->SubtractWorkingTime(At(to), amount));
  };
  EXPECT_EQ(sub("2024-03-12 16:00", hours(4)), "2024-03-12 10:00");
  EXPECT_EQ(sub("2024-03-12 13:30", hours(2)), "2024-03-12 09:30");
  // Exactly a session's worth: the latest start is that session's opening.
  EXPECT_EQ(sub("2024-03-12 13:30", hours(4) + minutes(30)), "2024-03-12 07:00");
  EXPECT_EQ(sub("2024-03-12 07:00", hours(3) + minutes(30)), "2024-03-11 13:30");
  EXPECT_EQ(sub("2024-03-18 09:00", hours(2)), "2024-03-18 07:00");
  EXPECT_EQ(sub("2024-03-18 09:00", hours(3)), "2024-03-15 16:00");
  EXPECT_EQ(sub("2024-03-18 09:00", hours(0)), "2024-03-18 09:00");
}

TEST(WorkingCalendar, RangeAndArgumentErrors) {
  const auto calendar = ShippedCalendar();
  EXPECT_EQ(calendar->first_year(), 1900);
  EXPECT_EQ(calendar->last_year(), 2100);
  EXPECT_THAT(Due("2024-03-12 10:00", kDays, -1), HasSubstr("invalid_argument"));
  EXPECT_THAT(Due("1899-12-31 10:00", kDays, 1), HasSubstr("invalid_argument"));
  EXPECT_THAT(Due("2100-12-31 10:00", kDays, 3), HasSubstr("nằm ngoài phạm vi"));
  EXPECT_THAT(Due("2100-12-20 10:00", kCalendar, 30), HasSubstr("nằm ngoài phạm vi"));
  EXPECT_THAT(Due("2024-03-12 10:00", kSameDay, 0, minutes(25 * 60)), HasSubstr("00:00–24:00"));
  EXPECT_THAT(Due("2024-03-12 10:00", kDays, 2'000'000'000), HasSubstr("nằm ngoài phạm vi"));
  EXPECT_EQ(calendar->ClockStart(At("2100-12-31 17:30")).status().code(), Error::kInvalidArgument);
  EXPECT_EQ(calendar->AddWorkingTime(At("2024-03-12 10:00"), seconds(-1)).status().code(),
            Error::kInvalidArgument);
  EXPECT_EQ(calendar->SubtractWorkingTime(At("1900-01-02 08:00"), hours(2)).status().code(),
            Error::kInvalidArgument);
  EXPECT_FALSE(calendar->Covers(At("1899-12-31 23:59")));
  EXPECT_TRUE(calendar->Covers(At("1900-01-01 00:00")));
  EXPECT_TRUE(calendar->Covers(At("2100-12-31 23:59")));
  EXPECT_FALSE(calendar->IsWorkingDay(Day(2101, 1, 3)));
  EXPECT_EQ(calendar->Classify(Day(1899, 12, 29)), DayKind::kOutOfRange);
  EXPECT_FALSE(calendar->InOfficeHours(At("2101-01-03 09:00")));
  EXPECT_TRUE(calendar->Exceptions(2101).empty());
  // Only the covered part counts: 1/1/1900 is a holiday, Tue 2/1 8 h.
  EXPECT_EQ(calendar->WorkingTimeBetween(At("1899-06-01 00:00"), At("1900-01-03 00:00")), hours(8));
}

// The zone's history is honoured: in 1944 Vietnam's clocks were UTC+8, so
// 07:00 local was 23:00 UTC the day before; the calendar still opens at
// 07:00 local and counts 8 hours.
TEST(WorkingCalendar, HistoricalZoneOffsetsComeFromTheTzDatabase) {
  const auto calendar = ShippedCalendar();
  const Instant opening = *calendar->ClockStart(At("1944-03-01 06:00"));
  EXPECT_EQ(FormatVietnamMinute(opening), "1944-03-01 07:00");
  EXPECT_EQ(cal::format("%F %R", opening), "1944-02-29 23:00");  // UTC
  EXPECT_EQ(Due("1944-03-01 07:00", kDays, 1), "1944-03-01 17:00 (provisional)");
  // 1955-07-01 began twice (UTC+8 -> +7 at 01:00); a day is still 8 hours.
  EXPECT_EQ(calendar->WorkingTimeBetween(At("1955-06-30 00:00"), At("1955-07-03 00:00")),
            hours(16));
  EXPECT_EQ(Due("1975-06-12 16:00", kDays, 1), "1975-06-13 16:00 (provisional)");
}

TEST(WorkingCalendar, SeasonalOfficeHours) {
  // Summer from 04-15: 07:00–11:30, 13:30–17:00; winter from 10-15:
  // 07:30–12:00, 13:00–16:30. Both 8 hours.
  CalendarOptions options;
  options.office_hours =
      OfficeHours{{{4, 15, {{minutes(420), minutes(690)}, {minutes(810), minutes(1020)}}},
                   {10, 15, {{minutes(450), minutes(720)}, {minutes(780), minutes(990)}}}}};
  options.first_year = 2024;
  options.last_year = 2025;
  auto calendar = WorkingCalendar::Build(options);
  ASSERT_TRUE(calendar.ok()) << calendar.status().ToString();
  // Mon 14/10 16:00–17:00 (summer) = 1 h; Tue 15/10 (winter) 07:30–12:00
  // 4.5 h, then 2.5 h from 13:00: 15:30.
  EXPECT_EQ(DueText(**calendar, "2024-10-14 16:00", kDays, 1), "2024-10-15 15:30 (provisional)");
  EXPECT_EQ(DueText(**calendar, "2024-10-15 10:00", kSameDay, 0), "2024-10-15 16:30 (provisional)");
  // January is still winter (the timetable wraps).
  EXPECT_EQ(DueText(**calendar, "2025-01-06 07:00", kHours, 0), "2025-01-06 07:30 (provisional)");
  EXPECT_EQ(DueText(**calendar, "2024-05-06 12:30", kHours, 1), "2024-05-06 14:30 (provisional)");
}

// N working days are N x 8 hours even when a timetable has fewer hours a day
// (docs/domain.md "The clock"): with 07:30–11:30 and 13:30–17:00 (7.5 h), one
// day from Tuesday's opening ends at 08:00 Wednesday.
TEST(WorkingCalendar, AWorkingDayIsEightHoursWhateverTheTimetable) {
  CalendarOptions options;
  options.office_hours =
      OfficeHours{{{1, 1, {{minutes(450), minutes(690)}, {minutes(810), minutes(1020)}}}}};
  options.first_year = 2024;
  options.last_year = 2024;
  auto calendar = WorkingCalendar::Build(options);
  ASSERT_TRUE(calendar.ok()) << calendar.status().ToString();
  EXPECT_EQ(DueText(**calendar, "2024-03-12 07:30", kDays, 1), "2024-03-13 08:00 (provisional)");
}

TEST(WorkingCalendar, BuildRejectsBadOptions) {
  auto error = [](CalendarOptions options) {
    auto built = WorkingCalendar::Build(std::move(options));
    EXPECT_FALSE(built.ok());
    EXPECT_EQ(built.status().code(), Error::kConfig);
    return built.status().message();
  };
  CalendarOptions options;
  options.first_year = 1850;
  EXPECT_THAT(error(options), HasSubstr("1900–2100"));
  options = {};
  options.first_year = 2025;
  options.last_year = 2024;
  EXPECT_THAT(error(options), HasSubstr("2025–2024"));
  options = {};
  options.official = {{2024, {Day(2024, 5, 4)}, {}}};
  EXPECT_THAT(error(options), HasSubstr("off 2024-05-04 là ngày cuối tuần"));
  options.official = {{2024, {}, {Day(2024, 5, 6)}}};
  EXPECT_THAT(error(options), HasSubstr("work 2024-05-06 là ngày thường"));
  options.official = {{2024, {}, {}}, {2024, {}, {}}};
  EXPECT_THAT(error(options), HasSubstr("năm 2024 có hai lịch"));
  options = {};
  options.first_year = 2020;
  options.last_year = 2022;
  options.official = {{2024, {}, {}}};
  EXPECT_THAT(error(options), HasSubstr("2024"));
  options = {};
  options.office_hours.periods.clear();
  EXPECT_THAT(error(options), HasSubstr("giờ làm việc"));
}

// An official year with no days off at all is still official (and not the
// rules): 1/1 is then a working day.
TEST(WorkingCalendar, AnOfficialYearOverridesTheRulesEntirely) {
  CalendarOptions options;
  options.first_year = 2030;
  options.last_year = 2031;
  options.official = {{2030, {}, {}}};
  auto calendar = WorkingCalendar::Build(options);
  ASSERT_TRUE(calendar.ok());
  EXPECT_TRUE((*calendar)->IsWorkingDay(Day(2030, 1, 1)));   // Tue, official: worked
  EXPECT_FALSE((*calendar)->IsWorkingDay(Day(2031, 1, 1)));  // Wed, rules: Tết Dương lịch
  EXPECT_EQ((*calendar)->Classify(Day(2031, 1, 1)), DayKind::kRuleHoliday);
  EXPECT_FALSE((*calendar)->IsProvisional(2030));
  EXPECT_TRUE((*calendar)->IsProvisional(2031));
}

// A reload that changes no working time records nothing (calendar_reload.h):
// two builds agree exactly when every day and every session does.
TEST(WorkingCalendar, SameWorkingTimeIsEveryDayAndSessionAlike) {
  CalendarOptions options;
  options.first_year = 2030;
  options.last_year = 2031;
  options.official = {{2030, {Day(2030, 1, 1)}, {}}};
  auto built = [](const CalendarOptions& o) { return *WorkingCalendar::Build(o); };
  const auto base = built(options);
  EXPECT_TRUE(base->SameWorkingTime(*built(options)));

  CalendarOptions another_day_off = options;
  another_day_off.official[0].off.push_back(Day(2030, 1, 2));  // Wed
  EXPECT_FALSE(base->SameWorkingTime(*built(another_day_off)));

  CalendarOptions official_2031 = options;  // the rules' days, now official
  official_2031.official.push_back({2031, {Day(2031, 1, 1)}, {}});
  EXPECT_FALSE(base->SameWorkingTime(*built(official_2031)));

  CalendarOptions wider = options;
  wider.last_year = 2032;
  EXPECT_FALSE(base->SameWorkingTime(*built(wider)));

  CalendarOptions later_opening = options;
  later_opening.office_hours.periods[0].sessions[0].start += minutes(30);
  EXPECT_FALSE(base->SameWorkingTime(*built(later_opening)));
}

}  // namespace
}  // namespace motcua::calendar
