// The desk's reads: a dossier with its history, lists to work from, the
// catalog, the receipt to print, and the citizen's lookup.
//
//   $ motcua list --holder tuphap01 --due-before "2024-03-20 17:00"
//   $ motcua receipt 000.00.07.H06-240315-0012 --html > giay-tiep-nhan.html
//   $ motcua lookup 000.00.07.H06-240315-0012 --secret 7KQ3M9XA
#include <string>
#include <utility>
#include <vector>

#include "adapters/http/api_client.h"
#include "engine/base/time.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"
#include "tools/motcua/dossier_printing.h"
#include "tools/motcua/server_client.h"

namespace motcua::cli {

namespace {

using Tokens = std::vector<std::string>;

// Parses the arguments and connects, or fails with a usage error; then runs
// `body` with both.
template <class Body>
int Call(const Context& ctx, const Tokens& tokens, const ArgSpec& spec, Body body) {
  auto args = Args::Parse(tokens, spec);
  if (!args.ok()) return Fail(ctx, args.status().message(), kUsage);
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  return body(*args, **client);
}

int RunShow(const Context& ctx, const Tokens& tokens) {
  return Call(ctx, tokens, {.valued = {}, .flags = {}, .min_positional = 1, .max_positional = 1},
              [&](const Args& args, http::ApiClient& client) {
                auto detail = client.Dossier(args.positional()[0]);
                if (!detail.ok()) return FailCall(ctx, client, detail.status());
                PrintDossierDetail(*detail, *ctx.out);
                return 0;
              });
}

int RunList(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {"status", "procedure", "holder", "due-before", "limit"},
                     .flags = {},
                     .min_positional = 0,
                     .max_positional = 0};
  return Call(ctx, tokens, spec, [&](const Args& args, http::ApiClient& client) {
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

int RunCatalog(const Context& ctx, const Tokens& tokens) {
  return Call(ctx, tokens, {}, [&](const Args&, http::ApiClient& client) {
    auto catalog = client.Catalog();
    if (!catalog.ok()) return FailCall(ctx, client, catalog.status());
    PrintCatalog(*catalog, *ctx.out);
    return 0;
  });
}

int RunLookup(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {"secret"}, .flags = {}, .min_positional = 1, .max_positional = 1};
  return Call(ctx, tokens, spec, [&](const Args& args, http::ApiClient& client) {
    auto secret = args.Require("secret");
    if (!secret.ok()) return Fail(ctx, secret.status().message(), kUsage);
    auto view = client.Lookup(args.positional()[0], *secret);
    if (!view.ok()) return FailCall(ctx, client, view.status());
    PrintCitizenView(*view, *ctx.out);
    return 0;
  });
}

int RunReceipt(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {}, .flags = {"html"}, .min_positional = 1, .max_positional = 1};
  return Call(ctx, tokens, spec, [&](const Args& args, http::ApiClient& client) {
    auto document = client.Receipt(args.positional()[0], args.Has("html"));
    if (!document.ok()) return FailCall(ctx, client, document.status());
    *ctx.out << *document;
    return 0;
  });
}

}  // namespace

void AddQueryCommands(CommandTable& table) {
  table.push_back({"show", "show MÃ_HS  thông tin và quá trình xử lý hồ sơ", RunShow});
  table.push_back({"list",
                   "list [--status N] [--procedure MÃ] [--holder NGƯỜI|ĐƠN_VỊ] "
                   "[--due-before \"YYYY-MM-DD HH:MM\"] [--limit N]  danh sách hồ sơ",
                   RunList});
  table.push_back({"catalog", "catalog  danh mục thủ tục", RunCatalog});
  table.push_back(
      {"receipt", "receipt MÃ_HS [--html]  in giấy tiếp nhận và hẹn trả (Mẫu 01)", RunReceipt});
  table.push_back({"lookup", "lookup MÃ_HS --secret MÃ_TRA_CỨU  tra cứu cho công dân", RunLookup});
}

}  // namespace motcua::cli
