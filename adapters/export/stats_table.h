// Statistics as a plain-text table for people, in Vietnamese: the rates
// beside the plan's targets, the periodic report per procedure and in total
// (with a legend of the short column names), and the national score; when
// the statistics carry codes, the dossier codes behind each figure last.
// Columns line up on a fixed-width terminal (letters/utf8.h widths).
//
// Pure; safe from any thread.
#ifndef MOTCUA_ADAPTERS_EXPORT_STATS_TABLE_H_
#define MOTCUA_ADAPTERS_EXPORT_STATS_TABLE_H_

#include <string>

#include "motcua/v1/stats.pb.h"

namespace motcua::exporter {

std::string StatisticsToTable(const v1::Statistics& stats);

}  // namespace motcua::exporter

#endif  // MOTCUA_ADAPTERS_EXPORT_STATS_TABLE_H_
