// motcua's command line on CLI11, built from the command table
// (tools/motcua/command_table.h) so that parsing, help and completion come
// from one declaration of each command's arguments:
//
//   motcua [--server URL] [--token T] [--config FILE] COMMAND [ARGS]
//   motcua --help | -h          the commands, exit 0
//   motcua COMMAND --help | -h  that command's usage, exit 0
//   motcua help [COMMAND]       the same as `motcua [COMMAND] --help`
//   motcua --version            version and git commit, exit 0
//   motcua __complete N WORD... (hidden) the completions for word N, for
//                               tools/motcua/completion/motcua.bash
//
// Global options come before the command. Every refusal of the command line
// is one Vietnamese line "motcua: ..." on stderr with exit code 2, before
// anything is sent or read.
//
// Not thread-safe; main() owns the one instance.
#ifndef MOTCUA_TOOLS_MOTCUA_COMMAND_LINE_H_
#define MOTCUA_TOOLS_MOTCUA_COMMAND_LINE_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"

namespace motcua::cli {

// --server, --token and --config (the commands' own options are in the table).
const std::vector<OptionSpec>& GlobalOptions();

// The Vietnamese line for a command line CLI11 refused (without "motcua: ").
std::string DescribeParseError(const CLI::Error& error);

class CommandLine {
 public:
  // `table` must outlive this; the global options are parsed into `ctx`
  // (its server field holds the default until then).
  CommandLine(const CommandTable& table, Context& ctx);

  // Parses argv and runs what it asks for; the process exit code.
  int Run(int argc, const char* const* argv);

  // `motcua COMMAND --help`, word for word; empty `command`: `motcua --help`.
  std::string Help(const std::string& command) const;

 private:
  // The arguments of `command` from its parsed subcommand, or
  // kInvalidArgument with the line to print.
  Result<Args> Collect(const CLI::App& sub, const CommandInfo& command) const;

  const CommandTable& table_;
  Context& ctx_;
  std::unique_ptr<CLI::App> app_;
};

}  // namespace motcua::cli

#endif  // MOTCUA_TOOLS_MOTCUA_COMMAND_LINE_H_
