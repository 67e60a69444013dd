#include "engine/calendar/lunar_calendar.h"

#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>

namespace motcua::calendar {

namespace {

// Julian Day Numbers are whole days; the astronomy works in fractional Julian
// Dates (UT). 1970-01-01 is JDN 2440588, so a civil date's JDN is its serial
// day number plus that constant: the same value as the usual integer formula
// for a Gregorian date's JDN, without re-deriving the Gregorian rules
// (docs/calendar.md "The lunar calendar", step 1).
constexpr std::int64_t kJdnOfUnixEpoch = 2440588;

// Mean synodic month, and the Julian Date of new moon k = 0 (1900-01-01
// 13:52 UT) as the method uses them to guess a lunation number. The two
// spellings of the epoch (integer and fractional) are both part of the
// method: month 11 is searched from the integer one.
constexpr double kSynodicMonth = 29.530588853;
constexpr double kNewMoonEpoch = 2415021.076998695;
constexpr std::int64_t kNewMoonEpochDay = 2415021;

// Longitude 270° (the winter solstice) starts sector 9: the month containing
// it is month 11, the anchor of the whole calendar.
constexpr int kWinterSolsticeSector = 9;

constexpr int kVietnamMeridianHours = 7;

std::int64_t ToJdn(LocalDays day) { return day.time_since_epoch().count() + kJdnOfUnixEpoch; }

LocalDays FromJdn(std::int64_t jdn) { return LocalDays(cal::days(jdn - kJdnOfUnixEpoch)); }

double SinDeg(double degrees) { return std::sin(degrees * std::numbers::pi / 180.0); }

// INT() of the method: floor, not truncation (matters below the epoch).
std::int64_t Floor(double x) { return static_cast<std::int64_t>(std::floor(x)); }

// Julian Date (≈ UT) of the k-th new moon after the 1900 epoch (Meeus ch. 49,
// truncated to the terms the method keeps).
double NewMoon(std::int64_t k) {
  const double kd = static_cast<double>(k);
  const double t = kd / 1236.85;
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double mean = 2415020.75933 + 29.53058868 * kd + 0.0001178 * t2 - 0.000000155 * t3 +
                      0.00033 * SinDeg(166.56 + 132.87 * t - 0.009173 * t2);
  const double sun_anomaly = 359.2242 + 29.10535608 * kd - 0.0000333 * t2 - 0.00000347 * t3;
  const double moon_anomaly = 306.0253 + 385.81691806 * kd + 0.0107306 * t2 + 0.00001236 * t3;
  const double latitude_arg = 21.2964 + 390.67050646 * kd - 0.0016528 * t2 - 0.00000239 * t3;
  const double m = sun_anomaly;
  const double mp = moon_anomaly;
  const double f = latitude_arg;
  const double correction =
      (0.1734 - 0.000393 * t) * SinDeg(m) + 0.0021 * SinDeg(2 * m) - 0.4068 * SinDeg(mp) +
      0.0161 * SinDeg(2 * mp) - 0.0004 * SinDeg(3 * mp) + 0.0104 * SinDeg(2 * f) -
      0.0051 * SinDeg(m + mp) - 0.0074 * SinDeg(m - mp) + 0.0004 * SinDeg(2 * f + m) -
      0.0004 * SinDeg(2 * f - m) - 0.0006 * SinDeg(2 * f + mp) + 0.0010 * SinDeg(2 * f - mp) +
      0.0005 * SinDeg(2 * mp + m);
  // ΔT (TT − UT) in days; two fits, before and after about 1800.
  const double delta_t =
      t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
              : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - delta_t;
}

// The Sun's apparent longitude in degrees, [0, 360), at Julian Date `jd`.
double SunLongitude(double jd) {
  const double t = (jd - 2451545.0) / 36525.0;
  const double t2 = t * t;
  const double mean_anomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const double mean_longitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const double center = (1.914600 - 0.004817 * t - 0.000014 * t2) * SinDeg(mean_anomaly) +
                        (0.019993 - 0.000101 * t) * SinDeg(2 * mean_anomaly) +
                        0.000290 * SinDeg(3 * mean_anomaly);
  double longitude = std::fmod(mean_longitude + center, 360.0);
  if (longitude < 0) longitude += 360.0;
  return longitude;
}

// The calendar at one meridian. Vietnam uses UTC+7; the test hook builds one
// at UTC+8 to reproduce the Chinese dates.
class Astronomy {
 public:
  explicit Astronomy(double utc_offset_hours) : offset_days_(utc_offset_hours / 24.0) {}

  // The JDN of the local civil day on which new moon k falls.
  std::int64_t NewMoonDay(std::int64_t k) const { return Floor(NewMoon(k) + 0.5 + offset_days_); }

  // The 30° solar-term sector (0 = from the March equinox) at the local
  // midnight that starts day `jdn`.
  int Sector(std::int64_t jdn) const {
    const double midnight_ut = static_cast<double>(jdn) - 0.5 - offset_days_;
    return static_cast<int>(SunLongitude(midnight_ut) / 30.0);
  }

  // The lunation number nearest to a day (the new moon that starts its month,
  // give or take one).
  static std::int64_t LunationNear(std::int64_t jdn) {
    return Floor((static_cast<double>(jdn) - kNewMoonEpoch) / kSynodicMonth + 0.5);
  }

  // The JDN on which lunar month 11 (the month containing the winter
  // solstice) begins, for the solstice of Gregorian year `year`.
  std::int64_t Month11(int year) const {
    const std::int64_t dec31 = ToJdn(LocalDays(cal::year{year} / cal::December / 31));
    const std::int64_t k = Floor(static_cast<double>(dec31 - kNewMoonEpochDay) / kSynodicMonth);
    std::int64_t start = NewMoonDay(k);
    // A new moon after the solstice starts month 12; month 11 is the one before.
    if (Sector(start) >= kWinterSolsticeSector) start = NewMoonDay(k - 1);
    return start;
  }

  // In a 13-month year starting with month 11 at `month11`, the offset (in
  // months after month 11) of the leap month: the first month in which the
  // Sun enters no new sector, i.e. which contains no principal solar term.
  int LeapMonthOffset(std::int64_t month11) const {
    const std::int64_t k = LunationNear(month11);
    int i = 1;
    int sector = Sector(NewMoonDay(k + i));
    int previous;
    do {
      previous = sector;
      ++i;
      sector = Sector(NewMoonDay(k + i));
    } while (sector != previous && i < 14);
    return i - 1;
  }

  struct YearFrame {
    std::int64_t month11;       // start of month 11 that opens the frame
    std::int64_t next_month11;  // start of the following month 11
    bool has_leap() const { return next_month11 - month11 > 365; }
  };

  LunarDate ToLunar(std::int64_t jdn, int civil_year) const {
    // The month starts on the last new-moon day on or before the day. The
    // mean-lunation guess k can be one too high: a true new moon runs up to
    // ~14 hours off the mean, so just before a late new moon both k + 1 and k
    // start after the day (2054-05-07 is such a day; taking new moon k there,
    // as the method's usual description does, would give day 0). Step back
    // until found (docs/calendar.md "The lunar calendar", step 8).
    std::int64_t k = Floor((static_cast<double>(jdn) - kNewMoonEpoch) / kSynodicMonth) + 1;
    std::int64_t month_start = NewMoonDay(k);
    while (month_start > jdn) month_start = NewMoonDay(--k);

    // Frame the day between two consecutive months 11; a month 11 that
    // starts after the day belongs to the next frame.
    YearFrame frame{Month11(civil_year), 0};
    int lunar_year;
    if (frame.month11 >= month_start) {
      lunar_year = civil_year;
      frame.next_month11 = frame.month11;
      frame.month11 = Month11(civil_year - 1);
    } else {
      lunar_year = civil_year + 1;
      frame.next_month11 = Month11(civil_year + 1);
    }

    const auto day = static_cast<unsigned>(jdn - month_start + 1);
    // Months since month 11; 29 divides exactly because months last 29–30 days.
    const auto diff = static_cast<int>((month_start - frame.month11) / 29);
    int month = diff + 11;
    bool leap = false;
    if (frame.has_leap()) {
      const int leap_offset = LeapMonthOffset(frame.month11);
      if (diff >= leap_offset) {
        month = diff + 10;
        leap = diff == leap_offset;
      }
    }
    if (month > 12) month -= 12;
    // Months 11 and 12 of the frame's first weeks belong to the lunar year
    // that started the previous spring.
    if (month >= 11 && diff < 4) lunar_year -= 1;
    return LunarDate(lunar_year, static_cast<unsigned>(month), day, leap);
  }

  // The leap month of the frame starting at `month11`, or 0.
  unsigned LeapMonthIn(const YearFrame& frame) const {
    if (!frame.has_leap()) return 0;
    // Offset 1 is the month after month 11, so a leap at offset 1 repeats
    // month 11, offset 2 repeats month 12, offset 3 repeats month 1, ...
    const int leap_offset = LeapMonthOffset(frame.month11);
    return static_cast<unsigned>(leap_offset <= 2 ? leap_offset + 10 : leap_offset - 2);
  }

  // Returns the JDN of the first day of the month, and its length, or a
  // Status when the (month, leap) pair does not exist in that year.
  Result<std::int64_t> MonthStart(int lunar_year, unsigned month, bool leap,
                                  std::int64_t* length) const {
    // Months 11 and 12 of lunar year Y open the frame of Y's month 11; months
    // 1–10 close the frame of the previous year's.
    YearFrame frame = month < 11 ? YearFrame{Month11(lunar_year - 1), Month11(lunar_year)}
                                 : YearFrame{Month11(lunar_year), Month11(lunar_year + 1)};
    const std::int64_t k = LunationNear(frame.month11);
    std::int64_t offset = (static_cast<std::int64_t>(month) + 12 - 11) % 12;
    if (frame.has_leap()) {
      const int leap_offset = LeapMonthOffset(frame.month11);
      const unsigned leap_month = LeapMonthIn(frame);
      if (leap && month != leap_month) return NoSuchLeapMonth(lunar_year, month);
      if (leap || offset >= leap_offset) offset += 1;
    } else if (leap) {
      return NoSuchLeapMonth(lunar_year, month);
    }
    const std::int64_t start = NewMoonDay(k + offset);
    *length = NewMoonDay(k + offset + 1) - start;
    return start;
  }

 private:
  static Status NoSuchLeapMonth(int lunar_year, unsigned month) {
    return Status(Error::kInvalidArgument, "năm âm lịch " + std::to_string(lunar_year) +
                                               " không có tháng " + std::to_string(month) +
                                               " nhuận");
  }

  double offset_days_;
};

bool InRange(LocalDays day) {
  return day >= FirstLunarConvertibleDay() && day <= LastLunarConvertibleDay();
}

Status OutOfRange(const std::string& what) {
  return Status(Error::kInvalidArgument,
                what + " nằm ngoài phạm vi lịch âm được hỗ trợ (1900-01-01 đến 2100-12-31)");
}

std::string Describe(const LunarDate& d) {
  return std::to_string(d.day()) + "/" + std::to_string(d.month()) +
         (d.is_leap_month() ? " nhuận" : "") + "/" + std::to_string(d.year()) + " âm lịch";
}

Result<LocalDays> ToSolarWith(const Astronomy& astronomy, const LunarDate& date) {
  if (!date.ok()) {
    return Status(Error::kInvalidArgument, "ngày " + Describe(date) + " không hợp lệ");
  }
  // Lunar year 1899 holds 1900-01-01; lunar year 2100's last months spill
  // into 2101 and are rejected by the range check on the result.
  if (date.year() < 1899 || date.year() > 2100) return OutOfRange("ngày " + Describe(date));
  std::int64_t length = 0;
  MOTCUA_ASSIGN_OR_RETURN(std::int64_t start, astronomy.MonthStart(date.year(), date.month(),
                                                                   date.is_leap_month(), &length));
  if (date.day() > length) {
    return Status(Error::kInvalidArgument, "ngày " + Describe(date) + " không tồn tại (tháng có " +
                                               std::to_string(length) + " ngày)");
  }
  const LocalDays day = FromJdn(start + date.day() - 1);
  if (!InRange(day)) return OutOfRange("ngày " + Describe(date));
  return day;
}

}  // namespace

LocalDays FirstLunarConvertibleDay() noexcept {
  return LocalDays(cal::year{1900} / cal::January / 1);
}

LocalDays LastLunarConvertibleDay() noexcept {
  return LocalDays(cal::year{2100} / cal::December / 31);
}

Result<LunarDate> ToLunar(LocalDays day) {
  if (!InRange(day)) return OutOfRange("ngày " + FormatDate(day));
  const int civil_year = static_cast<int>(cal::year_month_day(day).year());
  return Astronomy(kVietnamMeridianHours).ToLunar(ToJdn(day), civil_year);
}

Result<LocalDays> ToSolar(const LunarDate& date) {
  return ToSolarWith(Astronomy(kVietnamMeridianHours), date);
}

Result<unsigned> LeapMonthOf(int lunar_year) {
  if (lunar_year < 1900 || lunar_year > 2100) {
    return OutOfRange("năm âm lịch " + std::to_string(lunar_year));
  }
  const Astronomy astronomy(kVietnamMeridianHours);
  // Months 1–10 of the year lie in the frame that opens with the previous
  // year's month 11; months 11–12 in the frame that opens with its own.
  const unsigned early =
      astronomy.LeapMonthIn({astronomy.Month11(lunar_year - 1), astronomy.Month11(lunar_year)});
  if (early >= 1 && early <= 10) return early;
  const unsigned late =
      astronomy.LeapMonthIn({astronomy.Month11(lunar_year), astronomy.Month11(lunar_year + 1)});
  if (late == 11 || late == 12) return late;
  return 0u;
}

Result<LocalDays> TEST_ToSolarAtUtcOffset(const LunarDate& date, double utc_offset_hours) {
  return ToSolarWith(Astronomy(utc_offset_hours), date);
}

}  // namespace motcua::calendar
