#include "adapters/metrics/event_figures.h"

#include "adapters/metrics/dossier_facts.h"

namespace motcua::metrics {

namespace {

using K = v1::Event::KindCase;

// Processing ended: what the dossier's facts say at the end (nothing about
// fees, documents or the result can change after it).
void Ended(const dossier::DossierState& s, std::vector<Figure>& out) {
  out.push_back(Figure::kEnded);
  if (s.fee_vnd > 0) {
    out.push_back(Figure::kEndedWithFee);
    if (s.payment_method == v1::PAYMENT_METHOD_NATIONAL_PORTAL ||
        s.payment_method == v1::PAYMENT_METHOD_PROVINCIAL_GATEWAY) {
      out.push_back(Figure::kEndedPaidOnline);
    }
  }
  if (s.documents_reused) out.push_back(Figure::kEndedReused);
  if (s.supplement_requested_late) out.push_back(Figure::kEndedSupplementLate);
  if (s.documents_digitized && s.result_kind != v1::RESULT_KIND_PAPER) {
    out.push_back(Figure::kEndedDigitized);
  }
}

// The circulation is over: no handover can follow.
void Completed(const dossier::DossierState& s, std::vector<Figure>& out) {
  out.push_back(Figure::kCompleted);
  if (s.handovers > 0) {
    out.push_back(Figure::kCompletedHandedOver);
    if (s.all_handovers_electronic) out.push_back(Figure::kCompletedAllElectronic);
  }
  if (s.status == v1::STATUS_RETURNED && s.channel == v1::CHANNEL_ONLINE &&
      (s.return_method == v1::RETURN_METHOD_ELECTRONIC ||
       s.return_method == v1::RETURN_METHOD_POST)) {
    out.push_back(Figure::kCompletedFullyOnline);
  }
}

}  // namespace

void EventFigures(const v1::Event& event, const dossier::DossierState& after, VietnamDays& days,
                  std::vector<Figure>& out) {
  switch (event.kind_case()) {
    case K::kReceived:
      out.push_back(after.channel == v1::CHANNEL_ONLINE ? Figure::kReceivedOnline
                    : after.channel == v1::CHANNEL_POST ? Figure::kReceivedPost
                                                        : Figure::kReceivedCounter);
      if (AcceptedLate(after.alerts_raised)) out.push_back(Figure::kReceivedIntakeLate);
      break;
    case K::kResultReady: {
      out.push_back(Figure::kResolved);
      Resolution r = ClassifyResolution(after.end_of_processing_at, after.appointment_at,
                                        after.supplement_requests, days);
      if (r.on_time) out.push_back(Figure::kResolvedOnTime);
      out.push_back(r.by_date == Resolution::ByDate::kEarly      ? Figure::kResolvedEarly
                    : r.by_date == Resolution::ByDate::kOnTheDay ? Figure::kResolvedOnTheDay
                                                                 : Figure::kResolvedLate);
      if (after.result_kind == v1::RESULT_KIND_ELECTRONIC) {
        out.push_back(Figure::kResolvedElectronicResult);
      }
      Ended(after, out);
      break;
    }
    case K::kWithdrawn:
    case K::kStopped:
      // A registration withdrawn before reception was never handled.
      if (after.received_at == 0) break;
      out.push_back(event.kind_case() == K::kWithdrawn ? Figure::kWithdrawn : Figure::kStopped);
      Ended(after, out);
      Completed(after, out);
      break;
    case K::kResultReturned:
      Completed(after, out);
      break;
    case K::kRated:
      out.push_back(Figure::kRated);
      if (IsDislike(after.satisfaction, after.complaint)) out.push_back(Figure::kRatedDissatisfied);
      if (auto level = RatingLevelFigure(after.satisfaction)) out.push_back(*level);
      break;
    default:
      break;
  }
}

}  // namespace motcua::metrics
