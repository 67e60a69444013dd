#include "tools/bench/context.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <utility>

#include "adapters/config/calendar_file.h"
#include "adapters/config/catalog_file.h"
#include "adapters/config/server_config.h"
#include "adapters/runtime/system_ports.h"
#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "tools/bench/harness.h"
#include "tools/workload/drive.h"

namespace motcua::bench {

namespace {

Instant Vietnam(const char* text) {
  auto t = ParseVietnamMinute(text);
  return t.ok() ? *t : Instant{};
}

}  // namespace

Result<std::unique_ptr<Context>> Context::Create(BenchOptions options) {
  std::error_code ec;
  std::filesystem::path dir = options.dir / ("motcua-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status(Error::kStorage, "cannot create " + dir.string() + ": " + ec.message());
  std::unique_ptr<Context> c(new Context(std::move(options), std::move(dir)));
  MOTCUA_ASSIGN_OR_RETURN(c->config_, config::LoadServerConfig(c->options_.config));
  MOTCUA_ASSIGN_OR_RETURN(c->catalog_, config::LoadCatalog(c->config_));
  MOTCUA_ASSIGN_OR_RETURN(c->calendar_,
                          config::LoadCalendar(c->config_.calendar(), c->options_.config));
  // The product's secret source (8 random characters per receipt): the
  // benchmarks pay for it as the server does.
  c->secrets_ = std::make_unique<runtime::RandomSecretSource>();
  return c;
}

Context::Context(BenchOptions options, std::filesystem::path dir)
    : options_(std::move(options)), dir_(std::move(dir)) {}

Context::~Context() {
  year_.reset();
  if (!options_.keep_files) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
}

engine::EngineOptions Context::engine_options() const {
  return engine::EngineOptions{.unit_code = config_.unit_code(),
                               .fee_wait_pauses_clock = config_.alerts().fee_wait_pauses_clock()};
}

std::unique_ptr<engine::Engine> Context::NewEngine() {
  return std::make_unique<engine::Engine>(engine_options(), catalog_, calendar_, *secrets_);
}

std::size_t Context::Scaled(std::size_t full, std::size_t tiny) const {
  if (quick()) return tiny;
  return std::max(tiny, static_cast<std::size_t>(static_cast<double>(full) * options_.scale));
}

std::string Context::FreshPath(const std::string& name) const {
  const std::filesystem::path path = dir_ / name;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path.string() + suffix, ec);
  }
  ::sync();
  return path.string();
}

Result<Store*> Context::YearStore() {
  if (year_) return year_.get();
  const std::size_t dossiers = Scaled(1'000'000, 1'000);
  std::cerr << "bench: generating a year of traffic (" << FormatCount(static_cast<double>(dossiers))
            << " dossiers) ..." << std::endl;
  MOTCUA_ASSIGN_OR_RETURN(
      Store store,
      GenerateStore(*this, FreshPath("year.db"), YearOfTraffic(dossiers), /*keep_engine=*/true));
  std::cerr << "bench: " << FormatCount(static_cast<double>(store.events)) << " events in "
            << FormatFixed(store.seconds, 1) << " s" << std::endl;
  year_ = std::make_unique<Store>(std::move(store));
  return year_.get();
}

workload::WorkloadOptions YearOfTraffic(std::size_t dossiers) {
  workload::WorkloadOptions o;
  o.seed = 766;
  o.dossiers = dossiers;
  o.first_receipt = Vietnam("2024-01-01 00:00");
  o.last_receipt = Vietnam("2024-12-31 00:00");
  o.stop_at = Vietnam("2024-12-31 16:00");
  return o;
}

workload::WorkloadOptions OpenDossiers(std::size_t dossiers) {
  workload::WorkloadOptions o;
  o.seed = 767;
  o.dossiers = dossiers;
  // The last three working days before the horizon (Monday 7 April is Giỗ
  // Tổ): most appointments lie ahead, as at a counter that keeps up. The
  // window closes early enough that every online registration is accepted
  // (within 6.5 working hours) before the horizon: every dossier is open.
  o.first_receipt = Vietnam("2025-04-03 00:00");
  o.last_receipt = Vietnam("2025-04-08 12:00");
  o.stop_at = Vietnam("2025-04-09 16:00");
  o.keep_open = true;
  return o;
}

Result<Store> GenerateStore(Context& context, const std::string& path,
                            const workload::WorkloadOptions& options, bool keep_engine) {
  Store store;
  store.path = path;
  store.dossiers = options.dossiers;
  Stopwatch watch;
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::SqliteEventLog> log,
                          sqlite::SqliteEventLog::Open(path, projections::AllProjections()));
  // Generating is not what is measured: a page cache that holds the whole
  // file (up to 4 GiB) keeps it busy on the CPU instead of waiting on the
  // random reads that a million dossiers' indexes cause past the product's
  // 64 MiB (a 1,000,000-dossier set took over 20 minutes, mostly waiting).
  MOTCUA_RETURN_IF_ERROR(log->db().Exec("PRAGMA cache_size=-4194304;"));
  std::unique_ptr<engine::Engine> engine = context.NewEngine();
  workload::Workload traffic(options, *context.catalog(), *context.calendar());
  MOTCUA_ASSIGN_OR_RETURN(workload::DriveStats stats,
                          workload::Drive(traffic, *engine, log.get(), /*batch_size=*/1000));
  store.events = stats.events;
  store.seconds = watch.Seconds();
  if (keep_engine) store.engine = std::move(engine);
  return store;
}

}  // namespace motcua::bench
