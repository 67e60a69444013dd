// motcua: the desk and admin client. `motcua --help` lists the commands;
// tools/motcua/command_line.h describes the command line.
#include <exception>
#include <iostream>

#include "tools/motcua/command_line.h"
#include "tools/motcua/command_table.h"

int main(int argc, char** argv) {
  namespace cli = motcua::cli;
  const cli::CommandTable table = cli::AllCommands();
  cli::Context ctx{.server = "http://127.0.0.1:8080",
                   .token = "",
                   .config = "",
                   .out = &std::cout,
                   .err = &std::cerr};
  try {
    cli::CommandLine command_line(table, ctx);
    return command_line.Run(argc, argv);
  } catch (const std::exception& e) {
    // Failures that throw (e.g. no tz database) end here, in one line.
    return cli::Fail(ctx, e.what(), 1);
  }
}
