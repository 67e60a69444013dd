#include "adapters/sqlite/dossier_projection.h"

#include <algorithm>

#include "engine/base/proto_time.h"
#include "engine/dossier/dossier_code.h"

namespace motcua::sqlite {

namespace {

using K = v1::Event::KindCase;

// The columns written from DossierState, in bind order after the four
// static ones (code, unit, procedure, applicant_name).
constexpr const char* kStateColumns[] = {
    "channel", "status", "registered_at", "received_at", "clock_start", "appointment_at",
    "original_appointment_at", "extended_appointment_at", "end_at", "returned_at", "paused_at",
    "holder_unit", "holder_user", "fee_vnd", "payment_method", "result_kind", "return_method",
    "satisfaction", "complaint", "supplement_requests", "handovers", "all_handovers_electronic",
    "documents_reused", "documents_digitized", "apologized", "appointment_provisional",
    "alerts_raised", "last_seq", "step", "step_due_at", "supplement_late"};

std::string UpsertSql() {
  std::string cols = "code, unit, procedure, applicant_name";
  std::string params = "?1, ?2, ?3, ?4";
  std::string updates =
      "unit = COALESCE(excluded.unit, unit), procedure = COALESCE(excluded.procedure, procedure), "
      "applicant_name = COALESCE(excluded.applicant_name, applicant_name)";
  int i = 5;
  for (const char* c : kStateColumns) {
    cols += std::string(", ") + c;
    params += ", ?" + std::to_string(i++);
    updates += std::string(", ") + c + " = excluded." + c;
  }
  // Who recorded the result: written once, by that event (NULL keeps it).
  cols += ", resolved_by";
  params += ", ?" + std::to_string(i);
  updates += ", resolved_by = COALESCE(excluded.resolved_by, resolved_by)";
  return "INSERT INTO dossiers (" + cols + ") VALUES (" + params + ") ON CONFLICT(code) DO UPDATE SET " +
         updates;
}

}  // namespace

std::vector<std::string> DossierProjection::migrations() const {
  return {
      "CREATE TABLE dossiers ("
      "  code TEXT PRIMARY KEY,"
      "  unit TEXT, procedure TEXT, applicant_name TEXT,"
      "  channel INTEGER NOT NULL, status INTEGER NOT NULL,"
      "  registered_at INTEGER, received_at INTEGER, clock_start INTEGER,"
      "  appointment_at INTEGER, original_appointment_at INTEGER,"
      "  extended_appointment_at INTEGER, end_at INTEGER, returned_at INTEGER,"
      "  paused_at INTEGER, holder_unit TEXT, holder_user TEXT,"
      "  fee_vnd INTEGER NOT NULL, payment_method INTEGER NOT NULL,"
      "  result_kind INTEGER NOT NULL, return_method INTEGER NOT NULL,"
      "  satisfaction INTEGER NOT NULL, complaint INTEGER NOT NULL,"
      "  supplement_requests INTEGER NOT NULL, handovers INTEGER NOT NULL,"
      "  all_handovers_electronic INTEGER NOT NULL, documents_reused INTEGER NOT NULL,"
      "  documents_digitized INTEGER NOT NULL, apologized INTEGER NOT NULL,"
      "  appointment_provisional INTEGER NOT NULL, alerts_raised INTEGER NOT NULL,"
      "  last_seq INTEGER NOT NULL) WITHOUT ROWID;"
      "CREATE INDEX dossiers_by_status ON dossiers(status, appointment_at);"
      "CREATE INDEX dossiers_by_holder ON dossiers(holder_user, status);"
      "CREATE INDEX dossiers_by_procedure ON dossiers(procedure, status);"
      "CREATE TABLE handovers ("
      "  seq INTEGER PRIMARY KEY, code TEXT NOT NULL, at INTEGER NOT NULL,"
      "  from_unit TEXT NOT NULL, from_user TEXT NOT NULL,"
      "  to_unit TEXT NOT NULL, to_user TEXT NOT NULL, electronic INTEGER NOT NULL);"
      "CREATE INDEX handovers_by_code ON handovers(code, seq);"
      "CREATE TABLE code_counters ("
      "  unit TEXT NOT NULL, day TEXT NOT NULL, last INTEGER NOT NULL,"
      "  PRIMARY KEY (unit, day)) WITHOUT ROWID;",
      // 2: who recorded each dossier's result (the statistics by officer,
      // counters/holder_figures.h), from the log for the dossiers already
      // resolved.
      "ALTER TABLE dossiers ADD COLUMN resolved_by TEXT;"
      "UPDATE dossiers SET resolved_by ="
      "  (SELECT e.actor FROM events e WHERE e.dossier = dossiers.code AND e.kind = 'result_ready')"
      "  WHERE status IN (9, 10);",
      // 3: the step of the internal process in progress and its deadline
      // (process_steps.h); no earlier event started one.
      "ALTER TABLE dossiers ADD COLUMN step INTEGER NOT NULL DEFAULT 0;"
      "ALTER TABLE dossiers ADD COLUMN step_due_at INTEGER;",
      // 4: a supplementation requested after the law's limit (rule_set.h);
      // no earlier event recorded the limit, so none is flagged.
      "ALTER TABLE dossiers ADD COLUMN supplement_late INTEGER NOT NULL DEFAULT 0;",
  };
}

std::vector<TableSpec> DossierProjection::tables() const {
  return {{"dossiers", "code"}, {"handovers", "seq"}, {"code_counters", "unit, day"}};
}

Status DossierProjection::Prepare(Database& db) {
  upsert_ = std::make_unique<Statement>(db, UpsertSql());
  handover_ = std::make_unique<Statement>(
      db,
      "INSERT INTO handovers (seq, code, at, from_unit, from_user, to_unit, to_user, electronic) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  counter_ = std::make_unique<Statement>(
      db,
      "INSERT INTO code_counters (unit, day, last) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(unit, day) DO UPDATE SET last = MAX(last, excluded.last)");
  MOTCUA_RETURN_IF_ERROR(upsert_->status());
  MOTCUA_RETURN_IF_ERROR(handover_->status());
  return counter_->status();
}

Status DossierProjection::Apply(const engine::PendingEvent& p) {
  const v1::Event& e = p.event;
  if (e.dossier_code().empty()) return Status::Ok();  // system events have no dossier

  auto [it, inserted] = row_of_.try_emplace(e.dossier_code(), rows_.size());
  if (inserted) rows_.emplace_back().code = e.dossier_code();
  PendingRow& row = rows_[it->second];
  // The static columns come from the events that carry them; the others
  // keep what an earlier event wrote.
  bool creates = false;
  auto set_static = [&](const std::string& unit, const std::string& procedure,
                        const std::string& applicant) {
    if (!unit.empty()) row.unit = unit;
    if (!procedure.empty()) row.procedure = procedure;
    if (!applicant.empty()) row.applicant = applicant;
    creates = true;
  };
  switch (e.kind_case()) {
    case K::kRegisteredOnline:
      set_static({}, e.registered_online().procedure_code(),
                 e.registered_online().applicant().name());
      break;
    case K::kReceived:
      set_static(e.received().unit(), e.received().procedure_code(),
                 e.received().applicant().name());
      break;
    case K::kRefused:
      set_static(e.refused().unit(), e.refused().procedure_code(),
                 e.refused().applicant().name());
      break;
    default:
      break;
  }
  row.state = p.state_after;
  row.holder_unit = p.holder_unit;
  row.holder_user = p.holder_user;
  row.seq = e.seq();
  if (e.kind_case() == K::kResultReady) row.resolved_by = e.actor();

  if (e.kind_case() == K::kHandedOver) {
    const auto& h = e.handed_over();
    handover_->Bind(1, static_cast<std::int64_t>(e.seq()))
        .Bind(2, e.dossier_code())
        .Bind(3, Seconds(e.at()))
        .Bind(4, h.from_unit())
        .Bind(5, h.from_user())
        .Bind(6, h.to_unit())
        .Bind(7, h.to_user())
        .Bind(8, std::int64_t{h.electronic()});
    MOTCUA_RETURN_IF_ERROR(handover_->Run());
  }
  if (creates) {
    if (auto parsed = dossier::ParseCode(e.dossier_code())) {
      std::int64_t& last = counters_[{std::string(parsed->unit), parsed->day}];
      last = std::max(last, std::int64_t{parsed->sequence});
    }
  }
  return Status::Ok();
}

Status DossierProjection::Flush() {
  for (const auto& [key, last] : counters_) {
    counter_->Bind(1, key.first).Bind(2, FormatDate(key.second)).Bind(3, last);
    if (Status r = counter_->Run(); !r.ok()) {
      Discard();
      return r;
    }
  }
  Statement& st = *upsert_;
  for (const PendingRow& row : rows_) {
    const dossier::DossierState& s = row.state;
    st.Bind(1, row.code);
    // NULL keeps whatever an earlier transaction wrote.
    st.BindTextOrNull(2, row.unit).BindTextOrNull(3, row.procedure).BindTextOrNull(4, row.applicant);
    int i = 5;
    auto time = [&](std::int64_t t) {
      if (t == 0) st.BindNull(i++); else st.Bind(i++, t);
    };
    auto num = [&](std::int64_t v) { st.Bind(i++, v); };
    num(s.channel);
    num(s.status);
    time(s.registered_at);
    time(s.received_at);
    time(s.clock_start);
    time(s.appointment_at);
    time(s.original_appointment_at);
    time(s.extended_appointment_at);
    time(s.end_of_processing_at);
    time(s.returned_at);
    time(s.paused_at);
    st.BindTextOrNull(i++, row.holder_unit);
    st.BindTextOrNull(i++, row.holder_user);
    num(s.fee_vnd);
    num(s.payment_method);
    num(s.result_kind);
    num(s.return_method);
    num(s.satisfaction);
    num(s.complaint);
    num(s.supplement_requests);
    num(s.handovers);
    num(s.all_handovers_electronic);
    num(s.documents_reused);
    num(s.documents_digitized);
    num(s.apologized);
    num(s.appointment_provisional);
    num(s.alerts_raised);
    num(static_cast<std::int64_t>(row.seq));
    num(s.step);
    time(s.step_due_at);
    num(s.supplement_requested_late);
    st.BindTextOrNull(i++, row.resolved_by);
    if (Status r = st.Run(); !r.ok()) {
      Discard();
      return r;
    }
  }
  Discard();
  return Status::Ok();
}

void DossierProjection::Discard() {
  counters_.clear();
  rows_.clear();
  row_of_.clear();
}

}  // namespace motcua::sqlite
