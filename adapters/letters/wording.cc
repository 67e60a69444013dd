#include "adapters/letters/wording.h"

namespace motcua::letters {

std::string ClockAndDateWords(Instant t) {
  return FormatVietnam(t, "%H:%M, ngày %d tháng %m năm %Y");
}

std::string DateWords(Instant t) { return FormatVietnam(t, "ngày %d tháng %m năm %Y"); }

std::string TwoDigits(std::uint32_t n) {
  std::string digits = std::to_string(n);
  return digits.size() < 2 ? "0" + digits : digits;
}

std::string DurationWords(const v1::Duration& duration) {
  if (!duration.text_vi().empty()) return duration.text_vi();
  switch (duration.unit()) {
    case v1::DURATION_UNIT_WORKING_HOURS:
      return TwoDigits(duration.amount()) + " giờ làm việc";
    case v1::DURATION_UNIT_WORKING_DAYS:
      return TwoDigits(duration.amount()) + " ngày làm việc";
    case v1::DURATION_UNIT_CALENDAR_DAYS:
      return TwoDigits(duration.amount()) + " ngày";
    case v1::DURATION_UNIT_SAME_DAY: {
      // The engine's default cutoff (docs/domain.md "The clock").
      const std::string cutoff = duration.cutoff().empty() ? "15:00" : duration.cutoff();
      return "Trong ngày (hồ sơ nhận sau " + cutoff + " trả trong ngày làm việc tiếp theo)";
    }
    default:
      return {};
  }
}

}  // namespace motcua::letters
