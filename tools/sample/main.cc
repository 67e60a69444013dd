// motcua-sample: realistic desk traffic over a period, for a demonstration
// database and the web desk's tests: the workload (tools/workload) played
// through a real engine on the shipped catalog and calendar, so every event
// is one the desk could have made. Two ways out:
//
//   --out FILE   a history file (one motcua.v1.Event per line, the format
//                POST /v1/import and `motcua import` take);
//   --db FILE    a new motcua store, which motcuad then opens as it is
//                (`./dev.sh start` seeds its first database this way).
//
//   motcua-sample --config data/config/motcuad.json --from 2025-01-01
//       --to 2025-12-31 --dossiers 600 --seed 15 --out sample-2025.jsonl
//
// Receipts fall between --from and --to; every dossier is then played to its
// end (resolved and returned, refused, withdrawn or stopped), so a history
// file adds nothing to the desk's open queues, unless --until stops the play
// at a moment (steps due later are not made: those dossiers stay open, as a
// desk's are on any day). The same seed gives the same dossiers, though the
// lookup secrets are drawn afresh.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <google/protobuf/util/json_util.h>

#include "adapters/config/calendar_file.h"
#include "adapters/config/catalog_file.h"
#include "adapters/config/server_config.h"
#include "adapters/http/authenticator.h"
#include "adapters/projections/all_projections.h"
#include "adapters/runtime/system_ports.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/engine.h"
#include "tools/common/command_line.h"
#include "tools/workload/drive.h"

namespace motcua {
namespace {

struct Options {
  std::string config;
  std::string from;
  std::string to;
  std::size_t dossiers = 500;
  std::uint64_t seed = 766;
  std::string until;  // "YYYY-MM-DD HH:MM", Vietnam time; empty: play to the end
  std::string out;
  std::string db;
};

// Plays `traffic` into a new store at `path` (with every projection, as
// motcuad keeps them) and returns it open.
Result<std::unique_ptr<sqlite::SqliteEventLog>> Play(
    const std::string& path, const v1::ServerConfig& config,
    std::shared_ptr<const catalog::Catalog> catalog,
    std::shared_ptr<const calendar::WorkingCalendar> calendar,
    const workload::WorkloadOptions& traffic) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::SqliteEventLog> log,
                          sqlite::SqliteEventLog::Open(path, projections::AllProjections()));
  runtime::RandomSecretSource secrets;
  engine::EngineOptions engine_options;
  engine_options.unit_code = config.unit_code();
  engine_options.fee_wait_pauses_clock = config.alerts().fee_wait_pauses_clock();
  engine::Engine engine(engine_options, catalog, calendar, secrets);
  // The server's hand-over rule, and the receiving officer's unit as the
  // first holder, as motcuad records them.
  MOTCUA_ASSIGN_OR_RETURN(std::shared_ptr<const http::Authenticator> users,
                          http::Authenticator::Load(config.users_file()));
  MOTCUA_ASSIGN_OR_RETURN(engine::Recipients recipients, http::HandOverRecipients(config, *users));
  engine.SetRecipients(std::move(recipients));
  workload::Workload workload(traffic, *catalog, *calendar);
  MOTCUA_RETURN_IF_ERROR(workload::Drive(workload, engine, log.get(), 1000).status());
  return log;
}

Status Run(const Options& options) {
  MOTCUA_ASSIGN_OR_RETURN(v1::ServerConfig config, config::LoadServerConfig(options.config));
  MOTCUA_ASSIGN_OR_RETURN(
      auto catalog, config::LoadCatalog(config));
  MOTCUA_ASSIGN_OR_RETURN(auto calendar, config::LoadCalendar(config.calendar(), options.config));
  MOTCUA_ASSIGN_OR_RETURN(Instant first, ParseVietnamMinute(options.from + " 00:00"));
  MOTCUA_ASSIGN_OR_RETURN(Instant last, ParseVietnamMinute(options.to + " 23:59"));
  if (last <= first) return Status(Error::kInvalidArgument, "--to must come after --from");

  workload::WorkloadOptions traffic;
  traffic.seed = options.seed;
  traffic.dossiers = options.dossiers;
  traffic.first_receipt = first;
  traffic.last_receipt = last;
  if (!options.until.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(Instant until, ParseVietnamMinute(options.until));
    traffic.stop_at = until;
  }
  if (!options.db.empty()) {
    if (std::filesystem::exists(options.db)) {
      return Status(Error::kInvalidArgument, options.db + " exists: --db makes a new store");
    }
    return Play(options.db, config, catalog, calendar, traffic).status();
  }

  // The engine commits to a scratch store beside the output, read back in
  // order and removed: the events exactly as the server would have logged them.
  const std::string scratch = options.out + ".scratch-" + std::to_string(::getpid()) + ".db";
  auto remove_scratch = [&scratch] {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(scratch + suffix, ec);
    }
  };
  remove_scratch();
  Status status = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::SqliteEventLog> log,
                            Play(scratch, config, catalog, calendar, traffic));
    std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
    if (!out) return Status(Error::kStorage, "cannot write " + options.out);
    std::string line;
    MOTCUA_RETURN_IF_ERROR(sqlite::ReadAllEvents(log->db(), [&](const v1::Event& logged) -> Status {
      // An imported event gets its sequence number from the store it joins;
      // its steps are recomputed on import as another system's would be
      // (the engine's own rule, the same values), keeping the file small.
      v1::Event event = logged;
      event.clear_seq();
      event.clear_step();
      line.clear();
      auto json = google::protobuf::util::MessageToJsonString(event, &line);
      if (!json.ok()) return Status(Error::kInternal, std::string(json.message()));
      out << line << '\n';
      return Status::Ok();
    }));
    out.close();
    if (!out) return Status(Error::kStorage, "cannot write " + options.out);
    return Status::Ok();
  }();
  remove_scratch();
  return status;
}

}  // namespace
}  // namespace motcua

int main(int argc, char** argv) {
  motcua::Options options;
  CLI::App app("motcua-sample: a history file of realistic desk traffic, for demonstrations and "
               "tests",
               "motcua-sample");
  motcua::tools::AddConventions(app, motcua::tools::DescribeInEnglish("motcua-sample"));
  app.add_option("--config", options.config, "server configuration (catalog, calendar, unit)")
      ->required()
      ->type_name("FILE");
  app.add_option("--from", options.from, "first day of receipts")->required()->type_name("YYYY-MM-DD");
  app.add_option("--to", options.to, "last day of receipts")->required()->type_name("YYYY-MM-DD");
  app.add_option("--dossiers", options.dossiers, "how many dossiers (default 500)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
  app.add_option("--seed", options.seed, "the workload's seed (default 766)");
  auto* out = app.add_option("--out", options.out, "the history file to write")->type_name("FILE");
  auto* db = app.add_option("--db", options.db, "a new store to write instead")->type_name("FILE");
  out->excludes(db);
  app.add_option("--until", options.until,
                 "stop playing at this Vietnam time; later steps are not made")
      ->type_name("\"YYYY-MM-DD HH:MM\"");
  if (auto exit_code = motcua::tools::Parse(app, argc, argv, std::cout, std::cerr)) return *exit_code;
  if (options.out.empty() && options.db.empty()) {
    std::cerr << "motcua-sample: --out FILE or --db FILE is required\n";
    return motcua::tools::kUsageExit;
  }
  motcua::Status status = motcua::Run(options);
  if (!status.ok()) {
    std::cerr << "motcua-sample: " << status.message() << "\n";
    return 1;
  }
  return 0;
}
