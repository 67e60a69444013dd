// Statistics as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel
// shows Vietnamese correctly), comma-separated, CRLF line ends, fields
// quoted when they hold a comma, quote or line break (RFC 4180). One file,
// blocks separated by an empty line, each with its own header row:
//   1. the rates: id, name, numerator, denominator, percent, target, met,
//      margin (percentage points);
//   2. the periodic report, one row per procedure, then the total;
//   3. the national score's groups;
//   then, only when the period has any: the citizens' ratings by level, one
//   row per procedure, then the total;
//   4. only when the statistics carry codes: the dossier codes behind each
//      figure, one row per code (figure id, name, procedure, part, code).
// Percentages are plain numbers with a '.' ("40.00") so they stay numbers.
//
// Pure; safe from any thread.
#ifndef MOTCUA_ADAPTERS_EXPORT_STATS_CSV_H_
#define MOTCUA_ADAPTERS_EXPORT_STATS_CSV_H_

#include <string>
#include <string_view>

#include "motcua/v1/stats.pb.h"

namespace motcua::exporter {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string StatisticsToCsv(const v1::Statistics& stats);

// One CSV field, quoted if it needs to be.
std::string CsvField(std::string_view text);

}  // namespace motcua::exporter

#endif  // MOTCUA_ADAPTERS_EXPORT_STATS_CSV_H_
