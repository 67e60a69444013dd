// The motcua client's subcommands. Each group of commands lives in its own
// file and adds itself to the table from main(); a command gets its own
// arguments (after the global options) and returns the process exit code.
//
// Exit codes: 0 success, 1 the server or engine refused, 2 bad usage, 3 the
// server could not be reached, 4 `check` found the data damaged.
#ifndef MOTCUA_TOOLS_MOTCUA_COMMAND_TABLE_H_
#define MOTCUA_TOOLS_MOTCUA_COMMAND_TABLE_H_

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace motcua::cli {

// What every command may use: the global options and the output streams.
struct Context {
  std::string server;  // --server URL, default http://127.0.0.1:8080
  std::string token;   // --token T, or $MOTCUA_TOKEN
  std::string config;  // --config FILE, for the commands that read local files
  std::ostream* out;
  std::ostream* err;
};

struct CommandInfo {
  std::string name;
  std::string usage;  // one line, shown by `motcua help`
  std::function<int(const Context&, const std::vector<std::string>&)> run;
};

using CommandTable = std::vector<CommandInfo>;

// Prints "motcua: <message>" on one line to ctx.err and returns `exit_code`.
int Fail(const Context& ctx, const std::string& message, int exit_code = 1);

// The groups; each is defined in its own file.
void AddCalendarCommands(CommandTable& table);
void AddDeskCommands(CommandTable& table);   // desk_commands.cc
void AddQueryCommands(CommandTable& table);  // query_commands.cc
void AddTokenCommands(CommandTable& table);  // token_commands.cc
void AddStatsCommands(CommandTable& table);  // stats_commands.cc
void AddAdminCommands(CommandTable& table);  // admin_commands.cc: check (exit 4: damage), backup
void AddAlertCommands(CommandTable& table);  // alert_commands.cc: alerts, apologize, apology

}  // namespace motcua::cli

#endif  // MOTCUA_TOOLS_MOTCUA_COMMAND_TABLE_H_
