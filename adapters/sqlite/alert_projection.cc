#include "adapters/sqlite/alert_projection.h"

#include "engine/base/proto_time.h"

namespace motcua::sqlite {

std::vector<std::string> AlertProjection::migrations() const {
  return {
      "CREATE TABLE alerts ("
      "  seq INTEGER PRIMARY KEY, code TEXT NOT NULL, kind INTEGER NOT NULL,"
      "  moment INTEGER NOT NULL, appointment INTEGER NOT NULL, raised_at INTEGER NOT NULL,"
      "  late_fired INTEGER NOT NULL, deliver_at INTEGER NOT NULL);"
      "CREATE INDEX alerts_by_code ON alerts(code, seq);"
      "CREATE INDEX alerts_by_raised ON alerts(raised_at);"
      "CREATE INDEX alerts_by_delivery ON alerts(deliver_at);",
      // 2: a step-due alert's step, its deadline and the holder it is for;
      // an apology-due alert's legal last moment.
      "ALTER TABLE alerts ADD COLUMN step INTEGER NOT NULL DEFAULT 0;"
      "ALTER TABLE alerts ADD COLUMN step_due_at INTEGER;"
      "ALTER TABLE alerts ADD COLUMN holder_unit TEXT;"
      "ALTER TABLE alerts ADD COLUMN holder_user TEXT;"
      "ALTER TABLE alerts ADD COLUMN legal_moment INTEGER;",
  };
}

std::vector<TableSpec> AlertProjection::tables() const { return {{"alerts", "seq"}}; }

Status AlertProjection::Prepare(Database& db) {
  insert_ = std::make_unique<Statement>(
      db,
      "INSERT INTO alerts (seq, code, kind, moment, appointment, raised_at, late_fired, "
      "deliver_at, step, step_due_at, holder_unit, holder_user, legal_moment) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  return insert_->status();
}

Status AlertProjection::Apply(const engine::PendingEvent& pending) {
  const v1::Event& e = pending.event;
  if (e.kind_case() != v1::Event::kAlertRaised) return Status::Ok();
  const v1::AlertRaised& a = e.alert_raised();
  // An alert imported from elsewhere may carry no delivery time: it is
  // delivered as of its own time.
  const std::int64_t deliver_at = a.has_deliver_at() ? Seconds(a.deliver_at()) : Seconds(e.at());
  // Borrowed (database.h Held): the event outlives the Run.
  insert_->Bind(1, static_cast<std::int64_t>(e.seq()))
      .Bind(2, e.dossier_code(), Held::kBorrowed)
      .Bind(3, std::int64_t{a.kind()})
      .Bind(4, Seconds(a.moment()))
      .Bind(5, Seconds(a.appointment_at()))
      .Bind(6, Seconds(e.at()))
      .Bind(7, std::int64_t{a.late_fired()})
      .Bind(8, deliver_at)
      .Bind(9, std::int64_t{a.step()});
  if (a.step() == 0) {
    insert_->BindNull(10).BindNull(11).BindNull(12);
  } else {
    insert_->Bind(10, Seconds(a.step_due_at()))
        .BindTextOrNull(11, a.holder_unit(), Held::kBorrowed)
        .BindTextOrNull(12, a.holder_user(), Held::kBorrowed);
  }
  if (a.has_legal_last_moment()) {
    insert_->Bind(13, Seconds(a.legal_last_moment()));
  } else {
    insert_->BindNull(13);
  }
  return insert_->Run();
}

}  // namespace motcua::sqlite
