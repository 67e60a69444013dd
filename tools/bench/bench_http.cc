// Acknowledged commands over HTTP: the real motcuad (a child process, the
// shipped configuration with a fresh database and the bench's own three
// officers), 64 desk clients on loopback each sending its next command when
// the previous one is acknowledged (http_load.h), every acknowledgement
// after the command's commit (WAL, synchronous=FULL). Measured: commands
// acknowledged per second over a fixed window after a warm-up, and their
// latency (p50, p99).
//
// Baseline, same run, same server binary and configuration: motcuad with
// --max-batch 1, which commits (and fsyncs) every command in its own
// transaction instead of grouping the commands that arrive together.
// Targets: >= 5x the baseline, and >= 10,000 commands per second.
// Also reported, from runs of their own that are not timed: the server's
// system calls, context switches and allocations per command (perf stat;
// perf_stat.h), the analysis the targets call for.
//
// The clients share the machine's cores with the server (one client
// thread); a fresh server and database per repetition.
#include <google/protobuf/util/json_util.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "adapters/api/token_hash.h"
#include "tools/bench/benchmarks.h"
#include "tools/bench/http_load.h"
#include "tools/bench/perf_stat.h"
#include "tools/common/subprocess.h"
#include "tools/workload/workload.h"

namespace motcua::bench {

namespace {

constexpr const char* kReceptionToken = "bench-reception-token";
constexpr const char* kSpecialistToken = "bench-specialist-token";
constexpr const char* kLeaderToken = "bench-leader-token";

Status WriteJson(const google::protobuf::Message& message, const std::filesystem::path& path) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  if (!google::protobuf::util::MessageToJsonString(message, &json, options).ok()) {
    return Status(Error::kInternal, "cannot write " + path.string());
  }
  std::ofstream(path) << json;
  return Status::Ok();
}

// The bench's officers (the names the workload uses) and a configuration
// pointing at them; returns the configuration's path.
Result<std::filesystem::path> WriteServerFiles(Context& context) {
  v1::Users users;
  auto add = [&](const char* name, v1::Role role, const char* unit, const char* token) {
    v1::User* u = users.add_users();
    u->set_name(name);
    u->set_display_name(name);
    u->add_roles(role);
    u->set_unit(unit);
    u->set_token_sha256(api::TokenHash(token));
  };
  add("tiepnhan01", v1::ROLE_RECEPTION, "Bộ phận Một cửa", kReceptionToken);
  add("chuyenvien01", v1::ROLE_SPECIALIST, "Văn phòng - Thống kê", kSpecialistToken);
  // The officers dossiers are handed over to (workload::SpecialistOf): a
  // hand-over must name an officer of the unit.
  add("tuphap01", v1::ROLE_SPECIALIST, "Tư pháp - Hộ tịch", "bench-tuphap01-token");
  add("vanhoa01", v1::ROLE_SPECIALIST, "Văn hóa - Xã hội", "bench-vanhoa01-token");
  add("diachinh01", v1::ROLE_SPECIALIST, "Địa chính - Xây dựng", "bench-diachinh01-token");
  add("chutich01", v1::ROLE_LEADER, "Lãnh đạo UBND xã", kLeaderToken);
  const std::filesystem::path users_path = context.dir() / "bench-users.json";
  MOTCUA_RETURN_IF_ERROR(WriteJson(users, users_path));

  v1::ServerConfig config = context.config();
  config.set_users_file(users_path.string());
  config.set_listen("127.0.0.1:0");
  config.mutable_export_()->set_dir((context.dir() / "exports").string());
  const std::filesystem::path config_path = context.dir() / "bench-motcuad.json";
  MOTCUA_RETURN_IF_ERROR(WriteJson(config, config_path));
  return config_path;
}

struct Run {
  double commands_per_second = 0;
  double p50 = 0;
  double p99 = 0;
  double server_cpu_per_command = 0;  // seconds
  double client_cpu_per_command = 0;  // seconds, the load generator (this process)
  // Shares of the machine's cores during the load (warm-up and window).
  double busy = 0, idle = 0, stolen = 0;
  std::size_t errors = 0;
  std::string first_error;
};

// A fresh motcuad on a fresh database; sets `load.port` to its port.
Result<std::unique_ptr<common::Subprocess>> StartServer(Context& context,
                                                        const std::filesystem::path& config,
                                                        bool group_commit, LoadOptions& load) {
  std::vector<std::string> argv = {context.options().motcuad.string(), "--config", config.string(),
                                   "--db", context.FreshPath("http.db")};
  if (!group_commit) argv.insert(argv.end(), {"--max-batch", "1"});
  MOTCUA_ASSIGN_OR_RETURN(
      std::unique_ptr<common::Subprocess> server,
      common::Subprocess::Start({.argv = argv,
                                 .stderr_mode = common::Subprocess::StderrMode::kFile,
                                 .stderr_path = (context.dir() / "motcuad.log").string()}));
  MOTCUA_ASSIGN_OR_RETURN(std::string line, server->ReadLine(std::chrono::seconds(60)));
  const std::string prefix = "motcuad listening on 127.0.0.1:";
  if (line.rfind(prefix, 0) != 0) {
    return Status(Error::kInternal, "motcuad did not start (see " +
                                        (context.dir() / "motcuad.log").string() + "): " + line);
  }
  load.port = line.substr(prefix.size());
  return server;
}

Status StopServer(common::Subprocess& server) {
  server.Signal(SIGTERM);
  if (int rc = server.Wait(); rc != 0) {
    return Status(Error::kInternal, "motcuad exited with " + std::to_string(rc));
  }
  return Status::Ok();
}

// `events` of the group-commit motcuad (perf_stat.h) over a whole load,
// warm-up included, per command of that load. Not a timed run: counting
// costs the server time (a uprobe on malloc, much), and a slower server
// groups more commands per commit.
Result<std::map<std::string, double>> CountPerCommand(Context& context,
                                                      const std::filesystem::path& config,
                                                      const LoadOptions& load,
                                                      const std::vector<std::string>& events) {
  LoadOptions options = load;
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<common::Subprocess> server,
                          StartServer(context, config, true, options));
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<PerfStat> perf,
                          PerfStat::Attach(server->pid(), events, context.dir() / "perf-stat.csv"));
  MOTCUA_ASSIGN_OR_RETURN(LoadResult result, RunLoad(options));
  MOTCUA_ASSIGN_OR_RETURN(auto counts, perf->Stop());
  MOTCUA_RETURN_IF_ERROR(StopServer(*server));
  for (auto& [event, count] : counts) {
    count /= static_cast<double>(std::max<std::size_t>(1, result.all_commands));
  }
  counts["commands"] = static_cast<double>(result.all_commands);
  counts["commands_per_second"] = static_cast<double>(result.commands) / result.seconds;
  return counts;
}

// What the row says of the system calls, context switches and allocations
// per command; the reason when perf could not count them.
void AddPerCommandCounts(Context& context, const std::filesystem::path& config,
                         const LoadOptions& load, Row& row) {
  auto calls = CountPerCommand(context, config, load,
                               {"raw_syscalls:sys_enter", "context-switches"});
  if (!calls.ok()) {
    row.Detail("system calls per command", "not counted: " + calls.status().message());
    return;
  }
  row.Detail("system calls / context switches per command (perf stat, group commit, 1 run)",
             FormatFixed((*calls)["raw_syscalls:sys_enter"], 1) + " / " +
                 FormatFixed((*calls)["context-switches"], 2) + " (" +
                 FormatCount((*calls)["commands"]) + " commands at " +
                 FormatCount((*calls)["commands_per_second"]) + " cmd/s)");
  auto probe = MallocProbe::Add();  // removed at the end of this function
  auto allocations = probe.ok() ? CountPerCommand(context, config, load, (*probe)->events())
                                : Result<std::map<std::string, double>>(probe.status());
  if (!allocations.ok()) {
    row.Detail("allocations per command", "not counted: " + allocations.status().message());
    return;
  }
  std::string entries;
  for (const std::string& event : (*probe)->events()) {
    entries += (entries.empty() ? "" : ", ") + event.substr(event.find(':') + 1);
  }
  row.Detail("allocations per command (uprobes on " + entries + " of " + (*probe)->library() +
                 ", group commit, 1 run)",
             FormatFixed((*probe)->Allocations(*allocations), 1) + " (the probes slow the " +
                 "server to " + FormatCount((*allocations)["commands_per_second"]) + " cmd/s)");
}

Result<Run> OneRun(Context& context, const std::filesystem::path& config, bool group_commit,
                   const LoadOptions& load) {
  LoadOptions options = load;
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<common::Subprocess> server,
                          StartServer(context, config, group_commit, options));
  const double cpu_before = server->CpuSeconds();
  const double client_before = ProcessCpuSeconds();
  const MachineCpu machine_before = MachineCpuSeconds();
  MOTCUA_ASSIGN_OR_RETURN(LoadResult result, RunLoad(options));
  const double server_cpu = server->CpuSeconds() - cpu_before;
  const double client_cpu = ProcessCpuSeconds() - client_before;
  const MachineCpu machine_after = MachineCpuSeconds();
  MOTCUA_RETURN_IF_ERROR(StopServer(*server));
  Run run;
  run.commands_per_second = static_cast<double>(result.commands) / result.seconds;
  run.p50 = Percentile(result.latencies, 50);
  run.p99 = Percentile(result.latencies, 99);
  const double all = static_cast<double>(std::max<std::size_t>(1, result.all_commands));
  run.server_cpu_per_command = server_cpu / all;
  run.client_cpu_per_command = client_cpu / all;
  const double busy = machine_after.busy - machine_before.busy;
  const double idle = machine_after.idle - machine_before.idle;
  const double stolen = machine_after.stolen - machine_before.stolen;
  if (const double total = busy + idle + stolen; total > 0) {
    run.busy = busy / total;
    run.idle = idle / total;
    run.stolen = stolen / total;
  }
  run.errors = result.errors;
  run.first_error = result.first_error;
  return run;
}

std::string Ms(double seconds) { return FormatFixed(seconds * 1000.0, 2) + " ms"; }

}  // namespace

Result<std::vector<Row>> RunHttp(Context& context) {
  if (!std::filesystem::exists(context.options().motcuad)) {
    return Status(Error::kNotFound, "no motcuad at " + context.options().motcuad.string() +
                                        " (build the motcuad target, or pass --motcuad PATH)");
  }
  MOTCUA_ASSIGN_OR_RETURN(std::filesystem::path config, WriteServerFiles(context));
  LoadOptions load;
  load.clients = context.quick() ? 4 : 64;
  load.warmup = std::chrono::milliseconds(context.quick() ? 100 : 1000);
  load.measure = std::chrono::milliseconds(context.quick() ? 300 : 4000);
  load.reception_token = kReceptionToken;
  load.specialist_token = kSpecialistToken;
  load.leader_token = kLeaderToken;
  const catalog::Catalog& catalog = *context.catalog();
  for (const v1::Procedure& p : catalog.procedures()) {
    if (p.receivable()) {
      const workload::Specialist specialist = workload::SpecialistOf(p);
      load.procedures.push_back({p.code(), specialist.unit, specialist.user});
    }
  }

  // Five runs of each by default: the targets are on the median of five.
  const int reps = context.Repetitions(5);
  std::vector<Run> grouped, single;
  for (int rep = 0; rep < reps; ++rep) {
    MOTCUA_ASSIGN_OR_RETURN(Run g, OneRun(context, config, true, load));
    grouped.push_back(g);
    MOTCUA_ASSIGN_OR_RETURN(Run s, OneRun(context, config, false, load));
    single.push_back(s);
  }
  auto median = [](const std::vector<Run>& runs, double Run::*field) {
    std::vector<double> v;
    for (const Run& r : runs) v.push_back(r.*field);
    return Median(v);
  };
  std::size_t errors = 0;
  std::string first_error;
  for (const auto* runs : {&grouped, &single}) {
    for (const Run& r : *runs) {
      if (r.errors && first_error.empty()) first_error = r.first_error;
      errors += r.errors;
    }
  }

  Row row;
  row.name = "http";
  row.what = "acknowledged commands over HTTP on loopback, " + std::to_string(load.clients) +
             " clients, each acknowledged after its commit (synchronous=FULL), group commit";
  row.figure = median(grouped, &Run::commands_per_second);
  row.unit = "cmd/s";
  row.baseline = median(single, &Run::commands_per_second);
  row.baseline_what = "cmd/s one transaction + fsync per command";
  row.targets = {{Target::Kind::kRatioAtLeast, 5}, {Target::Kind::kFigureAtLeast, 10'000}};
  row.repetitions = reps;
  row.Detail("latency p50 / p99 (group commit)",
             Ms(median(grouped, &Run::p50)) + " / " + Ms(median(grouped, &Run::p99)));
  row.Detail("latency p50 / p99 (per-command commit)",
             Ms(median(single, &Run::p50)) + " / " + Ms(median(single, &Run::p99)));
  const double cpu_per_command = median(grouped, &Run::server_cpu_per_command);
  row.Detail("server CPU per command (group commit)",
             FormatFixed(cpu_per_command * 1e6, 0) + " us, i.e. " +
                 FormatCount(1.0 / std::max(cpu_per_command, 1e-9)) +
                 " cmd/s per CPU-second the server gets");
  // What the machine's cores allow: every core running only the server and
  // the clients. When the cores are all busy this is the ceiling, whatever
  // the server's threads do.
  const double client_per_command = median(grouped, &Run::client_cpu_per_command);
  const double cores = static_cast<double>(std::max(1u, std::thread::hardware_concurrency()));
  row.Detail("client CPU per command (the load generator, group commit)",
             FormatFixed(client_per_command * 1e6, 0) + " us");
  row.Detail("machine's cores during the load (group commit, median): busy / idle / stolen",
             FormatFixed(median(grouped, &Run::busy) * 100, 0) + "% / " +
                 FormatFixed(median(grouped, &Run::idle) * 100, 0) + "% / " +
                 FormatFixed(median(grouped, &Run::stolen) * 100, 0) + "%");
  row.Detail("ceiling of " + FormatFixed(cores, 0) + " cores at that CPU per command",
             FormatCount(cores / std::max(cpu_per_command + client_per_command, 1e-9)) +
                 " cmd/s");
  std::vector<double> g, s;
  for (const Run& r : grouped) g.push_back(r.commands_per_second);
  for (const Run& r : single) s.push_back(r.commands_per_second);
  row.Detail("group commit runs (cmd/s)", FormatRuns(g));
  row.Detail("per-command runs (cmd/s)", FormatRuns(s));
  row.Detail("window", std::to_string(load.measure.count()) + " ms after " +
                           std::to_string(load.warmup.count()) + " ms warm-up, per run");
  row.Detail("command mix",
             "receive, hand-over x2, result-ready, return-result (protobuf, "
             "Idempotency-Key)");
  // Where the server's time goes, per command (not in a quick run: perf
  // needs root and a package the suite's smoke test does not install).
  if (!context.quick()) AddPerCommandCounts(context, config, load, row);
  // With 64 clients in a closed loop nothing should be refused: an error is
  // a broken benchmark or server, not a figure.
  if (errors) {
    return Status(Error::kInternal,
                  std::to_string(errors) + " commands failed, first: " + first_error);
  }
  return std::vector<Row>{row};
}

}  // namespace motcua::bench
