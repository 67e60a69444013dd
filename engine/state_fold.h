// StateFold: folds committed events, in log order, into every dossier's
// state exactly as the engine does, without validating them against the
// catalog. It yields each event with the dossier's state after it, which is
// what projections are written from; so rebuilding a projection from the log
// and keeping it up to date live run the same code.
//
// Memory: a map entry and a DossierState per dossier. Not thread-safe.
#ifndef MOTCUA_ENGINE_STATE_FOLD_H_
#define MOTCUA_ENGINE_STATE_FOLD_H_

#include <string>
#include <unordered_map>

#include "engine/base/status.h"
#include "engine/base/string_pool.h"
#include "engine/catalog/catalog.h"
#include "engine/commit_batch.h"
#include "engine/dossier/dossier_state.h"
#include "motcua/v1/event.pb.h"

namespace motcua::engine {

class StateFold {
 public:
  // `catalog` must outlive the fold.
  explicit StateFold(const catalog::Catalog& catalog) : catalog_(catalog) {}

  // Folds `event` and fills `out` with it and the state after it. kCorrupt,
  // naming the seq, if the event breaks the lifecycle.
  Status Fold(const v1::Event& event, PendingEvent& out);
  // The same for the event already in `out.event` (parsed there): no copy.
  Status Fold(PendingEvent& out);

  const std::unordered_map<std::string, dossier::DossierState>& states() const { return states_; }

 private:
  const catalog::Catalog& catalog_;
  StringPool names_;
  std::unordered_map<std::string, dossier::DossierState> states_;
};

}  // namespace motcua::engine

#endif  // MOTCUA_ENGINE_STATE_FOLD_H_
