#include "adapters/http/endpoints/stats_endpoints.h"

#include <set>

#include "adapters/export/history_import.h"
#include "adapters/export/portal_sync.h"
#include "adapters/export/stats_csv.h"
#include "adapters/export/stats_json.h"
#include "adapters/export/stats_table.h"
#include "adapters/counters/store_statistics.h"
#include "adapters/metrics/targets.h"
#include "engine/base/quote.h"

namespace motcua::http {

namespace {

Status BadParam(const std::string& name, const std::string& why) {
  return Status(Error::kInvalidArgument, "tham số " + name + " " + why);
}

// JSON with the schema's json_names (the portal's "MaHoSo", the plan's
// "resolved_on_time"), or binary protobuf when the client asked for it.
Response Rendered(const google::protobuf::Message& message, const ReplyTo& to) {
  if (to.format == api::BodyFormat::kProtobuf) return MessageResponse(message, to);
  auto json = exporter::ToJson(message, /*pretty=*/true);
  if (!json.ok()) return ErrorResponse(json.status(), to);
  return DocumentResponse(*json + "\n", "application/json; charset=utf-8", to);
}

}  // namespace

Result<metrics::Period> PeriodParams(const api::Route& route) {
  const std::optional<std::string> from = route.Param("from");
  const std::optional<std::string> to = route.Param("to");
  if (!from) return BadParam("from", "là bắt buộc (YYYY-MM-DD)");
  if (!to) return BadParam("to", "là bắt buộc (YYYY-MM-DD)");
  return metrics::MakePeriod(*from, *to);
}

Response StatsRead(sqlite::Database& db, const catalog::Catalog& catalog,
                   const runtime::StatsContext& context, const api::Route& route, Instant now,
                   const ReplyTo& to) {
  auto period = PeriodParams(route);
  if (!period.ok()) return ErrorResponse(period.status(), to);
  const std::string format = route.Param("format").value_or("");
  if (format != "" && format != "json" && format != "csv" && format != "table") {
    return ErrorResponse(
        BadParam("format",
                 "phải là json, csv hoặc table, không phải '" + QuoteForMessage(format) + "'"),
        to);
  }
  const std::string codes = route.Param("codes").value_or("0");
  if (codes != "0" && codes != "1") {
    return ErrorResponse(BadParam("codes", "phải là 0 hoặc 1"), to);
  }
  metrics::StatisticsOptions options;
  options.with_codes = codes == "1";
  options.unit = context.unit_name;
  options.generated_at = now;
  auto stats = counters::StatisticsFromStore(db, catalog, *period, now, options);
  if (!stats.ok()) return ErrorResponse(stats.status(), to);
  if (context.targets) metrics::EvaluateTargets(*context.targets, *stats);

  if (format == "csv") {
    return DocumentResponse(exporter::StatisticsToCsv(*stats), "text/csv; charset=utf-8", to);
  }
  if (format == "table") {
    return DocumentResponse(exporter::StatisticsToTable(*stats), "text/plain; charset=utf-8", to);
  }
  if (format == "json") {
    ReplyTo json = to;
    json.format = api::BodyFormat::kJson;
    return Rendered(*stats, json);
  }
  return Rendered(*stats, to);
}

Response PortalExportRead(sqlite::Database& db, const catalog::Catalog& catalog,
                          const runtime::StatsContext& context, const api::Route& route, const ReplyTo& to) {
  auto period = PeriodParams(route);
  if (!period.ok()) return ErrorResponse(period.status(), to);
  auto batch = exporter::BuildPortalSync(
      [&db](const auto& visit) { return counters::ReadEvents(db, visit); }, catalog, *period,
      context.unit_code);
  if (!batch.ok()) return ErrorResponse(batch.status(), to);
  return Rendered(*batch, to);
}

Response ImportHistoryNow(const std::string& body, engine::Engine& engine,
                          EventLog& log, const ReplyTo& to) {
  engine::CommitBatch batch;
  exporter::HistoryImport imported = exporter::ImportHistory(body, engine, batch);
  if (!imported.ok()) return ErrorResponse(imported.status, to);
  const std::uint64_t first = log.LastSeq() + 1;
  if (Status s = log.Commit(batch); !s.ok()) {
    engine.Rollback(batch);
    return ErrorResponse(s, to);
  }
  std::set<std::string> dossiers;
  for (const engine::PendingEvent& e : batch.events) dossiers.insert(e.event.dossier_code());
  engine.Committed(batch);
  v1::ImportReply reply;
  reply.set_events(static_cast<std::uint32_t>(imported.events));
  reply.set_dossiers(static_cast<std::uint32_t>(dossiers.size()));
  reply.set_first_seq(first);
  reply.set_last_seq(log.LastSeq());
  return MessageResponse(reply, to);
}

}  // namespace motcua::http
