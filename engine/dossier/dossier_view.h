// DossierViewBuilder: folds a dossier's events, in log order, into the
// v1::Dossier that queries, receipts and letters show. The status, clock and
// flags come from the lifecycle's own fold (lifecycle.h), so the view can
// never disagree with what the engine validates against; this file only adds
// the descriptive parts (applicant, documents, handovers, reasons).
//
// Not thread-safe; build one per query.
#ifndef MOTCUA_ENGINE_DOSSIER_DOSSIER_VIEW_H_
#define MOTCUA_ENGINE_DOSSIER_DOSSIER_VIEW_H_

#include <string>

#include "engine/base/string_pool.h"
#include "engine/catalog/catalog.h"
#include "engine/dossier/dossier_state.h"
#include "motcua/v1/dossier.pb.h"
#include "motcua/v1/event.pb.h"

namespace motcua::dossier {

class DossierViewBuilder {
 public:
  // `catalog` must outlive the builder.
  explicit DossierViewBuilder(const catalog::Catalog& catalog) : catalog_(catalog) {}

  // Precondition: events of one dossier, in order, each accepted by the lifecycle.
  void Add(const v1::Event& event);

  const v1::Dossier& dossier() const { return dossier_; }
  const DossierState& state() const { return state_; }
  // The secret printed on the receipt; empty before reception.
  const std::string& lookup_secret() const { return lookup_secret_; }

 private:
  void CopyState();

  const catalog::Catalog& catalog_;
  StringPool names_;
  DossierState state_;
  v1::Dossier dossier_;
  std::string lookup_secret_;
};

}  // namespace motcua::dossier

#endif  // MOTCUA_ENGINE_DOSSIER_DOSSIER_VIEW_H_
