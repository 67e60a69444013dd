#include "adapters/counters/holder_figures.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "adapters/metrics/figures.h"

namespace motcua::counters {

namespace {

constexpr const char* kResolvedInPeriod =
    "SELECT COALESCE(d.resolved_by, ''), d.procedure, d.clock_start, d.end_at, d.appointment_at,"
    "       d.original_appointment_at, d.supplement_requests "
    "FROM dossiers d WHERE d.status IN (9, 10) AND d.end_at >= ?1 AND d.end_at < ?2";

struct Group {
  std::uint32_t resolved = 0;
  std::uint32_t on_time = 0;
  std::int64_t working_seconds = 0;
};

std::int64_t IntOrZero(const sqlite::Statement& st, int column) {
  return st.IsNull(column) ? 0 : st.ColumnInt(column);
}

// The working time a dossier took: clock start to result, pauses left out.
std::int64_t WorkingSecondsTaken(const calendar::WorkingCalendar& calendar, std::int64_t start,
                                 std::int64_t end, std::int64_t original_appointment,
                                 std::int64_t appointment) {
  if (start == 0 || end <= start) return 0;
  std::int64_t taken = calendar.WorkingTimeBetween(FromUnixSeconds(start), FromUnixSeconds(end)).count();
  if (original_appointment != 0 && appointment > original_appointment) {
    taken -= calendar
                 .WorkingTimeBetween(FromUnixSeconds(original_appointment),
                                     FromUnixSeconds(appointment))
                 .count();
  }
  return std::max<std::int64_t>(taken, 0);
}

}  // namespace

Result<std::vector<v1::HolderRow>> ResolvedByHolder(sqlite::Database& db,
                                                    const catalog::Catalog& catalog,
                                                    const calendar::WorkingCalendar& calendar,
                                                    const metrics::Period& period,
                                                    const OfficerOf& officer_of) {
  // (unit, officer, catalog index) -> figures; the unknown procedure last.
  std::map<std::tuple<std::string, std::string, std::uint32_t>, Group> groups;
  std::map<std::string, Officer> officers;
  metrics::VietnamDays days;
  sqlite::Statement st(db, kResolvedInPeriod);
  st.Bind(1, period.start_seconds()).Bind(2, period.end_seconds());
  while (st.Step()) {
    const std::string user = st.ColumnText(0);
    auto known = officers.find(user);
    if (known == officers.end()) known = officers.emplace(user, officer_of(user)).first;
    const std::uint32_t procedure =
        st.IsNull(1) ? catalog::Catalog::kNone : catalog.IndexOf(st.ColumnText(1));
    const std::int64_t end = IntOrZero(st, 3);
    const std::int64_t appointment = IntOrZero(st, 4);
    Group& g = groups[{known->second.unit, user, procedure}];
    ++g.resolved;
    const auto supplements = static_cast<std::uint8_t>(st.ColumnInt(6));
    if (metrics::ClassifyResolution(end, appointment, supplements, days).on_time) ++g.on_time;
    g.working_seconds +=
        WorkingSecondsTaken(calendar, IntOrZero(st, 2), end, IntOrZero(st, 5), appointment);
  }
  MOTCUA_RETURN_IF_ERROR(st.status());

  std::vector<v1::HolderRow> rows;
  rows.reserve(groups.size());
  for (const auto& [key, g] : groups) {
    const auto& [unit, user, procedure] = key;
    v1::HolderRow& row = rows.emplace_back();
    row.set_unit(unit);
    row.set_officer(user);
    row.set_officer_name(officers[user].name);
    if (procedure < catalog.size()) {
      row.set_procedure_code(catalog.at(procedure).code());
      row.set_procedure_name(catalog.at(procedure).name());
    } else {
      row.set_procedure_name("(thủ tục không còn trong danh mục)");
    }
    row.set_resolved(g.resolved);
    row.set_on_time(g.on_time);
    row.set_late(g.resolved - g.on_time);
    row.set_average_working_seconds(static_cast<std::uint32_t>(g.working_seconds / g.resolved));
  }
  return rows;
}

}  // namespace motcua::counters
