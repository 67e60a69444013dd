// The focal point's commands: statistics, the national portal's export, and
// importing history.
//
//   $ motcua stats --from 2024-01-01 --to 2024-03-31                 (table)
//   $ motcua stats --from 2024-03-01 --to 2024-03-31 --format csv > q1.csv
//   $ motcua stats --from 2024-03-01 --to 2024-03-31 --format json --codes
//   $ motcua stats ... --targets ke-hoach-2025.json   (judge another plan)
//   $ motcua export-portal --from 2024-03-01 --to 2024-03-31 --out dvc.json
//   $ motcua import lich-su-2023.jsonl                                (admin)
//
// The server computes (GET /v1/stats answers v1.Statistics); the client
// renders the table, JSON or CSV with the same code the daily export uses.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "adapters/export/atomic_file.h"
#include "adapters/export/stats_csv.h"
#include "adapters/export/stats_json.h"
#include "adapters/export/stats_table.h"
#include "adapters/http/body_codec.h"
#include "adapters/http/route.h"
#include "adapters/metrics/period.h"
#include "adapters/metrics/targets.h"
#include "motcua/v1/stats.pb.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"
#include "tools/motcua/server_client.h"

namespace motcua::cli {

namespace {

using Tokens = std::vector<std::string>;

// The period's query string, checked here so a typo is a usage error.
Result<std::string> PeriodQuery(const Args& args) {
  MOTCUA_ASSIGN_OR_RETURN(std::string from, args.Require("from"));
  MOTCUA_ASSIGN_OR_RETURN(std::string to, args.Require("to"));
  MOTCUA_RETURN_IF_ERROR(metrics::MakePeriod(from, to).status());
  return "from=" + http::PercentEncode(from) + "&to=" + http::PercentEncode(to);
}

// GET `target` as binary protobuf into `out`.
template <class M>
Result<M> GetMessage(http::ApiClient& client, const std::string& target) {
  http::HttpClient::Call call;
  call.method = http::bhttp::verb::get;
  call.target = target;
  call.headers = {{"Accept", std::string(http::kProtobufType)}};
  MOTCUA_ASSIGN_OR_RETURN(http::HttpReply reply, client.Fetch(std::move(call), /*may_retry=*/true));
  M message;
  if (!message.ParseFromString(reply.body)) {
    return Status(Error::kInternal, "không đọc được câu trả lời của máy chủ");
  }
  return message;
}

int RunStats(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {"from", "to", "format", "targets"}, .flags = {"codes"},
                     .min_positional = 0, .max_positional = 0};
  auto args = Args::Parse(tokens, spec);
  if (!args.ok()) return Fail(ctx, args.status().message(), kUsage);
  auto query = PeriodQuery(*args);
  if (!query.ok()) return Fail(ctx, query.status().message(), kUsage);
  const std::string format = args->Get("format").value_or("table");
  if (format != "table" && format != "json" && format != "csv") {
    return Fail(ctx, "--format phải là table, json hoặc csv", kUsage);
  }
  std::optional<v1::Targets> targets;
  if (auto file = args->Get("targets")) {
    auto loaded = metrics::LoadTargets(*file);
    if (!loaded.ok()) return Fail(ctx, loaded.status().message(), kUsage);
    targets = std::move(*loaded);
  }
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  auto stats = GetMessage<v1::Statistics>(
      **client, "/v1/stats?" + *query + (args->Has("codes") ? "&codes=1" : ""));
  if (!stats.ok()) return FailCall(ctx, **client, stats.status());
  // A plan given here replaces the server's.
  if (targets) metrics::EvaluateTargets(*targets, *stats);

  if (format == "json") {
    auto json = exporter::StatisticsToJson(*stats);
    if (!json.ok()) return Fail(ctx, json.status().message());
    *ctx.out << *json << "\n";
  } else if (format == "csv") {
    *ctx.out << exporter::StatisticsToCsv(*stats);
  } else {
    *ctx.out << exporter::StatisticsToTable(*stats);
  }
  return 0;
}

int RunExportPortal(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {"from", "to", "out"}, .flags = {}, .min_positional = 0,
                     .max_positional = 0};
  auto args = Args::Parse(tokens, spec);
  if (!args.ok()) return Fail(ctx, args.status().message(), kUsage);
  auto query = PeriodQuery(*args);
  if (!query.ok()) return Fail(ctx, query.status().message(), kUsage);
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  auto batch = GetMessage<v1::PortalSyncBatch>(**client, "/v1/export/portal?" + *query);
  if (!batch.ok()) return FailCall(ctx, **client, batch.status());
  auto json = exporter::ToJson(*batch, /*pretty=*/true);
  if (!json.ok()) return Fail(ctx, json.status().message());
  if (auto out = args->Get("out")) {
    if (Status s = exporter::WriteFileAtomically(*out, *json + "\n"); !s.ok()) {
      return Fail(ctx, s.message());
    }
    *ctx.out << "Đã ghi " << batch->dossiers_size() << " hồ sơ vào " << *out << "\n";
  } else {
    *ctx.out << *json << "\n";
  }
  return 0;
}

int RunImport(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {}, .flags = {}, .min_positional = 1, .max_positional = 1};
  auto args = Args::Parse(tokens, spec);
  if (!args.ok()) return Fail(ctx, args.status().message(), kUsage);
  const std::string& path = args->positional()[0];
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ctx, "không đọc được tệp " + path, kUsage);
  std::ostringstream text;
  text << in.rdbuf();
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);

  http::HttpClient::Call call;
  call.method = http::bhttp::verb::post;
  call.target = "/v1/import";
  call.headers = {{"Content-Type", "application/x-ndjson"},
                  {"Accept", std::string(http::kProtobufType)}};
  call.body = text.str();
  // Never sent twice: a lost reply leaves the officer to check, not a
  // second import racing the first (the second would fail on its first line).
  auto reply = (*client)->Fetch(std::move(call), /*may_retry=*/false);
  if (!reply.ok()) return FailCall(ctx, **client, Status(reply.status().code(), path + ": " + reply.status().message()));
  v1::ImportReply imported;
  if (!imported.ParseFromString(reply->body)) {
    return Fail(ctx, "không đọc được câu trả lời của máy chủ");
  }
  *ctx.out << "Đã nhập " << imported.events() << " sự kiện của " << imported.dossiers()
           << " hồ sơ (sự kiện số " << imported.first_seq() << "–" << imported.last_seq()
           << ").\n";
  return 0;
}

}  // namespace

void AddStatsCommands(CommandTable& table) {
  table.push_back({"stats",
                   "stats --from YYYY-MM-DD --to YYYY-MM-DD [--format table|json|csv] "
                   "[--targets FILE] [--codes]   thống kê, so với kế hoạch",
                   RunStats});
  table.push_back({"export-portal",
                   "export-portal --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE]   "
                   "dữ liệu đồng bộ Cổng DVC quốc gia",
                   RunExportPortal});
  table.push_back({"import", "import FILE.jsonl   nhập lịch sử hồ sơ (quản trị; cả tệp hoặc không gì)",
                   RunImport});
}

}  // namespace motcua::cli
