// The one place that names Howard Hinnant's date library. When the standard
// library's C++20 calendar and time-zone support is available, this alias
// becomes `namespace chrono_cal = std::chrono;` and nothing else changes.
#ifndef MOTCUA_ENGINE_BASE_DATE_ALIAS_H_
#define MOTCUA_ENGINE_BASE_DATE_ALIAS_H_

#include <date/date.h>
#include <date/tz.h>

namespace motcua {
namespace cal = ::date;
}  // namespace motcua

#endif  // MOTCUA_ENGINE_BASE_DATE_ALIAS_H_
