// DossierViewCache: the dossier views (dossier_view.h) of the dossiers the
// engine thread answered about most recently, so that a command's reply adds
// the command's own events to the view it already has instead of reading the
// dossier's whole history from the log and folding it again (a B-tree seek,
// a parse of every event and a fold, per command: 15% of the engine thread's
// time in the HTTP benchmark, tools/bench).
//
// A view is loaded from the log on first use and kept while it is among the
// `capacity` most recently used. It may hold events of the uncommitted batch:
// whoever rolls a batch back, or changes dossiers behind the commands (an
// exclusive job, the engine's own events), must Forget() or Clear().
// Engine thread only; not thread-safe.
#ifndef MOTCUA_ADAPTERS_RUNTIME_DOSSIER_VIEW_CACHE_H_
#define MOTCUA_ADAPTERS_RUNTIME_DOSSIER_VIEW_CACHE_H_

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "engine/base/status.h"
#include "engine/catalog/catalog.h"
#include "engine/dossier/dossier_view.h"
#include "engine/ports/event_log.h"

namespace motcua::runtime {

class DossierViewCache {
 public:
  // `catalog` must outlive the cache.
  DossierViewCache(const catalog::Catalog& catalog, std::size_t capacity);

  // The view of `code`: the cached one, or one folded from `committed` (its
  // events in the log). The pointer is valid until the next call.
  Result<dossier::DossierViewBuilder*> Get(const std::string& code,
                                           EventLog& committed);
  // An empty view for `code`, a dossier created by the batch in progress
  // (replacing any cached one). Valid until the next Get or Fresh.
  dossier::DossierViewBuilder* Fresh(const std::string& code);
  void Forget(const std::string& code);
  void Clear();
  std::size_t size() const { return index_.size(); }

 private:
  using Entry = std::pair<std::string, std::unique_ptr<dossier::DossierViewBuilder>>;

  dossier::DossierViewBuilder* Insert(const std::string& code,
                                      std::unique_ptr<dossier::DossierViewBuilder> view);

  const catalog::Catalog& catalog_;
  const std::size_t capacity_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_DOSSIER_VIEW_CACHE_H_
