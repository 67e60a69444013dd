#include "adapters/sqlite/tracking_book_projection.h"

#include "engine/base/proto_time.h"
#include "engine/base/time.h"

namespace motcua::sqlite {

std::vector<std::string> TrackingBookProjection::migrations() const {
  return {
      "CREATE TABLE tracking_book ("
      "  year INTEGER NOT NULL, number INTEGER NOT NULL, code TEXT NOT NULL UNIQUE,"
      "  sets INTEGER NOT NULL, PRIMARY KEY (year, number)) WITHOUT ROWID;",
  };
}

std::vector<TableSpec> TrackingBookProjection::tables() const {
  return {{"tracking_book", "year, number"}};
}

Status TrackingBookProjection::Prepare(Database& db) {
  last_ = std::make_unique<Statement>(
      db, "SELECT COALESCE(MAX(number), 0) FROM tracking_book WHERE year = ?1");
  insert_ = std::make_unique<Statement>(
      db, "INSERT INTO tracking_book (year, number, code, sets) VALUES (?1, ?2, ?3, ?4)");
  last_of_year_.clear();
  MOTCUA_RETURN_IF_ERROR(last_->status());
  return insert_->status();
}

Status TrackingBookProjection::Apply(const engine::PendingEvent& pending) {
  const v1::Event& e = pending.event;
  if (e.kind_case() != v1::Event::kReceived) return Status::Ok();
  const cal::year_month_day day{cal::floor<cal::days>(ToVietnam(ToInstant(e.at())))};
  const std::int64_t year = static_cast<int>(day.year());
  auto [known, first] = last_of_year_.try_emplace(year, 0);
  if (first) {
    last_->Bind(1, year);
    if (last_->Step()) known->second = last_->ColumnInt(0);
    Status read = last_->status();
    last_->Reset();
    if (!read.ok()) {
      last_of_year_.erase(known);
      return read;
    }
  }
  const std::int64_t last = known->second++;
  insert_->Bind(1, year)
      .Bind(2, last + 1)
      .Bind(3, e.dossier_code(), Held::kBorrowed)  // the event outlives the Run
      .Bind(4, std::int64_t{e.received().sets() == 0 ? 1 : e.received().sets()});
  return insert_->Run();
}

void TrackingBookProjection::Discard() { last_of_year_.clear(); }

Status TrackingBookProjection::Backfill(Database& db) {
  MOTCUA_RETURN_IF_ERROR(Prepare(db));
  return ApplyStoredEvents(db, {"received"}, *this);
}

Result<std::vector<BookRow>> ReadTrackingBook(Database& db, std::int64_t from, std::int64_t to) {
  Statement st(db,
               "SELECT b.year, b.number, b.code, COALESCE(d.applicant_name, ''),"
               " COALESCE(d.procedure, ''), b.sets, d.status, d.received_at,"
               " COALESCE(d.original_appointment_at, d.appointment_at, 0),"
               " COALESCE(d.appointment_at, 0), COALESCE(d.end_at, 0),"
               " COALESCE(d.returned_at, 0), d.apologized"
               " FROM tracking_book b JOIN dossiers d ON d.code = b.code"
               " WHERE d.received_at >= ?1 AND d.received_at < ?2"
               " ORDER BY b.year, b.number");
  st.Bind(1, from).Bind(2, to);
  std::vector<BookRow> rows;
  while (st.Step()) {
    BookRow& r = rows.emplace_back();
    r.year = static_cast<int>(st.ColumnInt(0));
    r.number = static_cast<std::uint32_t>(st.ColumnInt(1));
    r.code = st.ColumnText(2);
    r.applicant = st.ColumnText(3);
    r.procedure = st.ColumnText(4);
    r.sets = static_cast<std::uint32_t>(st.ColumnInt(5));
    r.status = static_cast<int>(st.ColumnInt(6));
    r.received_at = st.ColumnInt(7);
    r.appointment_at = st.ColumnInt(8);
    const std::int64_t current = st.ColumnInt(9);
    r.moved_appointment_at = current != r.appointment_at ? current : 0;
    r.end_at = st.ColumnInt(10);
    r.returned_at = st.ColumnInt(11);
    r.apologized = st.ColumnInt(12) != 0;
  }
  if (!st.ok()) return st.status();
  return rows;
}

}  // namespace motcua::sqlite
