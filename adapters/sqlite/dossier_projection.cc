#include "adapters/sqlite/dossier_projection.h"

#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <string_view>

#include "engine/dossier/dossier_code.h"

namespace motcua::sqlite {

namespace {

using K = v1::Event::KindCase;

using dossier::DossierState;

// A column of a dossier's row written from its state. `of` gives the value
// that decides whether the column changed: for a holder, the interned id,
// which changes exactly when the name does.
struct Column {
  enum Kind {
    kNumber,
    kTime,        // 0 is NULL (unset)
    kHolderUnit,  // the name, from the pending row
    kHolderUser,
    kLastSeq,     // the row's last event: changes with every transaction
  };
  const char* name;
  Kind kind;
  std::int64_t (*of)(const DossierState&);
};

#define MOTCUA_STATE_COLUMN(column, kind, field) \
  Column { column, Column::kind, [](const DossierState& s) -> std::int64_t { return s.field; } }

constexpr Column kColumns[] = {
    MOTCUA_STATE_COLUMN("channel", kNumber, channel),
    MOTCUA_STATE_COLUMN("status", kNumber, status),
    MOTCUA_STATE_COLUMN("registered_at", kTime, registered_at),
    MOTCUA_STATE_COLUMN("received_at", kTime, received_at),
    MOTCUA_STATE_COLUMN("clock_start", kTime, clock_start),
    MOTCUA_STATE_COLUMN("appointment_at", kTime, appointment_at),
    MOTCUA_STATE_COLUMN("original_appointment_at", kTime, original_appointment_at),
    MOTCUA_STATE_COLUMN("extended_appointment_at", kTime, extended_appointment_at),
    MOTCUA_STATE_COLUMN("end_at", kTime, end_of_processing_at),
    MOTCUA_STATE_COLUMN("returned_at", kTime, returned_at),
    MOTCUA_STATE_COLUMN("paused_at", kTime, paused_at),
    MOTCUA_STATE_COLUMN("holder_unit", kHolderUnit, holder_unit),
    MOTCUA_STATE_COLUMN("holder_user", kHolderUser, holder_user),
    MOTCUA_STATE_COLUMN("fee_vnd", kNumber, fee_vnd),
    MOTCUA_STATE_COLUMN("payment_method", kNumber, payment_method),
    MOTCUA_STATE_COLUMN("result_kind", kNumber, result_kind),
    MOTCUA_STATE_COLUMN("return_method", kNumber, return_method),
    MOTCUA_STATE_COLUMN("satisfaction", kNumber, satisfaction),
    MOTCUA_STATE_COLUMN("complaint", kNumber, complaint),
    MOTCUA_STATE_COLUMN("supplement_requests", kNumber, supplement_requests),
    MOTCUA_STATE_COLUMN("handovers", kNumber, handovers),
    MOTCUA_STATE_COLUMN("all_handovers_electronic", kNumber, all_handovers_electronic),
    MOTCUA_STATE_COLUMN("documents_reused", kNumber, documents_reused),
    MOTCUA_STATE_COLUMN("documents_digitized", kNumber, documents_digitized),
    MOTCUA_STATE_COLUMN("apologized", kNumber, apologized),
    MOTCUA_STATE_COLUMN("appointment_provisional", kNumber, appointment_provisional),
    MOTCUA_STATE_COLUMN("alerts_raised", kNumber, alerts_raised),
    Column{"last_seq", Column::kLastSeq, nullptr},
    MOTCUA_STATE_COLUMN("step", kNumber, step),
    MOTCUA_STATE_COLUMN("step_due_at", kTime, step_due_at),
    MOTCUA_STATE_COLUMN("supplement_late", kNumber, supplement_requested_late),
};

#undef MOTCUA_STATE_COLUMN

constexpr std::size_t kColumnCount = std::size(kColumns);
// The columns that are not the state's, after kColumns in an update's mask:
// written when the transaction's events carried them, kept otherwise.
constexpr const char* kCarriedColumns[] = {"unit", "procedure", "applicant_name",
                                           "resolved_by"};
static_assert(kColumnCount + std::size(kCarriedColumns) <= 64, "an update's mask is 64 bits");

std::string UpsertSql() {
  std::string cols = "code, unit, procedure, applicant_name";
  std::string params = "?1, ?2, ?3, ?4";
  std::string updates =
      "unit = COALESCE(excluded.unit, unit), procedure = COALESCE(excluded.procedure, procedure), "
      "applicant_name = COALESCE(excluded.applicant_name, applicant_name)";
  int i = 5;
  for (const Column& c : kColumns) {
    cols += std::string(", ") + c.name;
    params += ", ?" + std::to_string(i++);
    updates += std::string(", ") + c.name + " = excluded." + c.name;
  }
  // Who recorded the result: written once, by that event (NULL keeps it).
  cols += ", resolved_by";
  params += ", ?" + std::to_string(i);
  updates += ", resolved_by = COALESCE(excluded.resolved_by, resolved_by)";
  return "INSERT INTO dossiers (" + cols + ") VALUES (" + params + ") ON CONFLICT(code) DO UPDATE SET " +
         updates;
}

// "UPDATE dossiers SET a = ?2, b = ?3 ... WHERE code = ?1" for the columns
// of `mask`, in mask order.
std::string UpdateSql(std::uint64_t mask) {
  std::string sql = "UPDATE dossiers SET ";
  int param = 2;
  for (std::size_t bit = 0; bit < kColumnCount + std::size(kCarriedColumns); ++bit) {
    if (!(mask & (std::uint64_t{1} << bit))) continue;
    if (param > 2) sql += ", ";
    sql += bit < kColumnCount ? kColumns[bit].name : kCarriedColumns[bit - kColumnCount];
    sql += " = ?" + std::to_string(param++);
  }
  return sql + " WHERE code = ?1";
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
      // 5: no query reads through these two: the desk's list filters by
      // holder and procedure in the "?n IS NULL OR" form, which no index
      // answers, and narrows by the status index. Yet the status in each
      // made every step of every dossier rewrite both (a quarter of a
      // lifecycle's writing: tools/bench lifecycles).
      "DROP INDEX dossiers_by_holder;"
      "DROP INDEX dossiers_by_procedure;",
      // 6: nothing read the hand-overs' table: the process-control slip and
      // the dossier's history come from its events (events_by_dossier), and
      // the statistics from the dossier's row (handovers,
      // all_handovers_electronic). Its row and index made a tenth of a
      // lifecycle's writing (tools/bench lifecycles).
      "DROP TABLE handovers;",
  };
}

std::vector<TableSpec> DossierProjection::tables() const {
  return {{"dossiers", "code"}, {"code_counters", "unit, day"}};
}

Status DossierProjection::Prepare(Database& db) {
  db_ = &db;
  updates_.clear();
  upsert_ = std::make_unique<Statement>(db, UpsertSql());
  counter_ = std::make_unique<Statement>(
      db,
      "INSERT INTO code_counters (unit, day, last) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(unit, day) DO UPDATE SET last = MAX(last, excluded.last)");
  MOTCUA_RETURN_IF_ERROR(upsert_->status());
  return counter_->status();
}

Status DossierProjection::Apply(const engine::PendingEvent& p) {
  const v1::Event& e = p.event;
  if (e.dossier_code().empty()) return Status::Ok();  // system events have no dossier

  auto [it, inserted] = row_of_.try_emplace(e.dossier_code(), rows_.size());
  if (inserted) {
    PendingRow& fresh = rows_.emplace_back();
    fresh.code = e.dossier_code();
    fresh.before = p.state_before;
    fresh.creates = !p.state_before.exists();
  }
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
  for (const PendingRow& row : rows_) {
    if (Status r = row.creates ? Insert(row) : Update(row); !r.ok()) {
      Discard();
      return r;
    }
  }
  Discard();
  return Status::Ok();
}

namespace {

void BindColumn(Statement& st, int index, const Column& c, const DossierState& s,
                std::string_view holder_unit, std::string_view holder_user, std::uint64_t seq) {
  switch (c.kind) {
    case Column::kNumber:
      st.Bind(index, c.of(s));
      break;
    case Column::kTime:
      if (const std::int64_t t = c.of(s); t == 0) st.BindNull(index); else st.Bind(index, t);
      break;
    case Column::kHolderUnit:
      st.BindTextOrNull(index, holder_unit, Held::kBorrowed);
      break;
    case Column::kHolderUser:
      st.BindTextOrNull(index, holder_user, Held::kBorrowed);
      break;
    case Column::kLastSeq:
      st.Bind(index, static_cast<std::int64_t>(seq));
      break;
  }
}

}  // namespace

// The text of a row is borrowed (database.h Held): the row outlives the Run.
Status DossierProjection::Insert(const PendingRow& row) {
  Statement& st = *upsert_;
  st.Bind(1, row.code, Held::kBorrowed);
  // NULL keeps whatever an earlier transaction wrote.
  st.BindTextOrNull(2, row.unit, Held::kBorrowed)
      .BindTextOrNull(3, row.procedure, Held::kBorrowed)
      .BindTextOrNull(4, row.applicant, Held::kBorrowed);
  int i = 5;
  for (const Column& c : kColumns) {
    BindColumn(st, i++, c, row.state, row.holder_unit, row.holder_user, row.seq);
  }
  st.BindTextOrNull(i, row.resolved_by, Held::kBorrowed);
  return st.Run();
}

Status DossierProjection::Update(const PendingRow& row) {
  std::uint64_t mask = 0;
  for (std::size_t bit = 0; bit < kColumnCount; ++bit) {
    const Column& c = kColumns[bit];
    if (c.kind == Column::kLastSeq || c.of(row.before) != c.of(row.state)) {
      mask |= std::uint64_t{1} << bit;
    }
  }
  const std::string_view carried[] = {row.unit, row.procedure, row.applicant, row.resolved_by};
  for (std::size_t k = 0; k < std::size(carried); ++k) {
    if (!carried[k].empty()) mask |= std::uint64_t{1} << (kColumnCount + k);
  }
  std::unique_ptr<Statement>& cached = updates_[mask];
  if (!cached) {
    cached = std::make_unique<Statement>(*db_, UpdateSql(mask));
    MOTCUA_RETURN_IF_ERROR(cached->status());
  }
  Statement& st = *cached;
  st.Bind(1, row.code, Held::kBorrowed);
  int param = 2;
  for (std::size_t bit = 0; bit < kColumnCount + std::size(carried); ++bit) {
    if (!(mask & (std::uint64_t{1} << bit))) continue;
    if (bit < kColumnCount) {
      BindColumn(st, param++, kColumns[bit], row.state, row.holder_unit, row.holder_user, row.seq);
    } else {
      st.BindTextOrNull(param++, carried[bit - kColumnCount], Held::kBorrowed);
    }
  }
  MOTCUA_RETURN_IF_ERROR(st.Run());
  // The row was inserted by the transaction that created the dossier; an
  // update that finds none would silently lose this one.
  if (sqlite3_changes(db_->handle()) != 1) {
    return Status(Error::kCorrupt, "no row in dossiers for " + row.code);
  }
  return Status::Ok();
}

void DossierProjection::Discard() {
  counters_.clear();
  rows_.clear();
  row_of_.clear();
}

}  // namespace motcua::sqlite
