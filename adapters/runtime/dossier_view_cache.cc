#include "adapters/runtime/dossier_view_cache.h"

namespace motcua::runtime {

DossierViewCache::DossierViewCache(const catalog::Catalog& catalog, std::size_t capacity)
    : catalog_(catalog), capacity_(capacity == 0 ? 1 : capacity) {}

Result<dossier::DossierViewBuilder*> DossierViewCache::Get(const std::string& code,
                                                           EventLog& committed) {
  if (auto it = index_.find(code); it != index_.end()) {
    recent_.splice(recent_.begin(), recent_, it->second);
    return recent_.front().second.get();
  }
  auto view = std::make_unique<dossier::DossierViewBuilder>(catalog_);
  MOTCUA_RETURN_IF_ERROR(committed.ReadDossier(code, [&](const v1::Event& e) { view->Add(e); }));
  return Insert(code, std::move(view));
}

dossier::DossierViewBuilder* DossierViewCache::Fresh(const std::string& code) {
  Forget(code);
  return Insert(code, std::make_unique<dossier::DossierViewBuilder>(catalog_));
}

dossier::DossierViewBuilder* DossierViewCache::Insert(
    const std::string& code, std::unique_ptr<dossier::DossierViewBuilder> view) {
  if (index_.size() >= capacity_) {
    index_.erase(recent_.back().first);
    recent_.pop_back();
  }
  recent_.emplace_front(code, std::move(view));
  index_.emplace(code, recent_.begin());
  return recent_.front().second.get();
}

void DossierViewCache::Forget(const std::string& code) {
  if (auto it = index_.find(code); it != index_.end()) {
    recent_.erase(it->second);
    index_.erase(it);
  }
}

void DossierViewCache::Clear() {
  index_.clear();
  recent_.clear();
}

}  // namespace motcua::runtime
