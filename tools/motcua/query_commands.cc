// The desk's reads: a dossier with its history, lists to work from, the
// catalog, the receipt to print, and the citizen's lookup.
//
//   $ motcua list --holder tuphap01 --due-before "2024-03-20 17:00"
//   $ motcua receipt 000.00.07.H06-240315-0012 --html > giay-tiep-nhan.html
//   $ motcua lookup 000.00.07.H06-240315-0012 --secret 7KQ3M9XA
#include <string>
#include <utility>
#include <vector>

#include "adapters/client/api_client.h"
#include "engine/base/time.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"
#include "tools/motcua/dossier_printing.h"
#include "tools/motcua/server_client.h"

namespace motcua::cli {

namespace {

// Connects, or fails with a usage error (a bad --server); then runs `body`.
template <class Body>
int Call(const Context& ctx, Body body) {
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  return body(**client);
}

int RunShow(const Context& ctx, const Args& args) {
  return Call(ctx, [&](client::ApiClient& client) {
    auto detail = client.Dossier(args.positional()[0]);
    if (!detail.ok()) return FailCall(ctx, client, detail.status());
    PrintDossierDetail(*detail, *ctx.out);
    return 0;
  });
}

int RunList(const Context& ctx, const Args& args) {
  return Call(ctx, [&](client::ApiClient& client) {
    std::vector<std::pair<std::string, std::string>> query;
    for (const char* name : {"status", "procedure", "holder", "limit"}) {
      if (auto v = args.Get(name)) query.emplace_back(name, *v);
    }
    if (auto due = args.Get("due-before")) {
      // Checked here too, so a typo is a usage error, not the server's.
      if (auto t = ParseVietnamMinute(*due); !t.ok()) {
        return Fail(ctx, "--due-before: " + t.status().message(), kUsage);
      }
      query.emplace_back("due_before", *due);
    }
    auto list = client.Dossiers(query);
    if (!list.ok()) return FailCall(ctx, client, list.status());
    PrintDossierList(*list, *ctx.out);
    return 0;
  });
}

int RunCatalog(const Context& ctx, const Args& /*args*/) {
  return Call(ctx, [&](client::ApiClient& client) {
    auto catalog = client.Catalog();
    if (!catalog.ok()) return FailCall(ctx, client, catalog.status());
    PrintCatalog(*catalog, *ctx.out);
    return 0;
  });
}

int RunLookup(const Context& ctx, const Args& args) {
  return Call(ctx, [&](client::ApiClient& client) {
    auto secret = args.Require("secret");
    if (!secret.ok()) return Fail(ctx, secret.status().message(), kUsage);
    auto view = client.Lookup(args.positional()[0], *secret);
    if (!view.ok()) return FailCall(ctx, client, view.status());
    PrintCitizenView(*view, *ctx.out);
    return 0;
  });
}

int RunReceipt(const Context& ctx, const Args& args) {
  return Call(ctx, [&](client::ApiClient& client) {
    auto document = client.Receipt(args.positional()[0], args.Has("html"));
    if (!document.ok()) return FailCall(ctx, client, document.status());
    *ctx.out << *document;
    return 0;
  });
}

}  // namespace

void AddQueryCommands(CommandTable& table) {
  const PositionalSpec code{.name = "MÃ_HS", .help = "mã hồ sơ"};
  table.push_back({.name = "show",
                   .summary = "thông tin và quá trình xử lý hồ sơ",
                   .usage = "MÃ_HS",
                   .positionals = {code},
                   .options = {},
                   .run = RunShow});
  table.push_back(
      {.name = "list",
       .summary = "danh sách hồ sơ",
       .usage = "[TÙY CHỌN]",
       .positionals = {},
       .options = {TextOption("status", "N", "trạng thái (1–10, như Cổng DVC quốc gia)"),
                   TextOption("procedure", "MÃ", "mã thủ tục"),
                   TextOption("holder", "NGƯỜI|ĐƠN_VỊ", "người hoặc đơn vị đang giữ hồ sơ"),
                   TextOption("due-before", "\"YYYY-MM-DD HH:MM\"", "hẹn trả trước thời điểm này"),
                   TextOption("limit", "N", "số hồ sơ tối đa")},
       .run = RunList});
  table.push_back({.name = "catalog",
                   .summary = "danh mục thủ tục",
                   .usage = "",
                   .positionals = {},
                   .options = {},
                   .run = RunCatalog});
  table.push_back({.name = "receipt",
                   .summary = "in giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)",
                   .usage = "MÃ_HS [--html]",
                   .positionals = {code},
                   .options = {FlagOption("html", "bản HTML để in khổ A5 (mặc định: văn bản)")},
                   .run = RunReceipt});
  table.push_back({.name = "lookup",
                   .summary = "tra cứu hồ sơ cho công dân (không cần mã xác thực)",
                   .usage = "MÃ_HS --secret MÃ_TRA_CỨU",
                   .positionals = {code},
                   .options = {TextOption("secret", "MÃ_TRA_CỨU",
                                          "mã tra cứu in trên giấy tiếp nhận (bắt buộc)")},
                   .run = RunLookup});
}

}  // namespace motcua::cli
