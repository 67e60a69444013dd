#include "adapters/letters/tracking_book.h"

#include "adapters/letters/form_parts.h"
#include "adapters/letters/rule_set.h"
#include "motcua/v1/dossier.pb.h"

namespace motcua::letters {

namespace {

std::string When(std::int64_t t) {
  return t == 0 ? std::string() : FormatVietnam(FromUnixSeconds(t), "%H:%M %d/%m/%Y");
}

std::string Notes(const BookLine& line) {
  std::string notes;
  auto add = [&notes](const std::string& s) { notes += (notes.empty() ? "" : "; ") + s; };
  switch (line.status) {
    case v1::STATUS_WITHDRAWN: add("Công dân rút hồ sơ"); break;
    case v1::STATUS_STOPPED: add("Dừng xử lý"); break;
    case v1::STATUS_SUPPLEMENT_REQUESTED: add("Đang chờ bổ sung"); break;
    default: break;
  }
  if (line.moved_appointment_at != 0) add("Hẹn trả dời đến " + When(line.moved_appointment_at));
  if (line.apologized) add("Đã xin lỗi, hẹn lại");
  return notes;
}

}  // namespace

std::vector<std::string> BookColumns() {
  return {"Số TT",   "Mã hồ sơ", "Người nộp", "Nội dung",      "Số bộ",         "Ngày nhận",
          "Hẹn trả", "Có kết quả", "Ngày trả", "Ký nhận kết quả", "Cán bộ trả ký", "Ghi chú"};
}

std::vector<std::string> BookCells(const BookLine& line) {
  // Withdrawn and stopped dossiers end with no result.
  const bool result =
      line.status == v1::STATUS_RESULT_READY || line.status == v1::STATUS_RETURNED;
  return {std::to_string(line.number) + "/" + std::to_string(line.year),
          line.code,
          line.applicant,
          line.content,
          std::to_string(line.sets),
          When(line.received_at),
          When(line.appointment_at),
          result ? When(line.end_at) : std::string(),
          When(line.returned_at),
          "",
          "",
          Notes(line)};
}

Letter BuildTrackingBook(const std::vector<BookLine>& lines, const UnitInfo& unit,
                         LocalDays from, LocalDays to, Instant printed) {
  // The form of the rules in force on the book's last day.
  const RuleSet rules = RuleSetFor(FromVietnam(LocalTime(to.time_since_epoch())));
  Letter letter = internal::StartLetter(unit, rules, 6, printed, kTrackingBookTitle,
                                        PageSize::kA4Landscape);
  letter.subtitle = "Từ ngày " + FormatDate(from) + " đến ngày " + FormatDate(to) + ": " +
                    std::to_string(lines.size()) + " hồ sơ";
  Table table;
  table.header = BookColumns();
  for (const BookLine& line : lines) table.rows.push_back(BookCells(line));
  letter.body.push_back(std::move(table));
  return letter;
}

}  // namespace motcua::letters
