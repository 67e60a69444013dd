#include "adapters/counters/monthly_rates.h"

#include <string>

#include "adapters/counters/daily_counters_reader.h"

namespace motcua::counters {

Result<v1::StatisticsTrend> MonthlyRates(sqlite::Database& db, const catalog::Catalog& catalog,
                                         LocalDays last, int months,
                                         const metrics::StatisticsOptions& options) {
  if (months < 1 || months > kMaxTrendMonths) {
    return Status(Error::kInvalidArgument,
                  "tham số months phải từ 1 đến " + std::to_string(kMaxTrendMonths));
  }
  const cal::year_month_day last_day{last};
  const cal::year_month last_month = last_day.year() / last_day.month();
  metrics::StatisticsOptions month_options = options;
  month_options.with_codes = false;
  month_options.source = "counters";
  v1::StatisticsTrend trend;
  for (int back = months - 1; back >= 0; --back) {
    const cal::year_month month = last_month - cal::months{back};
    metrics::Period period;
    period.from = LocalDays(month / cal::day{1});
    period.to = back == 0 ? last : LocalDays(month / cal::last);
    MOTCUA_ASSIGN_OR_RETURN(metrics::FigureCounts counts, SumDailyCounters(db, catalog, period));
    v1::Statistics stats = metrics::BuildStatistics(counts, nullptr, catalog, period, month_options);
    // Stock figures are not in the counters: nothing of them is shown
    // rather than a wrong zero.
    stats.clear_report();
    stats.clear_satisfaction();
    stats.clear_satisfaction_total();
    *trend.add_months() = std::move(stats);
  }
  return trend;
}

}  // namespace motcua::counters
