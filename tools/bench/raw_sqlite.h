// The raw SQLite baseline of the write benchmarks (ingest, lifecycles): the
// storage work of a set of events without the engine. Each event the engine
// wrote (same body, same hash size, same batch boundaries) is appended to a
// table of the log's schema, and its dossier's row is upserted, with the
// same values as the engine's, into a table of the `dossiers` projection's
// schema (same columns, same indexes): C API, prepared statements, static
// binds, WAL and synchronous=FULL as the product. Not thread-safe.
#ifndef MOTCUA_TOOLS_BENCH_RAW_SQLITE_H_
#define MOTCUA_TOOLS_BENCH_RAW_SQLITE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/catalog/catalog.h"
#include "engine/commit_batch.h"

namespace motcua::bench {

// One event as the baseline writes it: the log row's columns and the
// dossier row after it.
struct RawEvent {
  std::int64_t seq = 0;
  std::string dossier, kind, actor, body, hash;
  std::int64_t at = 0;
  engine::PendingEvent row;                // state_after and holder names
  std::string unit, procedure, applicant;  // the dossier's static columns
};

// The events of the log at `path`, with each dossier's row after each.
Result<std::vector<RawEvent>> LoadRawEvents(const catalog::Catalog& catalog,
                                            const std::string& path);

struct RawRun {
  double events_per_second = 0;
  double cpu_per_event = 0;  // seconds
};

// Writes `events` into a fresh file at `path`, one transaction per entry of
// `batches` (its event count).
Result<RawRun> RawIngest(const std::vector<RawEvent>& events,
                         const std::vector<std::size_t>& batches, const std::string& path);

// The same appends into the smallest schema that still logs and projects:
// the log table without its per-dossier index, and a dossier row of three
// columns (code, status, last seq) without secondary indexes. What SQLite
// itself does on this machine for "append and project", for comparison
// with the product's schema above.
Result<RawRun> RawIngestMinimal(const std::vector<RawEvent>& events,
                                const std::vector<std::size_t>& batches, const std::string& path);

// Rows per second of a raw scan of the events table at `path` in seq order,
// reading every body (SELECT seq, body ... ORDER BY seq through the C API):
// the floor under any replay of the log; `rows` is set to the rows read.
Result<double> RawScan(const std::string& path, std::size_t& rows);

}  // namespace motcua::bench

#endif  // MOTCUA_TOOLS_BENCH_RAW_SQLITE_H_
