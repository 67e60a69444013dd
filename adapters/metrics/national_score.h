// The national score (Decision 766/QĐ-TTg), for comparison: the groups the
// event log can tell, scored with the decision's threshold rule
// (docs/domain.md "The national score"): a ratio at or above its threshold
// earns the group's full points, below it ratio × max / threshold.
//
//   group            max  threshold  ratio
//   transparency      18      -      not from the log (publication on the
//                                    portal): never computed
//   progress          20     80%     resolved_on_time
//   online_dossiers   12     50%     remote_online_use
//   online_payment    10     80%     online_payment
//   digitization      22     80%     digitized
//   satisfaction      18     90%     1 - (late + dissatisfied), floored at 0;
//                                    late = (resolved - on time) / resolved,
//                                    dissatisfied = rated dissatisfied or with
//                                    a complaint / rated
// A group whose rate has no denominator in the period is not computed (no
// data is not a zero). `points` sums the computed groups, out of
// `max_points_computed`.
//
// Pure; safe to call concurrently on different messages.
#ifndef MOTCUA_ADAPTERS_METRICS_NATIONAL_SCORE_H_
#define MOTCUA_ADAPTERS_METRICS_NATIONAL_SCORE_H_

#include "motcua/v1/stats.pb.h"

namespace motcua::metrics {

// The threshold rule.
double ScorePoints(double ratio, double threshold, double max_points);

// Fills stats.national_score's groups and totals from the rates and from
// national_score.late / .dissatisfied, which must already be set.
void ScoreNationally(v1::Statistics& stats);

}  // namespace motcua::metrics

#endif  // MOTCUA_ADAPTERS_METRICS_NATIONAL_SCORE_H_
