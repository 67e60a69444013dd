// The motcua client's subcommands. Each group of commands lives in its own
// file and adds itself to the table from main(). A command declares its
// arguments here (positionals and options, with their help text); the one
// table drives the parser (tools/motcua/command_line.h, on CLI11), each
// command's --help, and the shell completion (`motcua __complete`), so the
// three cannot disagree. A command's run gets the parsed arguments and
// returns the process exit code.
//
// Exit codes: 0 success, 1 the server or engine refused, 2 bad usage, 3 the
// server could not be reached, 4 `check` found the data damaged.
#ifndef MOTCUA_TOOLS_MOTCUA_COMMAND_TABLE_H_
#define MOTCUA_TOOLS_MOTCUA_COMMAND_TABLE_H_

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "tools/motcua/args.h"

namespace motcua::cli {

// What every command may use: the global options and the output streams.
struct Context {
  std::string server;  // --server URL, or $MOTCUA_SERVER; default http://127.0.0.1:8080
  std::string token;   // --token T, or $MOTCUA_TOKEN
  std::string ca_file = {};  // --ca-file FILE, or $MOTCUA_CA_FILE: trust for an https server
  std::string config;  // --config FILE, for the commands that read local files
  std::ostream* out;
  std::ostream* err;
};

// What an option's or a positional's value is; completion offers the
// choices or the files.
enum class ValueKind {
  kNone,    // a flag: no value
  kText,    // free text
  kChoice,  // one of the words in `value`, separated by '|' ("counter|post"); checked
  kFile,    // a path
};

struct OptionSpec {
  std::string name;  // without the dashes: "received"
  ValueKind kind;
  std::string value;  // the placeholder in the help ("YYYY-MM-DD"); empty for a flag
  std::string help;   // Vietnamese, one line
};

OptionSpec FlagOption(std::string name, std::string help);
OptionSpec TextOption(std::string name, std::string value, std::string help);
OptionSpec ChoiceOption(std::string name, std::string choices, std::string help);
OptionSpec FileOption(std::string name, std::string help);  // value "TỆP"

struct PositionalSpec {
  std::string name;  // the placeholder: "MÃ_HS"
  std::string help;
  bool required = true;
  ValueKind kind = ValueKind::kText;
};

struct CommandInfo {
  std::string name;
  std::string summary;  // what it does, one line (the command list; the help's first line)
  std::string usage;    // what follows the name: "MÃ_HS --reason LÝ_DO [TÙY CHỌN]"
  std::vector<PositionalSpec> positionals;
  std::vector<OptionSpec> options;
  std::function<int(const Context&, const Args&)> run;
};

using CommandTable = std::vector<CommandInfo>;

// The choices of a kChoice option, in order: "a|b" -> {"a", "b"}.
std::vector<std::string> ChoicesOf(const OptionSpec& option);

// Prints "motcua: <message>" on one line to ctx.err and returns `exit_code`.
int Fail(const Context& ctx, const std::string& message, int exit_code = 1);

// The groups; each is defined in its own file.
void AddCalendarCommands(CommandTable& table);
void AddDeskCommands(CommandTable& table);   // desk_commands.cc
void AddQueryCommands(CommandTable& table);  // query_commands.cc
void AddTokenCommands(CommandTable& table);  // token_commands.cc
void AddPasswordCommands(CommandTable& table);  // password_commands.cc
void AddStatsCommands(CommandTable& table);  // stats_commands.cc
void AddAdminCommands(CommandTable& table);  // admin_commands.cc: check (exit 4: damage), backup
void AddAlertCommands(CommandTable& table);  // alert_commands.cc: alerts, apologize, apology
void AddProcessCommands(CommandTable& table);  // process_commands.cc

// Every command, in the order `motcua --help` lists them.
CommandTable AllCommands();

}  // namespace motcua::cli

#endif  // MOTCUA_TOOLS_MOTCUA_COMMAND_TABLE_H_
