// motcuad's command line.
#ifndef MOTCUA_TOOLS_MOTCUAD_OPTIONS_H_
#define MOTCUA_TOOLS_MOTCUAD_OPTIONS_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace motcua::motcuad {

inline constexpr std::string_view kUsageText =
    "Usage: motcuad [--config FILE] [--db FILE] [--listen HOST:PORT] [--max-batch N]\n"
    "               [--test-clock \"YYYY-MM-DD HH:MM\"]\n"
    "  --config FILE      server configuration (default: $MOTCUA_CONFIG, else the\n"
    "                     source tree's data/config/motcuad.json)\n"
    "  --db FILE          the SQLite database (overrides \"db\" in the configuration)\n"
    "  --listen HOST:PORT address to listen on (default from the configuration,\n"
    "                     127.0.0.1:8080; port 0 picks a free port)\n"
    "  --max-batch N      commands committed per transaction at most (default 512);\n"
    "                     1 turns group commit off (the benchmark's baseline)\n"
    "  --test-clock \"YYYY-MM-DD HH:MM\"\n"
    "                     TESTS ONLY: start a hand-driven clock at this Vietnam time;\n"
    "                     it moves only by POST /v1/test/clock (admin)\n";

struct Options {
  std::filesystem::path config;
  std::string db;      // empty: the configuration's
  std::string listen;  // empty: the configuration's
  // Commands per transaction at most (EngineServiceOptions::max_batch). Only
  // the benchmark changes it: 1 commits and fsyncs every command on its own,
  // the per-command baseline that group commit is measured against.
  std::size_t max_batch = 512;
  // Test only (issue 5): a ManualClock starting here ("YYYY-MM-DD HH:MM",
  // Vietnam time) instead of the system clock; empty: the system clock.
  std::string test_clock;
  bool help = false;
};

// kInvalidArgument naming the bad option.
Result<Options> ParseOptions(int argc, char** argv);

}  // namespace motcua::motcuad

#endif  // MOTCUA_TOOLS_MOTCUAD_OPTIONS_H_
