#include "engine/calendar/working_calendar.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <string>
#include <utility>

#include "engine/calendar/holiday_rules.h"

namespace motcua::calendar {

namespace {

using std::chrono::seconds;

constexpr int kLunarFirstYear = 1900;  // where lunar_calendar.h is verified
constexpr int kLunarLastYear = 2100;
constexpr std::int64_t kSecondsPerWorkingDay = 8 * 3600;  // one working day = 8 hours
constexpr std::int64_t kNominalDaySeconds = 86400;

std::int64_t Unix(Instant t) { return ToUnixSeconds(t); }

Status OutOfRange(const std::string& what) {
  return Status(Error::kInvalidArgument, what + " nằm ngoài phạm vi của lịch làm việc");
}

}  // namespace

// The precomputed tables. Every member is set by Create and constant after,
// which is what makes the calendar's const methods thread-safe.
class WorkingCalendar::Impl {
 public:
  // One Vietnam calendar day. Instants are Unix seconds (UTC).
  struct DayRecord {
    std::int64_t start = 0;           // the day's first instant (local midnight)
    std::int64_t worked_before = 0;   // working seconds in [range start, start)
    std::uint32_t first_session = 0;  // this day's sessions: [first_session, next day's)
    DayKind kind = DayKind::kWorkday;
    friend bool operator==(const DayRecord&, const DayRecord&) = default;
  };
  struct Span {
    std::int64_t start;
    std::int64_t end;
    friend bool operator==(const Span&, const Span&) = default;
  };

  static Result<std::unique_ptr<Impl>> Create(CalendarOptions options);

  int first_year_ = 0;
  int last_year_ = 0;
  LocalDays first_day_;
  // days_.size() == day count + 1: the sentinel holds the range's end
  // instant, the total working time and the end of sessions_.
  std::vector<DayRecord> days_;
  std::vector<Span> sessions_;
  // provisional_before_[y]: how many of the range's first y years have no
  // official schedule, so "any provisional year in [a, b]" is one subtraction.
  std::vector<int> provisional_before_;
  std::vector<std::vector<DayInfo>> exceptions_;  // per year of the range

  std::int64_t day_count() const { return static_cast<std::int64_t>(days_.size()) - 1; }
  std::int64_t range_start() const { return days_.front().start; }
  std::int64_t range_end() const { return days_.back().start; }
  std::int64_t total_worked() const { return days_.back().worked_before; }
  bool Covers(std::int64_t t) const { return t >= range_start() && t < range_end(); }

  const Span* SessionsBegin(std::int64_t i) const {
    return sessions_.data() + days_[static_cast<std::size_t>(i)].first_session;
  }
  const Span* SessionsEnd(std::int64_t i) const {
    return sessions_.data() + days_[static_cast<std::size_t>(i) + 1].first_session;
  }
  const DayRecord& Day(std::int64_t i) const { return days_[static_cast<std::size_t>(i)]; }

  // The index of the day containing `t`, which must be covered. Days are
  // close to 86,400 s (the zone's historical offsets differ by at most two
  // hours), so the nominal guess is off by at most one day and two
  // comparisons with the zone-derived day starts correct it: O(1).
  std::int64_t DayIndex(std::int64_t t) const {
    const std::int64_t since = t - range_start();
    std::int64_t i = since / kNominalDaySeconds;
    i = std::clamp<std::int64_t>(i, 0, day_count() - 1);
    while (i + 1 < day_count() && Day(i + 1).start <= t) ++i;
    while (i > 0 && Day(i).start > t) --i;
    return i;
  }

  std::int64_t DayIndex(LocalDays day) const { return (day - first_day_).count(); }

  // Working seconds in [range start, t), clamped to the range.
  std::int64_t WorkedBefore(std::int64_t t) const {
    if (t <= range_start()) return 0;
    if (t >= range_end()) return total_worked();
    const std::int64_t i = DayIndex(t);
    std::int64_t worked = Day(i).worked_before;
    for (const Span* s = SessionsBegin(i); s != SessionsEnd(i); ++s) {
      if (t <= s->start) break;
      if (t < s->end) return worked + (t - s->start);
      worked += s->end - s->start;
    }
    return worked;
  }

  // The first day j whose end has worked_before above `w` (strictly, or at
  // least `w`), found by galloping from `hint` then bisecting, so a deadline
  // N days ahead costs O(log N). Requires such a day to exist.
  std::int64_t FirstDayReaching(std::int64_t w, bool strictly, std::int64_t hint) const {
    auto reached = [&](std::int64_t j) {
      const std::int64_t after = Day(j + 1).worked_before;
      return strictly ? after > w : after >= w;
    };
    const std::int64_t last = day_count() - 1;
    hint = std::clamp<std::int64_t>(hint, 0, last);
    // Invariant after galloping: (lo == -1 || !reached(lo)) && reached(hi).
    std::int64_t lo;
    std::int64_t hi;
    std::int64_t step = 1;
    if (reached(hint)) {
      hi = hint;
      lo = hint - 1;
      while (lo >= 0 && reached(lo)) {
        hi = lo;
        step *= 2;
        lo = hi - step;
      }
      lo = std::max<std::int64_t>(lo, -1);
    } else {
      lo = hint;
      hi = std::min(hint + 1, last);
      while (hi < last && !reached(hi)) {
        lo = hi;
        step *= 2;
        hi = std::min(lo + step, last);
      }
    }
    while (hi - lo > 1) {
      const std::int64_t mid = lo + (hi - lo) / 2;
      (reached(mid) ? hi : lo) = mid;
    }
    return hi;
  }

  // The earliest instant at which WorkedBefore reaches `w` (0 < w <= total):
  // a target that ends a session exactly is met at that session's close.
  std::int64_t EarliestReaching(std::int64_t w, std::int64_t hint) const {
    const std::int64_t j = FirstDayReaching(w, /*strictly=*/false, hint);
    std::int64_t remaining = w - Day(j).worked_before;
    for (const Span* s = SessionsBegin(j); s != SessionsEnd(j); ++s) {
      const std::int64_t length = s->end - s->start;
      if (remaining <= length) return s->start + remaining;
      remaining -= length;
    }
    assert(false && "worked_before and sessions_ disagree");
    return range_end();
  }

  // The latest instant at which WorkedBefore is still `w` (0 <= w < total):
  // the moment working time resumes after `w` seconds of it.
  std::int64_t LatestAt(std::int64_t w, std::int64_t hint) const {
    const std::int64_t j = FirstDayReaching(w, /*strictly=*/true, hint);
    std::int64_t remaining = w - Day(j).worked_before;
    for (const Span* s = SessionsBegin(j); s != SessionsEnd(j); ++s) {
      const std::int64_t length = s->end - s->start;
      if (remaining < length) return s->start + remaining;
      remaining -= length;
    }
    assert(false && "worked_before and sessions_ disagree");
    return range_end();
  }

  // The first working day at or after day `i`, or day_count() if none.
  std::int64_t FirstWorkingDayFrom(std::int64_t i) const {
    if (i >= day_count() || Day(i).worked_before >= total_worked()) return day_count();
    return FirstDayReaching(Day(i).worked_before, /*strictly=*/true, i);
  }

  std::int64_t CloseOf(std::int64_t working_day) const {
    return (SessionsEnd(working_day) - 1)->end;
  }

  int YearOfDay(std::int64_t i) const {
    return static_cast<int>(cal::year_month_day(first_day_ + cal::days(i)).year());
  }

  bool AnyProvisional(int from_year, int to_year) const {
    if (from_year > to_year) std::swap(from_year, to_year);
    if (from_year < first_year_ || to_year > last_year_) return true;
    return provisional_before_[static_cast<std::size_t>(to_year - first_year_ + 1)] >
           provisional_before_[static_cast<std::size_t>(from_year - first_year_)];
  }
};

Result<std::unique_ptr<WorkingCalendar::Impl>> WorkingCalendar::Impl::Create(
    CalendarOptions options) {
  if (options.first_year < kLunarFirstYear || options.last_year > kLunarLastYear ||
      options.first_year > options.last_year) {
    return Status(Error::kConfig, "phạm vi lịch " + std::to_string(options.first_year) + "–" +
                                      std::to_string(options.last_year) +
                                      " không hợp lệ (phải nằm trong 1900–2100)");
  }
  MOTCUA_RETURN_IF_ERROR(ValidateOfficeHours(options.office_hours));
  std::map<int, const YearSchedule*> official;
  for (const YearSchedule& schedule : options.official) {
    if (schedule.year < options.first_year || schedule.year > options.last_year) {
      return Status(Error::kConfig, "lịch chính thức năm " + std::to_string(schedule.year) +
                                        " nằm ngoài phạm vi lịch");
    }
    if (!official.emplace(schedule.year, &schedule).second) {
      return Status(Error::kConfig,
                    "năm " + std::to_string(schedule.year) + " có hai lịch chính thức");
    }
    MOTCUA_RETURN_IF_ERROR(ValidateYearSchedule(schedule));
  }

  auto impl = std::make_unique<Impl>();
  impl->first_year_ = options.first_year;
  impl->last_year_ = options.last_year;
  impl->first_day_ = LocalDays(cal::year{options.first_year} / cal::January / 1);
  const LocalDays end_day = LocalDays(cal::year{options.last_year + 1} / cal::January / 1);
  const auto years = static_cast<std::size_t>(options.last_year - options.first_year + 1);

  // Day kinds: the weekday pattern, then each year's exceptions (official
  // schedule or rules; year_overlay.h decides which).
  const auto day_count = static_cast<std::size_t>((end_day - impl->first_day_).count());
  std::vector<DayKind> kinds(day_count);
  for (std::size_t i = 0; i < day_count; ++i) {
    const LocalDays day = impl->first_day_ + cal::days(static_cast<std::int64_t>(i));
    kinds[i] = IsWeekend(day) ? DayKind::kWeekend : DayKind::kWorkday;
  }
  impl->provisional_before_.assign(years + 1, 0);
  impl->exceptions_.resize(years);
  for (std::size_t y = 0; y < years; ++y) {
    const int year = options.first_year + static_cast<int>(y);
    const auto it = official.find(year);
    const YearSchedule* schedule = it == official.end() ? nullptr : it->second;
    impl->provisional_before_[y + 1] = impl->provisional_before_[y] + (schedule == nullptr);
    MOTCUA_ASSIGN_OR_RETURN(impl->exceptions_[y], ExceptionsOf(year, schedule));
    for (const DayInfo& info : impl->exceptions_[y]) {
      kinds[static_cast<std::size_t>(impl->DayIndex(info.day))] = info.kind;
    }
  }

  // Day starts and sessions as UTC instants, through the zone; the running
  // sum gives each day's worked_before.
  impl->days_.reserve(day_count + 1);
  std::int64_t worked = 0;
  for (std::size_t i = 0; i <= day_count; ++i) {
    const LocalDays day = impl->first_day_ + cal::days(static_cast<std::int64_t>(i));
    DayRecord record;
    record.start = Unix(FromVietnam(LocalTime(day)));
    record.worked_before = worked;
    record.first_session = static_cast<std::uint32_t>(impl->sessions_.size());
    record.kind = i < day_count ? kinds[i] : DayKind::kOutOfRange;
    if (!impl->days_.empty() && record.start <= impl->days_.back().start) {
      return Status(Error::kInternal, "múi giờ Asia/Ho_Chi_Minh cho ngày " + FormatDate(day) +
                                          " bắt đầu không sau ngày trước");
    }
    impl->days_.push_back(record);
    if (!IsWorkingKind(record.kind)) continue;
    const OfficeHoursPeriod& period =
        options.office_hours.periods[PeriodIndexOn(options.office_hours, day)];
    for (const Session& session : period.sessions) {
      const std::int64_t start = Unix(FromVietnam(LocalTime(day) + session.start));
      const std::int64_t end = Unix(FromVietnam(LocalTime(day) + session.end));
      const std::int64_t previous_end =
          impl->sessions_.size() > record.first_session ? impl->sessions_.back().end : record.start;
      // The lookups assume sessions strictly ordered in UTC; a zone
      // transition inside office hours could break that, so check it here.
      if (start < previous_end || end <= start) {
        return Status(Error::kInternal, "giờ làm việc ngày " + FormatDate(day) +
                                            " không liên tục theo múi giờ Asia/Ho_Chi_Minh");
      }
      impl->sessions_.push_back({start, end});
      worked += end - start;
    }
  }
  // Sessions ending at 24:00 must not run into the next day's first instant.
  for (std::size_t i = 0; i + 1 < impl->days_.size(); ++i) {
    const std::uint32_t next = impl->days_[i + 1].first_session;
    if (next > impl->days_[i].first_session &&
        impl->sessions_[next - 1].end > impl->days_[i + 1].start) {
      return Status(Error::kInternal, "giờ làm việc vượt quá nửa đêm");
    }
  }
  return impl;
}

Result<std::shared_ptr<const WorkingCalendar>> WorkingCalendar::Build(CalendarOptions options) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<Impl> impl, Impl::Create(std::move(options)));
  return std::shared_ptr<const WorkingCalendar>(new WorkingCalendar(std::move(impl)));
}

WorkingCalendar::WorkingCalendar(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WorkingCalendar::~WorkingCalendar() = default;

int WorkingCalendar::first_year() const noexcept { return impl_->first_year_; }
int WorkingCalendar::last_year() const noexcept { return impl_->last_year_; }

bool WorkingCalendar::Covers(Instant t) const noexcept { return impl_->Covers(Unix(t)); }

bool WorkingCalendar::SameWorkingTime(const WorkingCalendar& other) const noexcept {
  const Impl& a = *impl_;
  const Impl& b = *other.impl_;
  return a.first_year_ == b.first_year_ && a.last_year_ == b.last_year_ && a.days_ == b.days_ &&
         a.sessions_ == b.sessions_ && a.provisional_before_ == b.provisional_before_;
}

bool WorkingCalendar::IsWorkingDay(LocalDays day) const noexcept {
  return IsWorkingKind(Classify(day));
}

bool WorkingCalendar::IsProvisional(int year) const noexcept {
  return impl_->AnyProvisional(year, year);
}

DayKind WorkingCalendar::Classify(LocalDays day) const noexcept {
  const std::int64_t i = impl_->DayIndex(day);
  if (i < 0 || i >= impl_->day_count()) return DayKind::kOutOfRange;
  return impl_->Day(i).kind;
}

std::vector<DayInfo> WorkingCalendar::Exceptions(int year) const {
  if (year < impl_->first_year_ || year > impl_->last_year_) return {};
  return impl_->exceptions_[static_cast<std::size_t>(year - impl_->first_year_)];
}

bool WorkingCalendar::InOfficeHours(Instant t) const noexcept {
  const std::int64_t u = Unix(t);
  if (!impl_->Covers(u)) return false;
  const std::int64_t i = impl_->DayIndex(u);
  for (const Impl::Span* s = impl_->SessionsBegin(i); s != impl_->SessionsEnd(i); ++s) {
    if (u >= s->start && u < s->end) return true;
  }
  return false;
}

Result<Instant> WorkingCalendar::ClockStart(Instant t) const {
  const std::int64_t u = Unix(t);
  if (!impl_->Covers(u)) return OutOfRange("thời điểm " + FormatVietnamMinute(t));
  const std::int64_t worked = impl_->WorkedBefore(u);
  if (worked >= impl_->total_worked()) {
    return OutOfRange("giờ mở cửa tiếp theo sau " + FormatVietnamMinute(t));
  }
  return FromUnixSeconds(impl_->LatestAt(worked, impl_->DayIndex(u)));
}

std::chrono::seconds WorkingCalendar::WorkingTimeBetween(Instant from, Instant to) const {
  if (to <= from) return seconds(0);
  return seconds(impl_->WorkedBefore(Unix(to)) - impl_->WorkedBefore(Unix(from)));
}

Result<Instant> WorkingCalendar::AddWorkingTime(Instant from, std::chrono::seconds amount) const {
  if (amount < seconds(0)) return Status(Error::kInvalidArgument, "thời lượng cộng thêm bị âm");
  const std::int64_t u = Unix(from);
  if (!impl_->Covers(u)) return OutOfRange("thời điểm " + FormatVietnamMinute(from));
  if (amount == seconds(0)) return from;
  const std::int64_t target = impl_->WorkedBefore(u) + amount.count();
  if (target > impl_->total_worked()) {
    return OutOfRange("thời hạn tính từ " + FormatVietnamMinute(from));
  }
  return FromUnixSeconds(impl_->EarliestReaching(target, impl_->DayIndex(u)));
}

Result<Instant> WorkingCalendar::SubtractWorkingTime(Instant to,
                                                     std::chrono::seconds amount) const {
  if (amount < seconds(0)) return Status(Error::kInvalidArgument, "thời lượng trừ đi bị âm");
  const std::int64_t u = Unix(to);
  if (!impl_->Covers(u)) return OutOfRange("thời điểm " + FormatVietnamMinute(to));
  if (amount == seconds(0)) return to;
  const std::int64_t target = impl_->WorkedBefore(u) - amount.count();
  if (target < 0) return OutOfRange("thời điểm trước " + FormatVietnamMinute(to));
  return FromUnixSeconds(impl_->LatestAt(target, impl_->DayIndex(u)));
}

bool WorkingCalendar::DependsOnProvisional(Instant from, Instant to) const noexcept {
  const std::int64_t a = Unix(from);
  const std::int64_t b = Unix(to);
  if (!impl_->Covers(a) || !impl_->Covers(b)) return true;
  return impl_->AnyProvisional(impl_->YearOfDay(impl_->DayIndex(a)),
                               impl_->YearOfDay(impl_->DayIndex(b)));
}

Result<Due> WorkingCalendar::ComputeDue(Instant received, const DeadlineSpec& spec) const {
  if (spec.amount < 0) {
    return Status(Error::kInvalidArgument,
                  "thời hạn giải quyết bị âm (" + std::to_string(spec.amount) + ")");
  }
  const std::int64_t u = Unix(received);
  if (!impl_->Covers(u)) return OutOfRange("thời điểm tiếp nhận " + FormatVietnamMinute(received));

  Instant due;
  switch (spec.unit) {
    case DurationUnit::kWorkingHours:
    case DurationUnit::kWorkingDays: {
      const std::int64_t hour_seconds = 3600;
      const std::int64_t amount =
          spec.amount *
          (spec.unit == DurationUnit::kWorkingDays ? kSecondsPerWorkingDay : hour_seconds);
      // Adding from the receipt itself equals adding from the clock start:
      // no working time passes between them.
      if (amount == 0) {
        MOTCUA_ASSIGN_OR_RETURN(due, ClockStart(received));
      } else {
        MOTCUA_ASSIGN_OR_RETURN(due, AddWorkingTime(received, seconds(amount)));
      }
      break;
    }
    case DurationUnit::kCalendarDays:
    case DurationUnit::kSameDay: {
      // The received Vietnam date and wall-clock time, from the zone (the
      // cutoff is a wall-clock rule).
      const LocalTime local = ToVietnam(received);
      const LocalDays received_day = cal::floor<cal::days>(local);
      const std::int64_t i = impl_->DayIndex(received_day);
      std::int64_t day;
      if (spec.unit == DurationUnit::kCalendarDays) {
        day = impl_->FirstWorkingDayFrom(i + spec.amount);
        if (day == i && u >= impl_->CloseOf(day)) day = impl_->FirstWorkingDayFrom(i + 1);
      } else {
        if (spec.cutoff < std::chrono::minutes(0) || spec.cutoff > std::chrono::hours(24)) {
          return Status(Error::kInvalidArgument, "giờ chốt nhận hồ sơ phải trong 00:00–24:00");
        }
        const bool same_day = IsWorkingKind(impl_->Day(i).kind) &&
                              local - received_day < spec.cutoff && u < impl_->CloseOf(i);
        day = same_day ? i : impl_->FirstWorkingDayFrom(i + 1);
      }
      if (day >= impl_->day_count()) {
        return OutOfRange("thời hạn tính từ " + FormatVietnamMinute(received));
      }
      due = FromUnixSeconds(impl_->CloseOf(day));
      break;
    }
  }
  return Due{due, DependsOnProvisional(received, due)};
}

}  // namespace motcua::calendar
