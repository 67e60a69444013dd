// Overload: with more commands arriving than the engine's
// queue may hold (limits.max_pending_commands, here 2), motcuad sheds the
// excess at once with 503 and Retry-After instead of queueing without bound
// or letting every caller time out; a shed command changes nothing; the
// server's memory stays flat while five times more requests go through;
// and once the load drops every command is served again.
//
// Invariants: every request gets an answer (no transport error, no
// timeout); each answer is 200 or 503 with Retry-After; the log holds
// exactly one event per 200.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "adapters/client/api_client.h"
#include "adapters/api/body_codec.h"
#include "adapters/client/http_client.h"
#include "tests/e2e/e2e_support.h"
#include "tests/reliability/load.h"
#include "tests/support/fixtures.h"

namespace motcua::reliability {
namespace {

constexpr int kClients = 48;

// Resident memory of `pid` in KiB, from /proc.
long ResidentKiB(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

struct Tally {
  std::atomic<long> ok{0};
  std::atomic<long> shed{0};
  std::atomic<long> other{0};  // any other answer, or none: each one fails the test
};

// `kClients` threads each sending `per_client` receipts, one at a time.
void Flood(const client::ServerUrl& url, int per_client, int round, Tally& tally) {
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      client::HttpClient client(url, std::chrono::seconds(60));
      for (int n = 0; n < per_client; ++n) {
        client::HttpClient::Call call;
        call.method = bhttp::verb::post;
        call.target = "/v1/commands/receive";
        call.headers = {{"Content-Type", std::string(api::kProtobufType)},
                        {"Accept", std::string(api::kProtobufType)},
                        {"Authorization", std::string("Bearer ") + e2e::kReception},
                        {"Idempotency-Key", client::ApiClient::NewIdempotencyKey()}};
        call.body = Load::SampleReceive(c, round * 100000 + n).SerializeAsString();
        auto sent = client.Send(call);
        auto* reply = std::get_if<client::HttpReply>(&sent);
        if (reply == nullptr) {
          if (tally.other++ < 3) {
            ADD_FAILURE() << "no answer: " << std::get<client::TransportError>(sent).message;
          }
        } else if (reply->status == 200) {
          ++tally.ok;
        } else if (reply->status == 503 && reply->Header("Retry-After").value_or("") == "1" &&
                   reply->body.find("overloaded") != std::string::npos) {
          ++tally.shed;
        } else if (tally.other++ < 3) {
          ADD_FAILURE() << "answer " << reply->status << " Retry-After '"
                        << reply->Header("Retry-After").value_or("(none)") << "': " << reply->body;
        }
      }
    });
  }
  for (std::thread& t : clients) t.join();
}

TEST(OverloadTest, ExcessCommandsAreShedWith503AndRetryAfterMemoryStaysFlatAndServiceRecovers) {
  ::motcua::testing::TempDir dir;
  const std::filesystem::path config = dir.path() / "motcuad.json";
  const std::string db = dir.File("motcua.db");
  e2e::WriteConfig(config, db, [](v1::ServerConfig& c) {
    c.mutable_limits()->set_max_pending_commands(2);
    c.set_threads(2);
  });
  // Under AddressSanitizer freed memory is held in a quarantine of up to
  // 256 MiB, which would swamp what this test measures: keep it small in
  // the server (ignored by a build without ASan).
  const char* asan = std::getenv("ASAN_OPTIONS");
  ::setenv("ASAN_OPTIONS",
           (std::string(asan ? asan : "") + (asan && *asan ? ":" : "") + "quarantine_size_mb=4")
               .c_str(),
           1);
  auto server = e2e::ServerProcess::Start(config, dir.path() / "motcuad.log");
  if (asan) {
    ::setenv("ASAN_OPTIONS", asan, 1);
  } else {
    ::unsetenv("ASAN_OPTIONS");
  }
  ASSERT_NE(server, nullptr);
  auto url = client::ServerUrl::Parse(server->url());
  ASSERT_TRUE(url.ok());

  Tally warm;
  Flood(*url, 30, 0, warm);
  const long warm_kib = ResidentKiB(server->pid());
  Tally flood;
  Flood(*url, 150, 1, flood);
  const long flood_kib = ResidentKiB(server->pid());
  EXPECT_EQ(warm.other.load() + flood.other.load(), 0);
  EXPECT_EQ(warm.ok + warm.shed + flood.ok + flood.shed, kClients * (30 + 150));
  EXPECT_GT(flood.shed.load(), 0) << "the load never exceeded the queue: nothing was tested";
  EXPECT_GT(flood.ok.load(), 0);
  // Five times the requests after the warm-up, and no more than a little
  // more memory: nothing grows with the number of requests shed or served.
  ASSERT_GT(warm_kib, 0);
  EXPECT_LT(flood_kib, warm_kib + 48 * 1024) << "resident memory grew from " << warm_kib
                                             << " KiB to " << flood_kib << " KiB";
  std::cout << "overload: " << flood.ok << " served, " << flood.shed << " shed with 503; resident "
            << warm_kib << " KiB after warm-up, " << flood_kib << " KiB after 5x more"
            << std::endl;

  // The load has dropped: one desk at a time is served every time.
  client::ApiClient desk(*url, e2e::kReception);
  for (int n = 0; n < 20; ++n) {
    auto reply = desk.Command("receive", Load::SampleReceive(99, n),
                              client::ApiClient::NewIdempotencyKey());
    EXPECT_TRUE(reply.ok()) << reply.status().ToString();
  }
  EXPECT_EQ(server->StopWith(SIGTERM), 0);
  // A shed command wrote nothing: one event per command served.
  EXPECT_EQ(e2e::CountEvents(db), warm.ok + flood.ok + 20);
}

}  // namespace
}  // namespace motcua::reliability
