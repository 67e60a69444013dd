#include "tools/bench/harness.h"

#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <thread>

namespace motcua::bench {

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

std::int64_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  std::int64_t size = 0;
  std::int64_t resident = 0;
  statm >> size >> resident;
  return resident * static_cast<std::int64_t>(::sysconf(_SC_PAGESIZE));
}

double ProcessCpuSeconds() {
  timespec t{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

MachineCpu MachineCpuSeconds() {
  std::ifstream stat("/proc/stat");
  std::string cpu;
  // user nice system idle iowait irq softirq steal, in clock ticks.
  double t[8] = {};
  stat >> cpu;
  for (double& v : t) stat >> v;
  MachineCpu m;
  if (!stat || cpu != "cpu") return m;
  const double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  m.busy = (t[0] + t[1] + t[2] + t[5] + t[6]) / tick;
  m.idle = (t[3] + t[4]) / tick;
  m.stolen = t[7] / tick;
  return m;
}

double MedianOf(int repetitions, const std::function<double()>& measure) {
  std::vector<double> values;
  for (int i = 0; i < repetitions; ++i) values.push_back(measure());
  return Median(std::move(values));
}

double Row::Ratio() const {
  if (ratio) return *ratio;
  return baseline && *baseline != 0 ? figure / *baseline : 0;
}

std::optional<bool> Row::Met() const {
  if (targets.empty()) return std::nullopt;
  for (const Target& t : targets) {
    const double r = Ratio();
    bool ok = true;
    switch (t.kind) {
      case Target::Kind::kRatioAtLeast:
        ok = r >= t.value;
        break;
      case Target::Kind::kRatioAtMost:
        ok = r <= t.value;
        break;
      case Target::Kind::kFigureAtLeast:
        ok = figure >= t.value;
        break;
      case Target::Kind::kFigureAtMost:
        ok = figure <= t.value;
        break;
    }
    if (!ok) return false;
  }
  return true;
}

std::string FormatCount(double value) {
  const auto n = static_cast<long long>(std::llround(value));
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string FormatFixed(double value, int decimals) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << value;
  return s.str();
}

std::string FormatRuns(const std::vector<double>& values) {
  std::string out;
  for (double v : values) {
    if (!out.empty()) out += "; ";
    out += std::fabs(v) >= 1000 ? FormatCount(v) : FormatFixed(v, 3);
  }
  return out;
}

namespace {

// Large figures with thousands separators, small ones with a few decimals.
std::string FormatFigure(double value) {
  if (std::fabs(value) >= 1000) return FormatCount(value);
  if (std::fabs(value) >= 10) return FormatFixed(value, 1);
  return FormatFixed(value, 3);
}

std::string TargetText(const Row& row) {
  std::string text;
  for (const Target& t : row.targets) {
    if (!text.empty()) text += ", ";
    switch (t.kind) {
      case Target::Kind::kRatioAtLeast:
        text += "ratio >= " + FormatFigure(t.value);
        break;
      case Target::Kind::kRatioAtMost:
        text += "ratio <= " + FormatFigure(t.value);
        break;
      case Target::Kind::kFigureAtLeast:
        text += ">= " + FormatFigure(t.value);
        break;
      case Target::Kind::kFigureAtMost:
        text += "<= " + FormatFigure(t.value);
        break;
    }
  }
  return text.empty() ? "report" : text;
}

std::string MetText(const Row& row) {
  auto met = row.Met();
  return !met ? "-" : *met ? "yes" : "NO";
}

std::string Pad(const std::string& s, std::size_t width) {
  // Widths count bytes; every cell is ASCII.
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string JsonNumber(double v) {
  if (!std::isfinite(v)) return "null";
  std::ostringstream s;
  s << std::setprecision(6) << v;
  return s.str();
}

std::string JsonObject(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out = "{";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ", ";
    out += JsonString(fields[i].first) + ": " + JsonString(fields[i].second);
  }
  return out + "}";
}

}  // namespace

void PrintTable(const std::vector<Row>& rows, std::ostream& out) {
  const std::vector<std::string> header = {
      "benchmark", "figure", "baseline (same run)", "ratio", "target", "met", "reps"};
  std::vector<std::vector<std::string>> cells;
  for (const Row& r : rows) {
    cells.push_back({r.name, FormatFigure(r.figure) + " " + r.unit,
                     r.baseline ? FormatFigure(*r.baseline) + " " + r.baseline_what : "-",
                     r.has_ratio && (r.baseline || r.ratio) ? FormatFixed(r.Ratio(), 3) : "-",
                     TargetText(r), MetText(r), std::to_string(r.repetitions)});
  }
  std::vector<std::size_t> width(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    width[c] = header[c].size();
    for (const auto& row : cells) width[c] = std::max(width[c], row[c].size());
  }
  auto line = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size(); ++c) out << (c ? " | " : "") << Pad(row[c], width[c]);
    out << "\n";
  };
  line(header);
  std::vector<std::string> rule;
  for (std::size_t w : width) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& row : cells) line(row);
  out << "\n";
  for (const Row& r : rows) {
    out << r.name << ": " << r.what << "\n";
    for (const auto& [key, value] : r.details) out << "    " << key << ": " << value << "\n";
  }
}

std::string SummaryJson(const std::vector<Row>& rows,
                        const std::vector<std::pair<std::string, std::string>>& machine,
                        const std::vector<std::pair<std::string, std::string>>& failures,
                        const std::string& command) {
  std::string out = "{\"command\": " + JsonString(command) + ",\n";
  out += " \"machine\": " + JsonObject(machine) + ",\n";
  out += " \"results\": [\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    out += "  {\"name\": " + JsonString(r.name) + ", \"figure\": " + JsonNumber(r.figure) +
           ", \"unit\": " + JsonString(r.unit);
    if (r.baseline) {
      out += ", \"baseline\": " + JsonNumber(*r.baseline) +
             ", \"baseline_unit\": " + JsonString(r.baseline_what);
    }
    if (r.has_ratio && (r.baseline || r.ratio)) {
      out += ", \"ratio\": " + JsonNumber(r.Ratio());
    }
    out += ", \"target\": " + JsonString(TargetText(r));
    auto met = r.Met();
    out += ", \"met\": " + std::string(!met ? "null" : *met ? "true" : "false");
    out += ", \"repetitions\": " + std::to_string(r.repetitions);
    out += ", \"details\": " + JsonObject(r.details) + "}";
    out += i + 1 < rows.size() ? ",\n" : "\n";
  }
  out += " ],\n \"failed\": " + JsonObject(failures) + "}\n";
  return out;
}

// jemalloc's control interface, there when the program is linked with it
// (CMakeLists.txt MOTCUA_JEMALLOC) or it is preloaded: weak, so that its
// absence reads as null. The figures depend on the allocator, so they say it.
extern "C" int mallctl(const char* name, void* old, std::size_t* old_size, void* value,
                       std::size_t value_size) __attribute__((weak));

namespace {

std::string AllocatorName() {
  if (mallctl == nullptr) return "glibc malloc";
  const char* version = nullptr;
  std::size_t size = sizeof(version);
  if (mallctl("version", &version, &size, nullptr, 0) != 0 || version == nullptr) {
    return "jemalloc";
  }
  return std::string("jemalloc ") + version;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> MachineFacts() {
  std::vector<std::pair<std::string, std::string>> facts;
  facts.emplace_back("nproc", std::to_string(std::thread::hardware_concurrency()));
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) {
      facts.emplace_back("cpu", line.substr(line.find(':') + 2));
      break;
    }
  }
  std::ifstream meminfo("/proc/meminfo");
  for (std::string line; std::getline(meminfo, line);) {
    if (line.rfind("MemTotal:", 0) == 0) {
      std::istringstream in(line.substr(9));
      long long kb = 0;
      in >> kb;
      facts.emplace_back("memory",
                         FormatFixed(static_cast<double>(kb) / (1024.0 * 1024.0), 1) + " GiB");
    }
  }
  utsname u{};
  if (::uname(&u) == 0) facts.emplace_back("kernel", std::string(u.sysname) + " " + u.release);
  std::ifstream loadavg("/proc/loadavg");
  std::string one, five, fifteen;
  if (loadavg >> one >> five >> fifteen) {
    facts.emplace_back("load average at start", one + " " + five + " " + fifteen);
  }
  facts.emplace_back("allocator", AllocatorName());
  return facts;
}

}  // namespace motcua::bench
