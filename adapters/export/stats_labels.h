// What people read for the statistics: the Vietnamese name of each rate and
// report column, and numbers written the Vietnamese way (40,5%). Shared by
// the table and the CSV so both say the same thing.
//
// Pure; safe from any thread.
#ifndef MOTCUA_ADAPTERS_EXPORT_STATS_LABELS_H_
#define MOTCUA_ADAPTERS_EXPORT_STATS_LABELS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "motcua/v1/stats.pb.h"

namespace motcua::exporter {

// e.g. "Hồ sơ giải quyết trước và đúng hạn"; the name itself if unknown.
std::string_view RateLabel(std::string_view rate);

struct ReportColumn {
  std::string_view key;     // the JSON key, e.g. "resolved_early"
  std::string_view label;   // full, for the CSV header
  std::string_view short_label;  // a few letters, for the text table
  std::uint32_t (v1::ReportRow::*get)() const;
};
// In the order of the report's columns (docs/domain.md "The periodic report").
const std::vector<ReportColumn>& ReportColumns();

struct SatisfactionColumn {
  std::string_view key;    // the JSON key, e.g. "very_satisfied"
  std::string_view label;  // e.g. "Rất hài lòng"
  std::uint32_t (v1::SatisfactionRow::*get)() const;
};
// The rating levels, best first, then the national score's dislike.
const std::vector<SatisfactionColumn>& SatisfactionColumns();

// The dossier codes counted in one figure, when the statistics were asked
// for with codes (GET /v1/stats?codes=1, `motcua stats --codes`).
struct FigureCodes {
  std::string id;         // "documents_reused", "report.resolved", "national_score.late"
  std::string label;      // the rate's or the column's Vietnamese name
  std::string procedure;  // a report row's procedure code; empty for the rates and the score
  std::string part;       // a rate's "Tử số" or "Mẫu số"; empty for a report column
  std::vector<std::string> codes;
};
// Every non-empty list of codes in `stats`, in the order the figures are
// printed: the rates (numerator, then denominator), the report's rows (the
// total, being the rows' codes together, is left out), then the national
// score's late and dissatisfied parts. Empty when `stats` carries no codes.
std::vector<FigureCodes> CodeLists(const v1::Statistics& stats);

// 0.405 -> "40,5%" (Vietnamese decimal comma).
std::string PercentVi(double ratio, int decimals = 1);
// 0.405 -> "40.50" (a plain number for spreadsheets, in percent).
std::string PercentPlain(double ratio);
// 31.41666 -> "31.42" with 2 decimals ('.' as the decimal point).
std::string FixedPlain(double value, int decimals);
// 31.41666 -> "31,42" (Vietnamese decimal comma).
std::string FixedVi(double value, int decimals);
// ">" -> "trên", ">=" -> "từ" ..., as in "trên 90%".
std::string_view OpVi(std::string_view op);
// "2024-03-01" -> "01/03/2024".
std::string DateVi(std::string_view iso_date);

}  // namespace motcua::exporter

#endif  // MOTCUA_ADAPTERS_EXPORT_STATS_LABELS_H_
