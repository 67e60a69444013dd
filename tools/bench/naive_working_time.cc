#include "tools/bench/naive_working_time.h"

#include <algorithm>
#include <stdexcept>

namespace motcua::calendar {

using std::chrono::seconds;

NaiveWorkingTime::NaiveWorkingTime(const WorkingCalendar& calendar, OfficeHours hours)
    : calendar_(calendar), hours_(std::move(hours)) {}

LocalDays NaiveWorkingTime::DayOf(Instant t) const { return cal::floor<cal::days>(ToVietnam(t)); }

void NaiveWorkingTime::CheckInRange(LocalDays day) const {
  const int year = static_cast<int>(cal::year_month_day(day).year());
  if (year < calendar_.first_year() || year > calendar_.last_year()) {
    throw std::out_of_range("naive walk left the calendar's range at " + FormatDate(day));
  }
}

std::vector<std::pair<Instant, Instant>> NaiveWorkingTime::SessionsOn(LocalDays day) const {
  CheckInRange(day);
  if (!calendar_.IsWorkingDay(day)) return {};
  // The period in force: the last one starting on or before the day's
  // month-day, else (early in the year) the last one of the list.
  const cal::month_day md = cal::year_month_day(day).month() / cal::year_month_day(day).day();
  const OfficeHoursPeriod* period = &hours_.periods.back();
  for (const OfficeHoursPeriod& p : hours_.periods) {
    if (cal::month{p.month} / cal::day{p.day} <= md) period = &p;
  }
  std::vector<std::pair<Instant, Instant>> spans;
  for (const Session& s : period->sessions) {
    spans.emplace_back(FromVietnam(LocalTime(day) + s.start), FromVietnam(LocalTime(day) + s.end));
  }
  return spans;
}

seconds NaiveWorkingTime::Between(Instant from, Instant to) const {
  seconds total(0);
  if (to <= from) return total;
  for (LocalDays day = DayOf(from); day <= DayOf(to); day += cal::days(1)) {
    for (const auto& [start, end] : SessionsOn(day)) {
      const Instant a = std::max(start, from);
      const Instant b = std::min(end, to);
      if (a < b) total += b - a;
    }
  }
  return total;
}

Instant NaiveWorkingTime::Add(Instant from, seconds amount) const {
  if (amount == seconds(0)) return from;
  seconds remaining = amount;
  for (LocalDays day = DayOf(from);; day += cal::days(1)) {
    for (const auto& [start, end] : SessionsOn(day)) {
      if (end <= from) continue;
      const Instant begin = std::max(start, from);
      if (remaining <= end - begin) return begin + remaining;
      remaining -= end - begin;
    }
  }
}

Instant NaiveWorkingTime::Subtract(Instant to, seconds amount) const {
  if (amount == seconds(0)) return to;
  seconds remaining = amount;
  for (LocalDays day = DayOf(to);; day -= cal::days(1)) {
    auto spans = SessionsOn(day);
    for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
      const auto& [start, end] = *it;
      if (start >= to) continue;
      const Instant stop = std::min(end, to);
      if (remaining < stop - start) return stop - remaining;
      if (remaining == stop - start) {
        // Exactly this session's worth: the latest start is the session's
        // start, since the working time before it is not needed.
        return start;
      }
      remaining -= stop - start;
    }
  }
}

Instant NaiveWorkingTime::ClockStart(Instant t) const {
  for (LocalDays day = DayOf(t);; day += cal::days(1)) {
    for (const auto& [start, end] : SessionsOn(day)) {
      if (end > t) return std::max(start, t);
    }
  }
}

Instant NaiveWorkingTime::CloseOf(LocalDays working_day) const {
  return SessionsOn(working_day).back().second;
}

LocalDays NaiveWorkingTime::NextWorkingDayFrom(LocalDays day) const {
  while (SessionsOn(day).empty()) day += cal::days(1);
  return day;
}

Instant NaiveWorkingTime::Due(Instant received, const DeadlineSpec& spec) const {
  const LocalTime local = ToVietnam(received);
  const LocalDays day = cal::floor<cal::days>(local);
  switch (spec.unit) {
    case DurationUnit::kWorkingHours:
      if (spec.amount == 0) return ClockStart(received);
      return Add(received, std::chrono::hours(spec.amount));
    case DurationUnit::kWorkingDays:
      if (spec.amount == 0) return ClockStart(received);
      return Add(received, std::chrono::hours(8) * spec.amount);
    case DurationUnit::kCalendarDays: {
      LocalDays due_day = NextWorkingDayFrom(day + cal::days(spec.amount));
      if (due_day == day && received >= CloseOf(due_day)) {
        due_day = NextWorkingDayFrom(day + cal::days(1));
      }
      return CloseOf(due_day);
    }
    case DurationUnit::kSameDay: {
      const bool today =
          calendar_.IsWorkingDay(day) && local - day < spec.cutoff && received < CloseOf(day);
      return CloseOf(today ? day : NextWorkingDayFrom(day + cal::days(1)));
    }
  }
  throw std::logic_error("unknown duration unit");
}

}  // namespace motcua::calendar
