// End-to-end test support: the real motcuad and motcua binaries (their paths
// come from the build as MOTCUAD_BINARY and MOTCUA_BINARY), a temporary
// configuration and database per test, and a dump of the store to compare
// before and after a request that must change nothing.
#ifndef MOTCUA_TESTS_E2E_E2E_SUPPORT_H_
#define MOTCUA_TESTS_E2E_E2E_SUPPORT_H_

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "motcua/v1/config.pb.h"
#include "tools/common/subprocess.h"

namespace motcua::e2e {

// Demo tokens of data/config/users.json (one user per role).
inline constexpr const char* kReception = "demo-reception-token";
inline constexpr const char* kSpecialist = "demo-specialist-token";
inline constexpr const char* kSpecialist2 = "demo-specialist2-token";
inline constexpr const char* kLeader = "demo-leader-token";
inline constexpr const char* kStatistics = "demo-statistics-token";
inline constexpr const char* kAdmin = "demo-admin-token";

// The shipped configuration with every path absolute, the database at `db`
// and listening on 127.0.0.1:0; `edit` may change it before it is written to
// `path`.
void WriteConfig(const std::filesystem::path& path, const std::string& db,
                 const std::function<void(v1::ServerConfig&)>& edit = {});

// `vietnam_minute` ("YYYY-MM-DD HH:MM", Vietnam time; anything after is
// ignored) plus `hours` of working time on the shipped calendar, in the same
// form: a new appointment an apology made before it may promise.
std::string AddWorkingHours(const std::string& vietnam_minute, int hours);

// A running motcuad (a common::Subprocess). The destructor kills it
// (SIGKILL) if a test left it running.
class ServerProcess {
 public:
  // Starts motcuad --config `config` and waits (up to a minute) for its
  // "motcuad listening on" line; its stderr goes to `log`. Fails the test
  // (ADD_FAILURE) and returns nullptr if it does not come up. `extra_args`
  // follow --config (e.g. {"--test-clock", "2026-12-01 17:45"}); `env` is
  // added to its environment.
  static std::unique_ptr<ServerProcess> Start(const std::filesystem::path& config,
                                              const std::filesystem::path& log,
                                              const std::vector<std::string>& extra_args = {},
                                              const std::map<std::string, std::string>& env = {});
  ~ServerProcess();

  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  pid_t pid() const { return process_->pid(); }

  // Sends `signal` and returns.
  void Signal(int signal) { process_->Signal(signal); }
  // Sends `signal` and waits (up to `limit`) for the process to exit; its
  // exit code, or -1000 - signal if killed by one, or -1 on timeout.
  int StopWith(int signal, std::chrono::seconds limit = std::chrono::seconds(120));

 private:
  explicit ServerProcess(std::unique_ptr<common::Subprocess> process)
      : process_(std::move(process)) {}
  std::unique_ptr<common::Subprocess> process_;
  int port_ = 0;
};

using ProcessResult = common::RunResult;

// Runs a program to completion with extra environment variables
// (common::RunToCompletion).
inline ProcessResult RunProcess(const std::vector<std::string>& argv,
                                const std::map<std::string, std::string>& env = {}) {
  return common::RunToCompletion(argv, env);
}

// Runs the motcua binary with `args`; MOTCUA_SERVER and MOTCUA_TOKEN are set
// from `server` and `token` when not empty.
ProcessResult Motcua(const std::string& server, const std::string& token,
                     const std::vector<std::string>& args);

// Every row of the store's tables (events, idempotency records, the
// projections), in a canonical order and rendering, for before/after
// comparisons.
std::string DumpStore(const std::string& db_path);
// Number of events in the log.
long long CountEvents(const std::string& db_path);

// The value of the "Label: value" line of the desk client's output; empty
// if there is none.
std::string Field(const std::string& output, const std::string& label);

}  // namespace motcua::e2e

#endif  // MOTCUA_TESTS_E2E_E2E_SUPPORT_H_
