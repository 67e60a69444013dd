#include "engine/calendar/office_hours.h"

#include <cstdio>

namespace motcua::calendar {

namespace {

using std::chrono::minutes;

std::string Clock(minutes m) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(m.count() / 60),
                static_cast<int>(m.count() % 60));
  return text;
}

std::string MonthDay(const OfficeHoursPeriod& p) {
  char text[8];
  std::snprintf(text, sizeof text, "%02u-%02u", p.month % 100, p.day % 100);
  return text;
}

bool Before(const OfficeHoursPeriod& a, const OfficeHoursPeriod& b) {
  return a.month < b.month || (a.month == b.month && a.day < b.day);
}

}  // namespace

OfficeHours OfficeHours::Default() {
  return OfficeHours{{OfficeHoursPeriod{1,
                                        1,
                                        {Session{minutes(7 * 60), minutes(11 * 60 + 30)},
                                         Session{minutes(13 * 60 + 30), minutes(17 * 60)}}}}};
}

Status ValidateOfficeHours(const OfficeHours& hours) {
  if (hours.periods.empty()) return Status(Error::kConfig, "giờ làm việc: không có giai đoạn nào");
  for (std::size_t i = 0; i < hours.periods.size(); ++i) {
    const OfficeHoursPeriod& p = hours.periods[i];
    const std::string where = "giờ làm việc từ " + MonthDay(p);
    const cal::month_day md{cal::month{p.month}, cal::day{p.day}};
    // 02-29 exists one year in four; a period must start every year.
    if (!md.ok() || (p.month == 2 && p.day == 29)) {
      return Status(Error::kConfig, where + ": ngày bắt đầu không hợp lệ (cần MM-DD có mỗi năm)");
    }
    if (i > 0 && !Before(hours.periods[i - 1], p)) {
      return Status(Error::kConfig,
                    where + ": các giai đoạn phải theo thứ tự ngày và không trùng nhau");
    }
    if (p.sessions.empty()) return Status(Error::kConfig, where + ": không có ca làm việc");
    for (std::size_t j = 0; j < p.sessions.size(); ++j) {
      const Session& s = p.sessions[j];
      const std::string session = where + ", ca " + Clock(s.start) + "–" + Clock(s.end);
      if (s.start < minutes(0) || s.end > minutes(24 * 60) || s.start >= s.end) {
        return Status(Error::kConfig,
                      session + ": giờ bắt đầu phải trước giờ kết thúc, trong 00:00–24:00");
      }
      if (j > 0 && s.start < p.sessions[j - 1].end) {
        return Status(Error::kConfig, session + ": chồng lên hoặc đứng trước ca " +
                                          Clock(p.sessions[j - 1].start) + "–" +
                                          Clock(p.sessions[j - 1].end));
      }
    }
  }
  return Status::Ok();
}

std::size_t PeriodIndexOn(const OfficeHours& hours, LocalDays day) {
  const cal::year_month_day ymd{day};
  const OfficeHoursPeriod probe{
      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), {}};
  // The last period starting on or before the day; before the first one the
  // previous year's last period is still in force.
  std::size_t index = hours.periods.size() - 1;
  for (std::size_t i = 0; i < hours.periods.size(); ++i) {
    if (Before(probe, hours.periods[i])) break;
    index = i;
  }
  return index;
}

std::string FormatSessions(const std::vector<Session>& sessions) {
  std::string text;
  for (const Session& s : sessions) {
    if (!text.empty()) text += ", ";
    text += Clock(s.start) + "–" + Clock(s.end);
  }
  return text;
}

}  // namespace motcua::calendar
