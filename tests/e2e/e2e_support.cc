#include "tests/e2e/e2e_support.h"

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "adapters/config/server_config.h"
#include "adapters/sqlite/database.h"
#include "engine/base/time.h"
#include "tests/support/fixtures.h"

namespace motcua::e2e {

void WriteConfig(const std::filesystem::path& path, const std::string& db,
                 const std::function<void(v1::ServerConfig&)>& edit) {
  auto shipped = config::LoadServerConfig(std::filesystem::path(MOTCUA_SOURCE_DIR) / "data" /
                                          "config" / "motcuad.json");
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  v1::ServerConfig c = *shipped;
  c.set_db(db);
  c.set_listen("127.0.0.1:0");
  c.mutable_export_()->set_dir((path.parent_path() / "exports").string());
  if (edit) edit(c);
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(c, &json, options).ok());
  std::ofstream(path) << json;
}

std::string AddWorkingHours(const std::string& vietnam_minute, int hours) {
  auto from = ParseVietnamMinute(vietnam_minute.substr(0, 16));
  EXPECT_TRUE(from.ok()) << vietnam_minute;
  if (!from.ok()) return {};
  auto later = ::motcua::testing::ShippedCalendar()->AddWorkingTime(*from, std::chrono::hours(hours));
  EXPECT_TRUE(later.ok()) << vietnam_minute;
  return later.ok() ? FormatVietnamMinute(*later) : std::string();
}

std::unique_ptr<ServerProcess> ServerProcess::Start(const std::filesystem::path& config,
                                                    const std::filesystem::path& log,
                                                    const std::vector<std::string>& extra_args,
                                                    const std::map<std::string, std::string>& env) {
  std::vector<std::string> args = {MOTCUAD_BINARY, "--config", config.string()};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  auto started = common::Subprocess::Start({.argv = args,
                                            .env = env,
                                            .stderr_mode = common::Subprocess::StderrMode::kFile,
                                            .stderr_path = log.string()});
  if (!started.ok()) {
    ADD_FAILURE() << started.status().ToString();
    return nullptr;
  }
  std::unique_ptr<ServerProcess> p(new ServerProcess(std::move(*started)));
  // The first stdout line names the bound port.
  auto line = p->process_->ReadLine(std::chrono::minutes(1));
  const std::string prefix = "motcuad listening on 127.0.0.1:";
  if (!line.ok() || line->rfind(prefix, 0) != 0) {
    std::ifstream in(log);
    std::stringstream err;
    err << in.rdbuf();
    ADD_FAILURE() << "motcuad did not start; stdout: '"
                  << (line.ok() ? *line : line.status().ToString()) << "'; log: " << err.str();
    return nullptr;
  }
  p->port_ = std::stoi(line->substr(prefix.size()));
  return p;
}

int ServerProcess::StopWith(int signal, std::chrono::seconds limit) {
  if (process_->pid() <= 0) return -1;
  process_->Signal(signal);
  return process_->WaitFor(limit).value_or(-1);
}

ServerProcess::~ServerProcess() = default;  // the Subprocess kills and reaps

ProcessResult Motcua(const std::string& server, const std::string& token,
                     const std::vector<std::string>& args) {
  std::vector<std::string> argv = {MOTCUA_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::map<std::string, std::string> env;
  if (!server.empty()) env["MOTCUA_SERVER"] = server;
  env["MOTCUA_TOKEN"] = token;
  return RunProcess(argv, env);
}

std::string DumpStore(const std::string& db_path) {
  auto db = sqlite::Database::Open(db_path, sqlite::Database::Mode::kReadOnly);
  if (!db.ok()) return "cannot open: " + db.status().ToString();
  std::string dump;
  for (const char* sql :
       {"SELECT * FROM events ORDER BY seq", "SELECT * FROM idempotency ORDER BY actor, key",
        "SELECT * FROM dossiers ORDER BY code", "SELECT * FROM code_counters ORDER BY unit, day",
        "SELECT * FROM daily_counters ORDER BY day, procedure, counter",
        "SELECT * FROM monthly_counters ORDER BY month, procedure, counter"}) {
    sqlite::Statement st(**db, sql);
    dump += std::string(sql) + "\n";
    while (st.Step()) {
      for (int c = 0; c < st.ColumnCount(); ++c) dump += st.ColumnCanonical(c) + "|";
      dump += "\n";
    }
    if (!st.ok()) dump += "error: " + st.status().ToString() + "\n";
  }
  return dump;
}

long long CountEvents(const std::string& db_path) {
  auto db = sqlite::Database::Open(db_path, sqlite::Database::Mode::kReadOnly);
  if (!db.ok()) return -1;
  sqlite::Statement st(**db, "SELECT COUNT(*) FROM events");
  return st.Step() ? st.ColumnInt(0) : -1;
}

std::string Field(const std::string& output, const std::string& label) {
  std::istringstream in(output);
  std::string line;
  const std::string prefix = label + ": ";
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  }
  return "";
}

}  // namespace motcua::e2e
