// The command-line conventions motcua, motcuad and bench share, on CLI11:
//
//   PROGRAM --help, -h     the usage on stdout, exit 0 (for a subcommand too:
//                          `motcua stats --help`)
//   PROGRAM --version      VersionLine() (version and git commit), exit 0
//   bad usage              one line "PROGRAM: <what is wrong>" on stderr,
//                          exit 2, before anything is done
//
//   CLI::App app{"...", "motcuad"};
//   tools::AddConventions(app, tools::DescribeInEnglish("motcuad"));
//   ... app.add_option(...) ...
//   if (auto exit_code = tools::Parse(app, argc, argv, std::cout, std::cerr)) return *exit_code;
//
// Not thread-safe (a CLI::App is not); each main owns its own.
#ifndef MOTCUA_TOOLS_COMMON_COMMAND_LINE_H_
#define MOTCUA_TOOLS_COMMON_COMMAND_LINE_H_

#include <CLI/CLI.hpp>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace motcua::tools {

// Bad usage: the command line was refused and nothing was done.
inline constexpr int kUsageExit = 2;

// The text after "PROGRAM: " for a refused command line, on one line.
using DescribeError = std::function<std::string(const CLI::Error&)>;

// CLI11's own message (English), with a pointer to --help: for motcuad and
// bench, whose users read English logs.
DescribeError DescribeInEnglish(const std::string& program);

// Line breaks and other control characters replaced by spaces, so a message
// quoting user input stays on one line; then quoted (engine/base/quote.h):
// valid UTF-8, at most kMessageMaxBytes.
std::string OneLine(std::string text);

// Screen columns of UTF-8 text: one per character (CLI11 pads with setw,
// which counts the bytes, so a Vietnamese placeholder such as "MÃ_HS"
// would push its description out of line).
std::size_t DisplayWidth(const std::string& text);

// CLI11's help layout, with columns aligned by characters.
class Formatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override;
  std::string make_subcommand(const CLI::App* sub) const override;

 protected:
  // "  LEFT<padding>DESCRIPTION\n", the description in column
  // get_column_width() (on the next line when LEFT is wider).
  std::string Row(const std::string& left, const std::string& description) const;
};

// Sets on `app` (and the subcommands added after): the help flag -h,--help
// with `help_text`, the --version flag printing VersionLine(app.get_name())
// with `version_text`, the Formatter above unless one is set, and failure
// messages "PROGRAM: <describe(error)>\n".
void AddConventions(CLI::App& app, DescribeError describe,
                    const std::string& help_text = "print this help and exit",
                    const std::string& version_text = "print the version and git commit, and exit");

// Parses argv into `app`. nullopt: go on and run. Otherwise the program
// ends with the returned code, what to print already printed: the help or
// the version on `out` (0), or the one-line failure on `err` (kUsageExit).
std::optional<int> Parse(CLI::App& app, int argc, const char* const* argv, std::ostream& out,
                         std::ostream& err);

}  // namespace motcua::tools

#endif  // MOTCUA_TOOLS_COMMON_COMMAND_LINE_H_
