#include "adapters/metrics/count_figures.h"

#include "motcua/v1/dossier.pb.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::metrics {

namespace {

bool PaidOnline(std::uint8_t method) {
  return method == v1::PAYMENT_METHOD_NATIONAL_PORTAL ||
         method == v1::PAYMENT_METHOD_PROVINCIAL_GATEWAY;
}

// One pass; kCodes is a template parameter so that the common case (no
// codes) is a plain increment the compiler keeps in registers.
template <bool kCodes>
void Count(const FactsTable& table, const Period& period, const CountOptions& options,
           FigureCounts& counts) {
  const std::int64_t start = period.start_seconds();
  const std::int64_t end = period.end_seconds();
  auto in_period = [&](std::int64_t t) { return t != 0 && t >= start && t < end; };
  VietnamDays days;

  const auto n = static_cast<std::uint32_t>(table.facts.size());
  for (std::uint32_t i = 0; i < n; ++i) {
    const DossierFacts& f = table.facts[i];
    const std::size_t row = counts.RowOf(f.procedure);
    FigureCounts::Row& cells = counts.MutableRow(row);
    auto add = [&](Figure figure) {
      ++cells[Index(figure)];
      if constexpr (kCodes) counts.MutableDossiers(row, figure).push_back(i);
    };

    // Ratings count for any dossier, received or not (a refusal can be rated).
    if (options.additive && f.satisfaction != 0 && in_period(f.last_event_at)) {
      add(Figure::kRated);
      if (IsDislike(f.satisfaction, f.complaint)) add(Figure::kRatedDissatisfied);
      if (auto level = RatingLevelFigure(f.satisfaction)) add(*level);
    }
    if (f.received_at == 0 || f.received_at >= end) continue;  // not handled by the end
    const bool ended = f.end_at != 0 && f.end_at < end;

    if (options.additive) {
      if (f.received_at >= start) {
        add(f.channel == v1::CHANNEL_ONLINE ? Figure::kReceivedOnline
            : f.channel == v1::CHANNEL_POST ? Figure::kReceivedPost
                                            : Figure::kReceivedCounter);
        if (f.intake_late) add(Figure::kReceivedIntakeLate);
      }
      const bool ended_in_period = ended && f.end_at >= start;
      const bool resolved =
          f.status == v1::STATUS_RESULT_READY || f.status == v1::STATUS_RETURNED;
      if (ended_in_period) {
        if (resolved) {
          add(Figure::kResolved);
          Resolution r =
              ClassifyResolution(f.end_at, f.appointment_at, f.supplement_requests, days);
          if (r.on_time) add(Figure::kResolvedOnTime);
          add(r.by_date == Resolution::ByDate::kEarly      ? Figure::kResolvedEarly
              : r.by_date == Resolution::ByDate::kOnTheDay ? Figure::kResolvedOnTheDay
                                                           : Figure::kResolvedLate);
          if (f.result_kind == v1::RESULT_KIND_ELECTRONIC) add(Figure::kResolvedElectronicResult);
        } else if (f.status == v1::STATUS_WITHDRAWN) {
          add(Figure::kWithdrawn);
        } else {
          add(Figure::kStopped);
        }
        add(Figure::kEnded);
        if (f.has_fee) {
          add(Figure::kEndedWithFee);
          if (PaidOnline(f.payment_method)) add(Figure::kEndedPaidOnline);
        }
        if (f.documents_reused) add(Figure::kEndedReused);
        if (f.supplement_late) add(Figure::kEndedSupplementLate);
        if (f.documents_digitized &&
            (f.result_kind == v1::RESULT_KIND_UNSPECIFIED ||
             f.result_kind == v1::RESULT_KIND_ELECTRONIC)) {
          add(Figure::kEndedDigitized);
        }
      }
      const bool returned = f.status == v1::STATUS_RETURNED && in_period(f.returned_at);
      if (returned || (ended_in_period && !resolved)) {
        add(Figure::kCompleted);
        if (f.handed_over) add(Figure::kCompletedHandedOver);
        if (f.all_handovers_electronic) add(Figure::kCompletedAllElectronic);
        if (returned && f.channel == v1::CHANNEL_ONLINE &&
            (f.return_method == v1::RETURN_METHOD_ELECTRONIC ||
             f.return_method == v1::RETURN_METHOD_POST)) {
          add(Figure::kCompletedFullyOnline);
        }
      }
    }

    if (options.stock) {
      if (f.received_at < start && (!ended || f.end_at >= start)) add(Figure::kCarriedOver);
      if (!ended) {
        add(Figure::kInProgress);
        const bool paused = f.paused_at != 0 && f.paused_at < end;
        const std::int64_t clock_stopped = paused ? f.paused_at : end;
        add(f.appointment_at >= clock_stopped ? Figure::kInProgressWithinDeadline
                                              : Figure::kInProgressOverdue);
        if (paused && f.status == v1::STATUS_SUPPLEMENT_REQUESTED) {
          add(Figure::kWaitingForSupplement);
        }
      }
    }
  }
}

}  // namespace

FigureCounts CountFigures(const FactsTable& table, std::size_t procedures, const Period& period,
                          const CountOptions& options) {
  FigureCounts counts(procedures, options.keep_codes);
  if (options.keep_codes) {
    Count<true>(table, period, options, counts);
  } else {
    Count<false>(table, period, options, counts);
  }
  return counts;
}

}  // namespace motcua::metrics
