#include "adapters/metrics/statistics.h"

#include <algorithm>
#include <initializer_list>
#include <vector>

#include "adapters/metrics/count_figures.h"
#include "adapters/metrics/national_score.h"
#include "adapters/metrics/satisfaction_rows.h"
#include "engine/base/proto_time.h"
#include "engine/catalog/internal_process.h"

namespace motcua::metrics {

namespace {

// Owned (not an initializer_list), so the report columns can keep theirs.
using Figures = std::vector<Figure>;

double Ratio(std::uint32_t num, std::uint32_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

// Reads counts (and their dossiers) summed over every procedure row.
class Totals {
 public:
  Totals(const FigureCounts& counts, const std::vector<std::string>* codes, bool with_codes)
      : counts_(counts), codes_(codes), with_codes_(with_codes && counts.keeps_codes() && codes) {}

  bool with_codes() const { return with_codes_; }

  std::uint32_t Sum(const Figures& figures) const {
    std::uint32_t n = 0;
    for (Figure f : figures) n += counts_.Total(f);
    return n;
  }

  // The sorted dossier codes of `figures` in `rows` (all rows when empty).
  std::vector<std::string> Codes(const Figures& figures,
                                 std::initializer_list<std::size_t> rows = {}) const {
    std::vector<std::uint32_t> ids;
    auto collect = [&](std::size_t r) {
      for (Figure f : figures) {
        const auto& d = counts_.Dossiers(r, f);
        ids.insert(ids.end(), d.begin(), d.end());
      }
    };
    if (rows.size() == 0) {
      for (std::size_t r = 0; r < counts_.rows(); ++r) collect(r);
    } else {
      for (std::size_t r : rows) collect(r);
    }
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (std::uint32_t id : ids) out.push_back((*codes_)[id]);
    std::sort(out.begin(), out.end());
    return out;
  }

  void SetRate(const Figures& num, const Figures& den, v1::RateFigure* rate) const {
    rate->set_num(Sum(num));
    rate->set_den(Sum(den));
    rate->set_ratio(Ratio(rate->num(), rate->den()));
    if (with_codes_) {
      for (std::string& c : Codes(num)) rate->mutable_codes()->add_num(std::move(c));
      for (std::string& c : Codes(den)) rate->mutable_codes()->add_den(std::move(c));
    }
  }

 private:
  const FigureCounts& counts_;
  const std::vector<std::string>* codes_;
  bool with_codes_;
};

// The report's columns as figure sums.
struct Column {
  const char* name;
  Figures figures;
  void (v1::ReportRow::*set)(std::uint32_t);
};

const std::vector<Column>& Columns() {
  static const std::vector<Column> columns = {
      {"to_handle",
       {Figure::kReceivedOnline, Figure::kReceivedCounter, Figure::kReceivedPost,
        Figure::kCarriedOver},
       &v1::ReportRow::set_to_handle},
      {"new_online", {Figure::kReceivedOnline}, &v1::ReportRow::set_new_online},
      {"new_counter_or_post",
       {Figure::kReceivedCounter, Figure::kReceivedPost},
       &v1::ReportRow::set_new_counter_or_post},
      {"carried_over", {Figure::kCarriedOver}, &v1::ReportRow::set_carried_over},
      {"resolved", {Figure::kResolved}, &v1::ReportRow::set_resolved},
      {"resolved_early", {Figure::kResolvedEarly}, &v1::ReportRow::set_resolved_early},
      {"resolved_on_the_day", {Figure::kResolvedOnTheDay}, &v1::ReportRow::set_resolved_on_the_day},
      {"resolved_late", {Figure::kResolvedLate}, &v1::ReportRow::set_resolved_late},
      {"in_progress", {Figure::kInProgress}, &v1::ReportRow::set_in_progress},
      {"in_progress_within_deadline",
       {Figure::kInProgressWithinDeadline},
       &v1::ReportRow::set_in_progress_within_deadline},
      {"in_progress_overdue", {Figure::kInProgressOverdue}, &v1::ReportRow::set_in_progress_overdue},
      {"waiting_for_supplement",
       {Figure::kWaitingForSupplement},
       &v1::ReportRow::set_waiting_for_supplement},
      {"withdrawn", {Figure::kWithdrawn}, &v1::ReportRow::set_withdrawn},
      {"stopped", {Figure::kStopped}, &v1::ReportRow::set_stopped},
      {"withdrawn_or_returned",
       {Figure::kWithdrawn, Figure::kStopped},
       &v1::ReportRow::set_withdrawn_or_returned},
      {"accepted_late", {Figure::kReceivedIntakeLate}, &v1::ReportRow::set_accepted_late},
      {"supplement_late", {Figure::kEndedSupplementLate}, &v1::ReportRow::set_supplement_late},
  };
  return columns;
}

void BuildReport(const FigureCounts& counts, const Totals& totals, const catalog::Catalog& catalog,
                 v1::Report* report) {
  v1::ReportRow* total = report->mutable_total();
  total->set_procedure_name("Tổng cộng");
  for (std::size_t r = 0; r < counts.rows(); ++r) {
    v1::ReportRow row;
    bool any = false;
    for (const Column& c : Columns()) {
      std::uint32_t n = 0;
      for (Figure f : c.figures) n += counts.Get(r, f);
      (row.*c.set)(n);
      any = any || n != 0;
    }
    if (!any) continue;
    if (r == counts.unknown_row()) {
      row.set_procedure_name("(thủ tục không còn trong danh mục)");
    } else {
      row.set_procedure_code(catalog.at(static_cast<std::uint32_t>(r)).code());
      row.set_procedure_name(catalog.at(static_cast<std::uint32_t>(r)).name());
    }
    if (totals.with_codes()) {
      for (const Column& c : Columns()) {
        std::vector<std::string> codes = totals.Codes(c.figures, {r});
        if (codes.empty()) continue;
        auto& list = (*row.mutable_codes()->mutable_columns())[c.name];
        for (std::string& code : codes) list.add_codes(std::move(code));
      }
    }
    *report->add_rows() = std::move(row);
  }
  for (const Column& c : Columns()) (total->*c.set)(totals.Sum(c.figures));
}

// Of the receivable procedures, those with an internal process in force on
// the period's last day (a version effective later is not yet published).
void SetInternalProcessPublished(const catalog::Catalog& catalog, LocalDays last_day,
                                 bool with_codes, v1::RateFigure* rate) {
  std::uint32_t published = 0;
  std::uint32_t receivable = 0;
  for (const v1::Procedure& p : catalog.procedures()) {
    if (!p.receivable()) continue;
    ++receivable;
    const bool yes = catalog::ProcessInForce(p, last_day) != nullptr;
    if (yes) ++published;
    if (with_codes) {
      if (yes) rate->mutable_codes()->add_num(p.code());
      rate->mutable_codes()->add_den(p.code());
    }
  }
  rate->set_num(published);
  rate->set_den(receivable);
  rate->set_ratio(Ratio(rate->num(), rate->den()));
}

}  // namespace

namespace {

// The rates are exactly the RateFigure fields of Statistics named in kRateNames.
const google::protobuf::FieldDescriptor* RateField(std::string_view name) {
  if (std::find(kRateNames.begin(), kRateNames.end(), name) == kRateNames.end()) return nullptr;
  return v1::Statistics::descriptor()->FindFieldByName(std::string(name));
}

}  // namespace

const v1::RateFigure* FindRate(const v1::Statistics& s, std::string_view name) {
  const google::protobuf::FieldDescriptor* field = RateField(name);
  if (field == nullptr) return nullptr;
  return static_cast<const v1::RateFigure*>(&s.GetReflection()->GetMessage(s, field));
}

v1::RateFigure* FindMutableRate(v1::Statistics& s, std::string_view name) {
  const google::protobuf::FieldDescriptor* field = RateField(name);
  if (field == nullptr) return nullptr;
  return static_cast<v1::RateFigure*>(s.GetReflection()->MutableMessage(&s, field));
}

v1::Statistics BuildStatistics(const FigureCounts& counts, const std::vector<std::string>* codes,
                               const catalog::Catalog& catalog, const Period& period,
                               const StatisticsOptions& options) {
  v1::Statistics s;
  s.set_from(FormatDate(period.from));
  s.set_to(FormatDate(period.to));
  s.set_unit(options.unit);
  s.set_source(options.source);
  if (options.generated_at != Instant{}) SetInstant(options.generated_at, s.mutable_generated_at());

  const Totals t(counts, codes, options.with_codes);
  using F = Figure;
  t.SetRate({F::kResolvedOnTime}, {F::kResolved}, s.mutable_resolved_on_time());
  t.SetRate({F::kResolvedEarly}, {F::kResolved}, s.mutable_resolved_early());
  t.SetRate({F::kCompletedAllElectronic}, {F::kCompletedHandedOver}, s.mutable_electronic_transfer());
  t.SetRate({F::kEndedPaidOnline}, {F::kEndedWithFee}, s.mutable_online_payment());
  t.SetRate({F::kEndedReused}, {F::kEnded}, s.mutable_documents_reused());
  t.SetRate({F::kCompletedFullyOnline}, {F::kCompleted}, s.mutable_fully_online());
  t.SetRate({F::kReceivedOnline}, {F::kReceivedOnline, F::kReceivedCounter, F::kReceivedPost},
            s.mutable_remote_online_use());
  t.SetRate({F::kResolvedElectronicResult}, {F::kResolved}, s.mutable_electronic_result());
  t.SetRate({F::kEndedDigitized}, {F::kEnded}, s.mutable_digitized());
  SetInternalProcessPublished(catalog, period.to, t.with_codes(),
                              s.mutable_internal_process_published());

  BuildReport(counts, t, catalog, s.mutable_report());
  BuildSatisfactionRows(counts, catalog, s);

  // The national score's own rates.
  v1::RateFigure* late = s.mutable_national_score()->mutable_late();
  late->set_den(t.Sum({F::kResolved}));
  late->set_num(late->den() - t.Sum({F::kResolvedOnTime}));
  late->set_ratio(Ratio(late->num(), late->den()));
  if (t.with_codes()) {
    std::vector<std::string> all = t.Codes({F::kResolved});
    std::vector<std::string> on_time = t.Codes({F::kResolvedOnTime});
    std::vector<std::string> not_on_time;
    std::set_difference(all.begin(), all.end(), on_time.begin(), on_time.end(),
                        std::back_inserter(not_on_time));
    for (std::string& c : not_on_time) late->mutable_codes()->add_num(std::move(c));
    for (std::string& c : all) late->mutable_codes()->add_den(std::move(c));
  }
  t.SetRate({F::kRatedDissatisfied}, {F::kRated}, s.mutable_national_score()->mutable_dissatisfied());
  ScoreNationally(s);
  return s;
}

v1::Statistics ComputeStatistics(const FactsTable& facts, const catalog::Catalog& catalog,
                                 const Period& period, const StatisticsOptions& options) {
  CountOptions count;
  count.keep_codes = options.with_codes;
  FigureCounts counts = CountFigures(facts, catalog.size(), period, count);
  return BuildStatistics(counts, &facts.codes, catalog, period, options);
}

}  // namespace motcua::metrics
