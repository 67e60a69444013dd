// Pieces the four forms share: the letter's masthead and date line, the way
// a procedure and a missing value are worded, protobuf timestamps as
// Instants. Internal to the letters library; the forms' own headers are the
// public API.
#ifndef MOTCUA_ADAPTERS_LETTERS_FORM_PARTS_H_
#define MOTCUA_ADAPTERS_LETTERS_FORM_PARTS_H_

#include <string>
#include <string_view>

#include "adapters/letters/letter.h"
#include "adapters/letters/rule_set.h"
#include "adapters/letters/unit_info.h"
#include "engine/base/status.h"
#include "engine/base/time.h"
#include "motcua/v1/dossier.pb.h"

namespace motcua::letters::internal {

// Whole seconds; the letters print minutes, so nanoseconds never matter.
Instant ToInstant(const google::protobuf::Timestamp& t) noexcept;

// The rule set of a dossier: by its receipt time, or by `fallback` (the time
// of the act the letter records) for a dossier that was never received.
RuleSet RuleSetOf(const v1::Dossier& dossier, Instant fallback);

// The counter's name: the unit's own, else the one its rule set uses.
std::string CounterName(const UnitInfo& unit, RuleSet rules);

// A letter with its masthead, form label ("Mẫu số 01 (Thông tư số ...)"),
// date line dated `dated` and title filled in; the caller adds the rest.
Letter StartLetter(const UnitInfo& unit, RuleSet rules, int form_number, Instant dated,
                   std::string_view title, PageSize page);

// "Đăng ký khai sinh (mã thủ tục 1.001193)"; either part may be missing.
std::string ProcedureWords(const v1::Dossier& dossier);

// `value`, or "(không có)" so that an empty line on a form reads as
// deliberately empty rather than forgotten.
std::string OrNotGiven(std::string_view value);

// kInvalidArgument naming the form and what it lacks, e.g.
// MissingError("Mẫu 01", "dossier.received_at").
Status MissingError(std::string_view form, std::string_view what);

}  // namespace motcua::letters::internal

#endif  // MOTCUA_ADAPTERS_LETTERS_FORM_PARTS_H_
