// Delivering alerts, end to end (issue 5): the webhook (a real HTTP receiver
// on loopback in the test, failing the first deliveries) gets every alert,
// with its id for de-duplication; `motcua alerts --follow` shows each alert
// live, holds one raised outside office hours until the next opening, and
// exits cleanly when the server stops or on Ctrl-C.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "adapters/http/asio.h"
#include "tests/e2e/alert_fixture.h"

extern char** environ;

namespace motcua::e2e {
namespace {

using ::testing::HasSubstr;
namespace net = http::net;
namespace beast = http::beast;
namespace bhttp = http::bhttp;
using http::tcp;
using std::chrono::milliseconds;

// A webhook receiver: answers 503 to the first request, drops the second
// without an answer, 500 to the third, and 200 from then on.
class HookReceiver {
 public:
  struct Delivery {
    std::string header_id;  // X-Motcua-Alert-Id
    v1::Alert alert;        // the body
    bool acknowledged = false;
  };

  HookReceiver() : acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)) {
    thread_ = std::thread([this] { Loop(); });
  }
  ~HookReceiver() {
    stop_ = true;
    tcp::socket poke(ioc_);  // wakes the blocking accept
    beast::error_code ec;
    poke.connect(acceptor_.local_endpoint(), ec);
    thread_.join();
  }

  int port() const { return acceptor_.local_endpoint().port(); }

  std::vector<Delivery> deliveries() {
    std::lock_guard lock(mutex_);
    return deliveries_;
  }

  // Waits until `n` distinct alerts were acknowledged.
  bool WaitForAcknowledged(std::size_t n, std::chrono::seconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
      std::set<std::string> ids;
      for (const Delivery& d : deliveries()) {
        if (d.acknowledged) ids.insert(d.header_id);
      }
      if (ids.size() >= n) return true;
      std::this_thread::sleep_for(milliseconds(20));
    }
    return false;
  }

 private:
  void Loop() {
    int request = 0;
    while (!stop_) {
      tcp::socket socket(ioc_);
      beast::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stop_) continue;
      beast::flat_buffer buffer;
      bhttp::request<bhttp::string_body> req;
      bhttp::read(socket, buffer, req, ec);
      if (ec) continue;
      Delivery d;
      d.header_id = std::string(req["X-Motcua-Alert-Id"]);
      EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(req.body(), &d.alert).ok())
          << req.body();
      const int n = request++;
      d.acknowledged = n >= 3;
      {
        std::lock_guard lock(mutex_);
        deliveries_.push_back(d);
      }
      if (n == 1) continue;  // dropped: the connection closes unanswered
      bhttp::response<bhttp::string_body> res{
          n == 0 ? bhttp::status::service_unavailable
                 : n == 2 ? bhttp::status::internal_server_error : bhttp::status::ok,
          11};
      res.keep_alive(false);
      res.body() = "ok";
      res.prepare_payload();
      bhttp::write(socket, res, ec);
      socket.shutdown(tcp::socket::shutdown_both, ec);
    }
  }

  net::io_context ioc_;
  tcp::acceptor acceptor_;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<Delivery> deliveries_;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

using AlertDeliveryTest = AlertE2eTest;

TEST_F(AlertDeliveryTest, WebhookFailingTheFirstDeliveriesGetsEveryAlertWithItsId) {
  HookReceiver receiver;
  Start("2026-12-02 10:00", [&](v1::ServerConfig& c) {
    c.mutable_alerts()->set_webhook_url("http://127.0.0.1:" + std::to_string(receiver.port()) +
                                        "/motcua-hook");
  });
  Receive("Nguyễn Văn An", "2026-12-07 10:00");
  Receive("Trần Thị Bình", "2026-12-07 10:00");
  ASSERT_EQ(SetClock("2026-12-07 10:00"), 4);

  // Retried with backoff (0.2 s, 0.4 s, 0.8 s) until acknowledged.
  ASSERT_TRUE(receiver.WaitForAcknowledged(4, std::chrono::seconds(30)));
  const std::vector<v1::Alert> alerts = AllAlerts();
  ASSERT_EQ(alerts.size(), 4u);
  std::map<std::string, v1::Alert> acknowledged;
  std::vector<std::string> order;
  for (const HookReceiver::Delivery& d : receiver.deliveries()) {
    EXPECT_EQ(d.header_id, std::to_string(d.alert.id()));  // the id, twice
    if (d.acknowledged && acknowledged.emplace(d.header_id, d.alert).second) {
      order.push_back(d.header_id);
    }
  }
  // The three failures were all for the first alert: it is retried until
  // acknowledged, and the rest wait behind it, in order.
  const std::vector<HookReceiver::Delivery> all = receiver.deliveries();
  ASSERT_GE(all.size(), 7u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(all[i].header_id, std::to_string(alerts[0].id()));
  std::vector<std::string> expected_order;
  for (const v1::Alert& a : alerts) {
    expected_order.push_back(std::to_string(a.id()));
    const v1::Alert& got = acknowledged[std::to_string(a.id())];
    EXPECT_EQ(Describe(got), Describe(a));
    EXPECT_EQ(got.appointment_at().seconds(), a.appointment_at().seconds());
  }
  EXPECT_EQ(order, expected_order);
}

// A running `motcua alerts --follow` with its stdout and stderr on pipes.
class FollowProcess {
 public:
  FollowProcess(const std::string& server, const std::vector<std::string>& extra) {
    int out[2];
    int err[2];
    EXPECT_EQ(::pipe2(out, O_CLOEXEC), 0);
    EXPECT_EQ(::pipe2(err, O_CLOEXEC), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    std::vector<std::string> args = {MOTCUA_BINARY, "--server", server, "--token", kReception,
                                     "alerts", "--follow"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    EXPECT_EQ(posix_spawn(&pid_, MOTCUA_BINARY, &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    ::close(err[1]);
    fds_[0] = out[0];
    fds_[1] = err[0];
  }
  ~FollowProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(fds_[0]);
    ::close(fds_[1]);
  }

  // The next line of stdout (0) or stderr (1), without its newline; nullopt
  // if none came within `timeout`.
  std::optional<std::string> Line(int which, milliseconds timeout) {
    std::string& buffer = buffers_[which];
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (true) {
      if (auto nl = buffer.find('\n'); nl != std::string::npos) {
        std::string line = buffer.substr(0, nl);
        buffer.erase(0, nl + 1);
        return line;
      }
      const auto left =
          std::chrono::duration_cast<milliseconds>(end - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd p{fds_[which], POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char chunk[4096];
      const ssize_t n = ::read(fds_[which], chunk, sizeof chunk);
      if (n <= 0) return std::nullopt;  // closed
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }

  void Signal(int signal) { ::kill(pid_, signal); }

  // The exit code, or -1 if it did not exit within `limit`.
  int Wait(std::chrono::seconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1000 - WTERMSIG(status);
      }
      std::this_thread::sleep_for(milliseconds(10));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int fds_[2] = {-1, -1};
  std::string buffers_[2];
};

TEST_F(AlertDeliveryTest, FollowShowsAlertsLiveHeldOnesAtOpeningAndEndsWithTheServer) {
  Start("2026-12-02 10:00");
  const std::string code = Receive("Phạm Thị Dung", "2026-12-07 10:00");
  FollowProcess follow(server_->url(), {});
  // Once this line is out, the stream is subscribed: nothing can be missed.
  EXPECT_EQ(follow.Line(1, milliseconds(10000)), "Đang theo dõi cảnh báo (Ctrl-C để dừng)");

  ASSERT_EQ(SetClock("2026-12-04 10:00"), 1);
  auto line = follow.Line(0, milliseconds(10000));
  ASSERT_TRUE(line.has_value());
  EXPECT_THAT(*line, HasSubstr(" Đến hạn xin lỗi  " + code +
                               "  phải xin lỗi trước 2026-12-04 10:00, hẹn trả 2026-12-07 10:00"));

  // Overdue at Monday 10:00, raised at 18:00 when the clock jumps there:
  // held until the office opens on Tuesday.
  ASSERT_EQ(SetClock("2026-12-07 18:00"), 1);
  EXPECT_EQ(follow.Line(0, milliseconds(500)), std::nullopt);
  ASSERT_EQ(SetClock("2026-12-08 07:00"), 0);
  line = follow.Line(0, milliseconds(10000));
  ASSERT_TRUE(line.has_value());
  EXPECT_THAT(*line, HasSubstr(" Quá hạn          " + code + "  hẹn trả 2026-12-07 10:00"));

  // The server stops: the stream ends and the client exits cleanly.
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
  server_.reset();
  EXPECT_EQ(follow.Wait(std::chrono::seconds(15)), 0);
  EXPECT_EQ(follow.Line(1, milliseconds(1000)), "motcua: máy chủ đã đóng luồng cảnh báo");
}

TEST_F(AlertDeliveryTest, FollowSinceReplaysTheBacklogAndStopsOnCtrlC) {
  Start("2026-12-02 10:00");
  const std::string code = Receive("Hoàng Văn Em", "2026-12-07 10:00");
  ASSERT_EQ(SetClock("2026-12-07 10:00"), 2);
  FollowProcess follow(server_->url(), {"--since", "0"});
  EXPECT_EQ(follow.Line(1, milliseconds(10000)), "Đang theo dõi cảnh báo (Ctrl-C để dừng)");
  auto first = follow.Line(0, milliseconds(10000));
  auto second = follow.Line(0, milliseconds(10000));
  ASSERT_TRUE(first && second);
  EXPECT_THAT(*first, HasSubstr("Đến hạn xin lỗi  " + code));
  EXPECT_THAT(*second, HasSubstr("Quá hạn          " + code));
  follow.Signal(SIGINT);
  EXPECT_EQ(follow.Wait(std::chrono::seconds(10)), 0);
  EXPECT_EQ(follow.Line(1, milliseconds(1000)), "Đã dừng theo dõi.");
}

// The server killed (no shutdown sequence): the connection just closes, and
// `--follow` ends all the same (sse_client_test has the race this once hid).
TEST_F(AlertDeliveryTest, FollowEndsWhenTheServerIsKilled) {
  Start("2026-12-02 10:00");
  FollowProcess follow(server_->url(), {});
  EXPECT_EQ(follow.Line(1, milliseconds(10000)), "Đang theo dõi cảnh báo (Ctrl-C để dừng)");
  std::this_thread::sleep_for(milliseconds(120));  // into the client's 250 ms tick
  Kill();
  EXPECT_EQ(follow.Wait(std::chrono::seconds(10)), 0);
  EXPECT_EQ(follow.Line(1, milliseconds(1000)), "motcua: máy chủ đã đóng luồng cảnh báo");
}

TEST_F(AlertDeliveryTest, FollowRefusedOrUnreachableIsOneLine) {
  Start("2026-12-02 10:00");
  ProcessResult refused = Run(kStatistics, {"alerts", "--follow"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, "motcua: vai trò của bạn không được theo dõi cảnh báo\n");
  ProcessResult gone = Motcua("http://127.0.0.1:1", kReception, {"alerts", "--follow"});
  EXPECT_EQ(gone.exit_code, 3);
  EXPECT_EQ(std::count(gone.err.begin(), gone.err.end(), '\n'), 1) << gone.err;
}

}  // namespace
}  // namespace motcua::e2e
