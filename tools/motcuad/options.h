// motcuad's command line, parsed with CLI11 under the conventions the
// tools share (tools/common/command_line.h): --help and --version exit 0,
// a bad command line is one line on stderr and exit 2.
//
//   motcuad [--config FILE] [--db FILE] [--listen HOST:PORT] [--web-root DIR]
//           [--max-batch N] [--log-format text|journal|json]
//           [--test-clock "YYYY-MM-DD HH:MM"]
#ifndef MOTCUA_TOOLS_MOTCUAD_OPTIONS_H_
#define MOTCUA_TOOLS_MOTCUAD_OPTIONS_H_

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace motcua::motcuad {

struct Options {
  std::filesystem::path config;
  std::string db;      // empty: the configuration's
  std::string listen;  // empty: the configuration's
  std::string web_root;  // empty: the configuration's
  std::string public_url;  // empty: the configuration's
  // Commands per transaction at most (EngineServiceOptions::max_batch). Only
  // the benchmark changes it: 1 commits and fsyncs every command on its own,
  // the per-command baseline that group commit is measured against.
  std::size_t max_batch = 512;
  // "text", "journal" or "json" (runtime::ParseLogFormat); empty: journal
  // when stderr is the journal, else text.
  std::string log_format;
  // Test only: a ManualClock starting here ("YYYY-MM-DD HH:MM",
  // Vietnam time) instead of the system clock; empty: the system clock.
  std::string test_clock;
};

// What the command line asks for: run with `options`, or end at once with
// `exit_code` (the help or the version was printed on `out`, or a one-line
// error on `err`).
struct Invocation {
  Options options;
  std::optional<int> exit_code;
};

Invocation ParseOptions(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace motcua::motcuad

#endif  // MOTCUA_TOOLS_MOTCUAD_OPTIONS_H_
