// Statistics as an Excel workbook (.xlsx), written by libxlsxwriter, for the
// focal point who files the periodic report in Excel. Three sheets, each
// set to print on A4 landscape with its header rows repeated on every page:
//   "Báo cáo"   the periodic report: a row per procedure, then the total;
//   "Chỉ tiêu"  each rate of the plan: numerator, denominator, percent, the
//               target, met or not, and the margin in percentage points;
//   "Hài lòng"  the citizens' ratings by level, a row per procedure, total.
// Numbers are cells of numbers (percentages formatted as such), labels the
// same Vietnamese words as the CSV and the text table (stats_labels.h).
//
// Safe from any thread: each call writes its own temporary file, read back
// and removed before it returns.
#ifndef MOTCUA_ADAPTERS_EXPORT_STATS_XLSX_H_
#define MOTCUA_ADAPTERS_EXPORT_STATS_XLSX_H_

#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "motcua/v1/stats.pb.h"

namespace motcua::exporter {

inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The workbook's bytes; kInternal when the library or the temporary file fails.
Result<std::string> StatisticsToXlsx(const v1::Statistics& stats);

}  // namespace motcua::exporter

#endif  // MOTCUA_ADAPTERS_EXPORT_STATS_XLSX_H_
