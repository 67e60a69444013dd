#include "adapters/export/stats_table.h"

#include <algorithm>
#include <vector>

#include "adapters/export/stats_labels.h"
#include "adapters/text/utf8.h"
#include "adapters/metrics/statistics.h"

namespace motcua::exporter {

namespace {

enum class Align { kLeft, kRight };

std::string Pad(std::string_view text, std::size_t width, Align align) {
  std::size_t w = text::DisplayWidth(text);
  std::string fill(w < width ? width - w : 0, ' ');
  return align == Align::kLeft ? std::string(text) + fill : fill + std::string(text);
}

// Rows of cells printed with each column as wide as its widest cell.
class TextTable {
 public:
  explicit TextTable(std::vector<Align> aligns) : aligns_(std::move(aligns)) {}
  void Add(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  void Rule() { rows_.emplace_back(); }  // an empty row prints a line

  std::string Render() const {
    std::vector<std::size_t> widths(aligns_.size(), 0);
    for (const auto& row : rows_) {
      for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
        widths[i] = std::max(widths[i], text::DisplayWidth(row[i]));
      }
    }
    std::size_t total = 0;
    for (std::size_t w : widths) total += w + 2;
    std::string out;
    for (const auto& row : rows_) {
      if (row.empty()) {
        std::string line;
        for (std::size_t i = 0; i + 2 < total; ++i) line += "─";
        out += line + "\n";
        continue;
      }
      std::string line;
      for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
        if (i > 0) line += "  ";
        line += Pad(row[i], widths[i], aligns_[i]);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    return out;
  }

 private:
  std::vector<Align> aligns_;
  std::vector<std::vector<std::string>> rows_;
};

const v1::TargetResult* TargetOf(const v1::Statistics& s, std::string_view rate) {
  for (const v1::TargetResult& t : s.targets()) {
    if (t.rate() == rate) return &t;
  }
  return nullptr;
}

std::string Rates(const v1::Statistics& s) {
  TextTable t({Align::kLeft, Align::kRight, Align::kRight, Align::kLeft, Align::kLeft});
  t.Add({"Chỉ tiêu", "Số lượng", "Tỷ lệ", "Kế hoạch", "Đánh giá"});
  t.Rule();
  for (std::string_view name : metrics::kRateNames) {
    const v1::RateFigure& r = *metrics::FindRate(s, name);
    std::string target, verdict;
    if (const v1::TargetResult* g = TargetOf(s, name)) {
      target = std::string(OpVi(g->op())) + " " + PercentVi(g->value(), 0);
      if (!g->evaluable()) {
        verdict = "không có hồ sơ để đánh giá";
      } else {
        std::string margin = PercentVi(g->margin());
        margin.pop_back();  // points of percent, not a percent
        if (g->margin() >= 0) margin = "+" + margin;
        verdict = std::string(g->met() ? "Đạt" : "Chưa đạt") + " (" + margin + " điểm %)";
      }
    }
    t.Add({std::string(RateLabel(name)), std::to_string(r.num()) + "/" + std::to_string(r.den()),
           r.den() == 0 ? "–" : PercentVi(r.ratio()), target, verdict});
  }
  return t.Render();
}

// "Cột: A = ...; B = ...." wrapped at about 90 screen columns.
std::string Wrapped(std::string line, const std::vector<ReportColumn>& columns) {
  constexpr std::size_t kWidth = 90;
  std::string out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    std::string item = std::string(columns[i].short_label) + " = " + std::string(columns[i].label) +
                       (i + 1 == columns.size() ? "." : ";");
    if (text::DisplayWidth(line) + 1 + text::DisplayWidth(item) > kWidth) {
      out += line + "\n";
      line = "    ";
    } else {
      line += " ";
    }
    line += item;
  }
  return out + line + "\n";
}

std::string Report(const v1::Statistics& s) {
  std::vector<Align> aligns = {Align::kLeft};
  std::vector<std::string> header = {"Mã TTHC"};
  for (const ReportColumn& c : ReportColumns()) {
    aligns.push_back(Align::kRight);
    header.emplace_back(c.short_label);
  }
  TextTable t(aligns);
  t.Add(header);
  t.Rule();
  auto add = [&](const v1::ReportRow& r, const std::string& label) {
    std::vector<std::string> cells = {label};
    for (const ReportColumn& c : ReportColumns()) cells.push_back(std::to_string((r.*c.get)()));
    t.Add(std::move(cells));
  };
  for (const v1::ReportRow& r : s.report().rows()) {
    add(r, r.procedure_code().empty() ? "(không rõ)" : r.procedure_code());
  }
  t.Rule();
  add(s.report().total(), "Tổng cộng");

  std::string out = t.Render();
  out += "\nTên thủ tục:\n";
  for (const v1::ReportRow& r : s.report().rows()) {
    out += "  " + Pad(r.procedure_code().empty() ? "(không rõ)" : r.procedure_code(), 10,
                      Align::kLeft) +
           "  " + r.procedure_name() + "\n";
  }
  out += "\n" + Wrapped("Cột:", ReportColumns());
  out += "Cân đối: Tổng = TT + TrT + KT = ĐGQ + Đang + R+D; ĐGQ = Trước + Đúng + Quá;"
         " Đang = Trong + QH.\n";
  return out;
}

std::string Score(const v1::Statistics& s) {
  const v1::NationalScore& n = s.national_score();
  TextTable t({Align::kLeft, Align::kRight, Align::kRight, Align::kRight, Align::kRight});
  t.Add({"Nhóm chỉ số", "Tối đa", "Ngưỡng", "Tỷ lệ", "Điểm"});
  t.Rule();
  for (const v1::ScoreGroup& g : n.groups()) {
    t.Add({g.name(), FixedVi(g.max_points(), 0), g.threshold() > 0 ? PercentVi(g.threshold(), 0) : "–",
           g.computed() ? PercentVi(g.ratio()) : "–", g.computed() ? FixedVi(g.points(), 2) : "–"});
  }
  std::string out = t.Render();
  out += "Tổng: " + FixedVi(n.points(), 2) + " điểm trên " + FixedVi(n.max_points_computed(), 0) +
         " điểm tính được (thang " + FixedVi(n.max_points(), 0) + ").\n";
  for (const v1::ScoreGroup& g : n.groups()) {
    if (!g.note().empty()) out += "  " + g.name() + ": " + g.note() + ".\n";
  }
  out += "  Trễ hạn " + std::to_string(n.late().num()) + "/" + std::to_string(n.late().den()) +
         " hồ sơ; không hài lòng hoặc có phản ánh " + std::to_string(n.dissatisfied().num()) + "/" +
         std::to_string(n.dissatisfied().den()) + " lượt đánh giá.\n";
  return out;
}

// The dossiers behind each figure (statistics asked for with codes): one
// heading line per list, then its codes, wrapped at about 90 columns (a
// procedure without a code is listed by its name).
std::string Codes(const std::vector<FigureCodes>& lists) {
  constexpr std::size_t kWidth = 90;
  std::string out;
  for (const FigureCodes& list : lists) {
    out += list.label;
    if (list.id.rfind("report.", 0) == 0) {
      out += ", thủ tục " + (list.procedure.empty() ? std::string("(không rõ)") : list.procedure);
    }
    if (!list.part.empty()) out += " — " + list.part;
    out += " (" + std::to_string(list.codes.size()) + "):\n";
    std::string line = "   ";
    for (std::size_t i = 0; i < list.codes.size(); ++i) {
      const std::string item = list.codes[i] + (i + 1 == list.codes.size() ? "" : ",");
      if (line.size() > 3 && text::DisplayWidth(line) + 1 + text::DisplayWidth(item) > kWidth) {
        out += line + "\n";
        line = "   ";
      }
      line += " " + item;
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string StatisticsToTable(const v1::Statistics& s) {
  std::string out = "THỐNG KÊ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n";
  if (!s.unit().empty()) out += "Đơn vị: " + s.unit() + "\n";
  out += "Kỳ thống kê: từ ngày " + DateVi(s.from()) + " đến ngày " + DateVi(s.to()) + "\n";
  if (!s.targets_plan().empty()) out += "So với: " + s.targets_plan() + "\n";
  out += "\nI. CÁC TỶ LỆ\n" + Rates(s);
  out += "\nII. TÌNH HÌNH GIẢI QUYẾT HỒ SƠ\n" + Report(s);
  out += "\nIII. ĐIỂM THEO BỘ CHỈ SỐ (Quyết định 766/QĐ-TTg)\n" + Score(s);
  if (const std::vector<FigureCodes> codes = CodeLists(s); !codes.empty()) {
    out += "\nIV. MÃ HỒ SƠ ĐƯỢC ĐẾM TRONG TỪNG SỐ LIỆU\n" + Codes(codes);
  }
  return text::ToPrintable(out);
}

}  // namespace motcua::exporter
