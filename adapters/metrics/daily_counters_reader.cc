#include "adapters/metrics/daily_counters_reader.h"

namespace motcua::metrics {

Result<FigureCounts> SumDailyCounters(sqlite::Database& db, const catalog::Catalog& catalog,
                                      const Period& period) {
  FigureCounts counts(catalog.size(), /*keep_codes=*/false);
  sqlite::Statement st(db,
                       "SELECT procedure, counter, SUM(value) FROM daily_counters "
                       "WHERE day BETWEEN ?1 AND ?2 GROUP BY procedure, counter");
  st.Bind(1, FormatDate(period.from)).Bind(2, FormatDate(period.to));
  while (st.Step()) {
    std::optional<Figure> figure = FigureFromName(st.ColumnText(1));
    if (!figure || !IsAdditive(*figure)) continue;
    const std::size_t row = counts.RowOf(catalog.IndexOf(st.ColumnText(0)));
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
