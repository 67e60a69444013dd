#include "adapters/metrics/targets.h"

#include <algorithm>
#include <cmath>

#include "adapters/config/json_file.h"
#include "adapters/metrics/statistics.h"
#include "engine/base/quote.h"

namespace motcua::metrics {

namespace {

bool ValidOp(std::string_view op) {
  return op == ">" || op == ">=" || op == "<" || op == "<=" || op == "=";
}

Status Validate(const v1::Targets& targets, const std::string& what) {
  for (int i = 0; i < targets.targets_size(); ++i) {
    const v1::Target& t = targets.targets(i);
    const std::string where =
        what + ": chỉ tiêu thứ " + std::to_string(i + 1) + " ('" + QuoteForMessage(t.id()) + "')";
    if (RateOfTarget(t.id()).empty()) {
      return Status(Error::kConfig, where + " không ứng với tỷ lệ nào motcua tính được");
    }
    if (!ValidOp(t.op())) {
      return Status(Error::kConfig, where + ": phép so sánh '" + QuoteForMessage(t.op()) +
                                        "' không hợp lệ (cần >, >=, <, <= hoặc =)");
    }
    if (!std::isfinite(t.value()) || t.value() < 0 || t.value() > 1) {
      return Status(Error::kConfig, where + ": giá trị phải là tỷ lệ từ 0 đến 1");
    }
  }
  return Status::Ok();
}

}  // namespace

std::string_view RateOfTarget(std::string_view id) {
  if (id == "digitized_result") return "digitized";
  auto it = std::find(kRateNames.begin(), kRateNames.end(), id);
  return it == kRateNames.end() ? std::string_view() : *it;
}

Result<v1::Targets> ParseTargets(const std::string& json, const std::string& what) {
  v1::Targets targets;
  MOTCUA_RETURN_IF_ERROR(config::ParseJson(json, what, targets));
  MOTCUA_RETURN_IF_ERROR(Validate(targets, what));
  return targets;
}

Result<v1::Targets> LoadTargets(const std::filesystem::path& path) {
  MOTCUA_ASSIGN_OR_RETURN(std::string json, config::ReadFile(path));
  return ParseTargets(json, QuoteForMessage(path.string(), kQuotedPathMaxBytes));
}

bool TargetMet(double actual, std::string_view op, double value) {
  if (op == ">") return actual > value;
  if (op == ">=") return actual >= value;
  if (op == "<") return actual < value;
  if (op == "<=") return actual <= value;
  return actual == value;
}

void EvaluateTargets(const v1::Targets& targets, v1::Statistics& stats) {
  stats.clear_targets();
  stats.set_targets_plan(targets.plan());
  for (const v1::Target& t : targets.targets()) {
    v1::TargetResult* r = stats.add_targets();
    r->set_id(t.id());
    r->set_rate(std::string(RateOfTarget(t.id())));
    r->set_op(t.op());
    r->set_value(t.value());
    r->set_section(t.section());
    r->set_text(t.text());
    const v1::RateFigure* rate = FindRate(stats, r->rate());
    if (rate == nullptr || rate->den() == 0) continue;
    r->set_evaluable(true);
    r->set_actual(rate->ratio());
    r->set_met(TargetMet(rate->ratio(), t.op(), t.value()));
    r->set_margin(rate->ratio() - t.value());
  }
}

}  // namespace motcua::metrics
