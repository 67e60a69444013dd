// Mẫu 02, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ": tells the citizen what
// to add or complete, and why. At the counter it is given instead of a
// receipt (the clock never started); during processing it pauses the clock
// until the supplement arrives (docs/domain.md "Supplementation"), and the
// letter says so.
// Signed by the officer who guides the citizen. Prints on A4.
//
// A pure function; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_LETTERS_SUPPLEMENTATION_REQUEST_H_
#define MOTCUA_ADAPTERS_LETTERS_SUPPLEMENTATION_REQUEST_H_

#include <string>
#include <string_view>
#include <vector>

#include "adapters/letters/letter.h"
#include "adapters/letters/unit_info.h"
#include "engine/base/status.h"
#include "engine/base/time.h"
#include "motcua/v1/dossier.pb.h"

namespace motcua::letters {

inline constexpr std::string_view kSupplementationTitle = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";

// The request itself, as the SupplementRequested event records it.
struct SupplementationDetails {
  Instant requested_at;  // dates the letter
  std::string reason;
  std::vector<std::string> documents;  // what to add or complete
  std::string requested_by;            // the guiding officer; signs
  std::string contact;                 // e.g. a phone number to ask; may be empty
};

// Fails with kInvalidArgument when the request names neither a reason nor a
// document: the citizen would not know what to bring.
Result<Letter> BuildSupplementationRequest(const v1::Dossier& dossier, const UnitInfo& unit,
                                           const SupplementationDetails& details);

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_SUPPLEMENTATION_REQUEST_H_
