// EngineImage: a copy of everything the engine holds in memory, so that a
// start can load it (adapters/snapshot) instead of folding the whole log
// again. Taken and restored on the engine's strand (Engine::Image,
// Engine::Restore); a plain value, moved to the thread that writes it.
#ifndef MOTCUA_ENGINE_ENGINE_IMAGE_H_
#define MOTCUA_ENGINE_ENGINE_IMAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/dossier/dossier_code.h"
#include "engine/dossier/dossier_state.h"

namespace motcua::engine {

struct EngineImage {
  // The interned strings in id order from id 1 (id 0 is the empty string):
  // the names of units and officers holding dossiers, and the unit parts of
  // dossier codes.
  std::vector<std::string> names;
  std::vector<std::string> units;
  // The last number given out per (unit, day).
  std::vector<dossier::CodeSequencer::Counter> counters;
  // Per dossier, by dense id: its packed code (or an index into
  // foreign_codes) and its state.
  std::vector<std::uint64_t> keys;
  std::vector<std::string> foreign_codes;
  std::vector<dossier::DossierState> states;
};

}  // namespace motcua::engine

#endif  // MOTCUA_ENGINE_ENGINE_IMAGE_H_
