// Mẫu 05: the process-control slip (Phiếu kiểm soát quá trình giải quyết hồ
// sơ), the trail of a dossier inside the commune: every hand-over with who
// gave, who received and when, the step of the internal process that ended
// with it, that step's deadline and whether it ended early, on time or late
// (process_steps.h), then the result and its return. The supplementation
// requests, the citizen's supplements and an apology are rows too, since they
// explain a moved deadline. Everything comes from the dossier's events, so
// the slip shows exactly what the log recorded. Its form label follows the
// rule set of the receipt date (rule_set.h). Prints on A4.
//
// Pure functions; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_LETTERS_CONTROL_SLIP_H_
#define MOTCUA_ADAPTERS_LETTERS_CONTROL_SLIP_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/letters/letter.h"
#include "adapters/letters/unit_info.h"
#include "engine/base/status.h"
#include "motcua/v1/dossier.pb.h"
#include "motcua/v1/event.pb.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::letters {

inline constexpr std::string_view kControlSlipTitle = "Phiếu kiểm soát quá trình giải quyết hồ sơ";

// The table's columns, in order.
inline constexpr std::string_view kSlipColumns[] = {
    "TT", "Bước", "Bên giao", "Bên nhận", "Thời điểm", "Hạn của bước", "Kết quả", "Ghi chú"};

// "Trước hạn", "Đúng hạn", "Quá hạn"; empty for an unmarked end.
std::string_view StepTimingWords(v1::StepTiming timing) noexcept;

struct SlipDetails {
  // The dossier's events in log order (its view `dossier` folds the same).
  std::vector<v1::Event> events;
  // The internal process it keeps (Received.process_from); null: none, and
  // the rows have no step names.
  const v1::InternalProcess* process = nullptr;
  // An officer's display name from the user name the events record.
  std::function<std::string(std::string_view user)> display_name;
};

// kInvalidArgument (naming it) for a dossier never received: it has no slip.
Result<Letter> BuildControlSlip(const v1::Dossier& dossier, const UnitInfo& unit,
                                const SlipDetails& details);

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_CONTROL_SLIP_H_
