// Shared by the calendar tests: the calendar built from the shipped data
// (data/calendar, default office hours), built once per test binary.
#ifndef MOTCUA_TESTS_ENGINE_CALENDAR_CALENDAR_TEST_SUPPORT_H_
#define MOTCUA_TESTS_ENGINE_CALENDAR_CALENDAR_TEST_SUPPORT_H_

#include <memory>
#include <stdexcept>
#include <string>

#include "adapters/config/calendar_file.h"
#include "engine/base/time.h"
#include "engine/calendar/working_calendar.h"

namespace motcua::calendar::testing {

inline std::shared_ptr<const WorkingCalendar> ShippedCalendar() {
  static const std::shared_ptr<const WorkingCalendar> calendar = [] {
    v1::CalendarConfig config;
    config.set_schedule_dir(std::string(MOTCUA_SOURCE_DIR) + "/data/calendar");
    auto built = config::LoadCalendar(config);
    if (!built.ok()) throw std::runtime_error(built.status().ToString());
    return *built;
  }();
  return calendar;
}

// "YYYY-MM-DD HH:MM" Vietnam time; throws on a typo in a test.
inline Instant At(const std::string& text) {
  auto t = ParseVietnamMinute(text);
  if (!t.ok()) throw std::invalid_argument(t.status().ToString());
  return *t;
}

inline LocalDays Day(int y, unsigned m, unsigned d) {
  return LocalDays(cal::year{y} / cal::month{m} / cal::day{d});
}

}  // namespace motcua::calendar::testing

#endif  // MOTCUA_TESTS_ENGINE_CALENDAR_CALENDAR_TEST_SUPPORT_H_
