// How the letters word times, dates, counts and statutory durations, in
// Vietnamese and always in Vietnam time (through engine/base/time.h, never the
// machine's zone). Pure functions; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_LETTERS_WORDING_H_
#define MOTCUA_ADAPTERS_LETTERS_WORDING_H_

#include <cstdint>
#include <string>

#include "engine/base/time.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::letters {

// "01:30, ngày 15 tháng 03 năm 2024": the form Mẫu 01 asks for.
std::string ClockAndDateWords(Instant t);

// "ngày 15 tháng 03 năm 2024".
std::string DateWords(Instant t);

// "03": administrative documents write small counts with two digits.
std::string TwoDigits(std::uint32_t n);

// The statutory duration as the receipt states it: the catalog's own wording
// when it has one (the legal text is authoritative), otherwise built from the
// unit and amount, e.g. "03 ngày làm việc" or "Trong ngày (hồ sơ nhận sau
// 15:00 trả trong ngày làm việc tiếp theo)". Empty if the duration is unset.
std::string DurationWords(const v1::Duration& duration);

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_WORDING_H_
