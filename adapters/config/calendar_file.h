// The calendar's files: office hours from the configuration
// (motcua.v1.CalendarConfig) and the official schedules, one or more
// vn-official-days.json-shaped files (motcua.v1.OfficialSchedules) in the
// configured schedule_dir, turned into calendar::CalendarOptions.
//
// Every *.json file of schedule_dir is read, in file-name order, and a later
// file's year replaces an earlier one's, so an administrator adds or corrects
// a year by dropping in one file (e.g. "2027.json", or "z-2026-fix.json"),
// with no rebuild. A year marked "provisional": true is rule-derived, not
// announced: it is validated but not official (and retracts an earlier
// file's entry for that year). An empty schedule_dir means no official data:
// every year is provisional.
//
// Every error is kConfig, one line naming the file and the bad entry.
// Thread safety: free functions with no shared state.
#ifndef MOTCUA_ADAPTERS_CONFIG_CALENDAR_FILE_H_
#define MOTCUA_ADAPTERS_CONFIG_CALENDAR_FILE_H_

#include <filesystem>
#include <memory>
#include <vector>

#include "engine/base/status.h"
#include "engine/calendar/working_calendar.h"
#include "motcua/v1/config.pb.h"

namespace motcua::config {

// Office hours from the configuration: periods "MM-DD" with sessions
// "HH:MM"–"HH:MM"; no period at all means OfficeHours::Default(). `source`
// names the configuration file in errors.
Result<calendar::OfficeHours> ParseOfficeHours(const v1::OfficeHours& hours,
                                               const std::string& source);

// One schedules file: the years it makes official, in year order, and the
// years it marks provisional.
struct ScheduleFile {
  std::vector<calendar::YearSchedule> official;
  std::vector<int> provisional;
};
Result<ScheduleFile> LoadScheduleFile(const std::filesystem::path& path);

// Every *.json in `dir`, merged as described above, in year order.
Result<std::vector<calendar::YearSchedule>> LoadScheduleDir(const std::filesystem::path& dir);

// The options for WorkingCalendar::Build. A relative schedule_dir is taken
// relative to the working directory (LoadServerConfig has already resolved
// it against the configuration file's folder). `config_file`, when given,
// names the configuration in office-hours errors.
Result<calendar::CalendarOptions> LoadCalendarOptions(
    const v1::CalendarConfig& config, const std::filesystem::path& config_file = {});

// LoadCalendarOptions, then WorkingCalendar::Build.
Result<std::shared_ptr<const calendar::WorkingCalendar>> LoadCalendar(
    const v1::CalendarConfig& config, const std::filesystem::path& config_file = {});

}  // namespace motcua::config

#endif  // MOTCUA_ADAPTERS_CONFIG_CALENDAR_FILE_H_
