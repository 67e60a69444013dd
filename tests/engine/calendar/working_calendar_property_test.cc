// Properties of the deadline arithmetic over random instants (fixed seed, so
// a failure reproduces), each checked against NaiveWorkingTime, the
// day-by-day walk.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "engine/calendar/working_calendar.h"
#include "tests/engine/calendar/calendar_test_support.h"
#include "tools/bench/naive_working_time.h"

namespace motcua::calendar {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::At;
using testing::ShippedCalendar;

constexpr std::uint64_t kSeed = 20240504;  // the first worked Saturday in the data
constexpr int kSamples = 1500;

class Sampler {
 public:
  Sampler() : rng_(kSeed) {}

  // Mostly around the official years (2022–2028, where the overlay and the
  // provisional boundary are), the rest anywhere in 1900–2100 but clear of
  // its last two years so deadlines stay in range. A third fall on any
  // second, a third on a whole minute, a third on a half hour, so that
  // session boundaries (07:00, 11:30, 13:30, 17:00) are hit often.
  Instant Received() {
    const bool near_data = Uniform(0, 3) != 0;
    const Instant from = near_data ? At("2022-06-01 00:00") : At("1900-01-01 00:00");
    const Instant to = near_data ? At("2028-06-01 00:00") : At("2098-12-31 00:00");
    return from + Aligned(seconds(Uniform(0, (to - from).count())));
  }

  // A working-time amount up to `max`: half on any second, half on a
  // multiple of 30 minutes (which can end exactly at a session close).
  seconds Amount(seconds max) {
    const seconds amount(Uniform(1, max.count()));
    return Uniform(0, 1) ? amount : std::max(seconds(1800), amount - amount % 1800);
  }

  seconds Aligned(seconds t) {
    switch (Uniform(0, 2)) {
      case 0:
        return t;
      case 1:
        return t - t % 60;
      default:
        return t - t % 1800;
    }
  }

  std::int64_t Uniform(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }

 private:
  std::mt19937_64 rng_;
};

std::string Text(Instant t) {
  return FormatVietnamMinute(t) + " (" + std::to_string(ToUnixSeconds(t)) + ")";
}

class WorkingCalendarProperty : public ::testing::Test {
 protected:
  WorkingCalendarProperty()
      : calendar_(ShippedCalendar()), naive_(*calendar_, OfficeHours::Default()) {}

  std::shared_ptr<const WorkingCalendar> calendar_;
  NaiveWorkingTime naive_;
  Sampler sample_;
};

// Add agrees with the walk; counting back gives exactly the amount added;
// subtracting it again returns to the clock start.
TEST_F(WorkingCalendarProperty, AddThenCountBackGivesTheAmount) {
  for (int i = 0; i < kSamples; ++i) {
    const Instant from = sample_.Received();
    // Up to 60 working days, to the second.
    const seconds amount = sample_.Amount(hours(60 * 8));
    SCOPED_TRACE(Text(from) + " + " + std::to_string(amount.count()) + " s");
    auto due = calendar_->AddWorkingTime(from, amount);
    ASSERT_TRUE(due.ok()) << due.status().ToString();
    ASSERT_EQ(Text(*due), Text(naive_.Add(from, amount)));
    ASSERT_EQ(calendar_->WorkingTimeBetween(from, *due), amount);
    ASSERT_EQ(naive_.Between(from, *due), amount);
    auto back = calendar_->SubtractWorkingTime(*due, amount);
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(Text(*back), Text(*calendar_->ClockStart(from)));
    ASSERT_EQ(Text(naive_.Subtract(*due, amount)), Text(*back));
    // "Earliest": one second less of working time is reached strictly earlier.
    ASSERT_LT(*calendar_->AddWorkingTime(from, amount - seconds(1)), *due);
  }
}

// Between agrees with the walk for arbitrary pairs, and Subtract is the
// latest start for arbitrary ends.
TEST_F(WorkingCalendarProperty, BetweenAndSubtractAgreeWithTheWalk) {
  for (int i = 0; i < kSamples; ++i) {
    const Instant from = sample_.Received();
    const Instant to = from + seconds(sample_.Uniform(-3 * 86400, 90 * 86400));
    SCOPED_TRACE(Text(from) + " .. " + Text(to));
    ASSERT_EQ(calendar_->WorkingTimeBetween(from, to), naive_.Between(from, to));
    const seconds amount = sample_.Amount(hours(20 * 8));
    auto start = calendar_->SubtractWorkingTime(to, amount);
    ASSERT_TRUE(start.ok());
    ASSERT_EQ(Text(*start), Text(naive_.Subtract(to, amount)));
    ASSERT_GE(calendar_->WorkingTimeBetween(*start, to), amount);
    ASSERT_LT(calendar_->WorkingTimeBetween(*start + seconds(1), to), amount);
    ASSERT_EQ(Text(*calendar_->ClockStart(from)), Text(naive_.ClockStart(from)));
    ASSERT_EQ(calendar_->InOfficeHours(from), *calendar_->ClockStart(from) == from);
  }
}

// For every unit: the due time equals the walk's, lies inside office hours
// or exactly at a session's close, never precedes the receipt, is monotonic
// in N, and is flagged provisional exactly when the span touches a year
// without an official schedule.
TEST_F(WorkingCalendarProperty, DueTimesForEveryUnit) {
  const DurationUnit units[] = {DurationUnit::kWorkingHours, DurationUnit::kWorkingDays,
                                DurationUnit::kCalendarDays, DurationUnit::kSameDay};
  for (int i = 0; i < kSamples / 2; ++i) {
    const Instant received = sample_.Received();
    for (DurationUnit unit : units) {
      const int n = static_cast<int>(sample_.Uniform(0, 60));
      const minutes cutoff(sample_.Uniform(0, 1) ? 15 * 60 : sample_.Uniform(0, 24 * 60));
      const DeadlineSpec spec{unit, n, cutoff};
      SCOPED_TRACE(Text(received) + " unit " + std::to_string(static_cast<int>(unit)) + " n " +
                   std::to_string(n) + " cutoff " + std::to_string(cutoff.count()));
      auto due = calendar_->ComputeDue(received, spec);
      ASSERT_TRUE(due.ok()) << due.status().ToString();
      ASSERT_EQ(Text(due->at), Text(naive_.Due(received, spec)));
      ASSERT_GE(due->at, received);
      const bool at_close =
          calendar_->InOfficeHours(due->at - seconds(1)) && !calendar_->InOfficeHours(due->at);
      ASSERT_TRUE(calendar_->InOfficeHours(due->at) || at_close);
      if (unit == DurationUnit::kCalendarDays || unit == DurationUnit::kSameDay) {
        ASSERT_TRUE(at_close);
      }
      auto next = calendar_->ComputeDue(received, DeadlineSpec{unit, n + 1, cutoff});
      ASSERT_TRUE(next.ok());
      ASSERT_LE(due->at, next->at);
      // The provisional flag, by the definition: a year in the span without
      // official data.
      bool touches = false;
      const int y1 =
          static_cast<int>(cal::year_month_day(cal::floor<cal::days>(ToVietnam(received))).year());
      const int y2 =
          static_cast<int>(cal::year_month_day(cal::floor<cal::days>(ToVietnam(due->at))).year());
      for (int y = y1; y <= y2; ++y) touches = touches || calendar_->IsProvisional(y);
      ASSERT_EQ(due->provisional, touches);
    }
  }
}

// Working hours and working days are the same arithmetic: N days = 8N hours.
TEST_F(WorkingCalendarProperty, WorkingDaysAreEightWorkingHours) {
  for (int i = 0; i < kSamples / 3; ++i) {
    const Instant received = sample_.Received();
    const int n = static_cast<int>(sample_.Uniform(0, 30));
    auto days = calendar_->ComputeDue(received, {DurationUnit::kWorkingDays, n});
    auto hours_due = calendar_->ComputeDue(received, {DurationUnit::kWorkingHours, 8 * n});
    ASSERT_TRUE(days.ok() && hours_due.ok());
    ASSERT_EQ(days->at, hours_due->at) << Text(received) << " n " << n;
  }
}

// The same properties with seasonal hours that differ in length (7.5 h in
// winter, so a "day" spills into the next), over a short range.
TEST(WorkingCalendarSeasonalProperty, AgreesWithTheWalk) {
  CalendarOptions options;
  options.office_hours = OfficeHours{
      {{4,
        15,
        {{minutes(7 * 60), minutes(11 * 60 + 30)}, {minutes(13 * 60 + 30), minutes(17 * 60)}}},
       {10,
        15,
        {{minutes(7 * 60 + 30), minutes(11 * 60 + 30)},
         {minutes(13 * 60 + 30), minutes(17 * 60)}}}}};
  options.first_year = 2023;
  options.last_year = 2027;
  auto calendar = WorkingCalendar::Build(options);
  ASSERT_TRUE(calendar.ok());
  NaiveWorkingTime naive(**calendar, options.office_hours);
  std::mt19937_64 rng(kSeed);
  const Instant from = At("2023-01-01 00:00");
  for (int i = 0; i < kSamples / 3; ++i) {
    const Instant t = from + minutes(30) * std::uniform_int_distribution<int>(0, 4 * 365 * 48)(rng);
    const DeadlineSpec spec{DurationUnit::kWorkingDays,
                            static_cast<int>(std::uniform_int_distribution<int>(0, 40)(rng))};
    auto due = (*calendar)->ComputeDue(t, spec);
    ASSERT_TRUE(due.ok());
    ASSERT_EQ(Text(due->at), Text(naive.Due(t, spec))) << Text(t) << " n " << spec.amount;
    ASSERT_EQ((*calendar)->WorkingTimeBetween(t, due->at), hours(8) * spec.amount);
  }
}

}  // namespace
}  // namespace motcua::calendar
