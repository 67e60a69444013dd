// `motcua due` and `motcua calendar`: the working-time calendar from the
// command line, read from the local configuration (no server needed), so
// that anyone can check an appointment date the way an officer would.
//
//   $ motcua due --received "2024-02-07 14:00" --working-days 3
//   2024-02-19 14:00
//
// Exit codes (command_table.h): 0 answered, 1 the configuration or the
// calendar refused, 2 bad usage.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "adapters/config/calendar_file.h"
#include "adapters/config/server_config.h"
#include "engine/base/quote.h"
#include "engine/base/time.h"
#include "engine/calendar/working_calendar.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"

namespace motcua::cli {

namespace {

using calendar::DayKind;
using calendar::DurationUnit;
using calendar::WorkingCalendar;

constexpr int kRefused = 1;
constexpr int kUsage = 2;

// Errors go out on one line even if a parser's message has several.
std::string OneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// The calendar of the configuration in --config, else the default one.
Result<std::shared_ptr<const WorkingCalendar>> LoadCalendarFor(const Context& ctx) {
  const std::filesystem::path path =
      ctx.config.empty() ? config::DefaultConfigPath() : std::filesystem::path(ctx.config);
  MOTCUA_ASSIGN_OR_RETURN(v1::ServerConfig server, config::LoadServerConfig(path));
  return config::LoadCalendar(server.calendar(), path);
}

int YearOf(Instant t) {
  return static_cast<int>(cal::year_month_day(cal::floor<cal::days>(ToVietnam(t))).year());
}

const char* WeekdayName(LocalDays day) {
  static const char* const kNames[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                       "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
  return kNames[cal::weekday(day).c_encoding()];
}

struct UnitFlag {
  const char* flag;
  DurationUnit unit;
};
constexpr UnitFlag kUnitFlags[] = {
    {"working-days", DurationUnit::kWorkingDays},
    {"working-hours", DurationUnit::kWorkingHours},
    {"calendar-days", DurationUnit::kCalendarDays},
    {"same-day", DurationUnit::kSameDay},
};

int RunDue(const Context& ctx, const Args& args) {
  auto received_text = args.Require("received");
  if (!received_text.ok()) return Fail(ctx, received_text.status().message(), kUsage);
  auto received = ParseVietnamMinute(*received_text);
  if (!received.ok()) return Fail(ctx, "--received: " + received.status().message(), kUsage);

  std::vector<const UnitFlag*> chosen;
  for (const UnitFlag& u : kUnitFlags) {
    if (args.Has(u.flag)) chosen.push_back(&u);
  }
  if (chosen.size() != 1) {
    return Fail(ctx,
                std::string(chosen.empty() ? "thiếu" : "chỉ được chọn một") +
                    " đơn vị thời hạn: --working-days N, --working-hours N, --calendar-days N "
                    "hoặc --same-day",
                kUsage);
  }
  calendar::DeadlineSpec deadline;
  deadline.unit = chosen.front()->unit;
  if (deadline.unit == DurationUnit::kSameDay) {
    if (auto cutoff = args.Get("cutoff")) {
      auto parsed = ParseClock(*cutoff);
      if (!parsed.ok()) return Fail(ctx, "--cutoff: " + parsed.status().message(), kUsage);
      deadline.cutoff = *parsed;
    }
  } else {
    if (args.Has("cutoff")) return Fail(ctx, "--cutoff chỉ dùng với --same-day", kUsage);
    // RequireCount accepts at most nine digits, so the value fits an int.
    auto amount = args.RequireCount(chosen.front()->flag);
    if (!amount.ok()) return Fail(ctx, amount.status().message(), kUsage);
    deadline.amount = static_cast<int>(*amount);
  }

  auto calendar = LoadCalendarFor(ctx);
  if (!calendar.ok()) return Fail(ctx, OneLine(calendar.status().message()), kRefused);
  if (!(*calendar)->Covers(*received)) {
    return Fail(ctx,
                "--received: " + QuoteForMessage(*received_text) + " nằm ngoài phạm vi lịch " +
                    std::to_string((*calendar)->first_year()) + "–" +
                    std::to_string((*calendar)->last_year()),
                kUsage);
  }
  auto due = (*calendar)->ComputeDue(*received, deadline);
  if (!due.ok()) return Fail(ctx, OneLine(due.status().message()), kRefused);

  *ctx.out << FormatVietnamMinute(due->at) << "\n";
  if (due->provisional) {
    std::string years;
    for (int y = YearOf(*received); y <= YearOf(due->at); ++y) {
      if (!(*calendar)->IsProvisional(y)) continue;
      years += (years.empty() ? "" : ", ") + std::to_string(y);
    }
    *ctx.out << "Tạm tính: năm " << years
             << " chưa có lịch nghỉ chính thức, ngày nghỉ được suy ra theo Bộ luật Lao động; "
                "cần tính lại khi lịch chính thức được công bố.\n";
  }
  return 0;
}

int RunCalendar(const Context& ctx, const Args& args) {
  const std::string& text = args.positional().front();
  const bool digits = text.size() == 4 && std::all_of(text.begin(), text.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    return Fail(ctx, "năm không hợp lệ '" + QuoteForMessage(text) + "' (cần YYYY)", kUsage);
  }
  const int year = std::stoi(text);

  auto calendar = LoadCalendarFor(ctx);
  if (!calendar.ok()) return Fail(ctx, OneLine(calendar.status().message()), kRefused);
  if (year < (*calendar)->first_year() || year > (*calendar)->last_year()) {
    return Fail(ctx,
                "năm " + text + " nằm ngoài phạm vi lịch " +
                    std::to_string((*calendar)->first_year()) + "–" +
                    std::to_string((*calendar)->last_year()),
                kUsage);
  }

  const bool provisional = (*calendar)->IsProvisional(year);
  *ctx.out << "Năm " << year << ": "
           << (provisional ? "chưa có lịch chính thức, tạm tính theo quy định của Bộ luật Lao động"
                           : "lịch nghỉ chính thức")
           << "\n";
  for (const calendar::DayInfo& info : (*calendar)->Exceptions(year)) {
    const bool worked = calendar::IsWorkingKind(info.kind);
    const bool official =
        info.kind == DayKind::kOfficialDayOff || info.kind == DayKind::kOfficialWorkedWeekend;
    *ctx.out << FormatDate(info.day) << " " << WeekdayName(info.day) << ": "
             << (worked ? "làm việc" : "nghỉ") << " ("
             << (official ? "chính thức" : "theo quy định") << ")"
             << (info.name.empty() ? "" : " — " + info.name) << "\n";
  }
  return 0;
}

}  // namespace

void AddCalendarCommands(CommandTable& table) {
  table.push_back(
      {.name = "due",
       .summary = "hạn trả kết quả theo lịch làm việc (đọc cấu hình, không cần máy chủ)",
       .usage = "--received \"YYYY-MM-DD HH:MM\" (--working-days N | --working-hours N | "
                "--calendar-days N | --same-day [--cutoff HH:MM])",
       .positionals = {},
       .options = {TextOption("received", "\"YYYY-MM-DD HH:MM\"",
                              "thời điểm tiếp nhận, giờ Việt Nam (bắt buộc)"),
                   TextOption("working-days", "N", "thời hạn N ngày làm việc"),
                   TextOption("working-hours", "N", "thời hạn N giờ làm việc"),
                   TextOption("calendar-days", "N",
                              "thời hạn N ngày lịch (hết hạn vào cuối ngày làm việc)"),
                   FlagOption("same-day", "trả trong ngày"),
                   TextOption("cutoff", "HH:MM",
                              "với --same-day: nhận sau giờ này thì trả vào ngày làm việc sau "
                              "(mặc định 15:00)")},
       .run = RunDue});
  table.push_back({.name = "calendar",
                   .summary = "ngày nghỉ và ngày làm bù trong năm (đọc cấu hình)",
                   .usage = "YEAR",
                   .positionals = {{.name = "YEAR", .help = "năm, 4 chữ số (1900–2100)"}},
                   .options = {},
                   .run = RunCalendar});
}

}  // namespace motcua::cli
