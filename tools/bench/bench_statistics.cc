// Statistics: every rate of the plan, the periodic report and the national
// score for 2024 over the year of traffic (1,000,000 dossiers, about 8
// million events), the way the server answers for the current year: the
// facts copied from the live engine's states (FactsFromEngine) and counted
// in one pass (ComputeStatistics). Baseline, same run, same rows: a plain
// SQL aggregate over the `dossiers` projection table of the same store
// counting what it can count in one statement, resolved / on time / early /
// on the day / late for the year (checked equal to motcua's counts). Both
// warm (the table in SQLite's and the OS's caches after a first run).
// Target: motcua's time <= 0.25 of the SQL aggregate's.
// Also reported: the same statistics read from the store (StatisticsFromStore,
// for a reader without the engine: the dossiers table plus the per-day
// counters).
#include "adapters/metrics/count_figures.h"
#include "adapters/metrics/fact_sources.h"
#include "adapters/metrics/statistics.h"
#include "adapters/metrics/store_statistics.h"
#include "adapters/sqlite/database.h"
#include "tools/bench/benchmarks.h"

namespace motcua::bench {

namespace {

struct Counts {
  std::int64_t resolved = 0, on_time = 0, early = 0, on_the_day = 0, late = 0;
  bool operator==(const Counts&) const = default;
  std::string ToString() const {
    return FormatCount(static_cast<double>(resolved)) + " resolved: " +
           FormatCount(static_cast<double>(on_time)) + " on time, " +
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

Counts FromFigures(const metrics::FigureCounts& f) {
  using metrics::Figure;
  return {f.Total(Figure::kResolved), f.Total(Figure::kResolvedOnTime),
          f.Total(Figure::kResolvedEarly), f.Total(Figure::kResolvedOnTheDay),
          f.Total(Figure::kResolvedLate)};
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
  metrics::StatisticsOptions options;
  options.generated_at = *ParseVietnamMinute("2024-12-31 17:00");

  // The two must count the same, or the comparison means nothing.
  MOTCUA_ASSIGN_OR_RETURN(Counts sql_counts, SqlAggregate(*db, period));
  const Counts motcua_counts = FromFigures(
      metrics::CountFigures(metrics::FactsFromEngine(engine), catalog.size(), period));
  if (!(sql_counts == motcua_counts)) {
    return Status(Error::kInternal, "SQL and motcua disagree: SQL " + sql_counts.ToString() +
                                        "; motcua " + motcua_counts.ToString());
  }

  std::vector<double> motcua_runs, sql_runs;
  std::string on_time_rate;
  for (int rep = 0; rep < reps; ++rep) {
    Stopwatch watch;
    v1::Statistics stats =
        metrics::ComputeStatistics(metrics::FactsFromEngine(engine), catalog, period, options);
    motcua_runs.push_back(watch.Seconds());
    on_time_rate = FormatCount(static_cast<double>(stats.resolved_on_time().num())) + " / " +
                   FormatCount(static_cast<double>(stats.resolved_on_time().den()));
    watch.Restart();
    MOTCUA_RETURN_IF_ERROR(SqlAggregate(*db, period).status());
    sql_runs.push_back(watch.Seconds());
  }
  // A reader without the engine: one run (it reads the whole table).
  Stopwatch from_store;
  MOTCUA_RETURN_IF_ERROR(metrics::StatisticsFromStore(*db, catalog, period,
                                                      options.generated_at, options)
                             .status());
  const double store_seconds = from_store.Seconds();

  Row row;
  row.name = "statistics";
  row.what = "all rates + periodic report + national score for 2024 from the live engine "
             "(FactsFromEngine + ComputeStatistics)";
  row.figure = Median(motcua_runs) * 1000.0;
  row.unit = "ms";
  row.baseline = Median(sql_runs) * 1000.0;
  row.baseline_what = "ms plain SQL aggregate (early/on-time/late)";
  row.targets = {{Target::Kind::kRatioAtMost, 0.25}};
  row.repetitions = reps;
  row.Detail("data set", FormatCount(static_cast<double>(engine.size())) + " dossiers, " +
                             FormatCount(static_cast<double>(store->events)) + " events");
  row.Detail("both count", motcua_counts.ToString());
  row.Detail("resolved_on_time rate", on_time_rate);
  row.Detail("motcua runs (ms)", FormatRuns([&] {
               std::vector<double> ms;
               for (double s : motcua_runs) ms.push_back(s * 1000.0);
               return ms;
             }()));
  row.Detail("SQL runs (ms)", FormatRuns([&] {
               std::vector<double> ms;
               for (double s : sql_runs) ms.push_back(s * 1000.0);
               return ms;
             }()));
  row.Detail("from the store without the engine (StatisticsFromStore, 1 run)",
             FormatFixed(store_seconds * 1000.0, 1) + " ms");
  return std::vector<Row>{row};
}

}  // namespace motcua::bench
