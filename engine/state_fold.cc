#include "engine/state_fold.h"

#include "engine/dossier/lifecycle.h"

namespace motcua::engine {

Status StateFold::Fold(const v1::Event& event, PendingEvent& out) {
  out.event = event;
  return Fold(out);
}

Status StateFold::Fold(PendingEvent& out) {
  const v1::Event& event = out.event;
  if (event.kind_case() == v1::Event::kCalendarChanged) {
    out.state_before = dossier::DossierState{};
    out.state_after = dossier::DossierState{};
    out.holder_unit.clear();
    out.holder_user.clear();
    out.procedure_code = {};
    return Status::Ok();
  }
  dossier::DossierState& state = states_[event.dossier_code()];
  if (Status s = dossier::CheckTransition(state, event, /*catalog=*/nullptr); !s.ok()) {
    return Status(Error::kCorrupt,
                  "sự kiện số " + std::to_string(event.seq()) + " trái quy trình: " + s.message());
  }
  out.state_before = state;
  dossier::Apply(event, catalog_, names_, state);
  out.state_after = state;
  out.holder_unit = names_.Get(state.holder_unit);
  out.holder_user = names_.Get(state.holder_user);
  out.procedure_code =
      state.procedure < catalog_.size() ? std::string_view(catalog_.at(state.procedure).code())
                                        : std::string_view();
  return Status::Ok();
}

}  // namespace motcua::engine
