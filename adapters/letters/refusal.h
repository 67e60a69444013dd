// Mẫu 03, "Phiếu từ chối tiếp nhận giải quyết hồ sơ": the counter's written
// refusal with its reason (status 3). A refused dossier was never received,
// so its rule set follows the refusal time. Signed by the receiving officer.
// Prints on A4.
//
// A pure function; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_LETTERS_REFUSAL_H_
#define MOTCUA_ADAPTERS_LETTERS_REFUSAL_H_

#include <string>
#include <string_view>

#include "adapters/letters/letter.h"
#include "adapters/letters/unit_info.h"
#include "engine/base/status.h"
#include "engine/base/time.h"
#include "motcua/v1/dossier.pb.h"

namespace motcua::letters {

inline constexpr std::string_view kRefusalTitle = "Phiếu từ chối tiếp nhận giải quyết hồ sơ";

// The refusal itself, as the Refused event records it.
struct RefusalDetails {
  Instant refused_at;  // dates the letter
  std::string reason;
  std::string refused_by;  // the receiving officer; signs
};

// Fails with kInvalidArgument when the reason is empty: the law requires the
// citizen be told why.
Result<Letter> BuildRefusal(const v1::Dossier& dossier, const UnitInfo& unit,
                            const RefusalDetails& details);

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_REFUSAL_H_
