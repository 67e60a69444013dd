#include "adapters/sqlite/dossier_queries.h"

namespace motcua::sqlite {

DossierEventReader::DossierEventReader(Database& db)
    : statement_(std::make_unique<Statement>(
          db, "SELECT seq, body FROM events WHERE dossier = ?1 ORDER BY seq")) {}

Status DossierEventReader::Read(std::string_view code,
                                const std::function<void(const v1::Event&)>& visit) {
  Statement& st = *statement_;
  MOTCUA_RETURN_IF_ERROR(st.status());
  st.Bind(1, code);
  v1::Event event;
  Status result;
  while (st.Step()) {
    std::string_view body = st.ColumnBlob(1);
    if (!event.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
      result = Status(Error::kCorrupt,
                      "sự kiện số " + std::to_string(st.ColumnInt(0)) + " không đọc được");
      break;
    }
    visit(event);
  }
  if (result.ok()) result = st.status();
  st.Reset();
  return result;
}

Result<std::vector<v1::Event>> DossierEventReader::ReadAll(std::string_view code) {
  std::vector<v1::Event> events;
  MOTCUA_RETURN_IF_ERROR(Read(code, [&](const v1::Event& e) { events.push_back(e); }));
  return events;
}

Result<std::vector<DossierRow>> ListDossiers(Database& db, const DossierFilter& filter) {
  // Unset filters bind NULL and match everything, so one statement serves
  // every combination and the values are never spliced into the SQL.
  Statement st(db,
               "SELECT code, procedure, applicant_name, status, channel, received_at,"
               "       appointment_at, extended_appointment_at, holder_unit, holder_user"
               "  FROM dossiers"
               " WHERE (?1 IS NULL OR status = ?1)"
               "   AND (?2 IS NULL OR procedure = ?2)"
               "   AND (?3 IS NULL OR holder_user = ?3 OR holder_unit = ?3)"
               "   AND (?4 IS NULL OR appointment_at < ?4)"
               " ORDER BY appointment_at IS NULL, appointment_at, code"
               " LIMIT ?5");
  if (filter.status)
    st.Bind(1, std::int64_t{*filter.status});
  else
    st.BindNull(1);
  st.BindTextOrNull(2, filter.procedure);
  st.BindTextOrNull(3, filter.holder);
  if (filter.due_before)
    st.Bind(4, *filter.due_before);
  else
    st.BindNull(4);
  st.Bind(5, std::int64_t{filter.limit});
  std::vector<DossierRow> rows;
  while (st.Step()) {
    DossierRow& r = rows.emplace_back();
    r.code = st.ColumnText(0);
    r.procedure = st.ColumnText(1);
    r.applicant_name = st.ColumnText(2);
    r.status = static_cast<int>(st.ColumnInt(3));
    r.channel = static_cast<int>(st.ColumnInt(4));
    r.received_at = st.ColumnInt(5);
    r.appointment_at = st.ColumnInt(6);
    r.extended_appointment_at = st.ColumnInt(7);
    r.holder_unit = st.ColumnText(8);
    r.holder_user = st.ColumnText(9);
  }
  MOTCUA_RETURN_IF_ERROR(st.status());
  return rows;
}

}  // namespace motcua::sqlite
