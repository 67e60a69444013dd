#include "tools/bench/perf_stat.h"

#include <dlfcn.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

namespace motcua::bench {

namespace {

// The uprobes' group: perf names each event "motcua_alloc:<name>".
constexpr const char* kProbeGroup = "motcua_alloc";

// The file of the library whose malloc this process calls.
std::string AllocatorPath() {
  void* malloc_address = dlsym(RTLD_DEFAULT, "malloc");
  Dl_info info{};
  if (malloc_address == nullptr || dladdr(malloc_address, &info) == 0 ||
      info.dli_fname == nullptr) {
    return {};
  }
  return info.dli_fname;
}

void RemoveProbes() {
  common::RunToCompletion({kPerfBinary, "probe", "-q", "-d", std::string(kProbeGroup) + ":*"}, {});
}

}  // namespace

Result<std::unique_ptr<PerfStat>> PerfStat::Attach(pid_t pid,
                                                   const std::vector<std::string>& events,
                                                   const std::filesystem::path& out) {
  if (!std::filesystem::exists(kPerfBinary)) {
    return Status(Error::kNotFound, "no perf (Debian package linux-perf)");
  }
  std::string list;
  for (const std::string& e : events) {
    if (!list.empty()) list += ',';
    list += e;
  }
  std::filesystem::remove(out);
  MOTCUA_ASSIGN_OR_RETURN(
      std::unique_ptr<common::Subprocess> perf,
      common::Subprocess::Start({.argv = {kPerfBinary, "stat", "-x,", "-e", list, "-p",
                                          std::to_string(pid), "-o", out.string()},
                                 .stderr_mode = common::Subprocess::StderrMode::kFile,
                                 .stderr_path = out.string() + ".err"}));
  // perf attaches in a few milliseconds; the load starts after.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  if (auto exited = perf->WaitFor(std::chrono::milliseconds(0)); exited) {
    std::ifstream err(out.string() + ".err");
    std::string first;
    std::getline(err, first);
    return Status(Error::kInternal, "perf stat refused: " + first);
  }
  return std::unique_ptr<PerfStat>(new PerfStat(std::move(perf), out));
}

Result<std::map<std::string, double>> PerfStat::Stop() {
  perf_->Signal(SIGINT);
  perf_->Wait();
  // CSV lines: count,unit,event,...; comments start with '#'.
  std::map<std::string, double> counts;
  std::ifstream in(out_);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream split(line);
    for (std::string field; std::getline(split, field, ',');) fields.push_back(field);
    if (fields.size() < 3) continue;
    try {
      counts[fields[2]] = std::stod(fields[0]);
    } catch (const std::exception&) {
      return Status(Error::kInternal, "perf stat did not count " + fields[2] + ": " + fields[0]);
    }
  }
  if (counts.empty()) return Status(Error::kInternal, "perf stat wrote no count to " + out_.string());
  return counts;
}

Result<std::unique_ptr<MallocProbe>> MallocProbe::Add() {
  if (!std::filesystem::exists(kPerfBinary)) {
    return Status(Error::kNotFound, "no perf (Debian package linux-perf)");
  }
  const std::string path = AllocatorPath();
  if (path.empty()) return Status(Error::kNotFound, "the library of malloc not found (dladdr)");
  std::unique_ptr<MallocProbe> probe(new MallocProbe());
  probe->library_ = std::filesystem::path(path).filename().string();
  // Event name and symbol (mangled: perf is told not to demangle).
  std::vector<std::pair<std::string, std::string>> points = {{"malloc", "malloc"}};
  if (probe->library_.rfind("libc.", 0) != 0) {
    points.insert(points.end(), {{"new", "_Znwm"}, {"new_array", "_Znam"}});
  }
  RemoveProbes();  // a probe left by an interrupted run is replaced
  for (const auto& [name, symbol] : points) {
    const std::string event = std::string(kProbeGroup) + ":" + name;
    const common::RunResult added = common::RunToCompletion(
        {kPerfBinary, "probe", "-q", "--no-demangle", "-x", path, event + "=" + symbol}, {});
    if (added.exit_code != 0) {
      return Status(Error::kInternal,
                    "perf probe on " + symbol + " refused: " + added.err.substr(0, 200));
    }
    probe->events_.push_back(event);
  }
  return probe;
}

MallocProbe::~MallocProbe() { RemoveProbes(); }

double MallocProbe::Allocations(const std::map<std::string, double>& counts) const {
  double total = 0;
  for (const std::string& event : events_) {
    if (auto it = counts.find(event); it != counts.end()) total += it->second;
  }
  return total;
}

}  // namespace motcua::bench
