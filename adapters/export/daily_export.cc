#include "adapters/export/daily_export.h"

#include "adapters/export/stats_csv.h"
#include "adapters/export/stats_json.h"
#include "engine/base/quote.h"

namespace motcua::exporter {

namespace {

LocalDays VietnamDay(Instant t) { return cal::floor<cal::days>(ToVietnam(t)); }

Instant ExportInstant(const DailyExportSchedule& schedule, LocalDays day) {
  return FromVietnam(LocalTime(day.time_since_epoch()) + schedule.time);
}

}  // namespace

Result<DailyExportSchedule> ScheduleOf(const v1::ExportConfig& config) {
  DailyExportSchedule schedule;
  schedule.dir = config.dir();
  if (!config.time().empty()) {
    auto time = ParseClock(config.time());
    if (!time.ok() || *time >= std::chrono::hours(24)) {
      return Status(Error::kConfig, "export.time: giờ xuất số liệu không hợp lệ '" +
                                        QuoteForMessage(config.time()) + "' (cần HH:MM)");
    }
    schedule.time = *time;
  }
  return schedule;
}

metrics::Period DailyExportPeriod(LocalDays day) {
  const cal::year_month_day ymd(day);
  return metrics::Period{LocalDays(ymd.year() / cal::January / 1), day};
}

std::filesystem::path DailyFile(const std::filesystem::path& dir, LocalDays day, const char* ext) {
  return dir / (FormatDate(day) + "." + ext);
}

std::optional<LocalDays> LastExportedDay(const std::filesystem::path& dir) {
  std::optional<LocalDays> last;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() != 15 || name.compare(10, 5, ".json") != 0) continue;
    auto day = ParseDate(std::string_view(name).substr(0, 10));
    if (!day.ok() || FormatDate(*day) != name.substr(0, 10)) continue;
    if (!std::filesystem::exists(DailyFile(dir, *day, "csv"), ec)) continue;
    if (!last || *day > *last) last = *day;
  }
  return last;
}

LocalDays LatestDueDay(const DailyExportSchedule& schedule, Instant now) {
  const LocalDays today = VietnamDay(now);
  return now >= ExportInstant(schedule, today) ? today : today - cal::days{1};
}

std::vector<LocalDays> DueDays(const DailyExportSchedule& schedule,
                               std::optional<LocalDays> last_exported, Instant now,
                               std::size_t max_days) {
  const LocalDays latest = LatestDueDay(schedule, now);
  std::vector<LocalDays> days;
  if (!last_exported) {
    if (max_days > 0) days.push_back(latest);
    return days;
  }
  if (*last_exported >= latest) return days;
  LocalDays first = *last_exported + cal::days{1};
  const auto span = static_cast<std::size_t>((latest - first).count()) + 1;
  if (span > max_days) first = latest - cal::days{static_cast<int>(max_days) - 1};
  for (LocalDays d = first; d <= latest && days.size() < max_days; d += cal::days{1}) {
    days.push_back(d);
  }
  return days;
}

Instant NextExportTime(const DailyExportSchedule& schedule, Instant now) {
  const LocalDays today = VietnamDay(now);
  const Instant at = ExportInstant(schedule, today);
  return now < at ? at : ExportInstant(schedule, today + cal::days{1});
}

Status WriteDailyExport(const std::filesystem::path& dir, LocalDays day,
                        const v1::Statistics& stats, const AtomicWriteOptions& options) {
  MOTCUA_ASSIGN_OR_RETURN(std::string json, StatisticsToJson(stats));
  MOTCUA_RETURN_IF_ERROR(WriteFileAtomically(DailyFile(dir, day, "csv"), StatisticsToCsv(stats), options));
  // The JSON last: a day is done when both exist, and the JSON is what
  // LastExportedDay looks for first.
  return WriteFileAtomically(DailyFile(dir, day, "json"), json + "\n", options);
}

Result<std::vector<LocalDays>> RunDailyExport(const DailyExportSchedule& schedule, Instant now,
                                              const ComputeDay& compute,
                                              const AtomicWriteOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(schedule.dir, ec);
  if (ec) {
    return Status(Error::kStorage,
                  "không tạo được thư mục xuất số liệu " +
                      QuoteForMessage(schedule.dir.string(), kQuotedPathMaxBytes) + ": " +
                      ec.message());
  }
  RemoveStaleTemporaries(schedule.dir);
  std::vector<LocalDays> written;
  for (LocalDays day : DueDays(schedule, LastExportedDay(schedule.dir), now)) {
    MOTCUA_ASSIGN_OR_RETURN(v1::Statistics stats, compute(day));
    MOTCUA_RETURN_IF_ERROR(WriteDailyExport(schedule.dir, day, stats, options));
    written.push_back(day);
  }
  return written;
}

}  // namespace motcua::exporter
