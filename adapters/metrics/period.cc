#include "adapters/metrics/period.h"

namespace motcua::metrics {

Result<Period> MakePeriod(std::string_view from, std::string_view to) {
  MOTCUA_ASSIGN_OR_RETURN(LocalDays first, ParseDate(from));
  MOTCUA_ASSIGN_OR_RETURN(LocalDays last, ParseDate(to));
  if (last < first) {
    return Status(Error::kInvalidArgument, "kỳ thống kê không hợp lệ: ngày cuối " +
                                               std::string(to) + " trước ngày đầu " +
                                               std::string(from));
  }
  return Period{first, last};
}

LocalDays VietnamDays::DayOf(std::int64_t utc_seconds) {
  if (utc_seconds < begin_ || utc_seconds >= end_) {
    const cal::sys_info info = VietnamZone().get_info(FromUnixSeconds(utc_seconds));
    begin_ = ToUnixSeconds(info.begin);
    end_ = ToUnixSeconds(info.end);
    offset_ = info.offset.count();
  }
  const std::int64_t local = utc_seconds + offset_;
  // Floor division: instants before 1970 still land on the right day.
  std::int64_t days = local / 86400;
  if (local % 86400 < 0) --days;
  return LocalDays(cal::days(days));
}

}  // namespace motcua::metrics
