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
#include "adapters/api/body_codec.h"
#include "adapters/api/route.h"
#include "adapters/metrics/period.h"
#include "adapters/metrics/targets.h"
#include "engine/base/quote.h"
#include "motcua/v1/stats.pb.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"
#include "tools/motcua/server_client.h"

namespace motcua::cli {

namespace {

// The period's query string, checked here so a typo is a usage error.
Result<std::string> PeriodQuery(const Args& args) {
  MOTCUA_ASSIGN_OR_RETURN(std::string from, args.Require("from"));
  MOTCUA_ASSIGN_OR_RETURN(std::string to, args.Require("to"));
  MOTCUA_RETURN_IF_ERROR(metrics::MakePeriod(from, to).status());
  return "from=" + api::PercentEncode(from) + "&to=" + api::PercentEncode(to);
}

// GET `target` as binary protobuf into `out`.
template <class M>
Result<M> GetMessage(client::ApiClient& client, const std::string& target) {
  client::HttpClient::Call call;
  call.method = bhttp::verb::get;
  call.target = target;
  call.headers = {{"Accept", std::string(api::kProtobufType)}};
  MOTCUA_ASSIGN_OR_RETURN(client::HttpReply reply, client.Fetch(std::move(call), /*may_retry=*/true));
  M message;
  if (!message.ParseFromString(reply.body)) {
    return Status(Error::kInternal, "không đọc được câu trả lời của máy chủ");
  }
  return message;
}

int RunStats(const Context& ctx, const Args& args) {
  auto query = PeriodQuery(args);
  if (!query.ok()) return Fail(ctx, query.status().message(), kUsage);
  const std::string format = args.Get("format").value_or("table");
  std::optional<v1::Targets> targets;
  if (auto file = args.Get("targets")) {
    auto loaded = metrics::LoadTargets(*file);
    if (!loaded.ok()) return Fail(ctx, loaded.status().message(), kUsage);
    targets = std::move(*loaded);
  }
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  auto stats = GetMessage<v1::Statistics>(
      **client, "/v1/stats?" + *query + (args.Has("codes") ? "&codes=1" : ""));
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

int RunExportPortal(const Context& ctx, const Args& args) {
  auto query = PeriodQuery(args);
  if (!query.ok()) return Fail(ctx, query.status().message(), kUsage);
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  auto batch = GetMessage<v1::PortalSyncBatch>(**client, "/v1/export/portal?" + *query);
  if (!batch.ok()) return FailCall(ctx, **client, batch.status());
  auto json = exporter::ToJson(*batch, /*pretty=*/true);
  if (!json.ok()) return Fail(ctx, json.status().message());
  if (auto out = args.Get("out")) {
    if (Status s = exporter::WriteFileAtomically(*out, *json + "\n"); !s.ok()) {
      return Fail(ctx, s.message());
    }
    *ctx.out << "Đã ghi " << batch->dossiers_size() << " hồ sơ vào " << QuoteForMessage(*out, kQuotedPathMaxBytes) << "\n";
  } else {
    *ctx.out << *json << "\n";
  }
  return 0;
}

int RunImport(const Context& ctx, const Args& args) {
  const std::string& path = args.positional()[0];
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ctx, "không đọc được tệp " + QuoteForMessage(path, kQuotedPathMaxBytes), kUsage);
  std::ostringstream text;
  text << in.rdbuf();
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);

  client::HttpClient::Call call;
  call.method = bhttp::verb::post;
  call.target = "/v1/import";
  call.headers = {{"Content-Type", "application/x-ndjson"},
                  {"Accept", std::string(api::kProtobufType)}};
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
  const std::vector<OptionSpec> period = {
      TextOption("from", "YYYY-MM-DD", "ngày đầu của kỳ (bắt buộc)"),
      TextOption("to", "YYYY-MM-DD", "ngày cuối của kỳ (bắt buộc)"),
  };
  std::vector<OptionSpec> stats = period;
  stats.push_back(ChoiceOption("format", "table|json|csv",
                               "bảng để đọc (mặc định), JSON, hoặc CSV cho bảng tính"));
  stats.push_back(FileOption("targets", "so với kế hoạch trong TỆP thay cho kế hoạch của máy chủ"));
  stats.push_back(FlagOption("codes", "kèm mã các hồ sơ được đếm trong từng số liệu"));
  table.push_back({.name = "stats",
                   .summary = "thống kê kết quả giải quyết hồ sơ trong kỳ, so với kế hoạch",
                   .usage = "--from YYYY-MM-DD --to YYYY-MM-DD [TÙY CHỌN]",
                   .positionals = {},
                   .options = stats,
                   .run = RunStats});
  std::vector<OptionSpec> portal = period;
  portal.push_back(FileOption("out", "ghi vào TỆP (mặc định: in ra màn hình)"));
  table.push_back({.name = "export-portal",
                   .summary = "dữ liệu đồng bộ lên Cổng DVC quốc gia (quản trị)",
                   .usage = "--from YYYY-MM-DD --to YYYY-MM-DD [--out TỆP]",
                   .positionals = {},
                   .options = portal,
                   .run = RunExportPortal});
  table.push_back({.name = "import",
                   .summary = "nhập lịch sử hồ sơ từ tệp JSONL (quản trị; cả tệp hoặc không gì)",
                   .usage = "TỆP.jsonl",
                   .positionals = {{.name = "TỆP.jsonl",
                                    .help = "mỗi dòng một sự kiện JSON, theo thứ tự thời gian",
                                    .required = true,
                                    .kind = ValueKind::kFile}},
                   .options = {},
                   .run = RunImport});
}

}  // namespace motcua::cli
