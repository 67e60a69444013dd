// The tracking book (Mẫu 06) end to end: every received dossier has the next
// number of its year, in the order received, the same after a SIGKILL and a
// restart, starting again at 1 in January; a refusal at the counter is not in
// the book; the text, the printable page and the CSV say the same.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/e2e/alert_fixture.h"

namespace motcua::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using TrackingBookTest = AlertE2eTest;

// The CSV's lines, without the byte-order mark and the CRLF.
std::vector<std::string> Lines(std::string csv) {
  if (csv.starts_with("\xEF\xBB\xBF")) csv.erase(0, 3);
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < csv.size();) {
    std::size_t end = csv.find("\r\n", at);
    lines.push_back(csv.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

TEST_F(TrackingBookTest, NumbersRunThroughTheYearSurviveASigkillAndStartAgainInJanuary) {
  // 2027's official days off are not published yet: its appointments say so.
  const std::string provisional = " (theo lịch nghỉ dự kiến)";
  Start("2026-12-30 08:00");  // Wednesday
  const std::string first = Receive("Nguyễn Văn An", "2027-01-05 08:00" + provisional);
  Ok(kReception, {"refuse", "--procedure", "1.004873", "--applicant", "Lê Thị Từ Chối",
                  "--channel", "counter", "--reason", "Không đúng thẩm quyền"});
  ASSERT_EQ(SetClock("2026-12-30 09:00"), 0);
  const std::string second = Receive("Trần Thị Bình", "2027-01-05 09:00" + provisional);
  Kill();
  Restart("2026-12-31 08:00");
  const std::string third = Receive("Lê Văn Cường", "2027-01-06 08:00" + provisional);
  // New Year's Day is off; the first working day of 2027 is Monday 4 January,
  // one working day before the first dossier's appointment: its apology is due.
  ASSERT_EQ(SetClock("2027-01-04 08:00"), 1);
  const std::string january = Receive("Phạm Thị Dung", "2027-01-07 08:00" + provisional);
  Ok(kReception, {"withdraw", third, "--reason", "Công dân xin rút"});

  const std::vector<std::string> csv =
      Lines(Ok(kLeader, {"book", "--from", "2026-12-01", "--to", "2027-01-31", "--format", "csv"}));
  ASSERT_EQ(csv.size(), 5u);
  EXPECT_EQ(csv[0],
            "Số TT,Mã hồ sơ,Người nộp,Nội dung,Số bộ,Ngày nhận,Hẹn trả,Có kết quả,Ngày trả,Ghi chú");
  const std::string content = "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân";
  EXPECT_EQ(csv[1], "1/2026," + first + ",Nguyễn Văn An," + content +
                        ",1,08:00 30/12/2026,08:00 05/01/2027,,,");
  EXPECT_EQ(csv[2], "2/2026," + second + ",Trần Thị Bình," + content +
                        ",1,09:00 30/12/2026,09:00 05/01/2027,,,");
  EXPECT_EQ(csv[3], "3/2026," + third + ",Lê Văn Cường," + content +
                        ",1,08:00 31/12/2026,08:00 06/01/2027,,,Công dân rút hồ sơ");
  EXPECT_EQ(csv[4], "1/2027," + january + ",Phạm Thị Dung," + content +
                        ",1,08:00 04/01/2027,08:00 07/01/2027,,,");

  // A shorter period lists only its own days, with the year's numbers.
  const std::vector<std::string> january_only =
      Lines(Ok(kLeader, {"book", "--from", "2027-01-01", "--to", "2027-01-31", "--format", "csv"}));
  ASSERT_EQ(january_only.size(), 2u);
  EXPECT_THAT(january_only[1], ::testing::StartsWith("1/2027," + january));

  const std::string text = Ok(kLeader, {"book", "--from", "2026-12-01", "--to", "2026-12-31"});
  EXPECT_THAT(text, HasSubstr("SỔ THEO DÕI HỒ SƠ"));
  EXPECT_THAT(text, HasSubstr("Từ ngày 2026-12-01 đến ngày 2026-12-31: 3 hồ sơ"));
  EXPECT_THAT(text, Not(HasSubstr("Từ Chối")));
  const std::string html =
      Ok(kLeader, {"book", "--from", "2026-12-01", "--to", "2026-12-31", "--format", "html"});
  EXPECT_THAT(html, HasSubstr("size: A4 landscape"));
  EXPECT_THAT(html, HasSubstr("<th>Ký nhận kết quả</th><th>Cán bộ trả ký</th><th>Ghi chú</th>"));
  EXPECT_THAT(html, HasSubstr("<td>3/2026</td><td>" + third + "</td>"));

  // Bad input: one line, exit 2 for the caller's mistake, 1 for the server's refusal.
  ProcessResult bad = Run(kLeader, {"book", "--from", "2026-12-31", "--to", "2026-12-01"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.err, ::testing::EndsWith("\n"));
  EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1) << bad.err;
  ProcessResult statistics = Run(kStatistics, {"book", "--from", "2026-12-01", "--to", "2026-12-31"});
  EXPECT_EQ(statistics.exit_code, 1);
  EXPECT_THAT(statistics.err, HasSubstr("không được xem sổ theo dõi hồ sơ"));
}

}  // namespace
}  // namespace motcua::e2e
