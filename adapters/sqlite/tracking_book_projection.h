// TrackingBookProjection: the tracking book's numbering (Sổ theo dõi hồ sơ,
// Mẫu 06): every received dossier gets the next number of the Vietnam year
// of its receipt, in log order, so the numbers run 1, 2, 3 ... through the
// year with no gap and no repeat, are the same after a restart, and a
// rebuild from the log gives them again.
//   tracking_book  year, number, code, sets
// The rest of a book line (applicant, procedure, times) is the dossiers
// table's; ReadTrackingBook joins them.
//
// Added after databases existed in the field, so Backfill numbers the
// dossiers already received, in log order. Not thread-safe (projection.h).
#ifndef MOTCUA_ADAPTERS_SQLITE_TRACKING_BOOK_PROJECTION_H_
#define MOTCUA_ADAPTERS_SQLITE_TRACKING_BOOK_PROJECTION_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "adapters/sqlite/projection.h"

namespace motcua::sqlite {

class TrackingBookProjection final : public Projection {
 public:
  std::string_view component() const override { return "tracking_book"; }
  std::vector<std::string> migrations() const override;
  std::vector<TableSpec> tables() const override;
  Status Prepare(Database& db) override;
  Status Apply(const engine::PendingEvent& pending) override;
  void Discard() override;
  Status Backfill(Database& db) override;

 private:
  std::unique_ptr<Statement> last_;
  std::unique_ptr<Statement> insert_;
  // The last number given in each year, read from the table the first time
  // a year is seen and kept up by Apply: this projection writes the table
  // alone. Forgotten when a transaction is rolled back.
  std::map<std::int64_t, std::int64_t> last_of_year_;
};

// One line of the book.
struct BookRow {
  int year = 0;
  std::uint32_t number = 0;
  std::string code;
  std::string applicant;
  std::string procedure;  // the procedure's code
  std::uint32_t sets = 0;
  int status = 0;  // v1::Status
  std::int64_t received_at = 0;
  // The appointment the receipt gave (UTC seconds), and the later one a
  // pause or a calendar change set, when it differs (else 0).
  std::int64_t appointment_at = 0;
  std::int64_t moved_appointment_at = 0;
  std::int64_t end_at = 0;       // 0: not finished
  std::int64_t returned_at = 0;  // 0: not returned
  bool apologized = false;
};

// The dossiers received in [from, to) (UTC seconds), by year and number.
Result<std::vector<BookRow>> ReadTrackingBook(Database& db, std::int64_t from, std::int64_t to);

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_TRACKING_BOOK_PROJECTION_H_
