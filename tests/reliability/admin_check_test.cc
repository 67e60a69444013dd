// `motcua check` against a running motcuad (issue 8, item 2): the hash chain
// catches an event edited, or deleted, behind the engine's back (here with
// the SQLite C API, as the sqlite3 shell would), names the first bad
// sequence number and exits 4; a projection row edited the same way is
// reported by its table and key. The check reads; it changes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "adapters/http/api_client.h"
#include "adapters/sqlite/database.h"
#include "tests/e2e/e2e_support.h"
#include "tests/reliability/load.h"
#include "tests/support/fixtures.h"

namespace motcua::reliability {
namespace {

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
    auto url = http::ServerUrl::Parse(server_->url());
    ASSERT_TRUE(url.ok());
    http::ApiClient desk(*url, e2e::kReception);
    for (int n = 0; n < 6; ++n) {
      auto reply = desk.Command("receive", Load::SampleReceive(1, n),
                                http::ApiClient::NewIdempotencyKey());
      ASSERT_TRUE(reply.ok()) << reply.status().ToString();
      codes_.push_back(reply->dossier().code());
    }
  }

  e2e::ProcessResult Check(const char* token = e2e::kAdmin) {
    return Motcua(server_->url(), token, {"check"});
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
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(e2e::DumpStore(db_), before);  // the check changes nothing
}

TEST_F(AdminCheckTest, AnEventBodyEditedBehindTheEnginesBackIsReportedWithItsSeq) {
  // The applicant of event 4 renamed inside the serialized body: same
  // length, still a valid protobuf, only the chain can tell.
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
  EXPECT_EQ(r.err, "motcua: dữ liệu không toàn vẹn: sự kiện số 4 bị sửa\n");
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
  EXPECT_THAT(r.err, HasSubstr("motcua: dữ liệu không toàn vẹn: bảng dossiers"));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(AdminCheckTest, ACheckAsksForTheAdminRole) {
  auto r = Check(e2e::kReception);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("ĐẠT")));
}

}  // namespace
}  // namespace motcua::reliability
