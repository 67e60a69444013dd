// `motcua check` against a running motcuad: the hash chain
// catches an event edited, or deleted, behind the engine's back (here with
// the SQLite C API, as the sqlite3 shell would), names the first bad
// sequence number and exits 4; a projection row edited the same way is
// reported by its table and key; an index that lost an entry is reported
// by SQLite's own check. The check reads; it changes nothing.
//
// motcuad refuses to start on a log whose last events' stored hashes do
// not match them, and `motcua check --anchors DIR` catches a log rewritten
// with a recomputed chain against the heads the daily export recorded.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/client/api_client.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "tests/e2e/e2e_support.h"
#include "tests/reliability/load.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_damage.h"
#include "tools/common/subprocess.h"

namespace motcua::reliability {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using e2e::Motcua;

constexpr int kDamaged = 4;

class AdminCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    e2e::WriteConfig(config_, db_);
    server_ = e2e::ServerProcess::Start(config_, log_);
    ASSERT_NE(server_, nullptr);
    auto url = client::ServerUrl::Parse(server_->url());
    ASSERT_TRUE(url.ok());
    client::ApiClient desk(*url, e2e::kReception);
    for (int n = 0; n < 6; ++n) {
      auto reply = desk.Command("receive", Load::SampleReceive(1, n),
                                client::ApiClient::NewIdempotencyKey());
      ASSERT_TRUE(reply.ok()) << reply.status().ToString();
      codes_.push_back(reply->dossier().code());
    }
  }

  e2e::ProcessResult Check(const char* token = e2e::kAdmin,
                           const std::vector<std::string>& options = {}) {
    std::vector<std::string> args = {"check"};
    args.insert(args.end(), options.begin(), options.end());
    return Motcua(server_->url(), token, args);
  }

  void StopServer() {
    ASSERT_EQ(server_->StopWith(SIGTERM), 0);
    server_.reset();
  }

  void StartServer() {
    server_ = e2e::ServerProcess::Start(config_, log_);
    ASSERT_NE(server_, nullptr);
  }

  // Event `seq`'s applicant "Công dân 1-N" renamed "Công dân 9-N" inside
  // the serialized body: same length, still a valid protobuf.
  void RenameApplicantInEvent(sqlite::Database& db, std::int64_t seq) {
    sqlite::Statement read(db, "SELECT body FROM events WHERE seq = ?1");
    read.Bind(1, seq);
    ASSERT_TRUE(read.Step()) << read.status().ToString();
    std::string body(read.ColumnBlob(0));
    const std::string name = "Công dân 1-" + std::to_string(seq - 1);
    const std::size_t at = body.find(name);
    ASSERT_NE(at, std::string::npos);
    body[at + std::string("Công dân ").size()] = '9';
    sqlite::Statement write(db, "UPDATE events SET body = ?1 WHERE seq = ?2");
    write.BindBlob(1, body).Bind(2, seq);
    ASSERT_TRUE(write.Run().ok());
  }

  // What anyone who can write the file can do: rewrite event `seq`, then
  // recompute every hash after it and fix the projection, so that the chain
  // and the projections hold again.
  void RewriteHistory(std::int64_t seq) {
    auto db = sqlite::Database::Open(db_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    RenameApplicantInEvent(**db, seq);
    std::vector<std::pair<std::int64_t, std::string>> hashes;
    {
      sqlite::Statement all(**db, "SELECT seq, body FROM events ORDER BY seq");
      std::string previous = sqlite::GenesisHash();
      while (all.Step()) {
        const auto n = static_cast<std::uint64_t>(all.ColumnInt(0));
        previous = sqlite::ChainHash(previous, n, all.ColumnBlob(1));
        hashes.emplace_back(all.ColumnInt(0), previous);
      }
      ASSERT_TRUE(all.status().ok()) << all.status().ToString();
    }
    for (const auto& [n, hash] : hashes) {
      sqlite::Statement write(**db, "UPDATE events SET hash = ?1 WHERE seq = ?2");
      write.BindBlob(1, hash).Bind(2, n);
      ASSERT_TRUE(write.Run().ok());
    }
    const std::string renamed = "Công dân 9-" + std::to_string(seq - 1);
    ASSERT_TRUE((*db)
                    ->Exec("UPDATE dossiers SET applicant_name = '" + renamed +
                           "' WHERE code = '" + codes_[static_cast<std::size_t>(seq - 1)] + "'")
                    .ok());
    // And its search form (adapters/text/search_fold.h), as a careful forger would.
    ASSERT_TRUE((*db)
                    ->Exec("UPDATE dossier_search SET name = ' cong dan 9 " +
                           std::to_string(seq - 1) + " ' WHERE code = '" +
                           codes_[static_cast<std::size_t>(seq - 1)] + "'")
                    .ok());
  }

  // Restarts motcuad on an empty export folder, so that its start-up
  // catch-up writes the latest due day with the log's current head, and
  // waits for that file; returns its name.
  std::string ExportNow() {
    StopServer();
    std::filesystem::remove_all(exports_);
    StartServer();
    for (int i = 0; i < 1200; ++i) {
      std::error_code ec;
      for (const auto& e : std::filesystem::directory_iterator(exports_, ec)) {
        if (e.path().extension() == ".json") return e.path().filename().string();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "no daily export in " << exports_;
    return "";
  }

  void Receive(int n) {
    auto url = client::ServerUrl::Parse(server_->url());
    ASSERT_TRUE(url.ok());
    client::ApiClient desk(*url, e2e::kReception);
    auto reply = desk.Command("receive", Load::SampleReceive(1, n),
                              client::ApiClient::NewIdempotencyKey());
    ASSERT_TRUE(reply.ok()) << reply.status().ToString();
    codes_.push_back(reply->dossier().code());
  }

  // Runs `sql` on the live database through a connection of its own, as an
  // intruder with the sqlite3 shell would.
  void Tamper(const std::string& sql) {
    auto db = sqlite::Database::Open(db_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)->Exec(sql).ok());
  }

  ::motcua::testing::TempDir dir_;
  std::filesystem::path config_ = dir_.path() / "motcuad.json";
  std::string db_ = dir_.File("motcua.db");
  std::filesystem::path log_ = dir_.path() / "motcuad.log";
  // Where e2e::WriteConfig points the daily export.
  std::filesystem::path exports_ = dir_.path() / "exports";
  std::unique_ptr<e2e::ServerProcess> server_;
  std::vector<std::string> codes_;
};

TEST_F(AdminCheckTest, AHealthyDatabasePassesWithExitZero) {
  const std::string before = e2e::DumpStore(db_);
  auto r = Check();
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("Kiểm tra toàn vẹn: ĐẠT"));
  EXPECT_EQ(e2e::Field(r.out, "Số sự kiện đã duyệt"), "6");
  EXPECT_EQ(e2e::Field(r.out, "Chuỗi băm"), "nguyên vẹn");
  EXPECT_EQ(e2e::Field(r.out, "Tệp SQLite"), "nguyên vẹn");
  EXPECT_EQ(e2e::Field(r.out, "Phép kiểm tra không đạt"), "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(e2e::DumpStore(db_), before);  // the check changes nothing
}

TEST_F(AdminCheckTest, AnEventBodyEditedBehindTheEnginesBackIsReportedWithItsSeq) {
  // The applicant of event 4 renamed inside the serialized body: same
  // length, still a valid protobuf. The chain breaks at 4, and the dossier
  // rebuilt from the edited event no longer matches its stored row.
  {
    auto db = sqlite::Database::Open(db_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    sqlite::Statement read(**db, "SELECT body FROM events WHERE seq = 4");
    ASSERT_TRUE(read.Step()) << read.status().ToString();
    std::string body(read.ColumnBlob(0));
    const std::size_t at = body.find("Công dân 1-3");
    ASSERT_NE(at, std::string::npos);
    body[at + std::string("Công dân ").size()] = '9';
    sqlite::Statement write(**db, "UPDATE events SET body = ?1 WHERE seq = 4");
    write.BindBlob(1, body);
    ASSERT_TRUE(write.Run().ok());
  }
  auto r = Check();
  EXPECT_EQ(r.exit_code, kDamaged) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("Kiểm tra toàn vẹn: KHÔNG ĐẠT"));
  EXPECT_THAT(r.out, HasSubstr("Chuỗi băm: hỏng từ sự kiện số 4 ("));
  // The edited name differs in both tables that hold it: the dossier's row
  // and the search's.
  EXPECT_THAT(r.out, HasSubstr("Phép kiểm tra không đạt: hash chain, projection dossiers, "
                               "projection dossier_search\n"));
  EXPECT_EQ(r.err,
            "motcua: dữ liệu không toàn vẹn (hash chain, projection dossiers, projection "
            "dossier_search): sự kiện số 4 bị sửa\n");
}

TEST_F(AdminCheckTest, AnIndexedColumnOfAnEventEditedAloneIsReported) {
  // Readers find a dossier's events by this column: moving an event to
  // another dossier without touching its body is caught too.
  Tamper("UPDATE events SET dossier = '" + codes_[0] + "' WHERE seq = 5");
  auto r = Check();
  EXPECT_EQ(r.exit_code, kDamaged) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("Chuỗi băm: hỏng từ sự kiện số 5 ("));
}

TEST_F(AdminCheckTest, ADeletedEventIsReportedAsTheFirstMissingSeq) {
  Tamper("DELETE FROM events WHERE seq = 2");
  auto r = Check();
  EXPECT_EQ(r.exit_code, kDamaged) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("Chuỗi băm: hỏng từ sự kiện số 2 (thiếu sự kiện số 2"));
}

TEST_F(AdminCheckTest, AProjectionRowEditedBehindTheEnginesBackIsReportedByTableAndKey) {
  Tamper("UPDATE dossiers SET applicant_name = 'Kẻ gian' WHERE code = '" + codes_[2] + "'");
  auto r = Check();
  EXPECT_EQ(r.exit_code, kDamaged) << r.out << r.err;
  EXPECT_EQ(e2e::Field(r.out, "Chuỗi băm"), "nguyên vẹn");
  const std::string difference = e2e::Field(r.out, "Khác biệt");
  EXPECT_THAT(difference, HasSubstr("bảng dossiers"));
  EXPECT_THAT(difference, HasSubstr("code=" + codes_[2]));
  EXPECT_THAT(difference, HasSubstr("cột applicant_name đang lưu Kẻ gian, dựng lại Công dân 1-2"));
  EXPECT_THAT(r.err,
              HasSubstr("motcua: dữ liệu không toàn vẹn (projection dossiers): bảng dossiers"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(AdminCheckTest, ACheckAsksForTheAdminRole) {
  auto r = Check(e2e::kReception);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("ĐẠT")));
}

TEST_F(AdminCheckTest, AnIndexThatLostAnEntryFailsTheCheck) {
  // Damage only SQLite's own check sees: the table and the chain are
  // whole, but reads of dossier 3's history by the index miss its event.
  StopServer();
  ASSERT_TRUE(::motcua::testing::DropIndexEntry(db_, "events_by_dossier", 3).ok());
  auto lines = ::motcua::testing::SqliteIntegrityLines(db_);
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  ASSERT_THAT(*lines, Contains(HasSubstr("row 3 missing from index events_by_dossier")));
  StartServer();
  auto r = Check();
  EXPECT_EQ(r.exit_code, kDamaged) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("Kiểm tra toàn vẹn: KHÔNG ĐẠT"));
  EXPECT_EQ(e2e::Field(r.out, "Tệp SQLite"), "hỏng");
  EXPECT_THAT(r.out, HasSubstr("Lỗi SQLite: row 3 missing from index events_by_dossier\n"));
  // The chain and the projections are whole: only SQLite's check fails.
  EXPECT_EQ(e2e::Field(r.out, "Chuỗi băm"), "nguyên vẹn");
  EXPECT_EQ(e2e::Field(r.out, "Phép kiểm tra không đạt"), "sqlite integrity");
  EXPECT_EQ(r.err,
            "motcua: dữ liệu không toàn vẹn (sqlite integrity): row 3 missing from index "
            "events_by_dossier\n");
}

TEST_F(AdminCheckTest, MotcuadRefusesToStartOnALogWhoseStoredHashesDoNotMatch) {
  StopServer();
  std::string original;
  {
    auto db = sqlite::Database::Open(db_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    sqlite::Statement read(**db, "SELECT body FROM events WHERE seq = 4");
    ASSERT_TRUE(read.Step()) << read.status().ToString();
    original = std::string(read.ColumnBlob(0));
    RenameApplicantInEvent(**db, 4);
  }
  auto started = common::Subprocess::Start(
      {.argv = {MOTCUAD_BINARY, "--config", config_.string()},
       .stderr_mode = common::Subprocess::StderrMode::kPipe});
  ASSERT_TRUE(started.ok()) << started.status().ToString();
  const std::optional<int> exit_code = (*started)->WaitFor(std::chrono::seconds(60));
  ASSERT_TRUE(exit_code.has_value()) << "motcuad served a log whose hashes do not match";
  EXPECT_NE(*exit_code, 0);
  EXPECT_EQ((*started)->ReadAll(), "");  // never "motcuad listening on"
  const std::string err = (*started)->ReadAll(common::Stream::kStderr);
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_THAT(err, HasSubstr("motcuad: refusing to serve " + db_ +
                             ": the stored hash of event 4 does not match its content"));

  // Put back as it was, the log is served again.
  {
    auto db = sqlite::Database::Open(db_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    sqlite::Statement write(**db, "UPDATE events SET body = ?1 WHERE seq = 4");
    write.BindBlob(1, original);
    ASSERT_TRUE(write.Run().ok());
  }
  StartServer();
  EXPECT_EQ(Check().exit_code, 0);
}

TEST_F(AdminCheckTest, AnchorsPassOnAnUntouchedLog) {
  const std::string anchor = ExportNow();
  // The export carries the head it was made at.
  std::ifstream in(exports_ / anchor);
  std::stringstream json;
  json << in.rdbuf();
  EXPECT_THAT(json.str(), HasSubstr("\"log_head\": {"));
  EXPECT_THAT(json.str(), HasSubstr("\"seq\": \"6\""));  // proto3 JSON: uint64 as a string
  Receive(6);  // the log goes on past the exported head
  auto r = Check(e2e::kAdmin, {"--anchors", exports_.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("Kiểm tra toàn vẹn: ĐẠT"));
  EXPECT_EQ(e2e::Field(r.out, "Mốc đối chiếu"), anchor + ": khớp đến sự kiện số 6");
  EXPECT_EQ(e2e::Field(r.out, "Số sự kiện đã duyệt"), "7");
  EXPECT_EQ(r.err, "");
}

TEST_F(AdminCheckTest, AnAnchorBeyondTheLogsEndFailsAndFilesWithoutOneAreSkipped) {
  // A head the log no longer reaches (say, a restore from an older
  // backup), beside files that carry no anchor.
  std::filesystem::create_directories(dir_.path() / "anchors");
  std::ofstream(dir_.path() / "anchors" / "2026-01-01.json")
      << "{\"from\": \"2026-01-01\", \"log_head\": {\"seq\": \"99\", \"hash\": \""
      << std::string(64, 'a') << "\"}}\n";
  std::ofstream(dir_.path() / "anchors" / "old.json") << "{\"from\": \"2025-01-01\"}\n";
  std::ofstream(dir_.path() / "anchors" / "notes.txt") << "not an anchor\n";
  auto r = Check(e2e::kAdmin, {"--anchors", (dir_.path() / "anchors").string()});
  EXPECT_EQ(r.exit_code, kDamaged) << r.out << r.err;
  EXPECT_EQ(e2e::Field(r.out, "Mốc đối chiếu"),
            "2026-01-01.json: VƯỢT QUÁ CUỐI SỔ (mốc ghi sự kiện số 99, sổ chỉ còn 6 sự kiện)");
  EXPECT_EQ(e2e::Field(r.out, "Bỏ qua tệp"), "old.json (không có log_head)");
  EXPECT_EQ(r.err,
            "motcua: dữ liệu không toàn vẹn (anchor 2026-01-01.json): mốc 2026-01-01.json ghi "
            "sự kiện số 99 mà sổ không còn\n");

  // A folder with no anchor at all is bad usage, not a pass.
  std::filesystem::remove(dir_.path() / "anchors" / "2026-01-01.json");
  auto none = Check(e2e::kAdmin, {"--anchors", (dir_.path() / "anchors").string()});
  EXPECT_EQ(none.exit_code, 2) << none.out << none.err;
  EXPECT_EQ(none.out, "");
  EXPECT_THAT(none.err, HasSubstr("không có mốc nào"));
}

TEST_F(AdminCheckTest, AnchorsCatchALogRewrittenWithARecomputedChain) {
  const std::string anchor = ExportNow();
  StopServer();
  RewriteHistory(4);
  StartServer();
  // The chain and the projections hold: only an outside copy can tell.
  auto plain = Check();
  EXPECT_EQ(plain.exit_code, 0) << plain.out << plain.err;
  auto r = Check(e2e::kAdmin, {"--anchors", exports_.string()});
  EXPECT_EQ(r.exit_code, kDamaged) << r.out << r.err;
  EXPECT_EQ(e2e::Field(r.out, "Chuỗi băm"), "nguyên vẹn");
  const std::string line = e2e::Field(r.out, "Mốc đối chiếu");
  EXPECT_THAT(line, HasSubstr(anchor + ": KHÔNG KHỚP tại sự kiện số 6 (mốc ghi "));
  EXPECT_EQ(e2e::Field(r.out, "Phép kiểm tra không đạt"), "anchor " + anchor);
  EXPECT_EQ(r.err, "motcua: dữ liệu không toàn vẹn (anchor " + anchor + "): mốc " + anchor +
                       " không khớp tại sự kiện số 6: lịch sử đến đó đã bị viết lại\n");
}

}  // namespace
}  // namespace motcua::reliability
