// The commune's own records of its dossiers, printed from the server:
//
//   $ motcua slip MÃ_HS [--html TỆP]    the process-control slip (Mẫu 05):
//                                       every hand-over and each step's timing
//   $ motcua book --from D --to D [--format text|html|csv]
//                                       the tracking book (Mẫu 06) of the
//                                       dossiers received on those days
#include <optional>
#include <string>

#include "adapters/api/route.h"
#include "adapters/client/api_client.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"
#include "tools/motcua/letter_printing.h"
#include "tools/motcua/server_client.h"

namespace motcua::cli {

namespace {

int RunSlip(const Context& ctx, const Args& args) {
  const std::optional<std::string> html_file = args.Get("html");
  if (html_file) {
    if (Status s = CheckHtmlTarget(*html_file); !s.ok()) return Fail(ctx, s.message(), kUsage);
  }
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  return PrintLetter(ctx, **client, args.positional()[0], "slip", html_file);
}

int RunBook(const Context& ctx, const Args& args) {
  auto from = args.Require("from");
  if (!from.ok()) return Fail(ctx, from.status().message(), kUsage);
  auto to = args.Require("to");
  if (!to.ok()) return Fail(ctx, to.status().message(), kUsage);
  const std::string format = args.Get("format").value_or("text");
  if (format != "text" && format != "html" && format != "csv") {
    return Fail(ctx, "--format: cần text, html hoặc csv", kUsage);
  }
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  client::HttpClient::Call call;
  call.method = bhttp::verb::get;
  call.target = "/v1/book?from=" + api::PercentEncode(*from) + "&to=" + api::PercentEncode(*to) +
                "&format=" + format;
  auto reply = (*client)->Fetch(std::move(call), /*may_retry=*/true);
  if (!reply.ok()) return FailCall(ctx, **client, reply.status());
  *ctx.out << reply->body;
  return 0;
}

}  // namespace

void AddProcessCommands(CommandTable& table) {
  table.push_back({.name = "slip",
                   .summary = "in phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)",
                   .usage = "MÃ_HS [--html TỆP]",
                   .positionals = {{.name = "MÃ_HS", .help = "mã hồ sơ"}},
                   .options = {FileOption("html", "lưu thêm bản in HTML (khổ A4) vào TỆP")},
                   .run = RunSlip});
  table.push_back(
      {.name = "book",
       .summary = "in sổ theo dõi hồ sơ (Mẫu 06) của các hồ sơ tiếp nhận trong kỳ",
       .usage = "--from YYYY-MM-DD --to YYYY-MM-DD [--format text|html|csv]",
       .positionals = {},
       .options = {TextOption("from", "YYYY-MM-DD", "ngày đầu (theo giờ Việt Nam, bắt buộc)"),
                   TextOption("to", "YYYY-MM-DD", "ngày cuối, tính cả ngày này (bắt buộc)"),
                   TextOption("format", "text|html|csv",
                              "text (mặc định), html để in khổ A4 ngang, csv cho bảng tính")},
       .run = RunBook});
}

}  // namespace motcua::cli
