#include "adapters/metrics/figures.h"

#include "motcua/v1/dossier.pb.h"

namespace motcua::metrics {

namespace {

constexpr std::array<std::string_view, kFigures> kNames = {
    "received_online",
    "received_counter",
    "received_post",
    "resolved",
    "resolved_on_time",
    "resolved_early",
    "resolved_on_the_day",
    "resolved_late",
    "resolved_electronic_result",
    "withdrawn",
    "stopped",
    "ended",
    "ended_with_fee",
    "ended_paid_online",
    "ended_reused",
    "ended_digitized",
    "completed",
    "completed_handed_over",
    "completed_all_electronic",
    "completed_fully_online",
    "rated",
    "rated_dissatisfied",
    "rated_level_very_satisfied",
    "rated_level_satisfied",
    "rated_level_acceptable",
    "rated_level_dissatisfied",
    "rated_level_very_dissatisfied",
    "received_intake_late",
    "ended_supplement_late",
    "carried_over",
    "in_progress",
    "in_progress_within_deadline",
    "in_progress_overdue",
    "waiting_for_supplement",
};

}  // namespace

std::string_view FigureName(Figure f) { return kNames[Index(f)]; }

std::optional<Figure> FigureFromName(std::string_view name) {
  for (std::size_t i = 0; i < kFigures; ++i) {
    if (kNames[i] == name) return static_cast<Figure>(i);
  }
  return std::nullopt;
}

std::optional<Figure> RatingLevelFigure(std::uint8_t satisfaction) {
  switch (satisfaction) {
    case v1::SATISFACTION_VERY_SATISFIED: return Figure::kRatedLevelVerySatisfied;
    case v1::SATISFACTION_SATISFIED: return Figure::kRatedLevelSatisfied;
    case v1::SATISFACTION_ACCEPTABLE: return Figure::kRatedLevelAcceptable;
    case v1::SATISFACTION_DISSATISFIED: return Figure::kRatedLevelDissatisfied;
    case v1::SATISFACTION_VERY_DISSATISFIED: return Figure::kRatedLevelVeryDissatisfied;
    default: return std::nullopt;
  }
}

bool IsDislike(std::uint8_t satisfaction, bool complaint) {
  return complaint || satisfaction == v1::SATISFACTION_DISSATISFIED ||
         satisfaction == v1::SATISFACTION_VERY_DISSATISFIED;
}

Resolution ClassifyResolution(std::int64_t end_at, std::int64_t appointment_at,
                              std::uint8_t supplement_requests, VietnamDays& days) {
  Resolution r;
  if (supplement_requests >= 2) return r;  // late on both counts, whatever the times
  r.on_time = end_at <= appointment_at;
  const LocalDays end_day = days.DayOf(end_at);
  const LocalDays due_day = days.DayOf(appointment_at);
  r.by_date = end_day < due_day    ? Resolution::ByDate::kEarly
              : end_day == due_day ? Resolution::ByDate::kOnTheDay
                                   : Resolution::ByDate::kLate;
  return r;
}

FigureCounts::FigureCounts(std::size_t procedures, bool keep_codes)
    : rows_(procedures + 1, Row{}), keep_codes_(keep_codes) {
  if (keep_codes_) codes_.resize(rows_.size() * kFigures);
}

std::uint32_t FigureCounts::Total(Figure f) const {
  std::uint32_t total = 0;
  for (const Row& r : rows_) total += r[Index(f)];
  return total;
}

}  // namespace motcua::metrics
