// Drive: plays a Workload through an Engine, committing to an EventLog every
// `batch_size` commands (group commit as the server does it). For tests and
// benchmarks that need a realistic history in a real store.
#ifndef MOTCUA_TOOLS_WORKLOAD_DRIVE_H_
#define MOTCUA_TOOLS_WORKLOAD_DRIVE_H_

#include <cstddef>

#include "engine/base/status.h"
#include "engine/engine.h"
#include "engine/ports/event_log.h"
#include "tools/workload/workload.h"

namespace motcua::workload {

struct DriveStats {
  std::size_t accepted = 0;
  std::size_t refused = 0;  // commands the engine refused (the dossier is abandoned)
  std::size_t events = 0;
  std::size_t batches = 0;
};

// `log` may be null (in-memory only). Stops at the first commit failure.
Result<DriveStats> Drive(Workload& workload, engine::Engine& engine, EventLog* log,
                         std::size_t batch_size);

}  // namespace motcua::workload

#endif  // MOTCUA_TOOLS_WORKLOAD_DRIVE_H_
