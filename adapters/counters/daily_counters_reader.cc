#include "adapters/counters/daily_counters_reader.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::counters {

namespace {

// Adds the (procedure, counter, value) rows `st` returns into `counts`.
Status AddRows(sqlite::Statement& st, const catalog::Catalog& catalog, metrics::FigureCounts& counts) {
  // Within a day or month the rows come grouped by procedure: remembering
  // the last one's row saves a catalog look-up per counter.
  std::string procedure;
  std::size_t row = 0;
  bool have_row = false;
  std::map<std::string, std::optional<metrics::Figure>, std::less<>> figures;  // by counter name
  while (st.Step()) {
    const std::string_view code = st.ColumnBlob(0);
    if (!have_row || code != procedure) {
      procedure.assign(code);
      row = counts.RowOf(catalog.IndexOf(code));
      have_row = true;
    }
    const std::string_view name = st.ColumnBlob(1);
    auto it = figures.find(name);
    if (it == figures.end()) it = figures.emplace(std::string(name), metrics::FigureFromName(name)).first;
    const std::optional<metrics::Figure>& figure = it->second;
    if (!figure || !metrics::IsAdditive(*figure)) continue;
    counts.AddCount(row, *figure, static_cast<std::uint32_t>(st.ColumnInt(2)));
  }
  return st.status();
}

// Adds the day rows from `from` to `to`, inclusive.
Status AddDays(sqlite::Database& db, const catalog::Catalog& catalog, LocalDays from,
               LocalDays to, metrics::FigureCounts& counts) {
  if (from > to) return Status::Ok();
  // Summed here in one pass rather than with GROUP BY procedure, counter:
  // the table is keyed by day first, so SQLite would sort every row of the
  // period in a temporary B-tree, most of the statistics' time (tools/bench
  // statistics).
  sqlite::Statement st(db,
                       "SELECT procedure, counter, value FROM daily_counters "
                       "WHERE day BETWEEN ?1 AND ?2");
  st.Bind(1, FormatDate(from)).Bind(2, FormatDate(to));
  return AddRows(st, catalog, counts);
}

// Adds the month rows of the months beginning on `first` and `last`, and
// those between.
Status AddMonths(sqlite::Database& db, const catalog::Catalog& catalog, LocalDays first,
                 LocalDays last, metrics::FigureCounts& counts) {
  sqlite::Statement st(db,
                       "SELECT procedure, counter, value FROM monthly_counters "
                       "WHERE month BETWEEN ?1 AND ?2");
  st.Bind(1, FormatDate(first).substr(0, 7)).Bind(2, FormatDate(last).substr(0, 7));
  return AddRows(st, catalog, counts);
}

}  // namespace

Result<metrics::FigureCounts> SumDailyCounters(sqlite::Database& db, const catalog::Catalog& catalog,
                                      const metrics::Period& period) {
  metrics::FigureCounts counts(catalog.size(), /*keep_codes=*/false);
  // The whole months inside the period come from the month rows (a year:
  // ~12 x 400 rows instead of ~365 x 300 day rows); the days before the
  // first and after the last from the day rows.
  const cal::year_month_day from{period.from};
  const cal::year_month_day to{period.to};
  const cal::year_month first_month =
      from.day() == cal::day{1} ? from.year() / from.month()
                                : from.year() / from.month() + cal::months{1};
  const cal::year_month after_last_month =
      LocalDays{to.year() / to.month() / cal::last} == period.to
          ? to.year() / to.month() + cal::months{1}
          : to.year() / to.month();
  if (first_month >= after_last_month) {
    MOTCUA_RETURN_IF_ERROR(AddDays(db, catalog, period.from, period.to, counts));
    return counts;
  }
  const LocalDays months_begin{first_month / 1};
  const LocalDays months_end{after_last_month / 1};
  MOTCUA_RETURN_IF_ERROR(AddDays(db, catalog, period.from, months_begin - cal::days{1}, counts));
  MOTCUA_RETURN_IF_ERROR(AddMonths(
      db, catalog, months_begin, LocalDays{(after_last_month - cal::months{1}) / 1}, counts));
  MOTCUA_RETURN_IF_ERROR(AddDays(db, catalog, months_end, period.to, counts));
  return counts;
}

void AddStockFigures(const metrics::FigureCounts& stock, metrics::FigureCounts& into) {
  for (std::size_t r = 0; r < stock.rows() && r < into.rows(); ++r) {
    for (std::size_t f = metrics::kAdditiveFigures; f < metrics::kFigures; ++f) {
      into.AddCount(r, static_cast<metrics::Figure>(f), stock.row(r)[f]);
    }
  }
}

}  // namespace motcua::counters
