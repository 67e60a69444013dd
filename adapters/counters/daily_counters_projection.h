// DailyCountersProjection: the per-day counters behind the daily export.
//
//   daily_counters(day, procedure, counter, value)
//     day        the Vietnam date of the event that counted, YYYY-MM-DD
//     procedure  the dossier's procedure code
//     counter    an additive figure's name (figures.h), e.g. "resolved_late"
//   monthly_counters(month, procedure, counter, value)
//     month      YYYY-MM, the days' prefix: the sum of that month's day rows
//
// Each committed event adds the figures EventFigures gives it to its own
// day's rows and its month's, in the commit transaction; a past day's rows
// therefore never change (except by importing history dated that day), and
// any period's additive figures are a range sum (daily_counters_reader.h):
// its whole months from the month rows, the days before and after them from
// the day rows.
//
// The procedure is the one the engine gives each event
// (PendingEvent::procedure_code). Only for a procedure the catalog does not
// know (folding an old log) is it taken from the events that carry it, or
// else read from the `dossiers` table of DossierProjection.
//
// The increments of a transaction are summed in memory and written at
// Flush, one upsert per (day, procedure, counter) instead of one per figure
// of every event (tools/bench ingest and replay).
// Not thread-safe (a Projection, projection.h).
#ifndef MOTCUA_ADAPTERS_COUNTERS_DAILY_COUNTERS_PROJECTION_H_
#define MOTCUA_ADAPTERS_COUNTERS_DAILY_COUNTERS_PROJECTION_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "adapters/metrics/figures.h"
#include "adapters/metrics/period.h"
#include "adapters/sqlite/projection.h"

namespace motcua::counters {

class DailyCountersProjection final : public sqlite::Projection {
 public:
  std::string_view component() const override { return "daily_counters"; }
  std::vector<std::string> migrations() const override;
  std::vector<sqlite::TableSpec> tables() const override;
  Status Prepare(sqlite::Database& db) override;
  Status Apply(const engine::PendingEvent& pending) override;
  Status Flush() override;
  void Discard() override;

 private:
  Result<std::string> ProcedureOf(const engine::PendingEvent& pending);

  std::unique_ptr<sqlite::Statement> add_;
  std::unique_ptr<sqlite::Statement> add_month_;
  std::unique_ptr<sqlite::Statement> procedure_;
  metrics::VietnamDays days_;
  std::vector<metrics::Figure> figures_;  // reused per event
  // This transaction's increments, by (day, procedure, counter).
  std::map<std::tuple<LocalDays, std::string, metrics::Figure>, std::int64_t> increments_;
  // Procedures named by this transaction's events, for codes whose
  // procedure the catalog does not know (their rows may not be written yet).
  std::unordered_map<std::string, std::string> named_procedures_;
};

}  // namespace motcua::counters

#endif  // MOTCUA_ADAPTERS_COUNTERS_DAILY_COUNTERS_PROJECTION_H_
