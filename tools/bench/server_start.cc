#include "tools/bench/server_start.h"

#include "adapters/config/calendar_file.h"
#include "adapters/config/catalog_file.h"
#include "adapters/config/server_config.h"
#include "adapters/snapshot/engine_restore.h"
#include "tools/bench/harness.h"

namespace motcua::bench {

Result<ServerSetup> LoadServerSetup(const std::filesystem::path& config_path) {
  ServerSetup setup;
  MOTCUA_ASSIGN_OR_RETURN(setup.config, config::LoadServerConfig(config_path));
  MOTCUA_ASSIGN_OR_RETURN(setup.catalog, config::LoadCatalog(setup.config));
  MOTCUA_ASSIGN_OR_RETURN(setup.calendar, config::LoadCalendar(setup.config.calendar(), config_path));
  setup.engine_options = {.unit_code = setup.config.unit_code(),
                          .fee_wait_pauses_clock = setup.config.alerts().fee_wait_pauses_clock()};
  setup.watch_options.apology_lead =
      std::chrono::hours(setup.config.alerts().apology_lead_working_hours());
  return setup;
}

Result<double> TimeStart(const ServerSetup& setup, const std::filesystem::path& snapshot,
                         EventLog& log, SecretSource& secrets, std::size_t& dossiers) {
  Stopwatch watch;
  engine::Engine engine(setup.engine_options, setup.catalog, setup.calendar, secrets);
  MOTCUA_ASSIGN_OR_RETURN(snapshot::Start start, snapshot::LoadEngine(snapshot, log, engine));
  if (!snapshot.empty() && !start.snapshot.ok()) return start.snapshot;  // measure what was asked
  alerts::DeadlineWatch deadlines(engine, setup.watch_options);
  deadlines.TrackAll();
  const double seconds = watch.Seconds();
  dossiers = engine.size();
  return seconds;
}

}  // namespace motcua::bench
