#include "adapters/metrics/national_score.h"

#include <algorithm>

namespace motcua::metrics {

namespace {

void AddGroup(v1::NationalScore& score, const char* id, const char* name, double max_points,
              double threshold, const char* rate, const v1::RateFigure* figure) {
  v1::ScoreGroup* g = score.add_groups();
  g->set_id(id);
  g->set_name(name);
  g->set_max_points(max_points);
  g->set_threshold(threshold);
  g->set_rate(rate);
  if (figure == nullptr) return;
  if (figure->den() == 0) {
    g->set_note("Không có hồ sơ trong kỳ để tính");
    return;
  }
  g->set_computed(true);
  g->set_ratio(figure->ratio());
  g->set_points(ScorePoints(figure->ratio(), threshold, max_points));
}

}  // namespace

double ScorePoints(double ratio, double threshold, double max_points) {
  if (ratio >= threshold) return max_points;
  return std::max(0.0, ratio) * max_points / threshold;
}

void ScoreNationally(v1::Statistics& stats) {
  v1::NationalScore& score = *stats.mutable_national_score();
  score.clear_groups();

  v1::ScoreGroup* transparency = score.add_groups();
  transparency->set_id("transparency");
  transparency->set_name("Công khai, minh bạch");
  transparency->set_max_points(18);
  transparency->set_note("Không tính được từ sổ theo dõi hồ sơ (việc công khai thủ tục trên Cổng)");

  AddGroup(score, "progress", "Tiến độ, kết quả giải quyết", 20, 0.8, "resolved_on_time",
           &stats.resolved_on_time());
  AddGroup(score, "online_dossiers", "Cung cấp dịch vụ trực tuyến: hồ sơ trực tuyến", 12, 0.5,
           "remote_online_use", &stats.remote_online_use());
  AddGroup(score, "online_payment", "Cung cấp dịch vụ trực tuyến: thanh toán trực tuyến", 10, 0.8,
           "online_payment", &stats.online_payment());
  AddGroup(score, "digitization", "Số hoá hồ sơ", 22, 0.8, "digitized", &stats.digitized());

  // Satisfaction: 100% minus the late rate and the dissatisfied rate.
  v1::ScoreGroup* satisfaction = score.add_groups();
  satisfaction->set_id("satisfaction");
  satisfaction->set_name("Mức độ hài lòng");
  satisfaction->set_max_points(18);
  satisfaction->set_threshold(0.9);
  if (score.late().den() == 0 && score.dissatisfied().den() == 0) {
    satisfaction->set_note("Không có hồ sơ giải quyết hay đánh giá trong kỳ để tính");
  } else {
    const double ratio =
        std::max(0.0, 1.0 - (score.late().ratio() + score.dissatisfied().ratio()));
    satisfaction->set_computed(true);
    satisfaction->set_ratio(ratio);
    satisfaction->set_points(ScorePoints(ratio, 0.9, 18));
    satisfaction->set_note("100% − (tỷ lệ trễ hạn + tỷ lệ không hài lòng hoặc có phản ánh)");
  }

  double points = 0;
  double computed_max = 0;
  for (const v1::ScoreGroup& g : score.groups()) {
    if (!g.computed()) continue;
    points += g.points();
    computed_max += g.max_points();
  }
  score.set_points(points);
  score.set_max_points_computed(computed_max);
  score.set_max_points(100);
}

}  // namespace motcua::metrics
