#include "adapters/export/tracking_book_csv.h"

#include "adapters/export/stats_csv.h"

namespace motcua::exporter {

namespace {

// The columns the CSV leaves out: the two signatures.
bool Kept(const std::string& column) {
  return column != "Ký nhận kết quả" && column != "Cán bộ trả ký";
}

void Row(const std::vector<std::string>& header, const std::vector<std::string>& cells,
         std::string& out) {
  bool first = true;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (!Kept(header[i])) continue;
    if (!first) out += ',';
    out += CsvField(cells[i]);
    first = false;
  }
  out += "\r\n";
}

}  // namespace

std::string TrackingBookToCsv(const std::vector<letters::BookLine>& lines) {
  const std::vector<std::string> header = letters::BookColumns();
  std::string out(kUtf8Bom);
  Row(header, header, out);
  for (const letters::BookLine& line : lines) Row(header, letters::BookCells(line), out);
  return out;
}

}  // namespace motcua::exporter
