// Delivering alerts, end to end: the webhook (a real HTTP receiver
// on loopback in the test, failing the first deliveries) gets every alert,
// with its id for de-duplication; an alert the receiver refuses for good
// (a 4xx) or that stays undeliverable past webhook_max_age_hours is set
// aside in the undelivered list without holding back the later ones, the
// list survives a restart, and the admin retries it by hand
// (`motcua alerts --undelivered`, `--retry SEQ`, `--retry-all`);
// `motcua alerts --follow` shows each alert live, holds one raised outside
// office hours until the next opening, and exits cleanly when the server
// stops or on Ctrl-C.
#include <gmock/gmock.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "adapters/api/body_codec.h"
#include "adapters/client/api_client.h"
#include "adapters/net/asio.h"
#include "engine/base/proto_time.h"
#include "engine/base/time.h"
#include "motcua/v1/alerts.pb.h"
#include "tests/e2e/alert_fixture.h"
#include "tools/common/subprocess.h"

namespace motcua::e2e {
namespace {

using ::testing::HasSubstr;
using std::chrono::milliseconds;

// A webhook receiver. `answer` gives the HTTP status of each request (its
// index from 0, and the alert it carries; 0 drops the connection without
// an answer), called on the receiver's thread. By default: 503 to the first
// request, dropped the second, 500 to the third, and 200 from then on.
class HookReceiver {
 public:
  struct Delivery {
    std::string header_id;  // X-Motcua-Alert-Id
    v1::Alert alert;        // the body
    bool acknowledged = false;
  };
  using Answer = std::function<int(int request, const v1::Alert& alert)>;

  static int FlakyAtFirst(int request, const v1::Alert& /*alert*/) {
    return request == 0 ? 503 : request == 1 ? 0 : request == 2 ? 500 : 200;
  }

  explicit HookReceiver(Answer answer = FlakyAtFirst)
      : answer_(std::move(answer)),
        acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)) {
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

  // Waits until `n` requests (answered or not) came for the alert `id`.
  bool WaitForAttempts(std::uint64_t id, std::size_t n, std::chrono::seconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
      const auto all = deliveries();
      if (static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [&](const Delivery& d) {
            return d.alert.id() == id;
          })) >= n) {
        return true;
      }
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
      const int status = answer_(request++, d.alert);
      d.acknowledged = status >= 200 && status < 300;
      {
        std::lock_guard lock(mutex_);
        deliveries_.push_back(d);
      }
      if (status == 0) continue;  // dropped: the connection closes unanswered
      bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(status), 11};
      res.keep_alive(false);
      res.body() = "ok";
      res.prepare_payload();
      bhttp::write(socket, res, ec);
      socket.shutdown(tcp::socket::shutdown_both, ec);
    }
  }

  Answer answer_;  // the receiver thread's only
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

// GET /v1/alerts/undelivered as the admin, as binary protobuf.
v1::UndeliveredAlertList Undelivered(const std::string& server) {
  auto url = client::ServerUrl::Parse(server);
  EXPECT_TRUE(url.ok());
  client::ApiClient client(*url, kAdmin);
  client::HttpClient::Call call;
  call.method = bhttp::verb::get;
  call.target = "/v1/alerts/undelivered";
  call.headers = {{"Accept", std::string(api::kProtobufType)}};
  auto reply = client.Fetch(call, /*may_retry=*/false);
  v1::UndeliveredAlertList list;
  if (!reply.ok()) {
    ADD_FAILURE() << reply.status().ToString();
    return list;
  }
  EXPECT_TRUE(list.ParseFromString(reply->body));
  return list;
}

// The undelivered list once it holds `n` alerts (the deliverer's thread
// writes it after the attempt); what it holds after `limit` else.
v1::UndeliveredAlertList WaitForUndelivered(const std::string& server, int n,
                                            std::chrono::seconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  v1::UndeliveredAlertList list = Undelivered(server);
  while (list.alerts_size() != n && std::chrono::steady_clock::now() < end) {
    std::this_thread::sleep_for(milliseconds(20));
    list = Undelivered(server);
  }
  return list;
}

// A receiver that answers 404 to one alert (a permanent refusal) must not
// hold back the others: they are delivered, the refused one is set aside
// with its reason, the list outlives a restart, and once the receiver is
// fixed the admin's retry delivers it.
TEST_F(AlertDeliveryTest, WebhookRefusingOneAlertSetsItAsideAndDeliversTheRest) {
  std::atomic<bool> fixed{false};
  HookReceiver receiver(
      [&fixed, refused = std::optional<std::uint64_t>()](int, const v1::Alert& a) mutable {
        if (!refused) refused = a.id();  // the first alert it is sent
        return a.id() == *refused && !fixed ? 404 : 200;
      });
  Start("2026-12-02 10:00", [&](v1::ServerConfig& c) {
    c.mutable_alerts()->set_webhook_url("http://127.0.0.1:" + std::to_string(receiver.port()) +
                                        "/motcua-hook");
  });
  Receive("Nguyễn Văn An", "2026-12-07 10:00");
  Receive("Trần Thị Bình", "2026-12-07 10:00");
  ASSERT_EQ(SetClock("2026-12-07 10:00"), 4);
  const std::vector<v1::Alert> alerts = AllAlerts();
  ASSERT_EQ(alerts.size(), 4u);
  const std::uint64_t first = alerts[0].id();

  // The three later alerts arrive although the first was refused.
  ASSERT_TRUE(receiver.WaitForAcknowledged(3, std::chrono::seconds(30)));
  std::vector<std::uint64_t> acknowledged;
  for (const HookReceiver::Delivery& d : receiver.deliveries()) {
    if (d.acknowledged) acknowledged.push_back(d.alert.id());
  }
  EXPECT_EQ(acknowledged,
            (std::vector<std::uint64_t>{alerts[1].id(), alerts[2].id(), alerts[3].id()}));
  v1::UndeliveredAlertList list = WaitForUndelivered(server_->url(), 1, std::chrono::seconds(10));
  ASSERT_EQ(list.alerts_size(), 1);
  EXPECT_EQ(list.alerts(0).alert().id(), first);
  EXPECT_EQ(Describe(list.alerts(0).alert()), Describe(alerts[0]));
  EXPECT_EQ(list.alerts(0).reason(), v1::UNDELIVERED_REASON_REFUSED);
  EXPECT_EQ(list.alerts(0).http_status(), 404u);
  EXPECT_EQ(list.alerts(0).attempts(), 1u);  // a 404 is not retried
  EXPECT_EQ(FormatVietnamMinute(ToInstant(list.alerts(0).last_attempt_at())), "2026-12-07 10:00");
  EXPECT_FALSE(list.alerts(0).retry_pending());

  std::string out = Ok(kAdmin, {"alerts", "--undelivered"});
  EXPECT_THAT(out, HasSubstr("Cảnh báo chưa gửi được tới webhook: 1\n#" + std::to_string(first) +
                             " "));
  EXPECT_THAT(out, HasSubstr(alerts[0].dossier_code()));
  EXPECT_THAT(out, HasSubstr("máy nhận từ chối (HTTP 404); đã gửi 1 lần, lần cuối 2026-12-07 10:00"));
  // The admin's view only.
  ProcessResult refused = Run(kLeader, {"alerts", "--undelivered"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, "motcua: vai trò của bạn không được xem cảnh báo chưa gửi được\n");

  // A restart keeps the list (and does not send it again by itself).
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
  Restart("2026-12-07 10:05");
  list = Undelivered(server_->url());
  ASSERT_EQ(list.alerts_size(), 1);
  EXPECT_EQ(list.alerts(0).alert().id(), first);
  EXPECT_EQ(list.alerts(0).http_status(), 404u);
  EXPECT_EQ(receiver.deliveries().size(), 4u);

  // Fixed receiver: the admin's retry delivers it, and the list empties.
  fixed = true;
  ProcessResult unknown = Run(kAdmin, {"alerts", "--retry", "999999"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("#999999"));
  EXPECT_EQ(Ok(kAdmin, {"alerts", "--retry", std::to_string(first)}),
            "Đã xếp lại 1 cảnh báo vào hàng gửi webhook.\n");
  ASSERT_TRUE(receiver.WaitForAcknowledged(4, std::chrono::seconds(30)));
  const auto all = receiver.deliveries();
  EXPECT_EQ(all.back().alert.id(), first);
  EXPECT_TRUE(all.back().acknowledged);
  EXPECT_EQ(WaitForUndelivered(server_->url(), 0, std::chrono::seconds(10)).alerts_size(), 0);
  EXPECT_EQ(Ok(kAdmin, {"alerts", "--undelivered"}), "Không có cảnh báo nào chưa gửi được.\n");
}

// A 503 is a passing failure: retried (with backoff), never set aside for
// itself; but an alert still undelivered past webhook_max_age_hours after
// its delivery time is set aside as too old, and --retry-all sends it again.
TEST_F(AlertDeliveryTest, WebhookUnavailableIsRetriedUntilTheAlertIsTooOld) {
  std::atomic<bool> fixed{false};
  HookReceiver receiver([&fixed](int, const v1::Alert&) { return fixed ? 200 : 503; });
  Start("2026-12-02 10:00", [&](v1::ServerConfig& c) {
    c.mutable_alerts()->set_webhook_url("http://127.0.0.1:" + std::to_string(receiver.port()) +
                                        "/motcua-hook");
    c.mutable_alerts()->set_webhook_max_age_hours(2);
  });
  Receive("Lê Văn Cường", "2026-12-07 10:00");
  ASSERT_EQ(SetClock("2026-12-04 10:00"), 1);  // apology due, delivered at 10:00
  const std::uint64_t id = AllAlerts().at(0).id();

  ASSERT_TRUE(receiver.WaitForAttempts(id, 3, std::chrono::seconds(30)));
  EXPECT_EQ(Undelivered(server_->url()).alerts_size(), 0);  // retried, not set aside
  ASSERT_EQ(SetClock("2026-12-04 11:59"), 0);               // not yet too old
  ASSERT_TRUE(receiver.WaitForAttempts(id, 4, std::chrono::seconds(30)));
  EXPECT_EQ(Undelivered(server_->url()).alerts_size(), 0);

  ASSERT_EQ(SetClock("2026-12-04 12:01"), 0);  // 2 h 1 min after its delivery time
  v1::UndeliveredAlertList list = WaitForUndelivered(server_->url(), 1, std::chrono::seconds(10));
  ASSERT_EQ(list.alerts_size(), 1);
  const v1::UndeliveredAlert& u = list.alerts(0);
  EXPECT_EQ(u.alert().id(), id);
  EXPECT_EQ(u.reason(), v1::UNDELIVERED_REASON_TOO_OLD);
  EXPECT_EQ(u.http_status(), 0u);
  EXPECT_EQ(u.last_error(), "HTTP 503");
  EXPECT_GE(u.attempts(), 4u);
  const std::size_t tried = receiver.deliveries().size();
  EXPECT_EQ(u.attempts(), tried);
  std::this_thread::sleep_for(milliseconds(1000));  // no longer retried
  EXPECT_EQ(receiver.deliveries().size(), tried);
  EXPECT_THAT(Ok(kAdmin, {"alerts", "--undelivered"}),
              HasSubstr("quá thời hạn gửi (lỗi cuối: HTTP 503); đã gửi " +
                        std::to_string(tried) + " lần"));

  fixed = true;
  EXPECT_EQ(Ok(kAdmin, {"alerts", "--retry-all"}),
            "Đã xếp lại 1 cảnh báo vào hàng gửi webhook.\n");
  ASSERT_TRUE(receiver.WaitForAcknowledged(1, std::chrono::seconds(30)));
  EXPECT_EQ(receiver.deliveries().back().alert.id(), id);
  EXPECT_EQ(WaitForUndelivered(server_->url(), 0, std::chrono::seconds(10)).alerts_size(), 0);
}

// A running `motcua alerts --follow` with its stdout and stderr on pipes.
class FollowProcess {
 public:
  FollowProcess(const std::string& server, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {MOTCUA_BINARY, "--server", server, "--token", kReception,
                                     "alerts",      "--follow"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto started = common::Subprocess::Start(
        {.argv = args, .stderr_mode = common::Subprocess::StderrMode::kPipe});
    EXPECT_TRUE(started.ok()) << started.status().ToString();
    if (started.ok()) process_ = std::move(*started);
  }

  // The next line of `stream`, without its newline; nullopt if none came
  // within `timeout` (or the stream ended).
  std::optional<std::string> Line(common::Stream stream, milliseconds timeout) {
    if (process_ == nullptr) return std::nullopt;
    auto line = process_->ReadLine(timeout, stream);
    if (!line.ok()) return std::nullopt;
    return *line;
  }

  void Signal(int signal) {
    if (process_ != nullptr) process_->Signal(signal);
  }

  // The exit code, or -1 if it did not exit within `limit`.
  int Wait(std::chrono::seconds limit) {
    return process_ == nullptr ? -1 : process_->WaitFor(limit).value_or(-1);
  }

 private:
  std::unique_ptr<common::Subprocess> process_;  // kills and reaps a child left running
};

constexpr common::Stream kOut = common::Stream::kStdout;
constexpr common::Stream kErr = common::Stream::kStderr;

TEST_F(AlertDeliveryTest, FollowShowsAlertsLiveHeldOnesAtOpeningAndEndsWithTheServer) {
  Start("2026-12-02 10:00");
  const std::string code = Receive("Phạm Thị Dung", "2026-12-07 10:00");
  FollowProcess follow(server_->url(), {});
  // Once this line is out, the stream is subscribed: nothing can be missed.
  EXPECT_EQ(follow.Line(kErr, milliseconds(10000)), "Đang theo dõi cảnh báo (Ctrl-C để dừng)");

  ASSERT_EQ(SetClock("2026-12-04 10:00"), 1);
  auto line = follow.Line(kOut, milliseconds(10000));
  ASSERT_TRUE(line.has_value());
  EXPECT_THAT(*line, HasSubstr(" Đến hạn xin lỗi  " + code +
                               "  phải xin lỗi trước 2026-12-04 10:00, hẹn trả 2026-12-07 10:00"));

  // Overdue at Monday 10:00, raised at 18:00 when the clock jumps there:
  // held until the office opens on Tuesday.
  ASSERT_EQ(SetClock("2026-12-07 18:00"), 1);
  EXPECT_EQ(follow.Line(kOut, milliseconds(500)), std::nullopt);
  ASSERT_EQ(SetClock("2026-12-08 07:00"), 0);
  line = follow.Line(kOut, milliseconds(10000));
  ASSERT_TRUE(line.has_value());
  EXPECT_THAT(*line, HasSubstr(" Quá hạn          " + code + "  hẹn trả 2026-12-07 10:00"));

  // The server stops: the stream ends and the client exits cleanly.
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
  server_.reset();
  EXPECT_EQ(follow.Wait(std::chrono::seconds(15)), 0);
  EXPECT_EQ(follow.Line(kErr, milliseconds(1000)), "motcua: máy chủ đã đóng luồng cảnh báo");
}

TEST_F(AlertDeliveryTest, FollowSinceReplaysTheBacklogAndStopsOnCtrlC) {
  Start("2026-12-02 10:00");
  const std::string code = Receive("Hoàng Văn Em", "2026-12-07 10:00");
  ASSERT_EQ(SetClock("2026-12-07 10:00"), 2);
  FollowProcess follow(server_->url(), {"--since", "0"});
  EXPECT_EQ(follow.Line(kErr, milliseconds(10000)), "Đang theo dõi cảnh báo (Ctrl-C để dừng)");
  auto first = follow.Line(kOut, milliseconds(10000));
  auto second = follow.Line(kOut, milliseconds(10000));
  ASSERT_TRUE(first && second);
  EXPECT_THAT(*first, HasSubstr("Đến hạn xin lỗi  " + code));
  EXPECT_THAT(*second, HasSubstr("Quá hạn          " + code));
  follow.Signal(SIGINT);
  EXPECT_EQ(follow.Wait(std::chrono::seconds(10)), 0);
  EXPECT_EQ(follow.Line(kErr, milliseconds(1000)), "Đã dừng theo dõi.");
}

// The server killed (no shutdown sequence): the connection just closes, and
// `--follow` ends all the same (sse_client_test has the race this once hid).
TEST_F(AlertDeliveryTest, FollowEndsWhenTheServerIsKilled) {
  Start("2026-12-02 10:00");
  FollowProcess follow(server_->url(), {});
  EXPECT_EQ(follow.Line(kErr, milliseconds(10000)), "Đang theo dõi cảnh báo (Ctrl-C để dừng)");
  std::this_thread::sleep_for(milliseconds(120));  // into the client's 250 ms tick
  Kill();
  EXPECT_EQ(follow.Wait(std::chrono::seconds(10)), 0);
  EXPECT_EQ(follow.Line(kErr, milliseconds(1000)), "motcua: máy chủ đã đóng luồng cảnh báo");
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
