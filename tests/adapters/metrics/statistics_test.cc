#include "adapters/metrics/statistics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/metrics/count_figures.h"
#include "adapters/counters/daily_counters_reader.h"
#include "adapters/metrics/fact_sources.h"
#include "tests/adapters/metrics/hand_history.h"

namespace motcua::metrics {
namespace {

using ::motcua::testing::Docs;
using ::motcua::testing::HandHistory;
using ::motcua::testing::IsOk;
using ::testing::ElementsAre;

// Procedures of StatsCatalog(): kFee (8 000 đ, published process), kFree.
constexpr const char* kFee = "1.001193";
constexpr const char* kFree = "1.000894";
constexpr std::size_t kFeeRow = 0;
constexpr std::size_t kFreeRow = 1;

// March 2024 at the counter, one dossier per edge case. Every figure the
// tests expect is worked out from these lines.
class MarchTest : public ::testing::Test {
 protected:
  MarchTest() : h_(dir_.File("motcua.db")) {
    using v1::CHANNEL_COUNTER, v1::CHANNEL_ONLINE, v1::CHANNEL_POST;
    // d1: resolved on the appointment day, before its time; fee paid online.
    h_.Received(d1, kFee, CHANNEL_COUNTER, "2024-03-01 08:00", "2024-03-05 17:00", Docs{true, true});
    h_.HandedOver(d1, "2024-03-01 09:00", true);
    h_.FeeRequested(d1, "2024-03-01 10:00", 8000);
    h_.FeePaid(d1, "2024-03-01 11:00", 8000, v1::PAYMENT_METHOD_NATIONAL_PORTAL);
    h_.ResultReady(d1, "2024-03-05 16:00", v1::RESULT_KIND_ELECTRONIC);
    h_.Returned(d1, "2024-03-06 09:00", v1::RETURN_METHOD_ELECTRONIC);
    // d2: online; ready 03-11, after the first appointment (03-08) but before
    // the one the supplementation pause moved it to (03-12): early.
    h_.Registered(d2, kFree, "2024-03-01 20:00");
    h_.Received(d2, kFree, CHANNEL_ONLINE, "2024-03-04 08:00", "2024-03-08 17:00");
    h_.HandedOver(d2, "2024-03-04 09:00", true);
    h_.SupplementRequested(d2, "2024-03-05 09:00");
    h_.Supplemented(d2, "2024-03-07 09:00", "2024-03-08 17:00", "2024-03-12 17:00");
    h_.ResultReady(d2, "2024-03-11 10:00", v1::RESULT_KIND_ELECTRONIC);
    h_.Returned(d2, "2024-03-11 14:00", v1::RETURN_METHOD_ELECTRONIC);
    // d3: late; the apology's new appointment (03-08) must not make it on time.
    h_.Received(d3, kFree, CHANNEL_COUNTER, "2024-03-04 09:00", "2024-03-06 17:00", Docs{false, true});
    h_.HandedOver(d3, "2024-03-04 10:00", false);
    h_.Apology(d3, "2024-03-06 09:00", "2024-03-08 17:00");
    h_.ResultReady(d3, "2024-03-07 15:00", v1::RESULT_KIND_PAPER);
    h_.Returned(d3, "2024-03-08 10:00", v1::RETURN_METHOD_COUNTER);
    h_.Rated(d3, "2024-04-02 10:00", v1::SATISFACTION_SATISFIED);  // after March
    // d4: a second supplementation request: late although ready in time;
    // fee paid in cash.
    h_.Received(d4, kFee, CHANNEL_COUNTER, "2024-03-11 08:00", "2024-03-20 17:00", Docs{true, true});
    h_.HandedOver(d4, "2024-03-11 09:00", true);
    h_.SupplementRequested(d4, "2024-03-12 09:00");
    h_.Supplemented(d4, "2024-03-13 09:00", "2024-03-20 17:00", "2024-03-21 17:00");
    h_.SupplementRequested(d4, "2024-03-14 09:00");
    h_.Supplemented(d4, "2024-03-15 09:00", "2024-03-21 17:00", "2024-03-22 17:00");
    h_.FeeRequested(d4, "2024-03-15 10:00", 8000);
    h_.FeePaid(d4, "2024-03-15 11:00", 8000, v1::PAYMENT_METHOD_CASH);
    h_.ResultReady(d4, "2024-03-18 10:00", v1::RESULT_KIND_PAPER);
    // d5: by post, withdrawn, rated dissatisfied.
    h_.Received(d5, kFree, CHANNEL_POST, "2024-03-12 08:00", "2024-03-19 17:00", Docs{false, true});
    h_.Withdrawn(d5, "2024-03-13 10:00");
    h_.Rated(d5, "2024-03-13 11:00", v1::SATISFACTION_DISSATISFIED);
    // d6: in progress at the end of March, due in April; ready in April.
    h_.Received(d6, kFree, CHANNEL_COUNTER, "2024-03-25 08:00", "2024-04-05 17:00");
    h_.HandedOver(d6, "2024-03-25 09:00", true);
    h_.ResultReady(d6, "2024-04-03 10:00", v1::RESULT_KIND_ELECTRONIC);
    // d7: in progress and overdue at the end of March; a calendar change in
    // April moves its appointment (what the live states cannot undo).
    h_.Received(d7, kFee, CHANNEL_COUNTER, "2024-03-18 08:00", "2024-03-22 17:00");
    h_.HandedOver(d7, "2024-03-18 09:00", true);
    h_.Retimed(d7, "2024-04-02 09:00", "2024-03-22 17:00", "2024-04-10 17:00");
    // d8: online, waiting for supplementation at the end of March, asked
    // before its appointment: within deadline.
    h_.Registered(d8, kFree, "2024-03-20 08:30");
    h_.Received(d8, kFree, CHANNEL_ONLINE, "2024-03-20 09:00", "2024-03-27 17:00");
    h_.HandedOver(d8, "2024-03-20 10:00", true);
    h_.SupplementRequested(d8, "2024-03-26 10:00");
    // d9: carried over from February; ready at 18:00 on its appointment day,
    // after the 17:00 appointment: "on the day" by date, late by the clock.
    h_.Received(d9, kFree, CHANNEL_COUNTER, "2024-02-26 08:00", "2024-03-04 17:00", Docs{true, false});
    h_.HandedOver(d9, "2024-02-26 09:00", true);
    h_.ResultReady(d9, "2024-03-04 18:00", v1::RESULT_KIND_PAPER);
    h_.Returned(d9, "2024-03-05 09:00", v1::RETURN_METHOD_COUNTER);
    // d10: all done in February, rated in March.
    h_.Received(d10, kFree, CHANNEL_COUNTER, "2024-02-01 08:00", "2024-02-06 17:00");
    h_.ResultReady(d10, "2024-02-05 10:00", v1::RESULT_KIND_ELECTRONIC);
    h_.Returned(d10, "2024-02-06 09:00", v1::RETURN_METHOD_ELECTRONIC);
    h_.Rated(d10, "2024-03-02 10:00", v1::SATISFACTION_SATISFIED);
    // d11: refused at the counter (never handled), then a complaint.
    h_.Refused(d11, kFree, "2024-03-05 09:00");
    h_.Rated(d11, "2024-03-05 09:30", v1::SATISFACTION_ACCEPTABLE, /*complaint=*/true);
    // d12: received in April.
    h_.Received(d12, kFee, CHANNEL_COUNTER, "2024-04-02 08:00", "2024-04-05 17:00");
    // d13: registered online and withdrawn before reception: never handled.
    h_.Registered(d13, kFree, "2024-03-06 08:00");
    h_.Withdrawn(d13, "2024-03-07 08:00");
    h_.Commit();
  }

  Period March() const { return *MakePeriod("2024-03-01", "2024-03-31"); }

  FactsTable ExactFacts(const Period& p) {
    auto facts = FactsFromLog(h_.log(), h_.catalog(), p.end());
    EXPECT_THAT(facts, IsOk());
    return facts.ok() ? std::move(*facts) : FactsTable{};
  }

  v1::Statistics Stats(const FactsTable& facts, const Period& p, bool codes = false) {
    StatisticsOptions options;
    options.with_codes = codes;
    return ComputeStatistics(facts, h_.catalog(), p, options);
  }

  static void ExpectRate(const v1::RateFigure& r, std::uint32_t num, std::uint32_t den) {
    EXPECT_EQ(r.num(), num);
    EXPECT_EQ(r.den(), den);
    EXPECT_DOUBLE_EQ(r.ratio(), den == 0 ? 0.0 : static_cast<double>(num) / den);
  }

  const std::string d1 = HandHistory::Code("240301", 1);
  const std::string d2 = HandHistory::Code("240301", 2);
  const std::string d3 = HandHistory::Code("240304", 2);
  const std::string d4 = HandHistory::Code("240311", 1);
  const std::string d5 = HandHistory::Code("240312", 1);
  const std::string d6 = HandHistory::Code("240325", 1);
  const std::string d7 = HandHistory::Code("240318", 1);
  const std::string d8 = HandHistory::Code("240320", 1);
  const std::string d9 = HandHistory::Code("240226", 1);
  const std::string d10 = HandHistory::Code("240201", 1);
  const std::string d11 = HandHistory::Code("240305", 1);
  const std::string d12 = HandHistory::Code("240402", 1);
  const std::string d13 = HandHistory::Code("240306", 1);

  ::motcua::testing::TempDir dir_;
  HandHistory h_;
};

TEST_F(MarchTest, RatesFromTheLogMatchTheHandCount) {
  v1::Statistics s = Stats(ExactFacts(March()), March());
  EXPECT_EQ(s.from(), "2024-03-01");
  EXPECT_EQ(s.to(), "2024-03-31");
  // Resolved in March: d1, d2, d3, d4, d9. On time: d1 (16:00 <= 17:00) and
  // d2 (against the paused-moved 03-12); not d3 (apology), d4 (second
  // request) nor d9 (18:00 > 17:00).
  ExpectRate(s.resolved_on_time(), 2, 5);
  ExpectRate(s.resolved_early(), 1, 5);  // d2 only
  // Circulation over in March: d1, d2, d3, d9 returned, d5 withdrawn; handed
  // over: all but d5; all electronic: d1, d2, d9 (d3 on paper).
  ExpectRate(s.electronic_transfer(), 3, 4);
  // Ended in March: d1, d2, d3, d4, d5, d9; with a fee: d1, d4 (the others'
  // procedure is fee-free); online: d1.
  ExpectRate(s.online_payment(), 1, 2);
  ExpectRate(s.documents_reused(), 3, 6);  // d1, d4, d9
  ExpectRate(s.fully_online(), 1, 5);      // d2: online and returned electronically
  ExpectRate(s.remote_online_use(), 2, 8);  // d2, d8 of d1-d8
  ExpectRate(s.electronic_result(), 2, 5);  // d1, d2
  // Digitised documents and no paper result: d1 (electronic), d5 (no result);
  // d3 and d4 have paper results, d2 and d9 no digitised documents.
  ExpectRate(s.digitized(), 2, 6);
  ExpectRate(s.internal_process_published(), 1, 3);
}

TEST_F(MarchTest, ReportFromTheLogMatchesTheHandCountAndAddsUp) {
  v1::Statistics s = Stats(ExactFacts(March()), March());
  const v1::ReportRow& t = s.report().total();
  EXPECT_EQ(t.new_online(), 2u);           // d2, d8
  EXPECT_EQ(t.new_counter_or_post(), 6u);  // d1, d3, d4, d6, d7; d5 by post
  EXPECT_EQ(t.carried_over(), 1u);         // d9 (d10 ended in February)
  EXPECT_EQ(t.to_handle(), 9u);
  EXPECT_EQ(t.resolved(), 5u);
  EXPECT_EQ(t.resolved_early(), 1u);       // d2
  EXPECT_EQ(t.resolved_on_the_day(), 2u);  // d1, d9
  EXPECT_EQ(t.resolved_late(), 2u);        // d3, d4
  EXPECT_EQ(t.in_progress(), 3u);          // d6, d7, d8
  EXPECT_EQ(t.in_progress_within_deadline(), 2u);  // d6 (due 04-05), d8 (asked before due)
  EXPECT_EQ(t.in_progress_overdue(), 1u);  // d7
  EXPECT_EQ(t.waiting_for_supplement(), 1u);  // d8
  EXPECT_EQ(t.withdrawn(), 1u);            // d5
  EXPECT_EQ(t.stopped(), 0u);
  EXPECT_EQ(t.withdrawn_or_returned(), 1u);

  ASSERT_EQ(s.report().rows_size(), 2);
  const v1::ReportRow& fee = s.report().rows(0);  // d1, d4, d7
  EXPECT_EQ(fee.procedure_code(), kFee);
  EXPECT_EQ(fee.procedure_name(), "Đăng ký khai sinh");
  EXPECT_EQ(fee.to_handle(), 3u);
  EXPECT_EQ(fee.resolved(), 2u);
  EXPECT_EQ(fee.resolved_on_the_day(), 1u);
  EXPECT_EQ(fee.resolved_late(), 1u);
  EXPECT_EQ(fee.in_progress_overdue(), 1u);
  const v1::ReportRow& free = s.report().rows(1);  // d2, d3, d5, d6, d8, d9
  EXPECT_EQ(free.procedure_code(), kFree);
  EXPECT_EQ(free.new_online(), 2u);
  EXPECT_EQ(free.new_counter_or_post(), 3u);
  EXPECT_EQ(free.carried_over(), 1u);
  EXPECT_EQ(free.resolved(), 3u);
  EXPECT_EQ(free.in_progress(), 2u);
  EXPECT_EQ(free.withdrawn(), 1u);

  for (const v1::ReportRow& r : {fee, free, t}) {
    EXPECT_EQ(r.to_handle(), r.new_online() + r.new_counter_or_post() + r.carried_over());
    EXPECT_EQ(r.to_handle(), r.resolved() + r.in_progress() + r.withdrawn_or_returned());
    EXPECT_EQ(r.resolved(), r.resolved_early() + r.resolved_on_the_day() + r.resolved_late());
    EXPECT_EQ(r.in_progress(), r.in_progress_within_deadline() + r.in_progress_overdue());
  }
}

TEST_F(MarchTest, EveryCountNamesItsDossiers) {
  v1::Statistics s = Stats(ExactFacts(March()), March(), /*codes=*/true);
  EXPECT_THAT(s.resolved_on_time().codes().num(), ElementsAre(d1, d2));
  EXPECT_THAT(s.resolved_on_time().codes().den(), ElementsAre(d9, d1, d2, d3, d4));
  EXPECT_THAT(s.online_payment().codes().num(), ElementsAre(d1));
  EXPECT_THAT(s.online_payment().codes().den(), ElementsAre(d1, d4));
  EXPECT_THAT(s.internal_process_published().codes().num(), ElementsAre(kFee));
  EXPECT_THAT(s.national_score().late().codes().num(), ElementsAre(d9, d3, d4));
  EXPECT_THAT(s.national_score().dissatisfied().codes().num(), ElementsAre(d11, d5));
  const auto& free_codes = s.report().rows(1).codes().columns();
  ASSERT_TRUE(free_codes.contains("waiting_for_supplement"));
  EXPECT_THAT(free_codes.at("waiting_for_supplement").codes(), ElementsAre(d8));
  EXPECT_THAT(free_codes.at("to_handle").codes(), ElementsAre(d9, d2, d3, d5, d8, d6));
  EXPECT_FALSE(free_codes.contains("stopped"));  // nothing to list
}

TEST_F(MarchTest, NationalScoreFollowsTheThresholdRule) {
  v1::Statistics s = Stats(ExactFacts(March()), March());
  const v1::NationalScore& n = s.national_score();
  ExpectRate(n.late(), 3, 5);           // d3, d4, d9
  ExpectRate(n.dissatisfied(), 2, 3);   // d5, d11 of d5, d10, d11 rated in March
  ASSERT_EQ(n.groups_size(), 6);
  EXPECT_FALSE(n.groups(0).computed());  // transparency
  EXPECT_DOUBLE_EQ(n.groups(1).points(), 0.4 * 20 / 0.8);   // progress
  EXPECT_DOUBLE_EQ(n.groups(2).points(), 0.25 * 12 / 0.5);  // online dossiers
  EXPECT_DOUBLE_EQ(n.groups(3).points(), 0.5 * 10 / 0.8);   // online payment
  EXPECT_DOUBLE_EQ(n.groups(4).points(), (2.0 / 6) * 22 / 0.8);  // digitisation
  EXPECT_TRUE(n.groups(5).computed());   // satisfaction: 1 - (0.6 + 0.67) < 0
  EXPECT_DOUBLE_EQ(n.groups(5).points(), 0);
  EXPECT_DOUBLE_EQ(n.points(), 10 + 6 + 6.25 + (2.0 / 6) * 22 / 0.8);
  EXPECT_DOUBLE_EQ(n.max_points_computed(), 82);
}

TEST_F(MarchTest, LiveStatesAgreeExceptWhereAnAppointmentMovedAfterThePeriod) {
  // The engine holds April's events too; counted as of the end of March.
  v1::Statistics exact = Stats(ExactFacts(March()), March());
  v1::Statistics live = Stats(FactsFromEngine(h_.engine()), March());
  // The one documented difference: d7 was overdue on 03-31, but the live
  // state carries April's retimed appointment (04-10).
  EXPECT_EQ(live.report().total().in_progress_overdue(), 0u);
  EXPECT_EQ(live.report().total().in_progress_within_deadline(), 3u);
  v1::ReportRow& row = *live.mutable_report()->mutable_rows(0);
  row.set_in_progress_overdue(row.in_progress_overdue() + 1);
  row.set_in_progress_within_deadline(row.in_progress_within_deadline() - 1);
  v1::ReportRow& total = *live.mutable_report()->mutable_total();
  total.set_in_progress_overdue(1);
  total.set_in_progress_within_deadline(2);
  // Everything else, including d6 (ready in April), d12 (received in April)
  // and d3's April rating, reads as it stood.
  EXPECT_EQ(live.DebugString(), exact.DebugString());
}

TEST_F(MarchTest, APauseEndedAfterThePeriodIsTheOtherLiveDifference) {
  const Period day = *MakePeriod("2024-03-06", "2024-03-06");
  v1::ReportRow exact = Stats(ExactFacts(day), day).report().total();
  // d2 waits for the citizen (asked 03-05, supplied 03-07); d3 is due 03-06
  // 17:00 and not ready: overdue at the end of the day.
  EXPECT_EQ(exact.carried_over(), 2u);  // d2, d3
  EXPECT_EQ(exact.in_progress(), 2u);
  EXPECT_EQ(exact.waiting_for_supplement(), 1u);
  EXPECT_EQ(exact.in_progress_within_deadline(), 1u);
  EXPECT_EQ(exact.in_progress_overdue(), 1u);
  v1::ReportRow live = Stats(FactsFromEngine(h_.engine()), day).report().total();
  EXPECT_EQ(live.carried_over(), 2u);
  EXPECT_EQ(live.in_progress(), 2u);
  EXPECT_EQ(live.waiting_for_supplement(), 0u);  // today d2 no longer waits
}

TEST_F(MarchTest, DailyCountersSumToTheFullRecompute) {
  const Period march = March();
  FigureCounts full = CountFigures(ExactFacts(march), h_.catalog().size(), march);
  auto sums = counters::SumDailyCounters(h_.log().db(), h_.catalog(), march);
  ASSERT_THAT(sums, IsOk());
  for (std::size_t f = 0; f < kAdditiveFigures; ++f) {
    for (std::size_t r = 0; r < full.rows(); ++r) {
      EXPECT_EQ(sums->Get(r, static_cast<Figure>(f)), full.Get(r, static_cast<Figure>(f)))
          << FigureName(static_cast<Figure>(f)) << " row " << r;
    }
  }
  EXPECT_EQ(sums->Get(kFeeRow, Figure::kResolvedLate), 1u);   // d4
  EXPECT_EQ(sums->Get(kFreeRow, Figure::kRatedDissatisfied), 2u);  // d5, d11
}

}  // namespace
}  // namespace motcua::metrics
