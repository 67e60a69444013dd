#include "adapters/metrics/satisfaction_rows.h"

namespace motcua::metrics {

namespace {

void AddRow(const FigureCounts& counts, std::size_t r, v1::SatisfactionRow& row) {
  row.set_rated(row.rated() + counts.Get(r, Figure::kRated));
  row.set_very_satisfied(row.very_satisfied() + counts.Get(r, Figure::kRatedLevelVerySatisfied));
  row.set_satisfied(row.satisfied() + counts.Get(r, Figure::kRatedLevelSatisfied));
  row.set_acceptable(row.acceptable() + counts.Get(r, Figure::kRatedLevelAcceptable));
  row.set_dissatisfied(row.dissatisfied() + counts.Get(r, Figure::kRatedLevelDissatisfied));
  row.set_very_dissatisfied(row.very_dissatisfied() +
                            counts.Get(r, Figure::kRatedLevelVeryDissatisfied));
  row.set_dislike(row.dislike() + counts.Get(r, Figure::kRatedDissatisfied));
}

}  // namespace

void BuildSatisfactionRows(const FigureCounts& counts, const catalog::Catalog& catalog,
                           v1::Statistics& stats) {
  v1::SatisfactionRow* total = stats.mutable_satisfaction_total();
  total->set_procedure_name("Tổng cộng");
  for (std::size_t r = 0; r < counts.rows(); ++r) {
    if (counts.Get(r, Figure::kRated) == 0) continue;
    v1::SatisfactionRow* row = stats.add_satisfaction();
    if (r == counts.unknown_row()) {
      row->set_procedure_name("(thủ tục không còn trong danh mục)");
    } else {
      row->set_procedure_code(catalog.at(static_cast<std::uint32_t>(r)).code());
      row->set_procedure_name(catalog.at(static_cast<std::uint32_t>(r)).name());
    }
    AddRow(counts, r, *row);
    AddRow(counts, r, *total);
  }
}

}  // namespace motcua::metrics
