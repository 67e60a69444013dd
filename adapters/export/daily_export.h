// The daily export: every day at a configured Vietnam time (default 17:30)
// motcuad writes that day's statistics to a configured folder as
// YYYY-MM-DD.json and YYYY-MM-DD.csv, each atomically (atomic_file.h).
//
// The file of day D holds the statistics of the year to date, 1 January to
// D (the plan's targets are yearly), as they stand when it is written: at
// the export time on D, or later if D is written by catch-up.
//
// Catch-up: the folder is the record of what was done. A day counts as
// exported when both of its files are there; on start and at every export
// time every day after the last exported one up to the latest due one is
// written, oldest first, so days missed while the server was down are
// filled in. An empty folder gets only the latest due day (nothing says
// the server was meant to run before), and catch-up goes back at most
// kMaxCatchUpDays.
//
// Anchors: ComputeDay may set the statistics' log_head (the runtime sets
// the log's head as it reads it: seq and chain hash); the JSON then carries
// it, so that a copy of the folder kept elsewhere can later prove the log's
// history up to that event unchanged (`motcua check --anchors`,
// docs/guarantees.md). The CSV does not: it is for spreadsheets.
//
// The schedule arithmetic is pure; RunDailyExport touches the folder.
// Nothing here is thread-safe against another writer of the same folder.
#ifndef MOTCUA_ADAPTERS_EXPORT_DAILY_EXPORT_H_
#define MOTCUA_ADAPTERS_EXPORT_DAILY_EXPORT_H_

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "adapters/export/atomic_file.h"
#include "adapters/metrics/period.h"
#include "engine/base/status.h"
#include "engine/base/time.h"
#include "motcua/v1/config.pb.h"
#include "motcua/v1/stats.pb.h"

namespace motcua::exporter {

inline constexpr std::size_t kMaxCatchUpDays = 366;

struct DailyExportSchedule {
  std::filesystem::path dir;
  std::chrono::minutes time{17 * 60 + 30};  // after midnight, Vietnam time
};

// From the server configuration (its dir already resolved against the
// config file); kConfig for a malformed time. An empty dir means disabled:
// check `config.dir().empty()` first.
Result<DailyExportSchedule> ScheduleOf(const v1::ExportConfig& config);

// The statistics period of day D's file: 1 January of D's year to D.
metrics::Period DailyExportPeriod(LocalDays day);

std::filesystem::path DailyFile(const std::filesystem::path& dir, LocalDays day, const char* ext);

// The newest day with both files in `dir`; nullopt when none (or no folder).
std::optional<LocalDays> LastExportedDay(const std::filesystem::path& dir);

// The newest day whose export time is at or before `now`.
LocalDays LatestDueDay(const DailyExportSchedule& schedule, Instant now);

// The days to write at `now`, oldest first.
std::vector<LocalDays> DueDays(const DailyExportSchedule& schedule,
                               std::optional<LocalDays> last_exported, Instant now,
                               std::size_t max_days = kMaxCatchUpDays);

// The first export time strictly after `now`.
Instant NextExportTime(const DailyExportSchedule& schedule, Instant now);

// Writes the CSV and then the JSON of `day` (each atomically).
Status WriteDailyExport(const std::filesystem::path& dir, LocalDays day,
                        const v1::Statistics& stats, const AtomicWriteOptions& options = {});

// Computes and writes every due day; stops at the first error. Returns the
// days written. Creates the folder if needed and removes temporary files a
// crash left there.
using ComputeDay = std::function<Result<v1::Statistics>(LocalDays day)>;
Result<std::vector<LocalDays>> RunDailyExport(const DailyExportSchedule& schedule, Instant now,
                                              const ComputeDay& compute,
                                              const AtomicWriteOptions& options = {});

}  // namespace motcua::exporter

#endif  // MOTCUA_ADAPTERS_EXPORT_DAILY_EXPORT_H_
