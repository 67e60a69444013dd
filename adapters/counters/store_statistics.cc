#include "adapters/counters/store_statistics.h"

#include <string>

#include "adapters/metrics/count_figures.h"
#include "adapters/counters/daily_counters_reader.h"
#include "adapters/metrics/fact_sources.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "motcua/v1/dossier.pb.h"

namespace motcua::counters {

namespace {

// The columns of DossierProjection's table that DossierFacts needs, column 7
// being the time of each dossier's last event (its rating time when rated).
// Only the additive (rating) figures read that time: without it
// (`with_last_event` false, the column reads 0) the query skips the join,
// which costs a random read of the events table per row, most of the
// open-dossier query's time (tools/bench statistics).
std::string FactsSql(bool with_last_event) {
  return std::string(
             "SELECT d.code, d.procedure, d.received_at, d.appointment_at, d.end_at,"
             "       d.returned_at, d.paused_at, ") +
         (with_last_event ? "e.at" : "0") +
         ", d.status, d.channel, d.result_kind, d.return_method, d.payment_method,"
         "  d.satisfaction, d.supplement_requests, d.fee_vnd, d.handovers,"
         "  d.all_handovers_electronic, d.documents_reused, d.documents_digitized,"
         "  d.complaint, d.alerts_raised, d.supplement_late "
         "FROM dossiers d" +
         (with_last_event ? " JOIN events e ON e.seq = d.last_seq" : "");
}

std::int64_t IntOrZero(const sqlite::Statement& st, int column) {
  return st.IsNull(column) ? 0 : st.ColumnInt(column);
}

}  // namespace

Status ReadEvents(sqlite::Database& db, const std::function<Status(const v1::Event&)>& visit) {
  return sqlite::ReadAllEvents(db, visit);
}

Result<metrics::FactsTable> FactsFromEvents(sqlite::Database& db, const catalog::Catalog& catalog,
                                   Instant as_of) {
  return metrics::FactsFromLog([&db](const auto& visit) { return ReadEvents(db, visit); }, catalog, as_of);
}

namespace {

// The facts of the rows `st` (a FactsSql query) returns.
Result<metrics::FactsTable> ReadFacts(sqlite::Statement& st, const catalog::Catalog& catalog) {
  metrics::FactsTable table;
  while (st.Step()) {
    metrics::DossierFacts f;
    f.procedure = catalog.IndexOf(st.IsNull(1) ? std::string() : st.ColumnText(1));
    f.received_at = IntOrZero(st, 2);
    f.appointment_at = IntOrZero(st, 3);
    f.end_at = IntOrZero(st, 4);
    f.returned_at = IntOrZero(st, 5);
    f.paused_at = IntOrZero(st, 6);
    f.last_event_at = st.ColumnInt(7);
    f.status = static_cast<std::uint8_t>(st.ColumnInt(8));
    f.channel = static_cast<std::uint8_t>(st.ColumnInt(9));
    f.result_kind = static_cast<std::uint8_t>(st.ColumnInt(10));
    f.return_method = static_cast<std::uint8_t>(st.ColumnInt(11));
    f.payment_method = static_cast<std::uint8_t>(st.ColumnInt(12));
    f.satisfaction = static_cast<std::uint8_t>(st.ColumnInt(13));
    f.supplement_requests = static_cast<std::uint8_t>(st.ColumnInt(14));
    f.has_fee = st.ColumnInt(15) > 0;
    f.handed_over = st.ColumnInt(16) > 0;
    f.all_handovers_electronic = f.handed_over && st.ColumnInt(17) != 0;
    f.documents_reused = st.ColumnInt(18) != 0;
    f.documents_digitized = st.ColumnInt(19) != 0;
    f.complaint = st.ColumnInt(20) != 0;
    f.intake_late = metrics::AcceptedLate(static_cast<std::uint8_t>(st.ColumnInt(21)));
    f.supplement_late = st.ColumnInt(22) != 0;
    table.facts.push_back(f);
    table.codes.push_back(st.ColumnText(0));
  }
  MOTCUA_RETURN_IF_ERROR(st.status());
  return table;
}

// The facts of every dossier open now (received, and not ended), through
// the dossiers_by_status index, for the stock figures only: last_event_at is
// left 0.
Result<metrics::FactsTable> FactsOfOpenDossiers(sqlite::Database& db, const catalog::Catalog& catalog) {
  std::string sql = FactsSql(/*with_last_event=*/false) + " WHERE d.status IN (";
  for (v1::Status open : {v1::STATUS_RECEIVED, v1::STATUS_PROCESSING,
                          v1::STATUS_SUPPLEMENT_REQUESTED, v1::STATUS_FEE_REQUESTED}) {
    if (sql.back() != '(') sql += ", ";
    sql += std::to_string(static_cast<int>(open));
  }
  sql += ")";
  sqlite::Statement st(db, sql);
  return ReadFacts(st, catalog);
}

}  // namespace

Result<metrics::FactsTable> FactsFromDossiersTable(sqlite::Database& db, const catalog::Catalog& catalog,
                                          std::optional<metrics::Period> window) {
  std::string sql = FactsSql(/*with_last_event=*/true);
  if (window) {
    sql += " WHERE d.received_at < ?1 AND (d.end_at IS NULL OR d.end_at >= ?2)";
  }
  sql += " ORDER BY d.code";
  sqlite::Statement st(db, sql);
  if (window) st.Bind(1, window->end_seconds()).Bind(2, window->start_seconds());
  return ReadFacts(st, catalog);
}

Result<v1::Statistics> StatisticsFromStore(sqlite::Database& db, const catalog::Catalog& catalog,
                                           const metrics::Period& period, Instant now,
                                           metrics::StatisticsOptions options) {
  if (period.end() <= now) {
    // A past period: fold the log as it stood at the end (exact).
    options.source = "log";
    MOTCUA_ASSIGN_OR_RETURN(metrics::FactsTable facts, FactsFromEvents(db, catalog, period.end()));
    return ComputeStatistics(facts, catalog, period, options);
  }
  // Nothing has happened after the end yet: today's states are the states
  // at the end.
  if (options.with_codes) {
    options.source = "live";
    MOTCUA_ASSIGN_OR_RETURN(metrics::FactsTable facts, FactsFromDossiersTable(db, catalog));
    return ComputeStatistics(facts, catalog, period, options);
  }
  options.source = "counters";
  MOTCUA_ASSIGN_OR_RETURN(metrics::FigureCounts counts, SumDailyCounters(db, catalog, period));
  // The stock figures need only the dossiers still open: with the period
  // ending after now, in progress at its end is open now. They are found
  // through the status index instead of a scan of every dossier the period
  // touched (a year over 1,000,000 dossiers read them all, ~3x the time of
  // a plain SQL aggregate over the table: tools/bench statistics).
  MOTCUA_ASSIGN_OR_RETURN(metrics::FactsTable open, FactsOfOpenDossiers(db, catalog));
  metrics::CountOptions stock_only;
  stock_only.additive = false;
  AddStockFigures(metrics::CountFigures(open, catalog.size(), period, stock_only), counts);
  // Carried over also counts dossiers that have ended since the start; by
  // the report's identity (figures.h: to_handle = new + carried_over =
  // resolved + in_progress + withdrawn + stopped) it is what the period
  // ended or still holds, less what it received.
  for (std::size_t r = 0; r < counts.rows(); ++r) {
    auto get = [&](metrics::Figure f) { return static_cast<std::int64_t>(counts.Get(r, f)); };
    const std::int64_t carried = get(metrics::Figure::kResolved) + get(metrics::Figure::kWithdrawn) +
                                 get(metrics::Figure::kStopped) + get(metrics::Figure::kInProgress) -
                                 get(metrics::Figure::kReceivedOnline) - get(metrics::Figure::kReceivedCounter) -
                                 get(metrics::Figure::kReceivedPost);
    const std::int64_t missing = carried - get(metrics::Figure::kCarriedOver);
    if (missing > 0) {
      counts.AddCount(r, metrics::Figure::kCarriedOver, static_cast<std::uint32_t>(missing));
    }
  }
  return BuildStatistics(counts, nullptr, catalog, period, options);
}

}  // namespace motcua::counters
