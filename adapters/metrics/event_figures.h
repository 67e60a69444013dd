// EventFigures: the incremental side of figures.h. For one committed event
// and the dossier's state right after it, the additive figures the event
// adds on its own Vietnam day. The per-day counters are written from this;
// CountFigures (count_figures.h) is the independent full recompute they are
// tested against.
//
// Pure; a VietnamDays is per caller.
#ifndef MOTCUA_ADAPTERS_METRICS_EVENT_FIGURES_H_
#define MOTCUA_ADAPTERS_METRICS_EVENT_FIGURES_H_

#include <vector>

#include "adapters/metrics/figures.h"
#include "engine/dossier/dossier_state.h"
#include "motcua/v1/event.pb.h"

namespace motcua::metrics {

// Appends to `out` (not cleared) the figures `event` adds.
void EventFigures(const v1::Event& event, const dossier::DossierState& after, VietnamDays& days,
                  std::vector<Figure>& out);

}  // namespace motcua::metrics

#endif  // MOTCUA_ADAPTERS_METRICS_EVENT_FIGURES_H_
