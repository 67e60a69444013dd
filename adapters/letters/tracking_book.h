// Mẫu 06: the tracking book (Sổ theo dõi hồ sơ), one line per dossier
// received, numbered through the year (the numbers are the store's,
// tracking_book_projection.h), with the columns the form has: code,
// applicant, content, sets, received, appointment, result, returned, the two
// signatures (left blank for ink) and notes. The printed book is A4
// landscape; the same cells make the CSV (adapters/export/tracking_book_csv.h),
// so the two never disagree.
//
// Pure functions; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_LETTERS_TRACKING_BOOK_H_
#define MOTCUA_ADAPTERS_LETTERS_TRACKING_BOOK_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/letters/letter.h"
#include "adapters/letters/unit_info.h"
#include "engine/base/time.h"

namespace motcua::letters {

inline constexpr std::string_view kTrackingBookTitle = "Sổ theo dõi hồ sơ";

// What the book says of one dossier. Instants in UTC seconds, 0 = none.
struct BookLine {
  int year = 0;
  std::uint32_t number = 0;
  std::string code;
  std::string applicant;
  std::string content;  // the procedure's name
  std::uint32_t sets = 0;
  int status = 0;  // v1::Status
  std::int64_t received_at = 0;
  std::int64_t appointment_at = 0;        // the receipt's
  std::int64_t moved_appointment_at = 0;  // a later one, when it moved
  std::int64_t end_at = 0;
  std::int64_t returned_at = 0;
  bool apologized = false;
};

// The book's columns, and a line's cells under them (signatures empty).
std::vector<std::string> BookColumns();
std::vector<std::string> BookCells(const BookLine& line);

// The book for the Vietnam days [from, to], both included, as of `printed`.
Letter BuildTrackingBook(const std::vector<BookLine>& lines, const UnitInfo& unit,
                         LocalDays from, LocalDays to, Instant printed);

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_TRACKING_BOOK_H_
