// Time at the engine's edges. Inside, every instant is UTC (Instant, whole
// seconds since the Unix epoch). Vietnam local time exists only where people
// see or type it and at the calendar's day boundaries, and always goes
// through the Asia/Ho_Chi_Minh zone of the system tz database, never through
// the machine's local zone or a hand-added +7.
//
// Thread safety: all functions are safe to call concurrently.
#ifndef MOTCUA_ENGINE_BASE_TIME_H_
#define MOTCUA_ENGINE_BASE_TIME_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/base/date_alias.h"
#include "engine/base/status.h"

namespace motcua {

using Instant = cal::sys_seconds;               // UTC
using LocalTime = cal::local_seconds;           // Vietnam wall-clock time
using LocalDays = cal::local_days;              // a Vietnam calendar date

inline std::int64_t ToUnixSeconds(Instant t) noexcept { return t.time_since_epoch().count(); }
inline Instant FromUnixSeconds(std::int64_t s) noexcept { return Instant(std::chrono::seconds(s)); }

// The Asia/Ho_Chi_Minh zone. Throws std::runtime_error at first use if the
// system tz database (package tzdata) is missing: a startup failure.
const cal::time_zone& VietnamZone();

LocalTime ToVietnam(Instant t);
Instant FromVietnam(LocalTime t);

// "YYYY-MM-DD HH:MM" in Vietnam time (the format on receipts and in the CLI).
std::string FormatVietnamMinute(Instant t);
// Any date::format pattern, in Vietnam time.
std::string FormatVietnam(Instant t, const char* pattern);

// Parses "YYYY-MM-DD HH:MM" (or "YYYY-MM-DDTHH:MM") as Vietnam time.
Result<Instant> ParseVietnamMinute(std::string_view text);
// Parses "YYYY-MM-DD".
Result<LocalDays> ParseDate(std::string_view text);
// Parses "HH:MM" into minutes after midnight.
Result<std::chrono::minutes> ParseClock(std::string_view text);

std::string FormatDate(LocalDays day);

}  // namespace motcua

#endif  // MOTCUA_ENGINE_BASE_TIME_H_
