#include "adapters/export/stats_labels.h"

#include <cmath>
#include <cstdio>
#include <utility>

#include "adapters/metrics/statistics.h"

namespace motcua::exporter {

std::string_view RateLabel(std::string_view rate) {
  if (rate == "resolved_on_time") return "Hồ sơ giải quyết trước và đúng hạn";
  if (rate == "resolved_early") return "Hồ sơ giải quyết trước hạn";
  if (rate == "electronic_transfer") return "Hồ sơ luân chuyển nội bộ bằng điện tử";
  if (rate == "online_payment") return "Hồ sơ có phí được thanh toán trực tuyến";
  if (rate == "documents_reused") return "Hồ sơ không phải cung cấp lại giấy tờ";
  if (rate == "fully_online") return "Hồ sơ xử lý hoàn toàn trực tuyến";
  if (rate == "remote_online_use") return "Hồ sơ nộp trực tuyến từ xa";
  if (rate == "electronic_result") return "Hồ sơ được cấp kết quả điện tử";
  if (rate == "digitized") return "Hồ sơ được số hoá (thành phần và kết quả)";
  if (rate == "internal_process_published") return "Thủ tục có quy trình nội bộ được công bố";
  return rate;
}

const std::vector<ReportColumn>& ReportColumns() {
  using R = v1::ReportRow;
  static const std::vector<ReportColumn> columns = {
      {"to_handle", "Tổng số hồ sơ cần giải quyết", "Tổng", &R::to_handle},
      {"new_online", "Tiếp nhận mới trực tuyến", "TT", &R::new_online},
      {"new_counter_or_post", "Tiếp nhận mới trực tiếp, bưu chính", "TrT", &R::new_counter_or_post},
      {"carried_over", "Kỳ trước chuyển qua", "KT", &R::carried_over},
      {"resolved", "Đã giải quyết", "ĐGQ", &R::resolved},
      {"resolved_early", "Đã giải quyết trước hạn", "Trước", &R::resolved_early},
      {"resolved_on_the_day", "Đã giải quyết đúng hạn", "Đúng", &R::resolved_on_the_day},
      {"resolved_late", "Đã giải quyết quá hạn", "Quá", &R::resolved_late},
      {"in_progress", "Đang giải quyết", "Đang", &R::in_progress},
      {"in_progress_within_deadline", "Đang giải quyết trong hạn", "Trong", &R::in_progress_within_deadline},
      {"in_progress_overdue", "Đang giải quyết quá hạn", "QH", &R::in_progress_overdue},
      {"waiting_for_supplement", "Chờ bổ sung", "ChờBS", &R::waiting_for_supplement},
      {"withdrawn", "Rút hồ sơ", "Rút", &R::withdrawn},
      {"stopped", "Dừng xử lý, trả lại", "Dừng", &R::stopped},
      {"withdrawn_or_returned", "Rút hoặc trả lại", "R+D", &R::withdrawn_or_returned},
      {"accepted_late", "Trực tuyến tiếp nhận muộn", "TNM", &R::accepted_late},
      {"supplement_late", "Yêu cầu bổ sung quá hạn", "BSM", &R::supplement_late},
  };
  return columns;
}

const std::vector<SatisfactionColumn>& SatisfactionColumns() {
  using S = v1::SatisfactionRow;
  static const std::vector<SatisfactionColumn> columns = {
      {"rated", "Số lượt đánh giá", &S::rated},
      {"very_satisfied", "Rất hài lòng", &S::very_satisfied},
      {"satisfied", "Hài lòng", &S::satisfied},
      {"acceptable", "Bình thường", &S::acceptable},
      {"dissatisfied", "Không hài lòng", &S::dissatisfied},
      {"very_dissatisfied", "Rất không hài lòng", &S::very_dissatisfied},
      {"dislike", "Không hài lòng hoặc có phản ánh (QĐ 766)", &S::dislike},
  };
  return columns;
}

std::vector<FigureCodes> CodeLists(const v1::Statistics& stats) {
  std::vector<FigureCodes> lists;
  auto add_rate = [&lists](std::string id, std::string label, const v1::RateFigure& rate) {
    if (!rate.has_codes()) return;
    const std::pair<const char*, const google::protobuf::RepeatedPtrField<std::string>*> parts[] = {
        {"Tử số", &rate.codes().num()}, {"Mẫu số", &rate.codes().den()}};
    for (const auto& [part, codes] : parts) {
      if (codes->empty()) continue;
      lists.push_back({id, label, "", part, {codes->begin(), codes->end()}});
    }
  };
  for (std::string_view name : metrics::kRateNames) {
    std::string label(RateLabel(name));
    // The one rate over procedures, not dossiers.
    if (name == "internal_process_published") label += " (mã thủ tục)";
    add_rate(std::string(name), label, *metrics::FindRate(stats, name));
  }
  for (const v1::ReportRow& row : stats.report().rows()) {
    for (const ReportColumn& column : ReportColumns()) {
      auto it = row.codes().columns().find(std::string(column.key));
      if (it == row.codes().columns().end() || it->second.codes().empty()) continue;
      lists.push_back({"report." + std::string(column.key), std::string(column.label),
                       row.procedure_code(), "",
                       {it->second.codes().begin(), it->second.codes().end()}});
    }
  }
  add_rate("national_score.late", "Hồ sơ trễ hạn (Bộ chỉ số, Quyết định 766)",
           stats.national_score().late());
  add_rate("national_score.dissatisfied",
           "Đánh giá không hài lòng hoặc có phản ánh (Bộ chỉ số, Quyết định 766)",
           stats.national_score().dissatisfied());
  return lists;
}

std::string FixedPlain(double value, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string FixedVi(double value, int decimals) {
  std::string s = FixedPlain(value, decimals);
  for (char& c : s) {
    if (c == '.') c = ',';
  }
  return s;
}

std::string PercentVi(double ratio, int decimals) { return FixedVi(ratio * 100, decimals) + "%"; }

std::string PercentPlain(double ratio) { return FixedPlain(ratio * 100, 2); }

std::string_view OpVi(std::string_view op) {
  if (op == ">") return "trên";
  if (op == ">=") return "từ";
  if (op == "<") return "dưới";
  if (op == "<=") return "không quá";
  return "đúng";
}

std::string DateVi(std::string_view iso) {
  if (iso.size() != 10) return std::string(iso);
  return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/" +
         std::string(iso.substr(0, 4));
}

}  // namespace motcua::exporter
