#include "tests/e2e/e2e_support.h"

#include <fcntl.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "adapters/config/server_config.h"
#include "adapters/sqlite/database.h"

extern char** environ;

namespace motcua::e2e {

namespace {

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

std::vector<std::string> Environment(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    if (!extra.count(name)) env.push_back(std::move(entry));
  }
  for (const auto& [name, value] : extra) env.push_back(name + "=" + value);
  return env;
}

// Exit code, or -1000 - signal.
int DecodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -1000 - WTERMSIG(status);
  return -1;
}

}  // namespace

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

std::unique_ptr<ServerProcess> ServerProcess::Start(const std::filesystem::path& config,
                                                    const std::filesystem::path& log,
                                                    const std::vector<std::string>& extra_args) {
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe failed";
    return nullptr;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  std::vector<std::string> args = {MOTCUAD_BINARY, "--config", config.string()};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::vector<std::string> env = Environment({});
  std::vector<char*> argv = CStrings(args);
  std::vector<char*> envp = CStrings(env);
  std::unique_ptr<ServerProcess> p(new ServerProcess());
  int rc = posix_spawn(&p->pid_, MOTCUAD_BINARY, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  p->stdout_fd_ = out[0];
  if (rc != 0) {
    ADD_FAILURE() << "cannot start " << MOTCUAD_BINARY;
    p->pid_ = -1;
    return nullptr;
  }
  // The first stdout line names the bound port.
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (line.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd pfd{p->stdout_fd_, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) break;
    char buf[256];
    ssize_t n = ::read(p->stdout_fd_, buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  const std::string prefix = "motcuad listening on 127.0.0.1:";
  if (line.rfind(prefix, 0) != 0) {
    std::ifstream in(log);
    std::stringstream err;
    err << in.rdbuf();
    ADD_FAILURE() << "motcuad did not start; stdout: '" << line << "'; log: " << err.str();
    return nullptr;
  }
  p->port_ = std::stoi(line.substr(prefix.size()));
  return p;
}

int ServerProcess::StopWith(int signal, std::chrono::seconds limit) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      return DecodeStatus(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  if (stdout_fd_ >= 0) ::close(stdout_fd_);
}

ProcessResult RunProcess(const std::vector<std::string>& argv_in,
                         const std::map<std::string, std::string>& extra_env) {
  ProcessResult result;
  int out[2];
  int err[2];
  if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) return result;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addclose(&actions, err[0]);
  std::vector<std::string> args = argv_in;
  std::vector<std::string> env = Environment(extra_env);
  std::vector<char*> argv = CStrings(args);
  std::vector<char*> envp = CStrings(env);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, args[0].c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  ::close(err[1]);
  if (rc != 0) {
    ::close(out[0]);
    ::close(err[0]);
    return result;
  }
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[4096];
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = DecodeStatus(status);
  return result;
}

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
        "SELECT * FROM dossiers ORDER BY code", "SELECT * FROM handovers ORDER BY seq",
        "SELECT * FROM code_counters ORDER BY unit, day",
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
