// Fuzz target: the calendar's files. The first byte picks: an official
// schedules file (LoadScheduleFile, as dropped into data/calendar/); the
// configuration's calendar section (its office hours); or a schedules file
// then the whole working calendar built from it, asked for deadlines across
// its years. The rest is the file.
//
// Oracle: bad files are refused with a user's error naming the entry; a calendar
// that loads answers without crashing.
#include <fstream>

#include "adapters/config/calendar_file.h"
#include "adapters/config/json_file.h"
#include "engine/calendar/working_calendar.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr std::string_view kName = "calendar_fuzzer";

void CheckLoad(const motcua::Status& status) { motcua::fuzz::ExpectOkOrRefusal(kName, status); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(motcua::fuzz::Text(data + 1, size - 1));
  const std::filesystem::path dir = motcua::fuzz::ScratchDir(kName);
  motcua::v1::CalendarConfig config;
  // Building a whole calendar (1900–2100) takes a tenth of a second: only
  // one selector in three does it, so the parsers are fuzzed at speed.
  const unsigned pick = data[0] % 3;
  if (pick != 1) {
    const std::filesystem::path file = dir / "schedules" / "2027.json";
    std::filesystem::create_directories(file.parent_path());
    { std::ofstream(file, std::ios::binary | std::ios::trunc) << text; }
    auto loaded = motcua::config::LoadScheduleFile(file);
    CheckLoad(loaded.status());
    if (!loaded.ok() || pick == 0) return 0;
    config.set_schedule_dir(file.parent_path().string());
  } else {
    motcua::Status parsed = motcua::config::ParseJson(text, "motcuad.json", config);
    CheckLoad(parsed);
    if (!parsed.ok()) return 0;
    CheckLoad(motcua::config::ParseOfficeHours(config.office_hours(), "motcuad.json").status());
    return 0;
  }
  auto calendar = motcua::config::LoadCalendar(config);
  CheckLoad(calendar.status());
  if (!calendar.ok()) return 0;
  // Three working days from New Year's Day 2027, then from 2024.
  for (std::int64_t from : {1798736400, 1704067200}) {
    auto due = (*calendar)->AddWorkingTime(motcua::FromUnixSeconds(from), std::chrono::hours(24));
    if (!due.ok()) CheckLoad(due.status());
  }
  return 0;
}
