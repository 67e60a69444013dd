// CountFigures: the full recompute. One pass over a FactsTable counts every
// figure of figures.h for a period, per procedure, reading each dossier's
// facts as of the period's end.
//
// Facts from the exact source (fact_sources.h, FactsFromLog) hold nothing
// after the end. Facts from the live engine may: a receipt, end, return,
// rating or pause dated at or after the end is read as not yet happened, so
// every additive figure, carried_over and in_progress are exact from either
// source. What the live facts cannot tell is how a dossier in progress at a
// past period end stood then: if its appointment moved after the end (a
// supplement, a fee payment or a calendar change), or a pause that had begun
// before the end has since ended, its within/overdue and waiting columns
// follow today's facts. For a period ending now or later both sources agree
// on everything.
//
// Pure; safe to call concurrently on the same const table.
#ifndef MOTCUA_ADAPTERS_METRICS_COUNT_FIGURES_H_
#define MOTCUA_ADAPTERS_METRICS_COUNT_FIGURES_H_

#include <cstddef>

#include "adapters/metrics/dossier_facts.h"
#include "adapters/metrics/figures.h"
#include "adapters/metrics/period.h"

namespace motcua::metrics {

struct CountOptions {
  bool keep_codes = false;  // record which dossiers make each count
  bool additive = true;     // count the additive figures
  bool stock = true;        // count the stock figures
};

// `procedures` is the catalog's size (FigureCounts' rows).
FigureCounts CountFigures(const FactsTable& table, std::size_t procedures, const Period& period,
                          const CountOptions& options = {});

}  // namespace motcua::metrics

#endif  // MOTCUA_ADAPTERS_METRICS_COUNT_FIGURES_H_
