// Figures: every count the statistics are made of, per procedure, and the
// definitions behind them. Rates and the report are ratios and sums of these.
//
// A period is [start, end) (period.h); "as of the end" means the facts the
// events before `end` establish. Only received dossiers (the clock started)
// are handled; a dossier refused at reception or only registered online is
// counted nowhere except in ratings.
//
// Additive figures: each is counted on the day of one event, with facts that
// event settles, so a period's value is the sum of its days' (the per-day
// counters, daily_counters_projection.h) and a past day never changes.
//   received_online / _counter / _post   Received, by channel.
//   received_intake_late                Received, from an online registration whose
//                                       late-intake alert had been raised (it
//                                       waited longer than the intake limit).
//   resolved            ResultReady: the result is ready (status 9, then 10).
//     resolved_on_time    end <= appointment (full timestamps, Decision 766)
//                         and at most one supplementation request.
//     resolved_early      end date < appointment date (Vietnam dates),
//     resolved_on_the_day end date = appointment date,
//     resolved_late       end date > appointment date, or a second
//                         supplementation request (counted late:
//                         docs/domain.md "Supplementation").
//                         So on_time <= early + on_the_day: a dossier ready
//                         at 16:00 for a 10:00 appointment is "on the day"
//                         in the report and late for the national indicator.
//     resolved_electronic_result  the result is electronic.
//   withdrawn           Withdrawn after reception (status 7).
//   stopped             Stopped (status 8): the report's "returned" (trả lại).
//   ended               resolved + withdrawn + stopped: processing ended.
//     ended_with_fee      a fee > 0 was requested or paid (a fee-free
//                         procedure never is).
//     ended_paid_online   ... and it was paid on the national portal or a
//                         provincial gateway.
//     ended_reused        >= 1 document reused (registration, receipt or
//                         supplement: every document comes before the end).
//     ended_digitized     >= 1 digitised document, and the result, if any,
//                         is electronic.
//     ended_supplement_late  a supplementation was requested later than
//                         the law allows (docs/domain.md "Supplementation").
//   completed           the dossier's circulation is over: ResultReturned,
//                       or withdrawn/stopped; nothing is handed over after.
//     completed_handed_over     handed over at least once.
//     completed_all_electronic  ... and every handover was electronic.
//     completed_fully_online    received online and returned electronically
//                               or by post.
//   rated               Rated (the citizen's rating; any dossier).
//     rated_dissatisfied  the national score's "dislike": either
//                         dissatisfied level, or a complaint (IsDislike).
//     rated_level_*       by the level given, one of the five
//                         (RatingLevelFigure): they sum to rated.
//
// Stock figures, as of the period's end (not additive over days):
//   carried_over        received before start, not ended before start.
//   in_progress         received before end, not ended before end.
//     in_progress_within_deadline  appointment >= the moment the clock
//                         stopped: the period's end, or for a dossier paused
//                         at the end (waiting for supplementation, or a fee
//                         when that pauses the clock) the pause's start: a
//                         citizen who does not come back ends processing at
//                         the request (docs/domain.md "Supplementation").
//     in_progress_overdue  the others.
//     waiting_for_supplement  status 5 at the end.
//
// Identities (per procedure and in total; tested):
//   to_handle = new_online + new_counter_or_post + carried_over
//             = resolved + in_progress + withdrawn + stopped
//   resolved = early + on_the_day + late; in_progress = within + overdue.
// The second holds because a dossier to handle either ended in the period
// (by ResultReady, Withdrawn or Stopped; Refused cannot follow reception)
// or had not ended by its end.
#ifndef MOTCUA_ADAPTERS_METRICS_FIGURES_H_
#define MOTCUA_ADAPTERS_METRICS_FIGURES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/metrics/period.h"

namespace motcua::metrics {

enum class Figure : std::uint8_t {
  kReceivedOnline,
  kReceivedCounter,
  kReceivedPost,
  kResolved,
  kResolvedOnTime,
  kResolvedEarly,
  kResolvedOnTheDay,
  kResolvedLate,
  kResolvedElectronicResult,
  kWithdrawn,
  kStopped,
  kEnded,
  kEndedWithFee,
  kEndedPaidOnline,
  kEndedReused,
  kEndedDigitized,
  kCompleted,
  kCompletedHandedOver,
  kCompletedAllElectronic,
  kCompletedFullyOnline,
  kRated,
  kRatedDissatisfied,
  kRatedLevelVerySatisfied,
  kRatedLevelSatisfied,
  kRatedLevelAcceptable,
  kRatedLevelDissatisfied,
  kRatedLevelVeryDissatisfied,
  kReceivedIntakeLate,
  kEndedSupplementLate,
  // Stock figures from here on.
  kCarriedOver,
  kInProgress,
  kInProgressWithinDeadline,
  kInProgressOverdue,
  kWaitingForSupplement,
};

inline constexpr std::size_t kAdditiveFigures = static_cast<std::size_t>(Figure::kCarriedOver);
inline constexpr std::size_t kFigures = static_cast<std::size_t>(Figure::kWaitingForSupplement) + 1;

constexpr std::size_t Index(Figure f) { return static_cast<std::size_t>(f); }
constexpr bool IsAdditive(Figure f) { return Index(f) < kAdditiveFigures; }

// The stable snake_case name, e.g. "resolved_on_time" (the counters table
// stores it; the API's report codes use it).
std::string_view FigureName(Figure f);
std::optional<Figure> FigureFromName(std::string_view name);

// The rating rules, one place for every source of figures: the level's
// figure (none for an unknown level), and whether the rating is a dislike.
std::optional<Figure> RatingLevelFigure(std::uint8_t satisfaction);
bool IsDislike(std::uint8_t satisfaction, bool complaint);

// How a resolved dossier is classified (the definitions above).
struct Resolution {
  bool on_time = false;  // Decision 766
  enum class ByDate : std::uint8_t { kEarly, kOnTheDay, kLate } by_date = ByDate::kLate;
};
Resolution ClassifyResolution(std::int64_t end_at, std::int64_t appointment_at,
                              std::uint8_t supplement_requests, VietnamDays& days);

// Counts per procedure: row i is catalog procedure i; the last row holds
// dossiers whose procedure is not in the catalog. When codes are kept, each
// count has the indices (into the source's dossier list) of its dossiers.
class FigureCounts {
 public:
  using Row = std::array<std::uint32_t, kFigures>;

  FigureCounts(std::size_t procedures, bool keep_codes);

  std::size_t rows() const { return rows_.size(); }
  std::size_t unknown_row() const { return rows_.size() - 1; }
  // The row of a catalog index; the unknown row for one out of range.
  std::size_t RowOf(std::uint32_t procedure) const {
    return procedure < rows_.size() - 1 ? procedure : rows_.size() - 1;
  }

  const Row& row(std::size_t r) const { return rows_[r]; }
  std::uint32_t Get(std::size_t r, Figure f) const { return rows_[r][Index(f)]; }
  std::uint32_t Total(Figure f) const;

  void Add(std::size_t r, Figure f, std::uint32_t dossier) {
    ++rows_[r][Index(f)];
    if (keep_codes_) codes_[r * kFigures + Index(f)].push_back(dossier);
  }
  void AddCount(std::size_t r, Figure f, std::uint32_t n) { rows_[r][Index(f)] += n; }
  // For tight loops (count_figures.cc): the row's counters, and a count's
  // dossier list (only when codes are kept).
  Row& MutableRow(std::size_t r) { return rows_[r]; }
  std::vector<std::uint32_t>& MutableDossiers(std::size_t r, Figure f) {
    return codes_[r * kFigures + Index(f)];
  }

  bool keeps_codes() const { return keep_codes_; }
  const std::vector<std::uint32_t>& Dossiers(std::size_t r, Figure f) const {
    return codes_[r * kFigures + Index(f)];
  }

 private:
  std::vector<Row> rows_;
  bool keep_codes_;
  std::vector<std::vector<std::uint32_t>> codes_;
};

}  // namespace motcua::metrics

#endif  // MOTCUA_ADAPTERS_METRICS_FIGURES_H_
