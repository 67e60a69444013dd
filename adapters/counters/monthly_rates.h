// The plan's rates month by month (GET /v1/stats/trend): for each calendar
// month up to a date, the ten rates and the national score from the per-day
// counters alone. Every rate is a ratio of additive figures (statistics.h),
// which the counters hold exactly for any past day, so each month equals
// GET /v1/stats for the same dates while costing a range sum, not a fold of
// the log: twelve months read in milliseconds at any size. The stock
// figures (the periodic report, the satisfaction rows) are left out.
//
// Not thread-safe with respect to the connection (one owner at a time).
#ifndef MOTCUA_ADAPTERS_COUNTERS_MONTHLY_RATES_H_
#define MOTCUA_ADAPTERS_COUNTERS_MONTHLY_RATES_H_

#include "adapters/metrics/statistics.h"
#include "adapters/sqlite/database.h"
#include "engine/base/status.h"
#include "engine/base/time.h"
#include "engine/catalog/catalog.h"
#include "motcua/v1/stats.pb.h"

namespace motcua::counters {

inline constexpr int kMaxTrendMonths = 24;

// `months` calendar months, oldest first, the last one the month of `last`
// cut at `last`. kInvalidArgument for months outside 1..kMaxTrendMonths.
Result<v1::StatisticsTrend> MonthlyRates(sqlite::Database& db, const catalog::Catalog& catalog,
                                         LocalDays last, int months,
                                         const metrics::StatisticsOptions& options);

}  // namespace motcua::counters

#endif  // MOTCUA_ADAPTERS_COUNTERS_MONTHLY_RATES_H_
