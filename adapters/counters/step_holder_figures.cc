#include "adapters/counters/step_holder_figures.h"

namespace motcua::counters {

namespace {

// A timing the schema does not know (a later version's) counts as untimed,
// so that the four counts always add up to `finished`.
constexpr const char* kStepsInPeriod =
    "SELECT unit, officer, COUNT(*), SUM(timing = 1), SUM(timing = 2), SUM(timing = 3),"
    "       SUM(timing NOT IN (1, 2, 3)), SUM(working_seconds) "
    "FROM steps WHERE ended_at >= ?1 AND ended_at < ?2 "
    "GROUP BY unit, officer ORDER BY unit, officer";

}  // namespace

Result<std::vector<v1::StepHolderRow>> StepsByHolder(sqlite::Database& db,
                                                     const metrics::Period& period,
                                                     const OfficerOf& officer_of) {
  std::vector<v1::StepHolderRow> rows;
  sqlite::Statement st(db, kStepsInPeriod);
  st.Bind(1, period.start_seconds()).Bind(2, period.end_seconds());
  while (st.Step()) {
    v1::StepHolderRow& row = rows.emplace_back();
    row.set_unit(st.ColumnText(0));
    row.set_officer(st.ColumnText(1));
    if (!row.officer().empty()) row.set_officer_name(officer_of(row.officer()).name);
    row.set_finished(static_cast<std::uint32_t>(st.ColumnInt(2)));
    row.set_early(static_cast<std::uint32_t>(st.ColumnInt(3)));
    row.set_on_time(static_cast<std::uint32_t>(st.ColumnInt(4)));
    row.set_late(static_cast<std::uint32_t>(st.ColumnInt(5)));
    row.set_untimed(static_cast<std::uint32_t>(st.ColumnInt(6)));
    row.set_working_seconds(st.ColumnInt(7));
    row.set_average_working_seconds(row.working_seconds() / row.finished());
  }
  MOTCUA_RETURN_IF_ERROR(st.status());
  return rows;
}

}  // namespace motcua::counters
