#include "engine/base/time.h"

#include <sstream>

#include "engine/base/quote.h"

namespace motcua {

const cal::time_zone& VietnamZone() {
  // Looked up once; the zone object is immutable and owned by the tz database.
  static const cal::time_zone* const zone = cal::locate_zone("Asia/Ho_Chi_Minh");
  return *zone;
}

LocalTime ToVietnam(Instant t) { return VietnamZone().to_local(t); }

Instant FromVietnam(LocalTime t) {
  // Vietnam has no daylight saving since 1975; `earliest` makes the rare
  // historical ambiguity explicit instead of throwing.
  return VietnamZone().to_sys(t, cal::choose::earliest);
}

std::string FormatVietnam(Instant t, const char* pattern) {
  return cal::format(pattern, ToVietnam(t));
}

std::string FormatVietnamMinute(Instant t) { return FormatVietnam(t, "%Y-%m-%d %H:%M"); }

namespace {

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

Result<LocalDays> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !AllDigits(text.substr(0, 4)) ||
      !AllDigits(text.substr(5, 2)) || !AllDigits(text.substr(8, 2))) {
    return Status(Error::kInvalidArgument,
                  "ngày không hợp lệ '" + QuoteForMessage(text) + "' (cần YYYY-MM-DD)");
  }
  cal::year_month_day ymd{cal::year{ToInt(text.substr(0, 4))},
                          cal::month{static_cast<unsigned>(ToInt(text.substr(5, 2)))},
                          cal::day{static_cast<unsigned>(ToInt(text.substr(8, 2)))}};
  if (!ymd.ok()) {
    return Status(Error::kInvalidArgument, "ngày không tồn tại '" + QuoteForMessage(text) + "'");
  }
  return LocalDays(ymd);
}

Result<std::chrono::minutes> ParseClock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':' || !AllDigits(text.substr(0, 2)) ||
      !AllDigits(text.substr(3, 2))) {
    return Status(Error::kInvalidArgument,
                  "giờ không hợp lệ '" + QuoteForMessage(text) + "' (cần HH:MM)");
  }
  int h = ToInt(text.substr(0, 2));
  int m = ToInt(text.substr(3, 2));
  if (h > 24 || m > 59 || (h == 24 && m != 0)) {
    return Status(Error::kInvalidArgument, "giờ không tồn tại '" + QuoteForMessage(text) + "'");
  }
  return std::chrono::minutes(h * 60 + m);
}

Result<Instant> ParseVietnamMinute(std::string_view text) {
  if (text.size() != 16 || (text[10] != ' ' && text[10] != 'T')) {
    return Status(Error::kInvalidArgument,
                  "thời điểm không hợp lệ '" + QuoteForMessage(text) + "' (cần YYYY-MM-DD HH:MM)");
  }
  MOTCUA_ASSIGN_OR_RETURN(LocalDays day, ParseDate(text.substr(0, 10)));
  MOTCUA_ASSIGN_OR_RETURN(std::chrono::minutes clock, ParseClock(text.substr(11, 5)));
  if (clock == std::chrono::hours(24)) {
    return Status(Error::kInvalidArgument, "thời điểm không tồn tại '" + QuoteForMessage(text) + "'");
  }
  return FromVietnam(LocalTime(day.time_since_epoch() + clock));
}

std::string FormatDate(LocalDays day) {
  // By hand rather than cal::format (a stream and a locale per call): the
  // projections format a day for every counter row they write, and
  // cal::format was 13% of a rebuild (tools/bench replay).
  const cal::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return cal::format("%Y-%m-%d", day);
  const auto month = static_cast<unsigned>(ymd.month());
  const auto dom = static_cast<unsigned>(ymd.day());
  std::string out(10, '-');
  out[0] = static_cast<char>('0' + year / 1000);
  out[1] = static_cast<char>('0' + year / 100 % 10);
  out[2] = static_cast<char>('0' + year / 10 % 10);
  out[3] = static_cast<char>('0' + year % 10);
  out[5] = static_cast<char>('0' + month / 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[8] = static_cast<char>('0' + dom / 10);
  out[9] = static_cast<char>('0' + dom % 10);
  return out;
}

}  // namespace motcua
