#include "adapters/export/stats_csv.h"

#include <initializer_list>

#include "adapters/export/stats_labels.h"
#include "adapters/metrics/statistics.h"

namespace motcua::exporter {

namespace {

class CsvWriter {
 public:
  void Row(std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (std::string_view f : fields) {
      if (!first) out_ += ',';
      out_ += CsvField(f);
      first = false;
    }
    out_ += "\r\n";
  }
  void Row(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out_ += ',';
      out_ += CsvField(fields[i]);
    }
    out_ += "\r\n";
  }
  void Blank() { out_ += "\r\n"; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_ = std::string(kUtf8Bom);
};

std::string Num(std::uint32_t n) { return std::to_string(n); }

// The target row of `rate`, if the statistics were judged against a plan.
const v1::TargetResult* TargetOf(const v1::Statistics& s, std::string_view rate) {
  for (const v1::TargetResult& t : s.targets()) {
    if (t.rate() == rate) return &t;
  }
  return nullptr;
}

std::vector<std::string> ReportFields(const v1::ReportRow& r) {
  std::vector<std::string> fields = {r.procedure_code(), r.procedure_name()};
  for (const ReportColumn& c : ReportColumns()) fields.push_back(Num((r.*c.get)()));
  return fields;
}

}  // namespace

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string StatisticsToCsv(const v1::Statistics& s) {
  CsvWriter csv;
  csv.Row({"Đơn vị", s.unit(), "Từ ngày", s.from(), "Đến ngày", s.to()});
  csv.Blank();

  csv.Row({"Mã chỉ tiêu", "Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ (%)", "Kế hoạch", "Đạt",
           "Chênh lệch (điểm %)"});
  for (std::string_view name : metrics::kRateNames) {
    const v1::RateFigure& r = *metrics::FindRate(s, name);
    std::string target, met, margin;
    if (const v1::TargetResult* t = TargetOf(s, name)) {
      target = t->op() + " " + PercentPlain(t->value());
      met = !t->evaluable() ? "Không có dữ liệu" : t->met() ? "Đạt" : "Chưa đạt";
      if (t->evaluable()) margin = PercentPlain(t->margin());
    }
    csv.Row({name, RateLabel(name), Num(r.num()), Num(r.den()), PercentPlain(r.ratio()), target,
             met, margin});
  }
  csv.Blank();

  std::vector<std::string> header = {"Mã thủ tục", "Tên thủ tục"};
  for (const ReportColumn& c : ReportColumns()) header.emplace_back(c.label);
  csv.Row(header);
  for (const v1::ReportRow& row : s.report().rows()) csv.Row(ReportFields(row));
  csv.Row(ReportFields(s.report().total()));
  csv.Blank();

  csv.Row({"Nhóm chỉ số (QĐ 766)", "Điểm tối đa", "Ngưỡng (%)", "Tỷ lệ (%)", "Điểm", "Ghi chú"});
  for (const v1::ScoreGroup& g : s.national_score().groups()) {
    csv.Row({g.name(), std::to_string(static_cast<int>(g.max_points())),
             g.threshold() > 0 ? PercentPlain(g.threshold()) : "",
             g.computed() ? PercentPlain(g.ratio()) : "",
             g.computed() ? FixedPlain(g.points(), 2) : "", g.note()});
  }
  csv.Row({"Tổng điểm tính được", FixedPlain(s.national_score().max_points_computed(), 0), "", "",
           FixedPlain(s.national_score().points(), 2), "Nhóm không tính được không vào tổng"});

  if (!s.satisfaction().empty()) {
    csv.Blank();
    std::vector<std::string> levels = {"Mã thủ tục", "Tên thủ tục"};
    for (const SatisfactionColumn& c : SatisfactionColumns()) levels.emplace_back(c.label);
    csv.Row(levels);
    auto fields = [](const v1::SatisfactionRow& r) {
      std::vector<std::string> out = {r.procedure_code(), r.procedure_name()};
      for (const SatisfactionColumn& c : SatisfactionColumns()) out.push_back(Num((r.*c.get)()));
      return out;
    };
    for (const v1::SatisfactionRow& row : s.satisfaction()) csv.Row(fields(row));
    csv.Row(fields(s.satisfaction_total()));
  }

  // 4. With codes: the dossiers behind each figure, one a row, so that a
  // spreadsheet can filter them by figure.
  if (const std::vector<FigureCodes> lists = CodeLists(s); !lists.empty()) {
    csv.Blank();
    csv.Row({"Mã số liệu", "Số liệu", "Mã thủ tục", "Phần", "Mã hồ sơ"});
    for (const FigureCodes& list : lists) {
      for (const std::string& code : list.codes) {
        csv.Row({list.id, list.label, list.procedure, list.part, code});
      }
    }
  }
  return csv.Take();
}

}  // namespace motcua::exporter
