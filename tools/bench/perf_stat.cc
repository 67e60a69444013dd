#include "tools/bench/perf_stat.h"

#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

namespace motcua::bench {

namespace {

// The path of the libc this process runs with, from its memory map.
std::string LibcPath() {
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);) {
    const auto slash = line.find('/');
    if (slash != std::string::npos && line.find("/libc.so.6") != std::string::npos) {
      return line.substr(slash);
    }
  }
  return {};
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
  const std::string libc = LibcPath();
  if (libc.empty()) return Status(Error::kNotFound, "libc.so.6 not found in /proc/self/maps");
  // A probe left by an interrupted run is replaced.
  common::RunToCompletion({kPerfBinary, "probe", "-q", "-d", kEvent}, {});
  const common::RunResult added =
      common::RunToCompletion({kPerfBinary, "probe", "-q", "-x", libc, "malloc"}, {});
  if (added.exit_code != 0) {
    return Status(Error::kInternal, "perf probe on malloc refused: " + added.err.substr(0, 200));
  }
  return std::unique_ptr<MallocProbe>(new MallocProbe());
}

MallocProbe::~MallocProbe() { common::RunToCompletion({kPerfBinary, "probe", "-q", "-d", kEvent}, {}); }

}  // namespace motcua::bench
