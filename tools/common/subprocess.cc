#include "tools/common/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace motcua::common {

namespace {

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// The parent's environment with `extra` added, replacing same-named entries.
std::vector<std::string> Environment(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    if (!extra.count(entry.substr(0, entry.find('=')))) env.push_back(std::move(entry));
  }
  for (const auto& [name, value] : extra) env.push_back(name + "=" + value);
  return env;
}

int DecodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -1000 - WTERMSIG(status);
  return -1;
}

void CloseFd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

Result<std::unique_ptr<Subprocess>> Subprocess::Start(const Options& options) {
  if (options.argv.empty()) return Status(Error::kInvalidArgument, "no program to start");
  const bool pipe_err = options.stderr_mode == StderrMode::kPipe;
  int out[2] = {-1, -1};
  int err[2] = {-1, -1};
  // Close-on-exec: the child keeps only the ends dup2'd onto 1 and 2, so a
  // stream ends when the child (not some other child) closes it.
  if (::pipe2(out, O_CLOEXEC) != 0) return Status(Error::kInternal, "pipe failed");
  if (pipe_err && ::pipe2(err, O_CLOEXEC) != 0) {
    CloseFd(out[0]);
    CloseFd(out[1]);
    return Status(Error::kInternal, "pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  if (pipe_err) {
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  } else if (options.stderr_mode == StderrMode::kFile) {
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, options.stderr_path.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
  }
  std::vector<std::string> args = options.argv;
  std::vector<std::string> env = Environment(options.env);
  std::vector<char*> argv = CStrings(args);
  std::vector<char*> envp = CStrings(env);
  std::unique_ptr<Subprocess> p(new Subprocess());
  const int rc =
      posix_spawn(&p->pid_, args[0].c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  CloseFd(out[1]);
  CloseFd(err[1]);
  p->fds_[0] = out[0];
  p->fds_[1] = err[0];
  if (rc != 0) {
    p->pid_ = -1;
    return Status(Error::kInternal, "cannot start " + args[0] + ": " + std::strerror(rc));
  }
  return p;
}

Subprocess::~Subprocess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    Wait();
  }
  CloseFd(fds_[0]);
  CloseFd(fds_[1]);
}

Result<std::string> Subprocess::ReadLine(std::chrono::milliseconds timeout, Stream stream) {
  const int which = static_cast<int>(stream);
  std::string& buffer = buffered_[which];
  const int fd = fds_[which];
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (auto nl = buffer.find('\n'); nl != std::string::npos) {
      std::string line = buffer.substr(0, nl);
      buffer.erase(0, nl + 1);
      return line;
    }
    if (fd < 0) return Status(Error::kInternal, "the child's stream is not a pipe");
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return Status(Error::kInternal,
                    "no line from the child within " + std::to_string(timeout.count()) + " ms");
    }
    pollfd pfd{fd, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) return Status(Error::kInternal, "poll failed");
    if (ready <= 0) continue;
    char buf[4096];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status(Error::kNotFound, "the child closed its output");
    buffer.append(buf, static_cast<std::size_t>(n));
  }
}

std::string Subprocess::ReadAll(Stream stream) {
  const int which = static_cast<int>(stream);
  std::string all = std::move(buffered_[which]);
  buffered_[which].clear();
  const int fd = fds_[which];
  if (fd < 0) return all;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    all.append(buf, static_cast<std::size_t>(n));
  }
  return all;
}

void Subprocess::Signal(int signal) {
  if (pid_ > 0) ::kill(pid_, signal);
}

int Subprocess::Wait() {
  if (pid_ <= 0) return -1;
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0) {
    if (errno != EINTR) {
      pid_ = -1;
      return -1;
    }
  }
  pid_ = -1;
  return DecodeStatus(status);
}

std::optional<int> Subprocess::WaitFor(std::chrono::milliseconds limit) {
  if (pid_ <= 0) return -1;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      return DecodeStatus(status);
    }
    if (r < 0 && errno != EINTR) {
      pid_ = -1;
      return -1;
    }
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

double Subprocess::CpuSeconds() const {
  if (pid_ <= 0) return 0;
  std::ifstream stat("/proc/" + std::to_string(pid_) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return 0;
  // Fields after the command name, which is in parentheses and may hold
  // spaces: state is field 3, utime and stime are fields 14 and 15.
  const std::size_t close = line.rfind(')');
  if (close == std::string::npos || close + 2 > line.size()) return 0;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i >= 14) ticks += std::stod(field);
  }
  return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

RunResult RunToCompletion(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env) {
  RunResult result;
  auto started =
      Subprocess::Start({.argv = argv, .env = env, .stderr_mode = Subprocess::StderrMode::kPipe});
  if (!started.ok()) return result;
  Subprocess& child = **started;
  // Both streams at once: a child that fills one pipe while the parent
  // waits on the other would block forever.
  std::string* sinks[2] = {&result.out, &result.err};
  pollfd fds[2] = {{child.fds_[0], POLLIN, 0}, {child.fds_[1], POLLIN, 0}};
  int open_fds = 2;
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[4096];
      const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else {
        fds[i].fd = -1;  // poll ignores it; the Subprocess closes it
        --open_fds;
      }
    }
  }
  result.exit_code = child.Wait();
  return result;
}

std::string SelfPath() { return "/proc/self/exe"; }

}  // namespace motcua::common
