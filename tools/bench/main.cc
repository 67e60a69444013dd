// bench: motcua's benchmark suite (issue 7). Runs every benchmark, prints
// each figure beside its baseline measured in the same run, the ratio and
// whether the target is met, then a JSON summary on the last lines.
//
//   bench [--quick] [--only NAME[,NAME...]] [--json FILE] [--repetitions N]
//         [--scale F] [--config FILE] [--dir DIR] [--motcuad PATH] [--keep-files]
//
// `./dev.sh bench` builds it in Release and runs it. --quick runs every
// benchmark on tiny data, to prove they still run (the ctest smoke test);
// its figures mean nothing. Exit code: 0 when every selected benchmark ran
// (met targets or not), 1 when one failed to run, 2 for bad usage.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "adapters/config/server_config.h"
#include "tools/bench/benchmarks.h"

namespace motcua::bench {

std::span<const Benchmark> AllBenchmarks() {
  static const Benchmark kAll[] = {
      {"deadlines", "deadline arithmetic vs the naive day-by-day walk", RunDeadlines},
      {"ingest", "engine ingest vs raw SQLite append + upsert", RunIngest},
      {"lifecycles", "full lifecycles in process", RunLifecycles},
      {"http", "acknowledged commands over HTTP, group commit vs per-command commit", RunHttp},
      {"open_dossiers", "1M open dossiers: memory, scheduler, alert delay, re-arm",
       RunOpenDossiers},
      {"replay", "rebuild of all projections from 8M events vs a raw scan", RunReplay},
      {"statistics", "a year's statistics over 1M dossiers vs a SQL aggregate", RunStatistics},
  };
  return kAll;
}

namespace {

constexpr const char* kUsage =
    "Usage: bench [--quick] [--only NAME[,NAME...]] [--json FILE] [--repetitions N]\n"
    "             [--scale F] [--config FILE] [--dir DIR] [--motcuad PATH] [--keep-files]\n"
    "  --quick          tiny sizes: proves each benchmark runs (figures mean nothing)\n"
    "  --only NAMES     run only these benchmarks (comma-separated)\n"
    "  --json FILE      also write the JSON summary to FILE\n"
    "  --repetitions N  repetitions of the fast benchmarks (default 5); the large ones\n"
    "                   run fewer (3 for HTTP and replay, 1 for the open dossiers),\n"
    "                   scaled by N/5; the table prints each row's count\n"
    "  --scale F        the share of the issue's 1,000,000-dossier data sets to generate\n"
    "                   (default 0.1, what fits in ~15 minutes on a shared 2-core\n"
    "                   machine; 1 = the issue's sizes, about an hour there)\n"
    "  --config FILE    motcuad.json giving the catalog, calendar and unit (default: the\n"
    "                   shipped data/config/motcuad.json)\n"
    "  --dir DIR        where the benchmark's SQLite files go (default $TMPDIR or /tmp;\n"
    "                   the full run needs about 10 GB)\n"
    "  --motcuad PATH   the server binary for the HTTP benchmark (default: the one built\n"
    "                   beside this program)\n"
    "  --keep-files     keep the generated databases\n"
    "Benchmarks:\n";

struct Args {
  BenchOptions options;
  std::set<std::string> only;
  std::string json;
  std::string child_db;  // --child-open-dossiers DB (internal)
  bool help = false;
};

Result<Args> Parse(int argc, char** argv) {
  Args args;
  const char* tmp = std::getenv("TMPDIR");
  args.options.dir = tmp && *tmp ? tmp : "/tmp";
  args.options.config = config::DefaultConfigPath();
  args.options.motcuad = MOTCUA_MOTCUAD_BINARY;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> Result<std::string> {
      if (i + 1 >= argc) return Status(Error::kInvalidArgument, a + " needs a value");
      return std::string(argv[++i]);
    };
    if (a == "--help" || a == "-h") {
      args.help = true;
    } else if (a == "--quick") {
      args.options.quick = true;
    } else if (a == "--keep-files") {
      args.options.keep_files = true;
    } else if (a == "--only") {
      MOTCUA_ASSIGN_OR_RETURN(std::string list, value());
      std::stringstream in(list);
      for (std::string name; std::getline(in, name, ',');) {
        bool known = false;
        for (const Benchmark& b : AllBenchmarks()) known = known || b.name == name;
        if (!known) return Status(Error::kInvalidArgument, "unknown benchmark " + name);
        args.only.insert(name);
      }
    } else if (a == "--json") {
      MOTCUA_ASSIGN_OR_RETURN(args.json, value());
    } else if (a == "--repetitions") {
      MOTCUA_ASSIGN_OR_RETURN(std::string n, value());
      args.options.repetitions = std::atoi(n.c_str());
      if (args.options.repetitions < 1) {
        return Status(Error::kInvalidArgument, "--repetitions needs a positive number");
      }
    } else if (a == "--scale") {
      MOTCUA_ASSIGN_OR_RETURN(std::string f, value());
      args.options.scale = std::atof(f.c_str());
      if (!(args.options.scale > 0 && args.options.scale <= 1)) {
        return Status(Error::kInvalidArgument, "--scale needs a share in (0, 1]");
      }
    } else if (a == "--config") {
      MOTCUA_ASSIGN_OR_RETURN(std::string path, value());
      args.options.config = path;
    } else if (a == "--dir") {
      MOTCUA_ASSIGN_OR_RETURN(std::string path, value());
      args.options.dir = path;
    } else if (a == "--motcuad") {
      MOTCUA_ASSIGN_OR_RETURN(std::string path, value());
      args.options.motcuad = path;
    } else if (a == "--child-open-dossiers") {
      MOTCUA_ASSIGN_OR_RETURN(args.child_db, value());
    } else {
      return Status(Error::kInvalidArgument, "unknown option " + a);
    }
  }
  args.options.config = std::filesystem::absolute(args.options.config);
  return args;
}

std::string CommandLine(int argc, char** argv) {
  std::string line = "bench";
  for (int i = 1; i < argc; ++i) line += std::string(" ") + argv[i];
  return line;
}

int Main(int argc, char** argv) {
  auto args = Parse(argc, argv);
  if (!args.ok()) {
    std::cerr << "bench: " << args.status().message() << "\n" << kUsage;
    return 2;
  }
  if (args->help) {
    std::cout << kUsage;
    for (const Benchmark& b : AllBenchmarks())
      std::cout << "  " << b.name << ": " << b.summary << "\n";
    return 0;
  }
  if (!args->child_db.empty()) return OpenDossiersChild(args->options, args->child_db);

  auto context = Context::Create(args->options);
  if (!context.ok()) {
    std::cerr << "bench: " << context.status().ToString() << "\n";
    return 1;
  }
  auto machine = MachineFacts();
  if (!args->options.quick) {
    // Stated beside the machine: the large data sets' sizes depend on it.
    machine.emplace_back("data-set scale",
                         FormatFixed(args->options.scale, 2) +
                             " of the issue's sizes (" +
                             FormatCount(1e6 * args->options.scale) +
                             " dossiers for the year of traffic and the open dossiers)");
  }
  std::cout << "motcua benchmarks"
            << (args->options.quick ? " (--quick: tiny sizes, figures "
                                      "mean nothing)"
                                    : "")
            << "\n";
  for (const auto& [key, value] : machine) std::cout << "  " << key << ": " << value << "\n";
  std::cout << std::endl;

  std::vector<Row> rows;
  std::vector<std::pair<std::string, std::string>> failures;
  for (const Benchmark& b : AllBenchmarks()) {
    if (!args->only.empty() && !args->only.count(std::string(b.name))) continue;
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
  if (!args->json.empty()) std::ofstream(args->json) << json;
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
