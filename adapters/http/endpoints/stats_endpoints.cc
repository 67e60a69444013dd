#include "adapters/http/endpoints/stats_endpoints.h"

#include <charconv>
#include <set>
#include <string_view>

#include "adapters/export/history_import.h"
#include "adapters/export/portal_sync.h"
#include "adapters/export/stats_csv.h"
#include "adapters/export/stats_json.h"
#include "adapters/export/stats_table.h"
#include "adapters/export/stats_xlsx.h"
#include "adapters/counters/monthly_rates.h"
#include "adapters/counters/step_holder_figures.h"
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

// Offered to save as, e.g. "thong-ke-2025-03-01-2025-03-31.xlsx" (ASCII:
// every browser keeps it as given).
std::string FileName(const v1::Statistics& stats, std::string_view extension) {
  return "thong-ke-" + stats.from() + "-" + stats.to() + "." + std::string(extension);
}

Response Download(Response res, const std::string& file_name) {
  res.set(bhttp::field::content_disposition, "attachment; filename=\"" + file_name + "\"");
  return res;
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
                   const ReplyTo& to, const HolderSources& holders) {
  auto period = PeriodParams(route);
  if (!period.ok()) return ErrorResponse(period.status(), to);
  const std::string format = route.Param("format").value_or("");
  if (format != "" && format != "json" && format != "csv" && format != "table" &&
      format != "xlsx") {
    return ErrorResponse(BadParam("format", "phải là json, csv, table hoặc xlsx, không phải '" +
                                                QuoteForMessage(format) + "'"),
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
  // Only the message carries them: the CSV, the table and the workbook have no
  // place for them, so they are not read for those.
  const bool message = format == "" || format == "json";
  if (message && holders.calendar != nullptr) {
    auto rows = counters::ResolvedByHolder(db, catalog, *holders.calendar, *period, holders.officer_of);
    if (!rows.ok()) return ErrorResponse(rows.status(), to);
    for (v1::HolderRow& row : *rows) *stats->add_by_holder() = std::move(row);
    auto steps = counters::StepsByHolder(db, *period, holders.officer_of);
    if (!steps.ok()) return ErrorResponse(steps.status(), to);
    for (v1::StepHolderRow& row : *steps) *stats->add_by_step_holder() = std::move(row);
  }

  if (format == "csv") {
    return Download(DocumentResponse(exporter::StatisticsToCsv(*stats), "text/csv; charset=utf-8", to),
                    FileName(*stats, "csv"));
  }
  if (format == "xlsx") {
    auto workbook = exporter::StatisticsToXlsx(*stats);
    if (!workbook.ok()) return ErrorResponse(workbook.status(), to);
    return Download(DocumentResponse(std::move(*workbook), exporter::kXlsxContentType, to),
                    FileName(*stats, "xlsx"));
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

Response StatsTrendRead(sqlite::Database& db, const catalog::Catalog& catalog,
                        const runtime::StatsContext& context, const api::Route& route, Instant now,
                        const ReplyTo& to) {
  LocalDays last = cal::floor<cal::days>(ToVietnam(now));
  if (auto text = route.Param("to")) {
    auto day = ParseDate(*text);
    if (!day.ok()) return ErrorResponse(BadParam("to", "phải là một ngày YYYY-MM-DD"), to);
    last = *day;
  }
  int months = 12;
  if (auto text = route.Param("months")) {
    const char* end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, months);
    if (ec != std::errc() || ptr != end) {
      return ErrorResponse(BadParam("months", "phải là một số tháng"), to);
    }
  }
  metrics::StatisticsOptions options;
  options.unit = context.unit_name;
  options.generated_at = now;
  auto trend = counters::MonthlyRates(db, catalog, last, months, options);
  if (!trend.ok()) return ErrorResponse(trend.status(), to);
  if (context.targets) {
    for (v1::Statistics& month : *trend->mutable_months()) {
      metrics::EvaluateTargets(*context.targets, month);
    }
  }
  return Rendered(*trend, to);
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
