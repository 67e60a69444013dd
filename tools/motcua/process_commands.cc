// The commune's own records of its dossiers, printed from the server:
//
//   $ motcua slip MÃ_HS [--html TỆP]    the process-control slip (Mẫu 05):
//                                       every hand-over and each step's timing
#include <optional>
#include <string>

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

}  // namespace

void AddProcessCommands(CommandTable& table) {
  table.push_back({.name = "slip",
                   .summary = "in phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)",
                   .usage = "MÃ_HS [--html TỆP]",
                   .positionals = {{.name = "MÃ_HS", .help = "mã hồ sơ"}},
                   .options = {FileOption("html", "lưu thêm bản in HTML (khổ A4) vào TỆP")},
                   .run = RunSlip});
}

}  // namespace motcua::cli
