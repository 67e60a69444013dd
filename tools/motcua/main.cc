// motcua: the desk and admin client. `motcua help` lists the commands.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "tools/motcua/command_table.h"

namespace motcua::cli {

int Fail(const Context& ctx, const std::string& message, int exit_code) {
  *ctx.err << "motcua: " << message << "\n";
  return exit_code;
}

namespace {

void PrintHelp(const CommandTable& table, std::ostream& out) {
  out << "Cách dùng: motcua [--server URL] [--token T] [--config FILE] <lệnh> [tham số]\n\n";
  for (const CommandInfo& c : table) out << "  " << c.usage << "\n";
}

int Main(int argc, char** argv) {
  CommandTable table;
  AddCalendarCommands(table);
  AddDeskCommands(table);
  AddQueryCommands(table);
  AddTokenCommands(table);
  AddStatsCommands(table);
  AddAdminCommands(table);
  AddAlertCommands(table);

  Context ctx{.server = "http://127.0.0.1:8080", .token = "", .config = "",
              .out = &std::cout, .err = &std::cerr};
  if (const char* t = std::getenv("MOTCUA_TOKEN")) ctx.token = t;
  if (const char* s = std::getenv("MOTCUA_SERVER")) ctx.server = s;

  std::vector<std::string> tokens(argv + 1, argv + argc);
  std::size_t i = 0;
  // Global options come before the command name.
  for (; i < tokens.size() && tokens[i].rfind("--", 0) == 0; ++i) {
    std::string name = tokens[i];
    std::string value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else if (name == "--help") {
      PrintHelp(table, std::cout);
      return 0;
    } else if (i + 1 < tokens.size()) {
      value = tokens[++i];
    } else {
      return Fail(ctx, "tùy chọn " + name + " thiếu giá trị", 2);
    }
    if (name == "--server") ctx.server = value;
    else if (name == "--token") ctx.token = value;
    else if (name == "--config") ctx.config = value;
    else return Fail(ctx, "tùy chọn không hợp lệ " + name, 2);
  }
  if (i == tokens.size() || tokens[i] == "help") {
    PrintHelp(table, std::cout);
    return i == tokens.size() ? 2 : 0;
  }
  const std::string& name = tokens[i];
  for (const CommandInfo& c : table) {
    if (c.name == name) {
      std::vector<std::string> rest(tokens.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                    tokens.end());
      return c.run(ctx, rest);
    }
  }
  return Fail(ctx, "lệnh không tồn tại '" + name + "' (xem motcua help)", 2);
}

}  // namespace
}  // namespace motcua::cli

int main(int argc, char** argv) { return motcua::cli::Main(argc, argv); }
