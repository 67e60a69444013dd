// A procedure's internal processes (quy trình nội bộ, docs/domain.md
// "Internal processes"): which version a dossier follows, what each step may
// take, and the rule a published process must keep, that its steps share out
// exactly the statutory duration.
//
// Pure functions over catalog data; safe from any thread.
#ifndef MOTCUA_ENGINE_CATALOG_INTERNAL_PROCESS_H_
#define MOTCUA_ENGINE_CATALOG_INTERNAL_PROCESS_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/base/status.h"
#include "engine/base/time.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::catalog {

// The statutory duration as working hours, the total a process shares out:
// working hours as given; a working day is 8 working hours (as the deadline
// arithmetic counts it); a same-day procedure has one working day. nullopt
// for calendar days, whose working time depends on the days off they span,
// and for a procedure with no duration.
std::optional<std::uint32_t> StatutoryWorkingHours(const v1::Duration& duration);

// OK, or kConfig saying what is wrong with `procedure`'s processes: an
// effective day that is not "YYYY-MM-DD" or not after the previous
// version's, a version with no steps, a step with no name, no unit or no
// hours, or steps whose hours do not sum to StatutoryWorkingHours (both
// figures named). Units are checked against the configuration elsewhere
// (the catalog does not know them).
Status CheckInternalProcesses(const v1::Procedure& procedure);

// The version in force on the Vietnam day `day`: the last whose effective
// day is not after it. nullptr when none is (none published, or all later).
const v1::InternalProcess* ProcessInForce(const v1::Procedure& procedure, LocalDays day);

// The version a dossier recorded at receipt (Received.process_from), or
// nullptr when the catalog no longer has it.
const v1::InternalProcess* ProcessFrom(const v1::Procedure& procedure, std::string_view from);

// The working time step `number` (1-based) may take; nullopt past the last.
std::optional<std::chrono::seconds> StepBudget(const v1::InternalProcess& process,
                                               std::uint32_t number);

}  // namespace motcua::catalog

#endif  // MOTCUA_ENGINE_CATALOG_INTERNAL_PROCESS_H_
