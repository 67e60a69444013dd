// `motcua backup FILE`: a consistent online copy taken
// while motcuad keeps serving a load; the copy holds every command
// acknowledged before the backup began, opens in motcuad, and passes
// `motcua check`. FILE only ever appears complete: a backup that cannot
// finish leaves no FILE (or the previous one untouched) and no temporary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/crypto/sha256.h"
#include "adapters/client/api_client.h"
#include "adapters/net/asio.h"
#include "adapters/sqlite/database.h"
#include "motcua/v1/admin.pb.h"
#include "tests/e2e/e2e_support.h"
#include "tests/reliability/load.h"
#include "tests/support/fixtures.h"

namespace motcua::reliability {
namespace {

using ::testing::HasSubstr;
using e2e::Motcua;

// Files in `dir` whose name contains `part`.
std::vector<std::string> FilesWith(const std::filesystem::path& dir, const std::string& part) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.find(part) != std::string::npos) found.push_back(name);
  }
  return found;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Waits (polling; giving up after a minute) until `load` has `n` acks.
void WaitForAcks(const Load& load, std::uint64_t n) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (load.acked() < n && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_GE(load.acked(), n) << "the load never built up";
}

// A stand-in for motcuad's backup endpoints that fails on purpose: it
// announces a snapshot of `content` (with `announced_sha256`, hex), serves
// its chunks up to `serve_until` bytes, and drops the connection when asked
// for anything past that. One connection at a time, on its own thread.
class FakeBackupServer {
 public:
  FakeBackupServer(std::string content, std::string announced_sha256, std::size_t serve_until)
      : content_(std::move(content)),
        announced_sha256_(std::move(announced_sha256)),
        serve_until_(serve_until),
        acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)),
        thread_([this] { Serve(); }) {}

  ~FakeBackupServer() {
    stopping_ = true;
    // Wakes the blocking accept().
    tcp::socket poke(ioc_);
    beast::error_code ignored;
    poke.connect(acceptor_.local_endpoint(), ignored);
    thread_.join();
  }

  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port());
  }

 private:
  static constexpr std::size_t kChunk = 100;

  void Serve() {
    while (!stopping_) {
      tcp::socket socket(ioc_);
      beast::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stopping_) return;
      beast::flat_buffer buffer;
      for (;;) {
        bhttp::request<bhttp::string_body> request;
        bhttp::read(socket, buffer, request, ec);
        if (ec) break;
        bhttp::response<bhttp::string_body> response(bhttp::status::ok,
                                                                 request.version());
        const std::string target(request.target());
        if (target == "/v1/admin/backup") {
          v1::BackupSnapshot snapshot;
          snapshot.set_id("0123456789abcdef0123456789abcdef");
          snapshot.set_size_bytes(content_.size());
          snapshot.set_sha256(announced_sha256_);
          snapshot.set_last_seq(7);
          snapshot.set_chunk_bytes(kChunk);
          response.set(bhttp::field::content_type, "application/x-protobuf");
          response.body() = snapshot.SerializeAsString();
        } else {
          const std::size_t offset = std::stoul(target.substr(target.find("offset=") + 7));
          if (offset >= serve_until_) break;  // the connection is lost mid-download
          response.set(bhttp::field::content_type, "application/octet-stream");
          response.body() = content_.substr(offset, kChunk);
        }
        response.prepare_payload();
        bhttp::write(socket, response, ec);
        if (ec) break;
      }
    }
  }

  const std::string content_;
  const std::string announced_sha256_;
  const std::size_t serve_until_;
  std::atomic<bool> stopping_{false};
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  std::thread thread_;
};

class BackupTest : public ::testing::Test {
 protected:
  ::motcua::testing::TempDir dir_;
  std::filesystem::path config_ = dir_.path() / "motcuad.json";
  std::string db_ = dir_.File("motcua.db");
  std::filesystem::path log_ = dir_.path() / "motcuad.log";
  std::filesystem::path copy_ = dir_.path() / "saved" / "copy.db";
};

TEST_F(BackupTest, ACopyTakenUnderLoadHoldsEveryAcknowledgedCommandAndPassesCheckWhenRestored) {
  e2e::WriteConfig(config_, db_);
  auto server = e2e::ServerProcess::Start(config_, log_);
  ASSERT_NE(server, nullptr);
  std::filesystem::create_directories(copy_.parent_path());

  Load load(Load::Options{.clients = 8, .token = e2e::kReception});
  load.Resume(server->url());
  WaitForAcks(load, 150);
  // Everything acknowledged up to here must be in the copy.
  std::vector<AckedCommand> before = load.TakeAcked();
  auto backup = Motcua(server->url(), e2e::kAdmin, {"backup", copy_.string()});
  const std::uint64_t acked_after_backup = load.acked();
  // The server kept serving the load: more acknowledgements after the copy.
  WaitForAcks(load, acked_after_backup + 50);
  load.Pause();
  EXPECT_THAT(load.TakeRefusals(), ::testing::IsEmpty());
  EXPECT_THAT(load.TakeUnresolved(), ::testing::IsEmpty());
  ASSERT_EQ(backup.exit_code, 0) << backup.out << backup.err;
  EXPECT_EQ(backup.err, "");
  EXPECT_EQ(e2e::Field(backup.out, "Đã sao lưu vào"), copy_.string());

  const long long last_seq = std::stoll(e2e::Field(backup.out, "Đến sự kiện số"));
  EXPECT_EQ(e2e::CountEvents(copy_.string()), last_seq);
  EXPECT_GT(e2e::CountEvents(db_), last_seq);  // the load went on past the copy
  EXPECT_EQ(e2e::Field(backup.out, "Kích thước"),
            std::to_string(std::filesystem::file_size(copy_)) + " byte");
  // One self-contained file: no -wal beside it, no temporary left, and the
  // server removed its snapshot once it was fetched.
  EXPECT_EQ(FilesWith(copy_.parent_path(), ""), std::vector<std::string>{"copy.db"});
  EXPECT_THAT(FilesWith(dir_.path(), ".backup-"), ::testing::IsEmpty());

  // Each command acknowledged before the backup began is in the copy, with
  // the very events its reply carried.
  {
    auto copy = sqlite::Database::Open(copy_.string(), sqlite::Database::Mode::kReadOnly);
    ASSERT_TRUE(copy.ok()) << copy.status().ToString();
    sqlite::Statement find(**copy, "SELECT dossier, body FROM events WHERE seq = ?1");
    std::size_t missing = 0;
    for (const AckedCommand& acked : before) {
      for (const v1::Event& event : acked.reply.events()) {
        find.Reset();
        find.Bind(1, static_cast<std::int64_t>(event.seq()));
        v1::Event stored;
        if (!find.Step() || !stored.ParseFromString(std::string(find.ColumnBlob(1))) ||
            stored.dossier_code() != event.dossier_code() ||
            stored.kind_case() != event.kind_case()) {
          if (++missing <= 5) ADD_FAILURE() << "not in the copy: event " << event.seq();
        }
      }
    }
    EXPECT_EQ(missing, 0u);
  }
  EXPECT_EQ(server->StopWith(SIGTERM), 0);

  // Restoring is starting motcuad on the copy.
  const std::filesystem::path restored_config = dir_.path() / "restored.json";
  e2e::WriteConfig(restored_config, copy_.string());
  auto restored = e2e::ServerProcess::Start(restored_config, dir_.path() / "restored.log");
  ASSERT_NE(restored, nullptr);
  auto check = Motcua(restored->url(), e2e::kAdmin, {"check"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(e2e::Field(check.out, "Số sự kiện đã duyệt"), std::to_string(last_seq));
  auto url = client::ServerUrl::Parse(restored->url());
  ASSERT_TRUE(url.ok());
  client::ApiClient desk(*url, e2e::kReception);
  const v1::CommandReply& first = before.front().reply;
  auto detail = desk.Dossier(first.dossier().code());
  ASSERT_TRUE(detail.ok()) << detail.status().ToString();
  // The restored server takes new commands after the copy's last event.
  auto next = desk.Command("receive", Load::SampleReceive(99, 0),
                           client::ApiClient::NewIdempotencyKey());
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->events(0).seq(), static_cast<std::uint64_t>(last_seq) + 1);
  EXPECT_EQ(restored->StopWith(SIGTERM), 0);
}

TEST_F(BackupTest, ABackupThatCannotFinishLeavesThePreviousFileAndNoTemporary) {
  std::filesystem::create_directories(copy_.parent_path());
  std::ofstream(copy_) << "the previous backup";
  // Nothing listens on port 1: the server is unreachable (exit 3).
  auto r = Motcua("http://127.0.0.1:1", e2e::kAdmin, {"backup", copy_.string()});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(ReadFile(copy_), "the previous backup");
  EXPECT_EQ(FilesWith(copy_.parent_path(), ""), std::vector<std::string>{"copy.db"});
}

TEST_F(BackupTest, ADownloadCutShortLeavesThePreviousFileAndNoTemporary) {
  std::filesystem::create_directories(copy_.parent_path());
  std::ofstream(copy_) << "the previous backup";
  const std::string content(1000, 'x');
  // 300 of the 1000 bytes arrive, then the connection drops (every time).
  FakeBackupServer server(content, crypto::Hex(crypto::Sha256(content)), 300);
  auto r = Motcua(server.url(), e2e::kAdmin, {"backup", copy_.string()});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("mất kết nối"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(ReadFile(copy_), "the previous backup");
  EXPECT_EQ(FilesWith(copy_.parent_path(), ""), std::vector<std::string>{"copy.db"});
}

TEST_F(BackupTest, ADownloadThatDoesNotMatchTheServersDigestIsNotKept) {
  std::filesystem::create_directories(copy_.parent_path());
  const std::string content(1000, 'x');
  FakeBackupServer server(content, crypto::Hex(crypto::Sha256("something else")), 1000);
  auto r = Motcua(server.url(), e2e::kAdmin, {"backup", copy_.string()});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("không khớp mã SHA-256"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_THAT(FilesWith(copy_.parent_path(), ""), ::testing::IsEmpty());
}

TEST_F(BackupTest, ABackupIsRefusedToANonAdminOrIntoAMissingFolderAndWritesNothing) {
  e2e::WriteConfig(config_, db_);
  auto server = e2e::ServerProcess::Start(config_, log_);
  ASSERT_NE(server, nullptr);
  std::filesystem::create_directories(copy_.parent_path());

  auto refused = Motcua(server->url(), e2e::kReception, {"backup", copy_.string()});
  EXPECT_EQ(refused.exit_code, 1) << refused.out << refused.err;
  EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;
  EXPECT_THAT(FilesWith(copy_.parent_path(), ""), ::testing::IsEmpty());

  auto nowhere = Motcua(server->url(), e2e::kAdmin,
                        {"backup", (dir_.path() / "no-such-folder" / "copy.db").string()});
  EXPECT_EQ(nowhere.exit_code, 1) << nowhere.out << nowhere.err;
  EXPECT_THAT(nowhere.err, HasSubstr("no-such-folder"));
  EXPECT_EQ(std::count(nowhere.err.begin(), nowhere.err.end(), '\n'), 1) << nowhere.err;
  EXPECT_THAT(FilesWith(dir_.path(), ".backup-"), ::testing::IsEmpty());
  EXPECT_EQ(server->StopWith(SIGTERM), 0);
}

}  // namespace
}  // namespace motcua::reliability
