// Period: the span a statistic covers, as officers name it: whole Vietnam
// calendar days, both ends included ("from 2024-03-01 to 2024-03-31").
// Inside it is the half-open UTC interval [start(), end()), so an instant
// belongs to exactly one day and a period's figures are the sum of its days'.
//
// VietnamDays turns UTC instants into Vietnam dates through the zone (never
// by adding hours by hand), caching the zone's current offset interval so a
// scan over a million instants costs a comparison each, not a tz lookup.
//
// Plain values; a VietnamDays is not thread-safe (one per scan).
#ifndef MOTCUA_ADAPTERS_METRICS_PERIOD_H_
#define MOTCUA_ADAPTERS_METRICS_PERIOD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "engine/base/time.h"

namespace motcua::metrics {

struct Period {
  LocalDays from;
  LocalDays to;  // inclusive

  // The first instant of `from` and the first instant after `to`, in UTC.
  Instant start() const { return FromVietnam(LocalTime(from.time_since_epoch())); }
  Instant end() const { return FromVietnam(LocalTime((to + cal::days{1}).time_since_epoch())); }
  std::int64_t start_seconds() const { return ToUnixSeconds(start()); }
  std::int64_t end_seconds() const { return ToUnixSeconds(end()); }
};

// kInvalidArgument (in Vietnamese, naming the text) for a malformed date or
// `to` before `from`.
Result<Period> MakePeriod(std::string_view from, std::string_view to);

// The Vietnam date of UTC instants.
class VietnamDays {
 public:
  LocalDays DayOf(std::int64_t utc_seconds);
  LocalDays DayOf(Instant t) { return DayOf(ToUnixSeconds(t)); }

 private:
  std::int64_t begin_ = 0;  // [begin_, end_) is where offset_ holds
  std::int64_t end_ = 0;
  std::int64_t offset_ = 0;
};

}  // namespace motcua::metrics

#endif  // MOTCUA_ADAPTERS_METRICS_PERIOD_H_
