// bench: motcua's benchmark suite (docs/performance.md). Runs every benchmark, prints
// each figure beside its baseline measured in the same run, the ratio and
// whether the target is met, then a JSON summary on the last lines.
//
//   bench [--quick] [--only NAME[,NAME...]] [--json FILE] [--repetitions N]
//         [--scale F] [--config FILE] [--dir DIR] [--motcuad PATH] [--web-root DIR]
//         [--keep-files]
//   bench --scaling [--quick] [--config FILE] [--dir DIR]
//   bench --help | --version
//
// `./dev.sh bench` builds it in Release and runs it. --quick runs every
// benchmark on tiny data, to prove they still run (the ctest smoke test);
// its figures mean nothing. Exit code: 0 when every selected benchmark ran
// (met targets or not), 1 when one failed to run, 2 for bad usage.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "adapters/config/server_config.h"
#include "tools/bench/benchmarks.h"
#include "tools/common/command_line.h"

namespace motcua::bench {

std::span<const Benchmark> AllBenchmarks() {
  static const Benchmark kAll[] = {
      {"web_desk", "the web desk's first load, compressed, against its 200 KB budget", RunWebDesk},
      {"deadlines", "deadline arithmetic vs the naive day-by-day walk", RunDeadlines},
      {"ingest", "engine ingest vs raw SQLite append + upsert", RunIngest},
      {"lifecycles", "full lifecycles in process", RunLifecycles},
      {"http", "acknowledged commands over HTTP, group commit vs per-command commit", RunHttp},
      {"open_dossiers", "1M open dossiers: memory, scheduler, alert delay, re-arm",
       RunOpenDossiers},
      {"replay", "rebuild of all projections from 8M events vs a raw scan", RunReplay},
      {"statistics", "a year's statistics over 1M dossiers vs a SQL aggregate", RunStatistics},
      // Last: its server writes the alerts the year left due into the year's store.
      {"dashboard", "the leader's dashboard for a year in chromium vs the API's own reads",
       RunDashboard},
  };
  return kAll;
}

namespace {

struct Args {
  BenchOptions options;
  std::set<std::string> only;
  std::string json;
  std::string child_db;  // --child-open-dossiers DB (internal)
  std::string scaling_child_db;  // --child-scaling DB (internal)
  bool scaling = false;
};

// Parses argv (CLI11, under the tools' conventions: tools/common/command_line.h).
// nullopt from the second member: run; otherwise end with that code (help,
// version, or a one-line error already printed).
std::pair<Args, std::optional<int>> Parse(int argc, char** argv) {
  Args args;
  const char* tmp = std::getenv("TMPDIR");
  args.options.dir = tmp && *tmp ? tmp : "/tmp";
  args.options.motcuad = MOTCUA_MOTCUAD_BINARY;
  std::vector<std::string> names;
  std::string footer = "Benchmarks:";
  for (const Benchmark& b : AllBenchmarks()) {
    names.emplace_back(b.name);
    footer += "\n  " + std::string(b.name) + ": " + std::string(b.summary);
  }

  CLI::App app("bench: motcua's benchmark suite; each figure beside its baseline of the same run",
               "bench");
  tools::AddConventions(app, tools::DescribeInEnglish("bench"));
  app.footer(footer);
  app.add_flag("--quick", args.options.quick,
               "tiny sizes: proves each benchmark runs (figures mean nothing)");
  std::vector<std::string> only;
  app.add_option("--only", only, "run only these benchmarks (comma-separated)")
      ->type_name("NAMES")
      ->delimiter(',')
      ->check(CLI::IsMember(names));
  app.add_option("--json", args.json, "also write the JSON summary to FILE")
      ->type_name("FILE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);  // ./dev.sh bench --json X
  app.add_option("--repetitions", args.options.repetitions,
                 "repetitions of the benchmarks (default 5, HTTP's included); the large ones "
                 "run fewer (3 for the replay, 1 for the open dossiers), scaled by N/5; the "
                 "table prints each row's count")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  app.add_option("--scale", args.options.scale,
                 "the share of the 1,000,000-dossier data sets to generate (default 0.1, what "
                 "fits in ~15 minutes on a shared 2-core machine; 1 = the full sizes, about an "
                 "hour there)")
      ->type_name("F")
      ->check(CLI::Validator(
          [](std::string& text) {
            const double f = std::atof(text.c_str());
            return f > 0 && f <= 1 ? std::string() : std::string("needs a share in (0, 1]");
          },
          "(0, 1]", "share"));
  std::string config;
  app.add_option("--config", config,
                 "motcuad.json giving the catalog, calendar and unit (default: $MOTCUA_CONFIG, "
                 "else " + config::InstalledConfigPath().string() +
                     "; ./dev.sh bench passes the shipped data/config/motcuad.json)")
      ->type_name("FILE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);  // ./dev.sh bench --config X
  app.add_option("--dir", args.options.dir,
                 "where the benchmark's SQLite files go (default $TMPDIR or /tmp; the full run "
                 "needs about 10 GB)")
      ->type_name("DIR");
  app.add_option("--web-root", args.options.web_root,
                 "the built web desk, index.html and assets/ (default web/dist)")
      ->type_name("DIR");
  app.add_option("--motcuad", args.options.motcuad,
                 "the server binary for the HTTP benchmark (default: the one built beside this "
                 "program)")
      ->type_name("PATH");
  app.add_flag("--keep-files", args.options.keep_files, "keep the generated databases");
  app.add_flag("--scaling", args.scaling,
               "instead of the suite: start-up, statistics, history, the open list and memory "
               "at 10,000, 100,000 and 1,000,000 dossiers, and how each grows (the data sets "
               "are kept in DIR/motcua-bench-cache for the next run)");
  // Internal: the open-dossier benchmark runs this program again as its child.
  app.add_option("--child-open-dossiers", args.child_db)->group("");
  app.add_option("--child-scaling", args.scaling_child_db)->group("");

  std::optional<int> exit_code = tools::Parse(app, argc, argv, std::cout, std::cerr);
  args.only.insert(only.begin(), only.end());
  args.options.config = std::filesystem::absolute(config.empty() ? config::DefaultConfigPath()
                                                                 : std::filesystem::path(config));
  return {std::move(args), exit_code};
}

std::string CommandLine(int argc, char** argv) {
  std::string line = "bench";
  for (int i = 1; i < argc; ++i) line += std::string(" ") + argv[i];
  return line;
}

int Main(int argc, char** argv) {
  const auto [args, exit_code] = Parse(argc, argv);
  if (exit_code) return *exit_code;
  if (!args.child_db.empty()) return OpenDossiersChild(args.options, args.child_db);
  if (!args.scaling_child_db.empty()) return ScalingChild(args.options, args.scaling_child_db);

  auto context = Context::Create(args.options);
  if (!context.ok()) {
    std::cerr << "bench: " << context.status().ToString() << "\n";
    return 1;
  }
  if (args.scaling) {
    for (const auto& [fact, value] : MachineFacts()) std::cout << fact << ": " << value << "\n";
    if (Status s = RunScaling(**context); !s.ok()) {
      std::cerr << "bench: scaling: " << s.ToString() << "\n";
      return 1;
    }
    return 0;
  }
  auto machine = MachineFacts();
  if (!args.options.quick) {
    // Stated beside the machine: the large data sets' sizes depend on it.
    machine.emplace_back("data-set scale",
                         FormatFixed(args.options.scale, 2) +
                             " of the full sizes (" +
                             FormatCount(1e6 * args.options.scale) +
                             " dossiers for the year of traffic and the open dossiers)");
  }
  std::cout << "motcua benchmarks"
            << (args.options.quick ? " (--quick: tiny sizes, figures "
                                      "mean nothing)"
                                    : "")
            << "\n";
  for (const auto& [key, value] : machine) std::cout << "  " << key << ": " << value << "\n";
  std::cout << std::endl;

  std::vector<Row> rows;
  std::vector<std::pair<std::string, std::string>> failures;
  for (const Benchmark& b : AllBenchmarks()) {
    if (!args.only.empty() && !args.only.count(std::string(b.name))) continue;
    std::cerr << "bench: running " << b.name << " ..." << std::endl;
    Stopwatch watch;
    auto result = b.run(**context);
    if (!result.ok()) {
      std::cerr << "bench: " << b.name << " FAILED: " << result.status().ToString() << std::endl;
      failures.emplace_back(std::string(b.name), result.status().ToString());
      continue;
    }
    std::cerr << "bench: " << b.name << " done in " << FormatFixed(watch.Seconds(), 1) << " s"
              << std::endl;
    for (Row& r : *result) rows.push_back(std::move(r));
  }

  PrintTable(rows, std::cout);
  for (const auto& [name, why] : failures) std::cout << name << ": FAILED: " << why << "\n";
  const std::string json = SummaryJson(rows, machine, failures, CommandLine(argc, argv));
  std::cout << "\nJSON summary:\n" << json << std::flush;
  if (!args.json.empty()) std::ofstream(args.json) << json;
  return failures.empty() ? 0 : 1;
}

}  // namespace

}  // namespace motcua::bench

int main(int argc, char** argv) {
  try {
    return motcua::bench::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "bench: " << e.what() << "\n";
    return 1;
  }
}
