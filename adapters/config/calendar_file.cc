#include "adapters/config/calendar_file.h"

#include <algorithm>
#include <map>
#include <string>
#include <system_error>

#include "adapters/config/json_file.h"
#include "engine/base/quote.h"
#include "engine/base/time.h"

namespace motcua::config {

namespace {

using calendar::YearSchedule;

// The years the calendar can hold (its lunar range).
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2100;

Status Bad(const std::string& where, const std::string& what) {
  return Status(Error::kConfig, where + ": " + what);
}

// "MM-DD" into (month, day); the engine checks that the day exists.
Result<calendar::OfficeHoursPeriod> ParseFrom(const std::string& text) {
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  const bool shape =
      text.size() == 5 && text[2] == '-' && digit(0) && digit(1) && digit(3) && digit(4);
  if (!shape) {
    return Status(Error::kConfig, "from '" + QuoteForMessage(text) + "' không hợp lệ (cần MM-DD)");
  }
  calendar::OfficeHoursPeriod period;
  period.month = static_cast<unsigned>(std::stoi(text.substr(0, 2)));
  period.day = static_cast<unsigned>(std::stoi(text.substr(3, 2)));
  return period;
}

Result<std::vector<LocalDays>> ParseDays(
    const google::protobuf::RepeatedPtrField<std::string>& texts, const std::string& where,
    const char* field) {
  std::vector<LocalDays> days;
  for (const std::string& text : texts) {
    auto day = ParseDate(text);
    if (!day.ok()) return Bad(where, std::string(field) + ": " + day.status().message());
    days.push_back(*day);
  }
  return days;
}

}  // namespace

Result<calendar::OfficeHours> ParseOfficeHours(const v1::OfficeHours& hours,
                                               const std::string& source) {
  if (hours.periods().empty()) return calendar::OfficeHours::Default();
  calendar::OfficeHours result;
  for (int i = 0; i < hours.periods_size(); ++i) {
    const v1::OfficeHours::Period& p = hours.periods(i);
    const std::string where = source + ": calendar.office_hours.periods[" + std::to_string(i) + "]";
    auto period = ParseFrom(p.from());
    if (!period.ok()) return Bad(where, period.status().message());
    for (int j = 0; j < p.sessions_size(); ++j) {
      const v1::TimeRange& range = p.sessions(j);
      const std::string session = where + ".sessions[" + std::to_string(j) + "] '" +
                                  QuoteForMessage(range.start()) + "'–'" +
                                  QuoteForMessage(range.end()) + "'";
      auto start = ParseClock(range.start());
      if (!start.ok()) return Bad(session, start.status().message());
      auto end = ParseClock(range.end());
      if (!end.ok()) return Bad(session, end.status().message());
      period->sessions.push_back({*start, *end});
    }
    // Checked per period so that the message can name it.
    calendar::OfficeHours single{{*period}};
    if (Status s = calendar::ValidateOfficeHours(single); !s.ok()) return Bad(where, s.message());
    result.periods.push_back(std::move(*period));
  }
  if (Status s = calendar::ValidateOfficeHours(result); !s.ok()) {
    return Bad(source + ": calendar.office_hours", s.message());
  }
  return result;
}

Result<ScheduleFile> LoadScheduleFile(const std::filesystem::path& path) {
  v1::OfficialSchedules file;
  MOTCUA_RETURN_IF_ERROR(ReadJsonFile(path, file));
  // Map order is unspecified in protobuf; sort so that the first error
  // reported is the same on every run.
  std::map<std::string, const v1::YearSchedule*> years;
  for (const auto& [key, schedule] : file.years()) years.emplace(key, &schedule);

  ScheduleFile result;
  for (const auto& [key, schedule] : years) {
    const std::string where = QuoteForMessage(path.string(), kQuotedPathMaxBytes) + ": năm '" + QuoteForMessage(key) + "'";
    const bool digits = key.size() == 4 && std::all_of(key.begin(), key.end(),
                                                       [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) return Bad(where, "tên năm phải là 4 chữ số");
    const int year = std::stoi(key);
    if (year < kFirstYear || year > kLastYear) return Bad(where, "nằm ngoài phạm vi 1900–2100");
    YearSchedule entry;
    entry.year = year;
    MOTCUA_ASSIGN_OR_RETURN(entry.off, ParseDays(schedule->off(), where, "off"));
    MOTCUA_ASSIGN_OR_RETURN(entry.work, ParseDays(schedule->work(), where, "work"));
    if (Status s = calendar::ValidateYearSchedule(entry); !s.ok()) {
      return Bad(QuoteForMessage(path.string(), kQuotedPathMaxBytes), s.message());
    }
    if (schedule->provisional()) {
      result.provisional.push_back(year);
    } else {
      result.official.push_back(std::move(entry));
    }
  }
  return result;
}

Result<std::vector<YearSchedule>> LoadScheduleDir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Bad(QuoteForMessage(dir.string(), kQuotedPathMaxBytes),
               "không phải thư mục lịch (calendar.schedule_dir)");
  }
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) {
    return Bad(QuoteForMessage(dir.string(), kQuotedPathMaxBytes),
               "không đọc được thư mục: " + ec.message());
  }
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.filename() < b.filename(); });

  std::map<int, YearSchedule> merged;
  for (const std::filesystem::path& file : files) {
    MOTCUA_ASSIGN_OR_RETURN(ScheduleFile loaded, LoadScheduleFile(file));
    for (YearSchedule& year : loaded.official) merged[year.year] = std::move(year);
    for (int year : loaded.provisional) merged.erase(year);
  }
  std::vector<YearSchedule> result;
  for (auto& [year, schedule] : merged) result.push_back(std::move(schedule));
  return result;
}

Result<calendar::CalendarOptions> LoadCalendarOptions(const v1::CalendarConfig& config,
                                                      const std::filesystem::path& config_file) {
  calendar::CalendarOptions options;
  const std::string source = config_file.empty()
                                 ? "cấu hình"
                                 : QuoteForMessage(config_file.string(), kQuotedPathMaxBytes);
  MOTCUA_ASSIGN_OR_RETURN(options.office_hours, ParseOfficeHours(config.office_hours(), source));
  if (!config.schedule_dir().empty()) {
    MOTCUA_ASSIGN_OR_RETURN(options.official, LoadScheduleDir(config.schedule_dir()));
  }
  return options;
}

Result<std::shared_ptr<const calendar::WorkingCalendar>> LoadCalendar(
    const v1::CalendarConfig& config, const std::filesystem::path& config_file) {
  MOTCUA_ASSIGN_OR_RETURN(calendar::CalendarOptions options,
                          LoadCalendarOptions(config, config_file));
  return calendar::WorkingCalendar::Build(std::move(options));
}

}  // namespace motcua::config
