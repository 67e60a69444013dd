// The tracking book (Mẫu 06, adapters/letters/tracking_book.h) as CSV for a
// spreadsheet: the printed book's cells, without its two signature columns
// (ink has no place in a file). UTF-8 with a byte-order mark and CRLF, as the
// statistics' CSV (stats_csv.h). Pure; safe from any thread.
#ifndef MOTCUA_ADAPTERS_EXPORT_TRACKING_BOOK_CSV_H_
#define MOTCUA_ADAPTERS_EXPORT_TRACKING_BOOK_CSV_H_

#include <string>
#include <vector>

#include "adapters/letters/tracking_book.h"

namespace motcua::exporter {

std::string TrackingBookToCsv(const std::vector<letters::BookLine>& lines);

}  // namespace motcua::exporter

#endif  // MOTCUA_ADAPTERS_EXPORT_TRACKING_BOOK_CSV_H_
