#include "adapters/sqlite/alert_queries.h"

#include "motcua/v1/dossier.pb.h"
#include "motcua/v1/event.pb.h"

namespace motcua::sqlite {

namespace {

// The dossier statuses in which the clock runs or is paused (DossierState::open).
const std::string kOpenStatuses = std::to_string(v1::STATUS_RECEIVED) + "," +
                                  std::to_string(v1::STATUS_PROCESSING) + "," +
                                  std::to_string(v1::STATUS_SUPPLEMENT_REQUESTED) + "," +
                                  std::to_string(v1::STATUS_FEE_REQUESTED);

std::string OpenCondition() {
  // The due time the watch used (deadline_watch.cc WatchedDue): after an
  // apology, the later of the appointment and the new one.
  // A step-due alert: while its step, with the same deadline, is in progress.
  // A step-due alert: while its step, with the same deadline, runs (after
  // the result too, until the return).
  // A late intake: while the registration waits.
  return "(CASE a.kind WHEN " + std::to_string(v1::ALERT_KIND_STEP_DUE) +
         " THEN d.step = a.step AND d.step_due_at = a.step_due_at WHEN " +
         std::to_string(v1::ALERT_KIND_INTAKE_LATE) + " THEN d.status = " +
         std::to_string(v1::STATUS_REGISTERED_ONLINE) + " ELSE"
         " d.status IN (" + kOpenStatuses +
         ") AND MAX(d.appointment_at, CASE WHEN d.apologized THEN "
         "COALESCE(d.extended_appointment_at, 0) ELSE 0 END) = a.appointment AND (a.kind != " +
         std::to_string(v1::ALERT_KIND_APOLOGY_DUE) + " OR d.apologized = 0) END)";
}

std::string SelectColumns() {
  return "SELECT a.seq, a.code, a.kind, a.moment, a.appointment, a.raised_at, a.deliver_at, "
         "a.late_fired, a.step, COALESCE(a.step_due_at, 0), COALESCE(a.holder_unit, ''), "
         "COALESCE(a.holder_user, ''), COALESCE(a.legal_moment, 0), COALESCE(" +
         OpenCondition() + ", 0) FROM alerts a LEFT JOIN dossiers d ON d.code = a.code ";
}

Result<std::vector<AlertRow>> Collect(Statement& st) {
  std::vector<AlertRow> rows;
  while (st.Step()) {
    AlertRow& r = rows.emplace_back();
    r.seq = static_cast<std::uint64_t>(st.ColumnInt(0));
    r.code = st.ColumnText(1);
    r.kind = static_cast<int>(st.ColumnInt(2));
    r.moment = st.ColumnInt(3);
    r.appointment = st.ColumnInt(4);
    r.raised_at = st.ColumnInt(5);
    r.deliver_at = st.ColumnInt(6);
    r.late_fired = st.ColumnInt(7) != 0;
    r.step = static_cast<std::uint32_t>(st.ColumnInt(8));
    r.step_due_at = st.ColumnInt(9);
    r.holder_unit = st.ColumnText(10);
    r.holder_user = st.ColumnText(11);
    r.legal_moment = st.ColumnInt(12);
    r.open = st.ColumnInt(13) != 0;
  }
  if (!st.ok()) return st.status();
  return rows;
}

}  // namespace

Result<std::vector<AlertRow>> ListAlerts(Database& db, const AlertFilter& filter) {
  std::string sql = SelectColumns() + "WHERE 1";
  if (filter.open_only) sql += " AND " + OpenCondition();
  if (filter.raised_from) sql += " AND a.raised_at >= ?1";
  if (filter.raised_to) sql += " AND a.raised_at < ?2";
  sql += filter.open_only ? " ORDER BY a.moment, a.seq" : " ORDER BY a.seq";
  sql += " LIMIT ?3";
  Statement st(db, sql);
  if (filter.raised_from) st.Bind(1, *filter.raised_from);
  if (filter.raised_to) st.Bind(2, *filter.raised_to);
  st.Bind(3, static_cast<std::int64_t>(filter.limit));
  return Collect(st);
}

Result<std::vector<AlertRow>> AlertsAfter(Database& db, std::uint64_t after,
                                          std::optional<std::int64_t> delivered_by,
                                          std::uint32_t limit) {
  std::string sql = SelectColumns() + "WHERE a.seq > ?1";
  if (delivered_by) sql += " AND a.deliver_at <= ?2";
  sql += " ORDER BY a.seq LIMIT ?3";
  Statement st(db, sql);
  st.Bind(1, static_cast<std::int64_t>(after));
  if (delivered_by) st.Bind(2, *delivered_by);
  st.Bind(3, static_cast<std::int64_t>(limit));
  return Collect(st);
}

Result<std::vector<AlertRow>> AlertsHeldAfter(Database& db, std::int64_t now) {
  Statement st(db, SelectColumns() + "WHERE a.deliver_at > ?1 ORDER BY a.seq");
  st.Bind(1, now);
  return Collect(st);
}

Result<std::optional<AlertRow>> AlertAt(Database& db, std::uint64_t seq) {
  Statement st(db, SelectColumns() + "WHERE a.seq = ?1");
  st.Bind(1, static_cast<std::int64_t>(seq));
  MOTCUA_ASSIGN_OR_RETURN(std::vector<AlertRow> rows, Collect(st));
  if (rows.empty()) return std::optional<AlertRow>();
  return std::optional<AlertRow>(std::move(rows.front()));
}

Result<std::uint64_t> LastAlertSeq(Database& db) {
  Statement st(db, "SELECT COALESCE(MAX(seq), 0) FROM alerts");
  std::uint64_t last = 0;
  if (st.Step()) last = static_cast<std::uint64_t>(st.ColumnInt(0));
  if (!st.ok()) return st.status();
  return last;
}

}  // namespace motcua::sqlite
