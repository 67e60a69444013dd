#include "adapters/metrics/daily_counters_reader.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::metrics {

Result<FigureCounts> SumDailyCounters(sqlite::Database& db, const catalog::Catalog& catalog,
                                      const Period& period) {
  FigureCounts counts(catalog.size(), /*keep_codes=*/false);
  // Summed here in one pass rather than with GROUP BY procedure, counter:
  // the table is keyed by day first, so SQLite would sort every row of the
  // period in a temporary B-tree (a year of a busy catalog is ~100,000
  // rows), most of the statistics' time (tools/bench statistics).
  sqlite::Statement st(db,
                       "SELECT procedure, counter, value FROM daily_counters "
                       "WHERE day BETWEEN ?1 AND ?2");
  st.Bind(1, FormatDate(period.from)).Bind(2, FormatDate(period.to));
  // Within a day the rows come grouped by procedure: remembering the last
  // one's row saves a catalog look-up per counter.
  std::string procedure;
  std::size_t row = 0;
  bool have_row = false;
  std::map<std::string, std::optional<Figure>, std::less<>> figures;  // by counter name
  while (st.Step()) {
    const std::string_view code = st.ColumnBlob(0);
    if (!have_row || code != procedure) {
      procedure.assign(code);
      row = counts.RowOf(catalog.IndexOf(code));
      have_row = true;
    }
    const std::string_view name = st.ColumnBlob(1);
    auto it = figures.find(name);
    if (it == figures.end()) it = figures.emplace(std::string(name), FigureFromName(name)).first;
    const std::optional<Figure>& figure = it->second;
    if (!figure || !IsAdditive(*figure)) continue;
    counts.AddCount(row, *figure, static_cast<std::uint32_t>(st.ColumnInt(2)));
  }
  MOTCUA_RETURN_IF_ERROR(st.status());
  return counts;
}

void AddStockFigures(const FigureCounts& stock, FigureCounts& into) {
  for (std::size_t r = 0; r < stock.rows() && r < into.rows(); ++r) {
    for (std::size_t f = kAdditiveFigures; f < kFigures; ++f) {
      into.AddCount(r, static_cast<Figure>(f), stock.row(r)[f]);
    }
  }
}

}  // namespace motcua::metrics
