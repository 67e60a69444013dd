#include "adapters/metrics/targets.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/metrics/national_score.h"
#include "adapters/metrics/statistics.h"
#include "tests/support/fixtures.h"

namespace motcua::metrics {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::testing::HasSubstr;

v1::Statistics WithRate(std::string_view name, std::uint32_t num, std::uint32_t den) {
  v1::Statistics s;
  v1::RateFigure* r = FindMutableRate(s, name);
  r->set_num(num);
  r->set_den(den);
  r->set_ratio(den == 0 ? 0 : static_cast<double>(num) / den);
  return s;
}

v1::Targets OneTarget(const char* id, const char* op, double value) {
  v1::Targets t;
  v1::Target* target = t.add_targets();
  target->set_id(id);
  target->set_op(op);
  target->set_value(value);
  return t;
}

TEST(Targets, TheShippedPlanLoadsWithEveryTargetOnARate) {
  auto targets = LoadTargets(::motcua::testing::SourceDir() / "data/targets/ngoc-son-2024.json");
  ASSERT_THAT(targets, IsOk());
  EXPECT_EQ(targets->targets_size(), 10);
  EXPECT_EQ(targets->period().from(), "2024-01-01");
  for (const v1::Target& t : targets->targets()) EXPECT_FALSE(RateOfTarget(t.id()).empty()) << t.id();
  EXPECT_EQ(RateOfTarget("digitized_result"), "digitized");
  EXPECT_EQ(RateOfTarget("digitized"), "digitized");
}

TEST(Targets, MetOrNotAndByHowMuch) {
  v1::Statistics s = WithRate("resolved_on_time", 19, 20);  // 95%
  EvaluateTargets(OneTarget("resolved_on_time", ">", 0.9), s);
  ASSERT_EQ(s.targets_size(), 1);
  EXPECT_TRUE(s.targets(0).evaluable());
  EXPECT_TRUE(s.targets(0).met());
  EXPECT_DOUBLE_EQ(s.targets(0).actual(), 0.95);
  EXPECT_NEAR(s.targets(0).margin(), 0.05, 1e-12);

  s = WithRate("resolved_on_time", 17, 20);  // 85%
  EvaluateTargets(OneTarget("resolved_on_time", ">", 0.9), s);
  EXPECT_FALSE(s.targets(0).met());
  EXPECT_NEAR(s.targets(0).margin(), -0.05, 1e-12);
}

TEST(Targets, AStrictTargetIsNotMetAtExactlyItsValue) {
  v1::Statistics s = WithRate("documents_reused", 3, 6);  // exactly 50%
  EvaluateTargets(OneTarget("documents_reused", ">", 0.5), s);
  EXPECT_FALSE(s.targets(0).met());
  EvaluateTargets(OneTarget("documents_reused", ">=", 0.5), s);
  EXPECT_TRUE(s.targets(0).met());
  s = WithRate("electronic_transfer", 4, 5);  // 80%, the plan's ">= 80%"
  EvaluateTargets(OneTarget("electronic_transfer", ">=", 0.8), s);
  EXPECT_TRUE(s.targets(0).met());
}

TEST(Targets, DigitizedResultIsJudgedOnTheDigitizedRate) {
  v1::Statistics s = WithRate("digitized", 10, 10);
  EvaluateTargets(OneTarget("digitized_result", ">=", 1.0), s);
  EXPECT_EQ(s.targets(0).id(), "digitized_result");
  EXPECT_EQ(s.targets(0).rate(), "digitized");
  EXPECT_TRUE(s.targets(0).met());
}

TEST(Targets, NoDossiersIsNotEvaluableRatherThanFailed) {
  v1::Statistics s = WithRate("online_payment", 0, 0);
  EvaluateTargets(OneTarget("online_payment", ">", 0.6), s);
  EXPECT_FALSE(s.targets(0).evaluable());
  EXPECT_FALSE(s.targets(0).met());
}

TEST(Targets, AnUnknownIdOpOrFieldIsAnErrorNamingIt) {
  auto bad_id = ParseTargets(R"({"targets":[{"id":"resolved_ontime","op":">","value":0.9}]})", "t.json");
  EXPECT_THAT(bad_id, HasError(Error::kConfig));
  EXPECT_THAT(bad_id.status().message(), HasSubstr("resolved_ontime"));
  EXPECT_THAT(ParseTargets(R"({"targets":[{"id":"fully_online","op":"~","value":0.7}]})", "t.json"),
              HasError(Error::kConfig));
  EXPECT_THAT(ParseTargets(R"({"targets":[{"id":"fully_online","op":">","value":70}]})", "t.json"),
              HasError(Error::kConfig));
  EXPECT_THAT(ParseTargets(R"({"goals":[]})", "t.json"), HasError(Error::kConfig));
}

TEST(NationalScore, ThresholdRule) {
  EXPECT_DOUBLE_EQ(ScorePoints(0.9, 0.8, 20), 20);
  EXPECT_DOUBLE_EQ(ScorePoints(0.8, 0.8, 20), 20);
  EXPECT_DOUBLE_EQ(ScorePoints(0.4, 0.8, 20), 10);
  EXPECT_DOUBLE_EQ(ScorePoints(0.3, 0.5, 12), 0.3 * 12 / 0.5);
  EXPECT_DOUBLE_EQ(ScorePoints(0, 0.9, 18), 0);
}

TEST(NationalScore, AGroupWithoutDataIsNotComputed) {
  v1::Statistics s = WithRate("resolved_on_time", 9, 10);
  ScoreNationally(s);
  const v1::NationalScore& n = s.national_score();
  EXPECT_TRUE(n.groups(1).computed());
  EXPECT_DOUBLE_EQ(n.groups(1).points(), 20);
  for (int i : {2, 3, 4, 5}) EXPECT_FALSE(n.groups(i).computed()) << n.groups(i).id();
  EXPECT_DOUBLE_EQ(n.points(), 20);
  EXPECT_DOUBLE_EQ(n.max_points_computed(), 20);
  EXPECT_DOUBLE_EQ(n.max_points(), 100);
}

}  // namespace
}  // namespace motcua::metrics
