// The leader's dashboard for a year in a real browser: motcuad serving the
// year of generated traffic (Context::YearStore, 100,000 dossiers at the
// default scale) and the built web desk, and web/bench/dashboard-render.mjs
// driving Debian's chromium through Playwright: the time from picking the
// year to every part of the dashboard drawn (targets, trend, report, by
// officer, satisfaction, what needs action now). Beside it, in the same run,
// the API's own time for the two reads the year needs (GET /v1/stats and
// GET /v1/stats/trend), as the browser asked them. Target: under a second.
//
// motcuad raises the alerts the year leaves due at its clock (2024-12-31
// 17:00) into the store, so this runs after every benchmark that reads it.
// Needs node, web/node_modules and chromium, as the web desk's tests do.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "tools/bench/benchmarks.h"
#include "tools/common/subprocess.h"

namespace motcua::bench {
namespace {

// `name` on the PATH, as a shell would find it; empty if nowhere.
std::string OnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::filesystem::path candidate = std::filesystem::path(dir) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return {};
}

std::vector<double> Numbers(const google::protobuf::Struct& reply, const std::string& key) {
  std::vector<double> out;
  auto it = reply.fields().find(key);
  if (it == reply.fields().end()) return out;
  for (const auto& v : it->second.list_value().values()) out.push_back(v.number_value());
  return out;
}

}  // namespace

Result<std::vector<Row>> RunDashboard(Context& context) {
  const std::filesystem::path web = context.options().web_root.parent_path();
  const std::filesystem::path script = web / "bench" / "dashboard-render.mjs";
  const std::string node = OnPath("node");
  if (node.empty() || !std::filesystem::exists(web / "node_modules" / "@playwright" / "test") ||
      !std::filesystem::exists(context.options().web_root / "index.html")) {
    return Status(Error::kConfig, "the dashboard benchmark needs node, " + (web / "node_modules").string() +
                                      " and a built " + context.options().web_root.string() +
                                      " (./dev.sh test installs and builds them)");
  }
  MOTCUA_ASSIGN_OR_RETURN(Store * store, context.YearStore());
  std::vector<std::string> argv = {context.options().motcuad.string(),
                                   "--config", context.options().config.string(),
                                   "--db", store->path,
                                   "--listen", "127.0.0.1:0",
                                   "--web-root", context.options().web_root.string(),
                                   "--test-clock", "2024-12-31 17:00"};
  MOTCUA_ASSIGN_OR_RETURN(
      std::unique_ptr<common::Subprocess> server,
      common::Subprocess::Start({.argv = argv,
                                 .stderr_mode = common::Subprocess::StderrMode::kFile,
                                 .stderr_path = (context.dir() / "motcuad-dashboard.log").string()}));
  MOTCUA_ASSIGN_OR_RETURN(std::string line, server->ReadLine(std::chrono::seconds(120)));
  const std::string prefix = "motcuad listening on ";
  if (line.rfind(prefix, 0) != 0) {
    return Status(Error::kInternal, "motcuad did not start (see " +
                                        (context.dir() / "motcuad-dashboard.log").string() + "): " + line);
  }
  const std::string url = "http://" + line.substr(prefix.size());
  const int reps = context.Repetitions(5);
  const common::RunResult browser = common::RunToCompletion(
      {node, script.string(), url, "2024-01-01", "2024-12-31", std::to_string(reps)});
  server->Signal(SIGTERM);
  server->Wait();
  if (browser.exit_code != 0) {
    return Status(Error::kInternal, "the browser run failed: " + browser.err.substr(0, 2000));
  }
  google::protobuf::Struct reply;
  if (!google::protobuf::util::JsonStringToMessage(browser.out, &reply).ok()) {
    return Status(Error::kInternal, "the browser run printed no result: " + browser.out.substr(0, 500));
  }
  const std::vector<double> render = Numbers(reply, "render_ms");
  const std::vector<double> stats = Numbers(reply, "stats_ms");
  const std::vector<double> trend = Numbers(reply, "trend_ms");
  if (render.empty() || stats.empty() || trend.empty()) {
    return Status(Error::kInternal, "the browser run measured nothing: " + browser.out);
  }
  std::vector<double> api;
  for (std::size_t i = 0; i < std::min(stats.size(), trend.size()); ++i) api.push_back(stats[i] + trend[i]);

  Row row;
  row.name = "dashboard";
  row.what = "the leader's dashboard for a year in chromium: pick the year, every part drawn";
  row.figure = Median(render);
  row.unit = "ms";
  row.baseline = Median(api);
  row.baseline_what = "ms the API's own reads for it (GET /v1/stats + /v1/stats/trend)";
  row.targets = {{Target::Kind::kFigureAtMost, 1000.0}};
  row.repetitions = reps;
  row.Detail("data set", FormatCount(static_cast<double>(store->dossiers)) + " dossiers generated; " +
                             FormatCount(reply.fields().at("dossiers").number_value()) +
                             " to handle in 2024 (the report's total)");
  row.Detail("render runs (ms)", FormatRuns(render));
  row.Detail("GET /v1/stats runs (ms)", FormatRuns(stats));
  row.Detail("GET /v1/stats/trend runs (ms)", FormatRuns(trend));
  return std::vector<Row>{row};
}

}  // namespace motcua::bench
