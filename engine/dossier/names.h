// The Vietnamese names officers read for statuses and actions, and the
// English identifiers logs use. One table, so every message says the same.
#ifndef MOTCUA_ENGINE_DOSSIER_NAMES_H_
#define MOTCUA_ENGINE_DOSSIER_NAMES_H_

#include <string>
#include <string_view>

#include "motcua/v1/dossier.pb.h"
#include "motcua/v1/event.pb.h"

namespace motcua::dossier {

// e.g. "Đang xử lý"
std::string_view StatusName(v1::Status status);
// e.g. "'Đang xử lý' (4)"
std::string DescribeStatus(v1::Status status);
// The officer's word for the action, e.g. "bàn giao".
std::string_view ActionName(v1::Event::KindCase kind);
// The log identifier, e.g. "handed_over".
std::string_view KindIdentifier(v1::Event::KindCase kind);

}  // namespace motcua::dossier

#endif  // MOTCUA_ENGINE_DOSSIER_NAMES_H_
