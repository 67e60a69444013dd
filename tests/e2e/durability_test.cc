// Durability under load, end to end: many concurrent desk clients against
// the real motcuad, then a restart; and SIGTERM while clients are still
// sending. The invariant in both: every command acknowledged with 200 is in
// the log after the restart, and nothing was created twice.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <future>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/client/api_client.h"
#include "motcua/v1/command.pb.h"
#include "tests/e2e/e2e_support.h"
#include "tests/support/fixtures.h"

namespace motcua::e2e {
namespace {

v1::Receive SampleReceive(int client, int n) {
  v1::Receive r;
  r.set_procedure_code(n % 2 == 0 ? "1.004873" : "2.001016");
  r.set_channel(v1::CHANNEL_COUNTER);
  r.mutable_applicant()->set_name("Công dân " + std::to_string(client) + "-" + std::to_string(n));
  r.mutable_applicant()->set_phone("09" + std::to_string(10000000 + client * 1000 + n));
  v1::Document* d = r.add_documents();
  d->set_name("Tờ khai");
  d->set_copies(1);
  return r;
}

class DurabilityTest : public ::testing::Test {
 protected:
  void StartServer() {
    server_ = ServerProcess::Start(config_, log_);
    ASSERT_NE(server_, nullptr);
    auto url = client::ServerUrl::Parse(server_->url());
    ASSERT_TRUE(url.ok());
    url_ = *url;
  }

  // Every code in `codes` is a dossier the restarted server knows.
  void ExpectAllPresent(const std::vector<std::string>& codes) {
    client::ApiClient reader(url_, kLeader);
    std::size_t missing = 0;
    for (const std::string& code : codes) {
      auto detail = reader.Dossier(code);
      if (!detail.ok() || detail->dossier().status() != v1::STATUS_RECEIVED) {
        if (++missing <= 5) ADD_FAILURE() << "acknowledged but missing: " << code;
      }
    }
    EXPECT_EQ(missing, 0u);
  }

  ::motcua::testing::TempDir dir_;
  std::filesystem::path config_ = dir_.path() / "motcuad.json";
  std::string db_ = dir_.File("motcua.db");
  std::filesystem::path log_ = dir_.path() / "motcuad.log";
  std::unique_ptr<ServerProcess> server_;
  client::ServerUrl url_;
};

TEST_F(DurabilityTest, ThirtyTwoClientsTimesTwoHundredDossiersAllSurviveARestart) {
  WriteConfig(config_, db_);
  StartServer();
  constexpr int kClients = 32;
  constexpr int kPerClient = 200;
  std::mutex mutex;
  std::vector<std::string> codes;  // GUARDED_BY(mutex)
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      client::ApiClient client(url_, kReception, std::chrono::seconds(120));
      std::vector<std::string> mine;
      for (int n = 0; n < kPerClient; ++n) {
        auto reply =
            client.Command("receive", SampleReceive(c, n), client::ApiClient::NewIdempotencyKey());
        if (reply.ok()) {
          mine.push_back(reply->dossier().code());
        } else if (failures++ < 5) {
          ADD_FAILURE() << reply.status().ToString();
        }
      }
      std::lock_guard lock(mutex);
      codes.insert(codes.end(), mine.begin(), mine.end());
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(failures.load(), 0);
  ASSERT_EQ(codes.size(), static_cast<std::size_t>(kClients * kPerClient));
  // One code per dossier: concurrent receipts never share a number.
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), codes.size());

  ASSERT_EQ(server_->StopWith(SIGTERM), 0);
  EXPECT_EQ(CountEvents(db_), kClients * kPerClient);
  StartServer();
  ExpectAllPresent(codes);
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);
}

TEST_F(DurabilityTest, SigtermWithRequestsInFlightLosesNoAcknowledgedCommandAndExitsZero) {
  WriteConfig(config_, db_);
  StartServer();
  constexpr int kClients = 16;
  std::mutex mutex;
  std::vector<std::string> acknowledged;  // GUARDED_BY(mutex)
  constexpr int kLoad = 300;  // acknowledged before the SIGTERM
  std::atomic<int> total{0};
  std::promise<void> loaded;  // set by the client that acknowledges the kLoad-th
  std::future<void> loaded_future = loaded.get_future();
  std::atomic<bool> stop_sending{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      // Short deadline: once the server is gone, calls fail fast.
      client::ApiClient client(url_, kReception, std::chrono::seconds(30));
      for (int n = 0; !stop_sending.load(); ++n) {
        auto reply =
            client.Command("receive", SampleReceive(c, n), client::ApiClient::NewIdempotencyKey());
        if (!reply.ok()) {
          // Refused while shutting down (503) or no server any more: both
          // only after SIGTERM, and neither was acknowledged.
          if (client.unreachable()) break;
          continue;
        }
        {
          std::lock_guard lock(mutex);
          acknowledged.push_back(reply->dossier().code());
        }
        if (++total == kLoad) loaded.set_value();
      }
    });
  }
  // Let the load build up, then stop the server under it.
  EXPECT_EQ(loaded_future.wait_for(std::chrono::minutes(5)), std::future_status::ready)
      << "the load never built up";
  const int exit_code = server_->StopWith(SIGTERM);
  stop_sending = true;
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(exit_code, 0);

  // Every acknowledged command is in the log; a command may also have been
  // committed but not acknowledged (its connection closed first), never the
  // reverse.
  EXPECT_GE(CountEvents(db_), static_cast<long long>(acknowledged.size()));
  StartServer();
  ExpectAllPresent(acknowledged);
  EXPECT_EQ(server_->StopWith(SIGTERM), 0);

  // The log says the shutdown went in order.
  std::ifstream in(log_);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_THAT(text.str(), ::testing::HasSubstr("received SIGTERM: stopping"));
  // Clients were connected, mid-conversation, when the (first) signal came.
  const std::string log = text.str();
  const std::size_t shutting = log.find("shutting down: ");
  ASSERT_NE(shutting, std::string::npos);
  EXPECT_NE(log.compare(shutting, 17, "shutting down: 0 "), 0) << log.substr(shutting, 60);
  EXPECT_THAT(text.str(), ::testing::HasSubstr("motcuad: stopped"));
}

}  // namespace
}  // namespace motcua::e2e
