#include "adapters/sqlite/dossier_queries.h"

#include <sqlite3.h>

#include "adapters/text/search_fold.h"
#include "engine/dossier/dossier_state.h"
#include "engine/dossier/standing.h"

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

namespace {

// office_deadline(appointment_at, apologized, extended_appointment_at): the
// deadline the office works to (dossier::OfficeDeadline, the one rule), NULL
// when there is none; lists sort and filter by it.
void OfficeDeadlineFunction(sqlite3_context* context, int, sqlite3_value** args) {
  const std::int64_t at = dossier::OfficeDeadline(sqlite3_value_int64(args[0]),
                                                  sqlite3_value_int64(args[1]) != 0,
                                                  sqlite3_value_int64(args[2]));
  if (at == 0) {
    sqlite3_result_null(context);
  } else {
    sqlite3_result_int64(context, at);
  }
}

Status RegisterOfficeDeadline(Database& db) {
  const int rc = sqlite3_create_function_v2(db.handle(), "office_deadline", 3,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                            &OfficeDeadlineFunction, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : db.Error("không đăng ký được hàm office_deadline");
}

// `text` for a LIKE pattern with ESCAPE '\': its wildcards taken literally.
std::string EscapeLike(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// What a search matches (DossierFilter::query): the code by its start, the
// phone by a run of its digits (a query of digits only, at least three), the
// name when every word of the query begins a word of it.
struct SearchTerms {
  std::string code_prefix;  // a LIKE pattern
  std::string phone;        // a LIKE pattern, or empty
  std::vector<std::string> name_words;  // LIKE patterns
};

SearchTerms TermsOf(std::string_view query, bool search_phone) {
  SearchTerms terms;
  std::string trimmed(query);
  trimmed.erase(0, trimmed.find_first_not_of(' '));
  trimmed.erase(trimmed.find_last_not_of(' ') + 1);
  terms.code_prefix = EscapeLike(trimmed) + "%";
  const std::string digits = text::DigitsOf(trimmed);
  const bool phone_like =
      trimmed.find_first_not_of("0123456789 +.-()") == std::string::npos && digits.size() >= 3;
  if (phone_like && search_phone) terms.phone = "%" + digits + "%";
  for (const std::string& w : text::SearchWords(trimmed)) {
    terms.name_words.push_back("% " + EscapeLike(w) + "%");
  }
  return terms;
}

// The statuses in which a dossier is open, as an SQL list ("2, 3, 4, 6"):
// the rule is DossierState::open, asked of every status rather than
// restated here.
std::string OpenStatuses() {
  std::string list;
  for (int s = v1::Status_MIN; s <= v1::Status_MAX; ++s) {
    dossier::DossierState state;
    state.status = static_cast<std::uint8_t>(s);
    if (!state.open()) continue;
    if (!list.empty()) list += ", ";
    list += std::to_string(s);
  }
  return list;
}

// The parameters after the fixed ones (?1–?8, ?9 and ?10 unused) are the
// name words'.
constexpr std::size_t kFirstWordParam = 11;

}  // namespace

Result<std::vector<DossierRow>> ListDossiers(Database& db, const DossierFilter& filter) {
  MOTCUA_RETURN_IF_ERROR(RegisterOfficeDeadline(db));
  std::optional<SearchTerms> terms;
  if (!filter.query.empty()) terms = TermsOf(filter.query, filter.search_phone);
  // Unset filters bind NULL and match everything, and the values are never
  // spliced into the SQL: only the number of name words shapes it.
  std::string sql =
      "SELECT d.code, d.procedure, d.applicant_name, d.status, d.channel, d.received_at,"
      "       d.appointment_at, d.extended_appointment_at, d.holder_unit, d.holder_user,"
      "       d.apologized, d.paused_at, d.registered_at, d.clock_start, d.original_appointment_at"
      "  FROM dossiers d";
  if (terms) sql += " JOIN dossier_search s ON s.code = d.code";
  sql +=
      " WHERE (?2 IS NULL OR d.procedure = ?2)"
      "   AND (?3 IS NULL OR d.holder_user = ?3 OR d.holder_unit = ?3)"
      "   AND (?4 IS NULL OR"
      "        office_deadline(d.appointment_at, d.apologized, d.extended_appointment_at) < ?4)";
  // The status conditions only when asked, and in a form the status index
  // (dossiers_by_status) answers: "?1 IS NULL OR ..." made SQLite read
  // every dossier, and the desk's open list took 125 ms at a million
  // (bench --scaling) for the few hundred open ones.
  if (filter.status) sql += " AND d.status = ?1";
  if (filter.open_only) sql += " AND d.status IN (" + OpenStatuses() + ")";
  if (terms) {
    sql += " AND (d.code LIKE ?7 ESCAPE '\\' OR (?8 IS NOT NULL AND s.phone LIKE ?8)";
    if (!terms->name_words.empty()) {
      sql += " OR (";
      for (std::size_t i = 0; i < terms->name_words.size(); ++i) {
        if (i > 0) sql += " AND ";
        sql += "s.name LIKE ?" + std::to_string(kFirstWordParam + i) + " ESCAPE '\\'";
      }
      sql += ")";
    }
    sql += ")";
  }
  sql +=
      " ORDER BY office_deadline(d.appointment_at, d.apologized, d.extended_appointment_at)"
      "            IS NULL,"
      "          office_deadline(d.appointment_at, d.apologized, d.extended_appointment_at),"
      "          d.code"
      " LIMIT ?5 OFFSET ?6";
  Statement st(db, sql);
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
  st.Bind(6, static_cast<std::int64_t>(filter.offset));
  if (terms) {
    st.Bind(7, terms->code_prefix);
    st.BindTextOrNull(8, terms->phone);
    for (std::size_t i = 0; i < terms->name_words.size(); ++i) {
      st.Bind(static_cast<int>(kFirstWordParam + i), terms->name_words[i]);
    }
  }
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
    r.apologized = st.ColumnInt(10) != 0;
    r.paused_at = st.ColumnInt(11);
    r.registered_at = st.ColumnInt(12);
    r.clock_start = st.ColumnInt(13);
    r.original_appointment_at = st.ColumnInt(14);
  }
  MOTCUA_RETURN_IF_ERROR(st.status());
  return rows;
}

}  // namespace motcua::sqlite
