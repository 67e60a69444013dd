// The incremental counters against the full recompute, and the two fact
// sources against each other, on realistic random histories (several seeds,
// with dossiers still open at the horizon).
#include "adapters/counters/daily_counters_projection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "adapters/metrics/count_figures.h"
#include "adapters/counters/daily_counters_reader.h"
#include "adapters/metrics/fact_sources.h"
#include "adapters/metrics/statistics.h"
#include "adapters/counters/store_statistics.h"
#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/integrity.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "tests/support/fixtures.h"
#include "tools/workload/drive.h"

namespace motcua::metrics {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

class RandomHistoryTest : public ::testing::TestWithParam<std::uint64_t> {
 protected:
  void SetUp() override {
    auto log = sqlite::SqliteEventLog::Open(dir_.File("motcua.db"), projections::AllProjections());
    ASSERT_THAT(log, IsOk());
    log_ = std::move(*log);
    engine_ = std::make_unique<engine::Engine>(engine::EngineOptions{"000.00.07.H06", false},
                                               catalog_, ::motcua::testing::ShippedCalendar(),
                                               secrets_);
    workload::WorkloadOptions options;
    options.seed = GetParam();
    options.dossiers = 1200;
    options.first_receipt = Vn("2024-01-02 07:00");
    options.last_receipt = Vn("2024-03-29 17:00");
    // Stop before the last receipts are done: open, paused and finished
    // dossiers all exist at the horizon.
    options.stop_at = Vn("2024-03-22 12:00");
    workload::Workload w(options, *catalog_, *::motcua::testing::ShippedCalendar());
    auto stats = workload::Drive(w, *engine_, log_.get(), 50);
    ASSERT_THAT(stats, IsOk());
    ASSERT_EQ(stats->refused, 0u);
  }

  // Periods of every shape: the whole span, months, weeks across month ends,
  // single days (a weekend, a holiday), and past the horizon.
  static std::vector<Period> Periods() {
    std::vector<Period> periods;
    for (auto [from, to] : std::vector<std::pair<const char*, const char*>>{
             {"2023-12-01", "2024-12-31"}, {"2024-01-01", "2024-01-31"},
             {"2024-02-01", "2024-02-29"}, {"2024-03-01", "2024-03-31"},
             {"2024-01-29", "2024-02-04"}, {"2024-02-08", "2024-02-14"},
             {"2024-03-02", "2024-03-02"}, {"2024-03-21", "2024-03-21"},
             {"2024-03-22", "2024-03-22"}, {"2024-01-15", "2024-03-10"},
             {"2024-03-23", "2024-04-30"}}) {
      periods.push_back(*MakePeriod(from, to));
    }
    return periods;
  }

  static void ExpectSame(const FigureCounts& a, const FigureCounts& b, std::size_t first,
                         std::size_t last, const std::string& what) {
    ASSERT_EQ(a.rows(), b.rows());
    for (std::size_t r = 0; r < a.rows(); ++r) {
      for (std::size_t f = first; f < last; ++f) {
        EXPECT_EQ(a.row(r)[f], b.row(r)[f])
            << what << ": " << FigureName(static_cast<Figure>(f)) << ", row " << r;
      }
    }
  }

  ::motcua::testing::TempDir dir_;
  ::motcua::testing::CountingSecrets secrets_;
  std::shared_ptr<const catalog::Catalog> catalog_ = ::motcua::testing::ShippedCatalog();
  std::unique_ptr<sqlite::SqliteEventLog> log_;
  std::unique_ptr<engine::Engine> engine_;
};

TEST_P(RandomHistoryTest, CountersSummedOverAnyPeriodEqualTheFullRecompute) {
  for (const Period& p : Periods()) {
    const std::string what = FormatDate(p.from) + ".." + FormatDate(p.to);
    auto facts = FactsFromLog(*log_, *catalog_, p.end());
    ASSERT_THAT(facts, IsOk());
    FigureCounts full = CountFigures(*facts, catalog_->size(), p);
    auto sums = counters::SumDailyCounters(log_->db(), *catalog_, p);
    ASSERT_THAT(sums, IsOk());
    ExpectSame(*sums, full, 0, kAdditiveFigures, what);
  }
  // Not vacuous: the span has every kind of outcome.
  const Period all = Periods().front();
  auto sums = counters::SumDailyCounters(log_->db(), *catalog_, all);
  ASSERT_THAT(sums, IsOk());
  for (Figure f : {Figure::kResolvedEarly, Figure::kResolvedOnTheDay, Figure::kResolvedLate,
                   Figure::kWithdrawn, Figure::kStopped, Figure::kEndedPaidOnline,
                   Figure::kCompletedFullyOnline, Figure::kRatedDissatisfied}) {
    EXPECT_GT(sums->Total(f), 0u) << FigureName(f);
  }
}

TEST_P(RandomHistoryTest, LiveStatesGiveTheExactAdditiveFiguresForPastPeriods) {
  FactsTable live = FactsFromEngine(*engine_);
  for (const Period& p : Periods()) {
    const std::string what = FormatDate(p.from) + ".." + FormatDate(p.to);
    auto exact = FactsFromLog(*log_, *catalog_, p.end());
    ASSERT_THAT(exact, IsOk());
    FigureCounts from_log = CountFigures(*exact, catalog_->size(), p);
    FigureCounts from_live = CountFigures(live, catalog_->size(), p);
    ExpectSame(from_live, from_log, 0, kAdditiveFigures, what);
    // Carried over and in progress are exact too; only the split of the
    // dossiers in progress may differ (count_figures.h).
    for (Figure f : {Figure::kCarriedOver, Figure::kInProgress}) {
      EXPECT_EQ(from_live.Total(f), from_log.Total(f)) << what << ": " << FigureName(f);
    }
  }
  // At and after the horizon nothing can differ.
  const Period after = *MakePeriod("2024-03-23", "2024-04-30");
  auto exact = FactsFromLog(*log_, *catalog_, after.end());
  ASSERT_THAT(exact, IsOk());
  ExpectSame(CountFigures(live, catalog_->size(), after),
             CountFigures(*exact, catalog_->size(), after), 0, kFigures, "after the horizon");
}

TEST_P(RandomHistoryTest, ReportAddsUpInEveryRowOfEveryPeriod) {
  FactsTable live = FactsFromEngine(*engine_);
  for (const Period& p : Periods()) {
    v1::Statistics s = ComputeStatistics(live, *catalog_, p, {});
    std::vector<v1::ReportRow> rows(s.report().rows().begin(), s.report().rows().end());
    rows.push_back(s.report().total());
    for (const v1::ReportRow& r : rows) {
      SCOPED_TRACE(FormatDate(p.from) + ".." + FormatDate(p.to) + " " + r.procedure_code());
      EXPECT_EQ(r.to_handle(), r.new_online() + r.new_counter_or_post() + r.carried_over());
      EXPECT_EQ(r.to_handle(), r.resolved() + r.in_progress() + r.withdrawn_or_returned());
      EXPECT_EQ(r.withdrawn_or_returned(), r.withdrawn() + r.stopped());
      EXPECT_EQ(r.resolved(), r.resolved_early() + r.resolved_on_the_day() + r.resolved_late());
      EXPECT_EQ(r.in_progress(), r.in_progress_within_deadline() + r.in_progress_overdue());
      EXPECT_LE(r.waiting_for_supplement(), r.in_progress());
    }
    // The rates never count more than their denominators.
    for (std::string_view name : kRateNames) {
      EXPECT_LE(FindRate(s, name)->num(), FindRate(s, name)->den()) << name;
    }
  }
}

TEST_P(RandomHistoryTest, CountersRebuiltFromTheEventsAreIdenticalToTheStoredOnes) {
  sqlite::IntegrityReport report;
  auto scratch = sqlite::Database::Open(":memory:");
  ASSERT_THAT(scratch, IsOk());
  ASSERT_THAT(sqlite::CompareProjections(log_->db(), projections::AllProjections, *catalog_,
                                         **scratch, report),
              IsOk());
  EXPECT_THAT(report.differences, ::testing::IsEmpty());
}

// "month|procedure|counter|value" for each row, in key order.
std::vector<std::string> MonthRows(sqlite::Database& db, const char* sql) {
  std::vector<std::string> rows;
  sqlite::Statement st(db, sql);
  while (st.Step()) {
    rows.push_back(st.ColumnText(0) + "|" + st.ColumnText(1) + "|" + st.ColumnText(2) + "|" +
                   std::to_string(st.ColumnInt(3)));
  }
  EXPECT_THAT(st.status(), IsOk());
  return rows;
}

constexpr const char* kStoredMonths =
    "SELECT month, procedure, counter, value FROM monthly_counters "
    "ORDER BY month, procedure, counter";
constexpr const char* kDaysByMonth =
    "SELECT substr(day, 1, 7), procedure, counter, SUM(value) FROM daily_counters "
    "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";

TEST_P(RandomHistoryTest, EachMonthRowIsTheSumOfItsDays) {
  std::vector<std::string> months = MonthRows(log_->db(), kStoredMonths);
  EXPECT_EQ(months, MonthRows(log_->db(), kDaysByMonth));
  EXPECT_GT(months.size(), 100u);  // three months of a busy catalog
}

TEST_P(RandomHistoryTest, AStoreWithoutMonthRowsGetsThemFromItsDaysWhenOpened) {
  // The store as the daily counters' schema version 1 left it.
  ASSERT_THAT(log_->db().Exec("DROP TABLE monthly_counters; UPDATE schema_versions SET "
                              "version = 1 WHERE component = 'daily_counters'"),
              IsOk());
  const std::vector<std::string> expected = MonthRows(log_->db(), kDaysByMonth);
  log_.reset();
  auto log = sqlite::SqliteEventLog::Open(dir_.File("motcua.db"), projections::AllProjections());
  ASSERT_THAT(log, IsOk());
  log_ = std::move(*log);
  EXPECT_EQ(MonthRows(log_->db(), kStoredMonths), expected);
  const Period all = Periods().front();
  auto facts = FactsFromLog(*log_, *catalog_, all.end());
  ASSERT_THAT(facts, IsOk());
  auto sums = counters::SumDailyCounters(log_->db(), *catalog_, all);
  ASSERT_THAT(sums, IsOk());
  ExpectSame(*sums, CountFigures(*facts, catalog_->size(), all), 0, kAdditiveFigures, "all");
}

TEST_P(RandomHistoryTest, AStoreWithoutRatingLevelsGetsThemFromItsDossiersWhenOpened) {
  // The store as the daily counters' schema version 2 left it: ratings
  // counted, but not by level.
  const std::vector<std::string> days = MonthRows(
      log_->db(), "SELECT day, procedure, counter, value FROM daily_counters "
                  "WHERE counter LIKE 'rated_level_%' ORDER BY 1, 2, 3");
  const std::vector<std::string> months = MonthRows(
      log_->db(), "SELECT month, procedure, counter, value FROM monthly_counters "
                  "WHERE counter LIKE 'rated_level_%' ORDER BY 1, 2, 3");
  ASSERT_FALSE(days.empty());
  ASSERT_THAT(log_->db().Exec("DELETE FROM daily_counters WHERE counter LIKE 'rated_level_%';"
                              "DELETE FROM monthly_counters WHERE counter LIKE 'rated_level_%';"
                              "UPDATE schema_versions SET version = 2 "
                              "WHERE component = 'daily_counters'"),
              IsOk());
  log_.reset();
  auto log = sqlite::SqliteEventLog::Open(dir_.File("motcua.db"), projections::AllProjections());
  ASSERT_THAT(log, IsOk());
  log_ = std::move(*log);
  EXPECT_EQ(MonthRows(log_->db(), "SELECT day, procedure, counter, value FROM daily_counters "
                                  "WHERE counter LIKE 'rated_level_%' ORDER BY 1, 2, 3"),
            days);
  EXPECT_EQ(MonthRows(log_->db(), "SELECT month, procedure, counter, value FROM monthly_counters "
                                  "WHERE counter LIKE 'rated_level_%' ORDER BY 1, 2, 3"),
            months);
}

TEST_P(RandomHistoryTest, WhoRecordedEachResultIsKeptAndRecoveredForAnOlderStore) {
  constexpr const char* kResolvers =
      "SELECT code, status, COALESCE(resolved_by, '-'), 0 FROM dossiers ORDER BY code";
  const std::vector<std::string> before = MonthRows(log_->db(), kResolvers);
  // Every resolved dossier names the officer of its result_ready event; no other does.
  const std::vector<std::string> from_log = MonthRows(
      log_->db(),
      "SELECT d.code, d.status, COALESCE((SELECT e.actor FROM events e WHERE e.dossier = d.code"
      " AND e.kind = 'result_ready'), '-'), 0 FROM dossiers d ORDER BY d.code");
  EXPECT_EQ(before, from_log);
  // The store as the dossiers' schema version 1 left it, without the columns
  // later versions add and with the indexes and the table later ones drop.
  ASSERT_THAT(
      log_->db().Exec("ALTER TABLE dossiers DROP COLUMN resolved_by;"
                      "ALTER TABLE dossiers DROP COLUMN step;"
                      "ALTER TABLE dossiers DROP COLUMN step_due_at;"
                      "ALTER TABLE dossiers DROP COLUMN supplement_late;"
                      "CREATE INDEX dossiers_by_holder ON dossiers(holder_user, status);"
                      "CREATE INDEX dossiers_by_procedure ON dossiers(procedure, status);"
                      "CREATE TABLE handovers (seq INTEGER PRIMARY KEY, code TEXT NOT NULL,"
                      "  at INTEGER NOT NULL, from_unit TEXT NOT NULL,"
                      "  from_user TEXT NOT NULL, to_unit TEXT NOT NULL,"
                      "  to_user TEXT NOT NULL, electronic INTEGER NOT NULL);"
                      "CREATE INDEX handovers_by_code ON handovers(code, seq);"
                      "UPDATE schema_versions SET version = 1 WHERE component = 'dossiers'"),
      IsOk());
  log_.reset();
  auto log = sqlite::SqliteEventLog::Open(dir_.File("motcua.db"), projections::AllProjections());
  ASSERT_THAT(log, IsOk());
  log_ = std::move(*log);
  EXPECT_EQ(MonthRows(log_->db(), kResolvers), before);
  sqlite::Statement dropped(log_->db(),
                            "SELECT count(*) FROM sqlite_master WHERE name IN "
                            "('dossiers_by_holder', 'dossiers_by_procedure', 'handovers', "
                            "'handovers_by_code')");
  ASSERT_TRUE(dropped.Step());
  EXPECT_EQ(dropped.ColumnInt(0), 0);
}

TEST_P(RandomHistoryTest, TheDossiersTableHoldsTheLiveEnginesFacts) {
  auto table = counters::FactsFromDossiersTable(log_->db(), *catalog_);
  ASSERT_THAT(table, IsOk());
  FactsTable live = FactsFromEngine(*engine_);
  ASSERT_EQ(table->size(), live.size());
  std::map<std::string, DossierFacts> by_code;
  for (std::size_t i = 0; i < live.size(); ++i) by_code.emplace(live.codes[i], live.facts[i]);
  for (std::size_t i = 0; i < table->size(); ++i) {
    ASSERT_TRUE(by_code.contains(table->codes[i])) << table->codes[i];
    EXPECT_TRUE(by_code.at(table->codes[i]) == table->facts[i]) << table->codes[i];
  }
}

TEST_P(RandomHistoryTest, StatisticsFromTheStoreAreTheFullRecomputeWhicheverPathIsTaken) {
  // Nothing happened after the horizon: "now" may be any later instant.
  const Instant now = Vn("2024-03-25 08:00");
  for (const Period& p : Periods()) {
    const std::string what = FormatDate(p.from) + ".." + FormatDate(p.to);
    auto exact = FactsFromLog(*log_, *catalog_, p.end());
    ASSERT_THAT(exact, IsOk());
    for (bool codes : {false, true}) {
      StatisticsOptions options;
      options.with_codes = codes;
      v1::Statistics expected = ComputeStatistics(*exact, *catalog_, p, options);
      auto stored = counters::StatisticsFromStore(log_->db(), *catalog_, p, now, options);
      ASSERT_THAT(stored, IsOk());
      EXPECT_EQ(stored->source(), p.end() <= now ? "log" : codes ? "live" : "counters") << what;
      expected.set_source(stored->source());
      EXPECT_EQ(stored->DebugString(), expected.DebugString()) << what << " codes " << codes;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomHistoryTest, ::testing::Values(766u, 2024u, 7u));

}  // namespace
}  // namespace motcua::metrics
