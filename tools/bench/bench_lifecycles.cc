// Full lifecycles in process: receive at the counter, hand over to the
// specialist, hand over to the leader, result ready, result returned: five
// commands per dossier through the engine into the SQLite log with every
// projection, WAL and synchronous=FULL. Dossiers move through as at a busy
// counter: each transaction of 1,000 commands receives 200 new dossiers and
// takes each of the four previous waves one step further, so a dossier's
// steps fall in five different transactions (none is folded into another).
// Procedures cycle through the shipped catalog's receivable ones. Reported
// in dossiers per second; target >= 20,000 on the way to 30,000 (an absolute
// figure, not a ratio).
// Shown beside it, same run: the raw SQLite floor for the very same events
// (raw_sqlite.h: each appended and its dossier row upserted, same batches),
// in dossiers per second, which no engine on top of that schema can beat.
#include <string>
#include <vector>

#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "tools/bench/benchmarks.h"
#include "tools/bench/raw_sqlite.h"

namespace motcua::bench {

namespace {

constexpr std::size_t kWave = 200;  // dossiers received per transaction (of 1,000 commands)

v1::Command Receive(const v1::Procedure& procedure, std::size_t n) {
  v1::Command c;
  c.set_actor("tiepnhan01");
  v1::Receive* r = c.mutable_receive();
  r->set_procedure_code(procedure.code());
  r->set_channel(v1::CHANNEL_COUNTER);
  r->set_sets(1);
  v1::Applicant* a = r->mutable_applicant();
  a->set_name("Nguyễn Văn An");
  a->set_phone("09" + std::to_string(10000000 + n % 89999999));
  a->set_id_number("0010" + std::to_string(10000000 + n % 89999999));
  a->set_address("xã Ngọc Sơn, huyện Hiệp Hòa, tỉnh Bắc Giang");
  for (const char* name : {"Tờ khai", "Căn cước công dân"}) {
    v1::Document* d = r->add_documents();
    d->set_name(name);
    d->set_copies(1);
    d->set_digitized(true);
  }
  return c;
}

v1::Command HandOver(const std::string& code, const char* actor, const std::string& unit,
                     const char* user) {
  v1::Command c;
  c.set_actor(actor);
  v1::HandOver* h = c.mutable_hand_over();
  h->set_dossier_code(code);
  h->set_to_unit(unit);
  h->set_to_user(user);
  h->set_electronic(true);
  return c;
}

v1::Command Ready(const std::string& code) {
  v1::Command c;
  c.set_actor("chutich01");
  c.mutable_mark_result_ready()->set_dossier_code(code);
  c.mutable_mark_result_ready()->set_result_kind(v1::RESULT_KIND_ELECTRONIC);
  return c;
}

v1::Command Return(const std::string& code) {
  v1::Command c;
  c.set_actor("tiepnhan01");
  c.mutable_return_result()->set_dossier_code(code);
  c.mutable_return_result()->set_method(v1::RETURN_METHOD_ELECTRONIC);
  return c;
}

struct LifecycleRun {
  double dossiers_per_second = 0;
  double cpu_seconds = 0;
  std::vector<std::size_t> batches;  // events per commit, for the baseline
};

// `dossiers` full lifecycles into a fresh file at `path`.
Result<LifecycleRun> Lifecycles(Context& context, std::size_t dossiers, const std::string& path) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::SqliteEventLog> log,
                          sqlite::SqliteEventLog::Open(path, projections::AllProjections()));
  std::unique_ptr<engine::Engine> engine = context.NewEngine();
  const catalog::Catalog& catalog = *context.catalog();
  std::vector<std::uint32_t> receivable;
  for (std::uint32_t i = 0; i < catalog.size(); ++i) {
    if (catalog.at(i).receivable()) receivable.push_back(i);
  }
  if (receivable.empty()) return Status(Error::kConfig, "no receivable procedure in the catalog");

  Instant now = *ParseVietnamMinute("2025-03-03 07:30");
  auto execute = [&](const v1::Command& c, engine::CommitBatch& batch) -> Result<std::string> {
    now += std::chrono::seconds(1);
    MOTCUA_ASSIGN_OR_RETURN(engine::CommandOutcome out, engine->Execute(c, now, batch));
    return out.dossier_code;
  };

  // waves[w % 5]: the codes and procedures of wave w, while in flight.
  struct Wave {
    std::vector<std::string> codes;
    std::vector<const v1::Procedure*> procedures;
  };
  std::vector<Wave> waves(5);
  const std::size_t wave_count = (dossiers + kWave - 1) / kWave;
  engine::CommitBatch batch;
  LifecycleRun run;
  Stopwatch watch;
  const double cpu = ProcessCpuSeconds();
  for (std::size_t t = 0; t < wave_count + 4; ++t) {
    // Oldest wave first: its dossiers are returned, the newest received.
    for (std::size_t step = 4; step != ~std::size_t{0}; --step) {
      if (t < step || t - step >= wave_count) continue;
      const std::size_t w = t - step;
      Wave& wave = waves[w % 5];
      if (step == 0) {
        wave.codes.clear();
        wave.procedures.clear();
        const std::size_t first = w * kWave;
        for (std::size_t i = first; i < std::min(dossiers, first + kWave); ++i) {
          const v1::Procedure& p = catalog.at(receivable[i % receivable.size()]);
          wave.procedures.push_back(&p);
          MOTCUA_ASSIGN_OR_RETURN(std::string code, execute(Receive(p, i), batch));
          wave.codes.push_back(std::move(code));
        }
        continue;
      }
      for (std::size_t i = 0; i < wave.codes.size(); ++i) {
        const std::string& code = wave.codes[i];
        v1::Command c;
        if (step == 1) {
          const std::string& field = wave.procedures[i]->field();
          c = HandOver(code, "tiepnhan01", field.empty() ? "Văn phòng - Thống kê" : field,
                       "chuyenvien01");
        } else if (step == 2) {
          c = HandOver(code, "chuyenvien01", "Lãnh đạo UBND xã", "chutich01");
        } else if (step == 3) {
          c = Ready(code);
        } else {
          c = Return(code);
        }
        MOTCUA_RETURN_IF_ERROR(execute(c, batch).status());
      }
    }
    run.batches.push_back(batch.events.size());
    if (Status s = log->Commit(batch); !s.ok()) {
      engine->Rollback(batch);
      return s;
    }
    engine->Committed(batch);
    batch.clear();
  }
  run.cpu_seconds = ProcessCpuSeconds() - cpu;
  run.dossiers_per_second = static_cast<double>(dossiers) / watch.Seconds();
  return run;
}

}  // namespace

Result<std::vector<Row>> RunLifecycles(Context& context) {
  // 10,000 dossiers (50,000 events, 54 commits) per repetition.
  const std::size_t dossiers = context.Size(10'000, 400);
  const int reps = context.Repetitions(5);
  std::vector<double> runs, cpu_rates, floors, minimal_floors, raw_cpu, minimal_cpu;
  std::vector<RawEvent> events;
  for (int rep = 0; rep < reps; ++rep) {
    const std::string path = context.FreshPath("lifecycles.db");
    MOTCUA_ASSIGN_OR_RETURN(LifecycleRun run, Lifecycles(context, dossiers, path));
    runs.push_back(run.dossiers_per_second);
    cpu_rates.push_back(static_cast<double>(dossiers) / run.cpu_seconds);
    if (events.empty()) {
      MOTCUA_ASSIGN_OR_RETURN(events, LoadRawEvents(*context.catalog(), path));
    }
    MOTCUA_ASSIGN_OR_RETURN(RawRun raw,
                            RawIngest(events, run.batches, context.FreshPath("lifecycles-raw.db")));
    floors.push_back(raw.events_per_second / 5);
    MOTCUA_ASSIGN_OR_RETURN(
        RawRun minimal,
        RawIngestMinimal(events, run.batches, context.FreshPath("lifecycles-minimal.db")));
    minimal_floors.push_back(minimal.events_per_second / 5);
    raw_cpu.push_back(raw.cpu_per_event);
    minimal_cpu.push_back(minimal.cpu_per_event);
  }
  Row row;
  row.name = "lifecycles";
  row.what =
      "full lifecycles in process (receive, 2 handovers, result ready, return) with the "
      "SQLite log and projections, 1,000 commands per transaction";
  row.figure = Median(runs);
  row.unit = "dossiers/s";
  row.baseline = Median(floors);
  row.baseline_what = "dossiers/s raw SQLite floor, same events";
  row.targets = {{Target::Kind::kFigureAtLeast, 20'000}};
  row.repetitions = reps;
  row.Detail("size", FormatCount(static_cast<double>(dossiers)) + " dossiers, " +
                         FormatCount(static_cast<double>(dossiers * 5)) + " events per run");
  row.Detail("runs (dossiers/s)", FormatRuns(runs));
  row.Detail("raw SQLite floor runs (dossiers/s)", FormatRuns(floors));
  row.Detail(
      "raw SQLite, smallest schema that logs and projects (log row without the per-dossier "
      "index; a 3-column dossier row without secondary indexes), same events and batches "
      "(dossiers/s)",
      FormatRuns(minimal_floors));
  row.Detail("SQLite CPU per event, product schema / smallest schema (median)",
             FormatFixed(Median(raw_cpu) * 1e6, 1) + " us / " +
                 FormatFixed(Median(minimal_cpu) * 1e6, 1) + " us");
  row.Detail("events/s (median)", FormatCount(row.figure * 5));
  row.Detail(
      "dossiers per CPU-second (median; the rate if the process had a core to itself "
      "and never waited for the disk)",
      FormatCount(Median(cpu_rates)));
  return std::vector<Row>{row};
}

}  // namespace motcua::bench
