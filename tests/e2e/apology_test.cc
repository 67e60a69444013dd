// The apology and what moves a due time, end to end: the apology
// rules and its letter (Mẫu 04), the supplementation pause across a weekend
// and the National Day holiday, and a calendar reload re-timing an open
// dossier, with the alerts following each new time. The hand-driven clock
// and the real motcua binary as in alerts_test.cc; procedure 1.004873 takes
// 3 working days, office hours 07:00-11:30 and 13:30-17:00.
#include <gmock/gmock.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/e2e/alert_fixture.h"

namespace motcua::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

using ApologyTest = AlertE2eTest;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_F(ApologyTest, RulesLetterAndTheOriginalAppointmentKeptForStatistics) {
  Start("2026-12-02 10:00");
  const std::string code = Receive("Nguyễn Văn An", "2026-12-07 10:00");
  const std::string finished = Receive("Trần Thị Bình", "2026-12-07 10:00");
  Finish(finished);
  ASSERT_EQ(SetClock("2026-12-04 10:00"), 1);  // apology due for `code` only

  const std::string before = DumpStore(db_);
  auto apologize = [&](const std::string& c, const std::string& when) {
    return Run(kReception, {"apologize", c, "--reason", "Cần xác minh thêm tại UBND xã Hương Lâm",
                            "--new-appointment", when});
  };
  // The new time must be later than the current appointment.
  ProcessResult same = apologize(code, "2026-12-07 10:00");
  EXPECT_EQ(same.exit_code, 1);
  EXPECT_EQ(same.err, "motcua: hồ sơ " + code +
                          ", xin lỗi và hẹn lại: thời hạn hẹn mới phải sau thời hạn hẹn hiện tại "
                          "2026-12-07 10:00\n");
  EXPECT_EQ(apologize(code, "2026-12-05 09:00").exit_code, 1);
  // A finished dossier is not late any more.
  ProcessResult done = apologize(finished, "2026-12-09 16:00");
  EXPECT_EQ(done.exit_code, 1);
  EXPECT_THAT(done.err, HasSubstr("Đã xử lý xong"));
  // Bad input is a usage error; none of this changed anything.
  EXPECT_EQ(apologize(code, "09/12/2026").exit_code, 2);
  EXPECT_EQ(Run(kReception, {"apologize", code, "--new-appointment", "2026-12-09 16:00"}).exit_code,
            2);
  EXPECT_EQ(DumpStore(db_), before);

  const std::filesystem::path html = dir_.path() / "thu-xin-loi.html";
  ProcessResult ok = Run(kReception, {"apologize", code, "--reason",
                                      "Cần xác minh thêm tại UBND xã Hương Lâm",
                                      "--new-appointment", "2026-12-09 16:00", "--html",
                                      html.string()});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(Field(ok.out, "Hẹn trả"), "2026-12-07 10:00");
  EXPECT_EQ(Field(ok.out, "Hẹn trả mới (sau thư xin lỗi)"), "2026-12-09 16:00");
  // The letter, Mẫu 04 of Circular 03/2025 (received after 2025-07-01).
  const std::string& letter = ok.out;
  EXPECT_THAT(letter, HasSubstr("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"));
  EXPECT_THAT(letter, HasSubstr("Mẫu số 04 (Thông tư số 03/2025/TT-VPCP)"));
  EXPECT_THAT(letter, HasSubstr("Kính gửi: Nguyễn Văn An"));
  EXPECT_THAT(letter, HasSubstr("Mã hồ sơ: " + code));
  EXPECT_THAT(letter, HasSubstr("Thời gian nhận hồ sơ: 10:00, ngày 02 tháng 12 năm 2026"));
  EXPECT_THAT(letter, HasSubstr("Thời gian hẹn trả kết quả: 10:00, ngày 07 tháng 12 năm 2026"));
  EXPECT_THAT(letter, HasSubstr("Lý do: Cần xác minh thêm tại UBND xã Hương Lâm"));
  EXPECT_THAT(letter, HasSubstr("thành thật xin lỗi"));
  EXPECT_THAT(letter, HasSubstr("    16:00, ngày 09 tháng 12 năm 2026\n"));
  EXPECT_THAT(letter, HasSubstr("THỦ TRƯỞNG CƠ QUAN"));
  const std::string page = ReadFile(html);
  EXPECT_THAT(page, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(page, HasSubstr("Cần xác minh thêm tại UBND xã Hương Lâm"));
  EXPECT_THAT(page, HasSubstr("Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"));
  // Printed again, the same letter.
  const std::string again = Ok(kReception, {"apology", code});
  EXPECT_NE(letter.find(again), std::string::npos);

  // Only once.
  ProcessResult second = apologize(code, "2026-12-10 16:00");
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_EQ(second.err, "motcua: hồ sơ " + code +
                            ": đã xin lỗi và hẹn lại một lần; chỉ được hẹn lại một lần\n");

  // The apology answered the warning, and moved the office's deadline: no
  // overdue alert at the old appointment.
  EXPECT_THAT(Ok(kReception, {"alerts", "--open"}), Not(HasSubstr("Đến hạn xin lỗi")));
  EXPECT_EQ(SetClock("2026-12-07 10:00"), 0);
  EXPECT_EQ(SetClock("2026-12-08 10:00"), 0);
  Finish(code);  // after the old appointment, before the new one
  EXPECT_THAT(Describe(AllAlerts()), ElementsAre("APOLOGY_DUE " + code + " 2026-12-04 10:00"));
  const std::string show = Ok(kLeader, {"show", code});
  EXPECT_EQ(Field(show, "Hẹn trả"), "2026-12-07 10:00");
  EXPECT_EQ(Field(show, "Hẹn trả mới (sau thư xin lỗi)"), "2026-12-09 16:00");
  // Statistics count against the original appointment: late.
  EXPECT_EQ(ResolvedOnTime("2026-12-01", "2026-12-31"), std::make_pair(1.0, 2.0));
}

TEST_F(ApologyTest, MissedNewAppointmentIsOverdueAgain) {
  Start("2026-12-02 10:00");
  const std::string code = Receive("Lê Văn Cường", "2026-12-07 10:00");
  EXPECT_EQ(SetClock("2026-12-07 10:00"), 2);  // apology due and overdue
  Ok(kLeader, {"apologize", code, "--reason", "Chờ ý kiến của Phòng Tư pháp huyện",
               "--new-appointment", "2026-12-09 16:00"});
  EXPECT_EQ(SetClock("2026-12-09 15:59"), 0);
  EXPECT_EQ(SetClock("2026-12-09 16:00"), 1);
  EXPECT_THAT(Describe(AllAlerts()), ElementsAre("APOLOGY_DUE " + code + " 2026-12-04 10:00",
                                                 "OVERDUE " + code + " 2026-12-07 10:00",
                                                 "OVERDUE " + code + " 2026-12-09 16:00"));
  // Only the alert for the new appointment is still to handle.
  const std::string open = Ok(kReception, {"alerts", "--open"});
  EXPECT_THAT(open, HasSubstr("Cảnh báo chưa xử lý (gấp nhất trước): 1\n"));
  EXPECT_THAT(open, HasSubstr("hẹn trả 2026-12-09 16:00"));
}

TEST_F(ApologyTest, SupplementPauseAcrossAWeekendAndNationalDayMovesTheDueTimeAndAlerts) {
  Start("2026-08-27 10:00");  // Thursday
  // Thu 5 h, Fri 8 h; Aug 29-30 the weekend, Aug 31-Sep 2 National Day off;
  // Thu Sep 3 8 h, Fri Sep 4 07:00-10:00 the last 3.
  const std::string code = Receive("Đặng Thị Hoa", "2026-09-04 10:00");
  ASSERT_EQ(SetClock("2026-08-28 09:00"), 0);
  std::string out = Ok(kReception, {"request-supplement", code, "--reason",
                                    "Thiếu bản sao giấy khai sinh"});
  EXPECT_EQ(Field(out, "Trạng thái"), "Yêu cầu bổ sung (5)");
  // Paused: the old apology moment (Thu 10:00) and due time (Fri 10:00) pass.
  EXPECT_EQ(SetClock("2026-09-03 10:00"), 0);
  EXPECT_EQ(SetClock("2026-09-04 10:00"), 0);
  ASSERT_EQ(SetClock("2026-09-04 11:00"), 0);
  out = Ok(kReception, {"supplement", code, "--documents", "Bản sao giấy khai sinh"});
  // The citizen took Fri Aug 28 09:00-17:00 (6 h), Thu Sep 3 (8 h) and Fri
  // Sep 4 07:00-11:00 (4 h): 18 working hours; the weekend and the holiday
  // do not count. Fri Sep 4 10:00 + 18 h = Tue Sep 8 14:00.
  EXPECT_EQ(Field(out, "Hẹn trả ban đầu"), "2026-09-04 10:00");
  EXPECT_EQ(Field(out, "Hẹn trả"), "2026-09-08 14:00");

  // A second request is allowed (and counted late by the national indicator).
  ASSERT_EQ(SetClock("2026-09-07 08:00"), 0);
  out = Ok(kReception, {"request-supplement", code, "--reason", "Bản sao chưa chứng thực"});
  EXPECT_EQ(Field(out, "Trạng thái"), "Yêu cầu bổ sung (5)");
  ASSERT_EQ(SetClock("2026-09-07 09:00"), 0);
  out = Ok(kReception, {"supplement", code});
  EXPECT_EQ(Field(out, "Hẹn trả"), "2026-09-08 15:00");  // one more hour

  // The warning follows: one working day before Tue 15:00.
  EXPECT_EQ(SetClock("2026-09-07 14:59"), 0);
  EXPECT_EQ(SetClock("2026-09-07 15:00"), 1);
  ASSERT_EQ(SetClock("2026-09-08 09:00"), 0);
  Finish(code);  // before its appointment, but after a second request
  EXPECT_EQ(SetClock("2026-09-09 09:00"), 0);
  EXPECT_THAT(Describe(AllAlerts()), ElementsAre("APOLOGY_DUE " + code + " 2026-09-07 15:00"));
  EXPECT_EQ(ResolvedOnTime("2026-08-01", "2026-09-30"), std::make_pair(0.0, 1.0));
}

// A copy of the shipped 2026 schedule with `extra_off` added, as the later
// file that replaces the year.
void WriteCorrection(const std::filesystem::path& file, const std::string& extra_off) {
  google::protobuf::Struct shipped;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  ReadFile(std::filesystem::path(MOTCUA_SOURCE_DIR) / "data" / "calendar" /
                           "vn-official-days.json"),
                  &shipped)
                  .ok());
  google::protobuf::Value year =
      shipped.fields().at("years").struct_value().fields().at("2026");
  (*year.mutable_struct_value()->mutable_fields())["off"]
      .mutable_list_value()
      ->add_values()
      ->set_string_value(extra_off);
  google::protobuf::Struct correction;
  (*(*correction.mutable_fields())["years"].mutable_struct_value()->mutable_fields())["2026"] =
      year;
  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(correction, &json).ok());
  std::ofstream(file) << json;
}

TEST_F(ApologyTest, CalendarReloadRetimesOpenDossiersAndAlertsFollow) {
  const std::filesystem::path schedules = dir_.path() / "calendar";
  std::filesystem::create_directory(schedules);
  std::filesystem::copy_file(
      std::filesystem::path(MOTCUA_SOURCE_DIR) / "data" / "calendar" / "vn-official-days.json",
      schedules / "vn-official-days.json");
  Start("2026-12-02 10:00", [&](v1::ServerConfig& c) {
    c.mutable_calendar()->set_schedule_dir(schedules.string());
  });
  const std::string code = Receive("Bùi Văn Khánh", "2026-12-07 10:00");
  const std::string finished = Receive("Ngô Thị Lan", "2026-12-07 10:00");
  Finish(finished);
  ASSERT_EQ(SetClock("2026-12-03 12:00"), 0);

  // Not an admin; then a broken file: refused, nothing recorded.
  const long long events = CountEvents(db_);
  EXPECT_EQ(Run(kReception, {"calendar-reload"}).exit_code, 1);
  std::ofstream(schedules / "zz-broken.json") << "{\"years\": {\"2026\": {\"off\": [\"2026-12-32\"]}}}";
  ProcessResult broken = Run(kAdmin, {"calendar-reload"});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_THAT(broken.err, HasSubstr("zz-broken.json"));
  EXPECT_EQ(CountEvents(db_), events);
  std::filesystem::remove(schedules / "zz-broken.json");

  // Friday Dec 4 is declared a day off.
  WriteCorrection(schedules / "zz-correction.json", "2026-12-04");
  const std::string reload = Ok(kAdmin, {"calendar-reload"});
  EXPECT_THAT(reload, HasSubstr("Hồ sơ đang mở bị ảnh hưởng: 1, được tính lại hạn: 1\n"));
  // Again with the same files: nothing moves, nothing is recorded.
  const long long after_reload = CountEvents(db_);
  EXPECT_THAT(
      Ok(kAdmin, {"calendar-reload"}),
      HasSubstr("Lịch làm việc không đổi: không hạn nào thay đổi, không ghi sự kiện nào.\n"));
  EXPECT_EQ(CountEvents(db_), after_reload);
  // Wed 5 h, Thu 8 h, Fri off, Mon 8 h, Tue 07:00-10:00.
  const std::string show = Ok(kLeader, {"show", code});
  EXPECT_EQ(Field(show, "Hẹn trả"), "2026-12-08 10:00");
  EXPECT_EQ(Field(show, "Hẹn trả ban đầu"), "2026-12-07 10:00");

  EXPECT_EQ(SetClock("2026-12-04 10:00"), 0);  // the old apology moment, now a day off
  EXPECT_EQ(SetClock("2026-12-07 09:59"), 0);
  EXPECT_EQ(SetClock("2026-12-07 10:00"), 1);
  EXPECT_EQ(SetClock("2026-12-08 10:00"), 1);
  EXPECT_THAT(Describe(AllAlerts()), ElementsAre("APOLOGY_DUE " + code + " 2026-12-07 10:00",
                                                 "OVERDUE " + code + " 2026-12-08 10:00"));
  // The new times survive a restart (they are in the log).
  Kill();
  Restart("2026-12-08 11:00");
  EXPECT_EQ(Field(Ok(kLeader, {"show", code}), "Hẹn trả"), "2026-12-08 10:00");
  EXPECT_EQ(AllAlerts().size(), 2u);
}

}  // namespace
}  // namespace motcua::e2e
