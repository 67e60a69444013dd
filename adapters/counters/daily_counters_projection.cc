#include "adapters/counters/daily_counters_projection.h"

#include <string_view>

#include "adapters/metrics/event_figures.h"
#include "engine/base/proto_time.h"

namespace motcua::counters {

std::vector<std::string> DailyCountersProjection::migrations() const {
  return {
      "CREATE TABLE daily_counters ("
      "  day TEXT NOT NULL, procedure TEXT NOT NULL, counter TEXT NOT NULL,"
      "  value INTEGER NOT NULL,"
      "  PRIMARY KEY (day, procedure, counter)) WITHOUT ROWID;",
      // 2: the same sums per month, so that a year reads twelve months'
      // rows instead of every day's (tools/bench statistics); filled from
      // the days already counted.
      "CREATE TABLE monthly_counters ("
      "  month TEXT NOT NULL, procedure TEXT NOT NULL, counter TEXT NOT NULL,"
      "  value INTEGER NOT NULL,"
      "  PRIMARY KEY (month, procedure, counter)) WITHOUT ROWID;"
      "INSERT INTO monthly_counters (month, procedure, counter, value)"
      "  SELECT substr(day, 1, 7), procedure, counter, SUM(value) FROM daily_counters"
      "  GROUP BY substr(day, 1, 7), procedure, counter;",
      // 3: the ratings by level (figures.h rated_level_*), counted on the
      // day of the rating, which is a rated dossier's last event. A store
      // from before has them only in its dossiers, so they are counted from
      // there (whatever level rows a store has are recounted); the day is
      // the Vietnam date (UTC+7, no daylight saving).
      "DELETE FROM daily_counters WHERE counter LIKE 'rated_level_%';"
      "DELETE FROM monthly_counters WHERE counter LIKE 'rated_level_%';"
      "INSERT INTO daily_counters (day, procedure, counter, value)"
      "  SELECT date(e.at + 25200, 'unixepoch'), COALESCE(d.procedure, ''),"
      "         CASE d.satisfaction WHEN 1 THEN 'rated_level_very_satisfied'"
      "           WHEN 2 THEN 'rated_level_satisfied' WHEN 3 THEN 'rated_level_acceptable'"
      "           WHEN 4 THEN 'rated_level_dissatisfied' ELSE 'rated_level_very_dissatisfied' END,"
      "         COUNT(*)"
      "  FROM dossiers d JOIN events e ON e.seq = d.last_seq"
      "  WHERE d.satisfaction BETWEEN 1 AND 5 GROUP BY 1, 2, 3;"
      "INSERT INTO monthly_counters (month, procedure, counter, value)"
      "  SELECT substr(day, 1, 7), procedure, counter, SUM(value) FROM daily_counters"
      "  WHERE counter LIKE 'rated_level_%' GROUP BY 1, 2, 3;",
  };
}

std::vector<sqlite::TableSpec> DailyCountersProjection::tables() const {
  return {{"daily_counters", "day, procedure, counter"},
          {"monthly_counters", "month, procedure, counter"}};
}

Status DailyCountersProjection::Prepare(sqlite::Database& db) {
  add_ = std::make_unique<sqlite::Statement>(
      db,
      "INSERT INTO daily_counters (day, procedure, counter, value) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT(day, procedure, counter) DO UPDATE SET value = value + excluded.value");
  procedure_ = std::make_unique<sqlite::Statement>(
      db, "SELECT procedure FROM dossiers WHERE code = ?1");
  add_month_ = std::make_unique<sqlite::Statement>(
      db,
      "INSERT INTO monthly_counters (month, procedure, counter, value) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT(month, procedure, counter) DO UPDATE SET value = value + excluded.value");
  MOTCUA_RETURN_IF_ERROR(add_->status());
  MOTCUA_RETURN_IF_ERROR(add_month_->status());
  return procedure_->status();
}

Result<std::string> DailyCountersProjection::ProcedureOf(const engine::PendingEvent& pending) {
  if (!pending.procedure_code.empty()) return std::string(pending.procedure_code);
  const v1::Event& event = pending.event;
  const std::string* named = nullptr;
  switch (event.kind_case()) {
    case v1::Event::kReceived: return event.received().procedure_code();
    case v1::Event::kRegisteredOnline: named = &event.registered_online().procedure_code(); break;
    case v1::Event::kRefused: named = &event.refused().procedure_code(); break;
    default: break;
  }
  if (named != nullptr && !named->empty()) {
    named_procedures_[event.dossier_code()] = *named;
    return *named;
  }
  if (auto it = named_procedures_.find(event.dossier_code()); it != named_procedures_.end()) {
    return it->second;
  }
  sqlite::Statement& st = *procedure_;
  st.Bind(1, event.dossier_code());
  std::string procedure;
  if (st.Step() && !st.IsNull(0)) procedure = st.ColumnText(0);
  Status s = st.status();
  st.Reset();
  if (!s.ok()) return s;
  return procedure;
}

Status DailyCountersProjection::Apply(const engine::PendingEvent& pending) {
  const v1::Event& e = pending.event;
  if (e.dossier_code().empty()) return Status::Ok();
  figures_.clear();
  metrics::EventFigures(e, pending.state_after, days_, figures_);
  if (figures_.empty()) return Status::Ok();
  MOTCUA_ASSIGN_OR_RETURN(std::string procedure, ProcedureOf(pending));
  const LocalDays day = days_.DayOf(Seconds(e.at()));
  for (metrics::Figure f : figures_) ++increments_[{day, procedure, f}];
  return Status::Ok();
}

Status DailyCountersProjection::Flush() {
  // A transaction's events nearly always fall on one day, so its month rows
  // are as many as its day rows: summed here rather than in Apply.
  // The month is the day's "YYYY-MM" prefix, as in migration 2.
  std::map<std::tuple<std::string, std::string_view, metrics::Figure>, std::int64_t> months;
  Status s = Status::Ok();
  for (const auto& [key, count] : increments_) {
    const auto& [day, procedure, figure] = key;
    std::string date = FormatDate(day);
    // Borrowed (database.h Held): the date, the key and the names outlive the Run.
    add_->Bind(1, date, sqlite::Held::kBorrowed)
        .Bind(2, procedure, sqlite::Held::kBorrowed)
        .Bind(3, metrics::FigureName(figure), sqlite::Held::kBorrowed)
        .Bind(4, count);
    if (s = add_->Run(); !s.ok()) break;
    months[{date.substr(0, 7), procedure, figure}] += count;
  }
  for (auto it = months.begin(); s.ok() && it != months.end(); ++it) {
    const auto& [month, procedure, figure] = it->first;
    add_month_->Bind(1, month, sqlite::Held::kBorrowed)
        .Bind(2, procedure, sqlite::Held::kBorrowed)
        .Bind(3, metrics::FigureName(figure), sqlite::Held::kBorrowed)
        .Bind(4, it->second);
    s = add_month_->Run();
  }
  Discard();
  return s;
}

void DailyCountersProjection::Discard() {
  increments_.clear();
  named_procedures_.clear();
}

}  // namespace motcua::counters
