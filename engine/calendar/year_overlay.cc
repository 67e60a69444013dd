#include "engine/calendar/year_overlay.h"

#include <algorithm>
#include <set>
#include <string>

#include "engine/calendar/holiday_rules.h"

namespace motcua::calendar {

namespace {

// How far a swapped day may sit from the holiday it serves, for naming only:
// a swap moves a day within the same or a neighbouring week, and a làm bù
// Saturday is worked up to two weeks before or after the break.
constexpr cal::days kSwapNameReach{7};
constexpr cal::days kWorkedSaturdayNameReach{14};

// The statutory holiday (not compensation) nearest to `day` within `reach`.
const StatutoryDay* NearestHoliday(const std::vector<StatutoryDay>& rules, LocalDays day,
                                   cal::days reach) {
  const StatutoryDay* best = nullptr;
  cal::days best_distance = reach + cal::days(1);
  for (const StatutoryDay& r : rules) {
    if (r.compensatory) continue;
    const cal::days distance = r.day > day ? r.day - day : day - r.day;
    if (distance < best_distance) {
      best = &r;
      best_distance = distance;
    }
  }
  return best;
}

std::string OfficialOffName(const std::vector<StatutoryDay>& rules, LocalDays day) {
  for (const StatutoryDay& r : rules) {
    if (r.day != day) continue;
    std::string name(HolidayName(r.holiday));
    return r.compensatory ? "Nghỉ bù " + name : name;
  }
  if (const StatutoryDay* near = NearestHoliday(rules, day, kSwapNameReach)) {
    return "Nghỉ dịp " + std::string(HolidayName(near->holiday));
  }
  return "Nghỉ theo lịch chính thức";
}

std::string WorkedWeekendName(const std::vector<StatutoryDay>& rules, LocalDays day) {
  if (const StatutoryDay* near = NearestHoliday(rules, day, kWorkedSaturdayNameReach)) {
    return "Làm bù (dịp " + std::string(HolidayName(near->holiday)) + ")";
  }
  return "Làm bù";
}

}  // namespace

Status ValidateYearSchedule(const YearSchedule& schedule) {
  const std::string year = "năm " + std::to_string(schedule.year);
  std::set<LocalDays> seen;
  auto check = [&](LocalDays day, bool off) -> Status {
    const std::string entry = year + ": " + (off ? "off " : "work ") + FormatDate(day);
    if (cal::year_month_day(day).year() != cal::year{schedule.year}) {
      return Status(Error::kConfig, entry + " không thuộc năm " + std::to_string(schedule.year));
    }
    if (off && IsWeekend(day)) {
      return Status(Error::kConfig, entry + " là ngày cuối tuần (off chỉ ghi ngày thường)");
    }
    if (!off && !IsWeekend(day)) {
      return Status(Error::kConfig, entry + " là ngày thường (work chỉ ghi thứ Bảy, Chủ nhật)");
    }
    if (!seen.insert(day).second) return Status(Error::kConfig, entry + " bị ghi hai lần");
    return Status::Ok();
  };
  for (LocalDays day : schedule.off) MOTCUA_RETURN_IF_ERROR(check(day, true));
  for (LocalDays day : schedule.work) MOTCUA_RETURN_IF_ERROR(check(day, false));
  return Status::Ok();
}

Result<std::vector<DayInfo>> ExceptionsOf(int year, const YearSchedule* official) {
  MOTCUA_ASSIGN_OR_RETURN(std::vector<StatutoryDay> rules, StatutoryDaysOff(year));
  std::vector<DayInfo> days;
  if (official != nullptr) {
    for (LocalDays day : official->off) {
      days.push_back({day, DayKind::kOfficialDayOff, OfficialOffName(rules, day)});
    }
    for (LocalDays day : official->work) {
      days.push_back({day, DayKind::kOfficialWorkedWeekend, WorkedWeekendName(rules, day)});
    }
  } else {
    for (const StatutoryDay& r : rules) {
      // A holiday on a weekend changes nothing by itself: the weekend is off
      // anyway, and its compensatory day is listed on its own.
      if (IsWeekend(r.day)) continue;
      std::string name(HolidayName(r.holiday));
      if (r.compensatory) {
        days.push_back({r.day, DayKind::kRuleCompensatoryDay, "Nghỉ bù " + name});
      } else {
        days.push_back({r.day, DayKind::kRuleHoliday, std::move(name)});
      }
    }
  }
  std::sort(days.begin(), days.end(),
            [](const DayInfo& a, const DayInfo& b) { return a.day < b.day; });
  return days;
}

}  // namespace motcua::calendar
