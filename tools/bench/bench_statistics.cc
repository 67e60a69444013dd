// Statistics: every rate of the plan, the periodic report and the national
// score for 2024 over the year of traffic (1,000,000 dossiers, about 8
// million events), the way the server answers GET /v1/stats
// (counters::StatisticsFromStore on a read-only connection), asked on
// 2024-12-31 at 17:00: the year is still running, so the additive figures
// come from the per-day counters and the stock figures from the open
// dossiers. Baseline, same run, same store: a plain SQL aggregate over the
// `dossiers` projection table counting what it can count in one statement,
// resolved / on time / early / on the day / late for the year (checked
// equal to motcua's). Both warm (a first run of each is not counted).
// Target: motcua's time <= 0.25 of the SQL aggregate's.
//
// Also reported: the same from the live engine's memory (FactsFromEngine +
// ComputeStatistics), and once, the same year asked after it has ended,
// which the server answers exactly by folding the whole log.
#include <algorithm>

#include "adapters/metrics/fact_sources.h"
#include "adapters/metrics/statistics.h"
#include "adapters/counters/store_statistics.h"
#include "adapters/sqlite/database.h"
#include "tools/bench/benchmarks.h"

namespace motcua::bench {

namespace {

struct Counts {
  std::int64_t resolved = 0, on_time = 0, early = 0, on_the_day = 0, late = 0;
  bool operator==(const Counts&) const = default;
  std::string ToString() const {
    return FormatCount(static_cast<double>(resolved)) +
           " resolved: " + FormatCount(static_cast<double>(on_time)) + " on time, " +
           FormatCount(static_cast<double>(early)) + " early, " +
           FormatCount(static_cast<double>(on_the_day)) + " on the day, " +
           FormatCount(static_cast<double>(late)) + " late";
  }
};

// Vietnam dates as whole days since the epoch: UTC+7 (no daylight saving
// since 1975), the plain way a SQL report would do it.
constexpr const char* kAggregate =
    "SELECT COUNT(*),"
    " SUM(supplement_requests < 2 AND end_at <= appointment_at),"
    " SUM(supplement_requests < 2 AND (end_at + 25200) / 86400 < (appointment_at + 25200) / 86400),"
    " SUM(supplement_requests < 2 AND (end_at + 25200) / 86400 = (appointment_at + 25200) / 86400),"
    " SUM(supplement_requests >= 2 OR (end_at + 25200) / 86400 > (appointment_at + 25200) / 86400)"
    " FROM dossiers"
    " WHERE status IN (9, 10) AND received_at < ?2 AND end_at >= ?1 AND end_at < ?2";

Result<Counts> SqlAggregate(sqlite::Database& db, const metrics::Period& period) {
  sqlite::Statement st(db, kAggregate);
  st.Bind(1, period.start_seconds()).Bind(2, period.end_seconds());
  Counts c;
  if (st.Step()) {
    c = {st.ColumnInt(0), st.ColumnInt(1), st.ColumnInt(2), st.ColumnInt(3), st.ColumnInt(4)};
  }
  MOTCUA_RETURN_IF_ERROR(st.status());
  return c;
}

Counts FromReport(const v1::Statistics& stats) {
  const v1::ReportRow& t = stats.report().total();
  return {t.resolved(), stats.resolved_on_time().num(), t.resolved_early(),
          t.resolved_on_the_day(), t.resolved_late()};
}

}  // namespace

Result<std::vector<Row>> RunStatistics(Context& context) {
  MOTCUA_ASSIGN_OR_RETURN(Store * store, context.YearStore());
  const engine::Engine& engine = *store->engine;
  const catalog::Catalog& catalog = *context.catalog();
  MOTCUA_ASSIGN_OR_RETURN(metrics::Period period, metrics::MakePeriod("2024-01-01", "2024-12-31"));
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db,
                          sqlite::Database::Open(store->path, sqlite::Database::Mode::kReadOnly));
  const int reps = context.Repetitions(5);
  const Instant now = *ParseVietnamMinute("2024-12-31 17:00");
  metrics::StatisticsOptions options;
  options.generated_at = now;
  auto from_store = [&] { return counters::StatisticsFromStore(*db, catalog, period, now, options); };

  // The two must count the same, or the comparison means nothing; these
  // first runs also warm the caches.
  MOTCUA_ASSIGN_OR_RETURN(Counts sql_counts, SqlAggregate(*db, period));
  MOTCUA_ASSIGN_OR_RETURN(v1::Statistics first, from_store());
  const Counts motcua_counts = FromReport(first);
  if (!(sql_counts == motcua_counts)) {
    return Status(Error::kInternal, "SQL and motcua disagree: SQL " + sql_counts.ToString() +
                                        "; motcua " + motcua_counts.ToString());
  }

  // CPU time beside wall-clock time: on a shared machine the wall clock
  // also counts the waits for a core, which swamp a sub-second figure.
  std::vector<double> motcua_ms, sql_ms, engine_ms, motcua_cpu_ms, sql_cpu_ms;
  for (int rep = 0; rep < reps; ++rep) {
    Stopwatch watch;
    double cpu = ProcessCpuSeconds();
    MOTCUA_RETURN_IF_ERROR(from_store().status());
    motcua_ms.push_back(watch.Seconds() * 1000.0);
    motcua_cpu_ms.push_back((ProcessCpuSeconds() - cpu) * 1000.0);
    watch.Restart();
    cpu = ProcessCpuSeconds();
    MOTCUA_RETURN_IF_ERROR(SqlAggregate(*db, period).status());
    sql_ms.push_back(watch.Seconds() * 1000.0);
    sql_cpu_ms.push_back((ProcessCpuSeconds() - cpu) * 1000.0);
    watch.Restart();
    v1::Statistics live =
        metrics::ComputeStatistics(metrics::FactsFromEngine(engine), catalog, period, options);
    engine_ms.push_back(watch.Seconds() * 1000.0);
    if (!(FromReport(live) == motcua_counts)) {
      return Status(Error::kInternal, "the engine's statistics differ from the store's");
    }
  }
  // The year asked once it is over: the exact fold of the log (one run).
  Stopwatch past;
  metrics::StatisticsOptions after = options;
  after.generated_at = period.end() + std::chrono::hours(24);
  MOTCUA_ASSIGN_OR_RETURN(v1::Statistics folded, counters::StatisticsFromStore(
                                                     *db, catalog, period, after.generated_at, after));
  const double past_seconds = past.Seconds();

  Row row;
  row.name = "statistics";
  row.what = "GET /v1/stats for 2024 on 2024-12-31 (StatisticsFromStore: all rates, the "
             "periodic report, the national score)";
  row.figure = Median(motcua_ms);
  row.unit = "ms";
  row.baseline = Median(sql_ms);
  row.baseline_what = "ms plain SQL aggregate (early/on-time/late)";
  row.targets = {{Target::Kind::kRatioAtMost, 0.25}};
  row.repetitions = reps;
  row.Detail("data set", FormatCount(static_cast<double>(engine.size())) + " dossiers, " +
                             FormatCount(static_cast<double>(store->events)) + " events");
  row.Detail("both count", motcua_counts.ToString());
  row.Detail("path taken", first.source() + " (per-day counters + open dossiers' states)");
  row.Detail("motcua runs (ms)", FormatRuns(motcua_ms));
  row.Detail("SQL runs (ms)", FormatRuns(sql_ms));
  row.Detail("CPU time, motcua / SQL (median; ratio)",
             FormatFixed(Median(motcua_cpu_ms), 1) + " ms / " + FormatFixed(Median(sql_cpu_ms), 1) +
                 " ms; " +
                 FormatFixed(Median(motcua_cpu_ms) / std::max(Median(sql_cpu_ms), 1e-9), 3));
  row.Detail("from the live engine's memory (FactsFromEngine + ComputeStatistics, median)",
             FormatFixed(Median(engine_ms), 1) + " ms");
  row.Detail("the year asked after it ended (source " + folded.source() +
                 ": the exact fold of every event, 1 run)",
             FormatFixed(past_seconds, 1) + " s");
  return std::vector<Row>{row};
}

}  // namespace motcua::bench
