// Integrity checks over a motcua database: SQLite's own check of the file
// (are its pages and indexes sound?), the hash chain (was any event edited,
// inserted or deleted behind the engine's back?), the chain against anchors
// kept elsewhere (was the history rewritten and the chain recomputed?) and
// the projections (do the stored tables equal a rebuild from the events
// alone?). Each check that fails is named in the report.
//
// Free functions over a connection the caller owns; not thread-safe with
// respect to it.
#ifndef MOTCUA_ADAPTERS_SQLITE_INTEGRITY_H_
#define MOTCUA_ADAPTERS_SQLITE_INTEGRITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/sqlite/database.h"
#include "adapters/sqlite/projection.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"

namespace motcua::sqlite {

// The events motcuad verifies at start (VerifyChainTail): the last 1,000.
// The tail is what a hand edit of recent records touches and what a crash
// could have left half-written, and 1,000 events (a busy commune's week or
// two) take about a millisecond to hash whatever the log's size, so a
// start is never held up by it. The whole chain is `motcua check`'s job,
// online; a chain recomputed by whoever edited the file passes both, and
// only anchors kept elsewhere catch that (VerifyChain's `anchors`).
inline constexpr std::uint64_t kStartupTailEvents = 1000;

// The log's head as recorded somewhere else (a daily export's "log_head"):
// the chain hash of event `seq` (after `seq` events; the genesis hash for
// 0), as lowercase hex.
struct LogAnchor {
  std::string name;  // where it came from (a file name), to name it in the report
  std::uint64_t seq = 0;
  std::string hash_hex;
};

struct AnchorFinding {
  enum class Outcome {
    kOk,         // the chain recomputed from the events gives the anchor's hash
    kMismatch,   // it does not, or event `seq` is missing: history before it changed
    kBeyondEnd,  // the log ends before `seq`: events recorded elsewhere are gone
  };
  LogAnchor anchor;
  Outcome outcome = Outcome::kOk;
  // The chain hash recomputed at anchor.seq (hex); empty when there is no
  // event of that number.
  std::string found_hex;
};

// The names FailedChecks() uses.
inline constexpr std::string_view kSqliteCheck = "sqlite integrity";
inline constexpr std::string_view kChainCheck = "hash chain";

struct IntegrityReport {
  std::uint64_t events = 0;
  // The first event whose hash, seq or body does not match; 0 when the chain holds.
  std::uint64_t first_bad_seq = 0;
  std::string chain_problem;  // Vietnamese, one line
  // English, one line: what motcuad's start-up log says.
  std::string chain_problem_en;
  // PRAGMA integrity_check's lines when SQLite finds the file itself
  // damaged ("row 3 missing from index events_by_dossier"); empty when it
  // answers "ok".
  std::vector<std::string> sqlite_problems;
  // One line per difference between the stored and the rebuilt projections,
  // naming the table, the row (its key) and the differing columns only.
  std::vector<std::string> differences;
  // The components (Projection::component()) those differences are in.
  std::vector<std::string> differing_projections;
  std::uint64_t rows_compared = 0;
  // One per anchor given to VerifyChain, in the order given.
  std::vector<AnchorFinding> anchors;

  // "sqlite integrity", "hash chain", "projection <component>" and
  // "anchor <name>", for each that failed, in that order.
  std::vector<std::string> FailedChecks() const;
  bool ok() const { return FailedChecks().empty(); }
};

// PRAGMA integrity_check over the whole file, keeping at most `max_lines`
// of its findings in report.sqlite_problems. It reads every page; on a
// read-only connection inside a read transaction it sees that snapshot.
Status CheckSqliteIntegrity(Database& db, IntegrityReport& report, int max_lines = 20);

// Walks every event in seq order recomputing the chain, and compares the
// recomputed hash at each anchor's seq with the anchor. Past a break of the
// chain the walk goes on (while anchors remain) hashing what is there, so an
// anchor after the break is judged on the events as they are now.
Status VerifyChain(Database& db, IntegrityReport& report,
                   const std::vector<LogAnchor>& anchors = {});

// Verifies the last `events` events only: each one's stored hash recomputed
// from its body and its predecessor's stored hash, numbers consecutive,
// indexed columns equal to the body. The stored hash of the event before
// them is taken as given. For motcuad's start (kStartupTailEvents).
Status VerifyChainTail(Database& db, std::uint64_t events, IntegrityReport& report);

// Whether `hex` is a chain hash in hex (64 hex digits, either case).
bool IsChainHashHex(std::string_view hex);

// Rebuilds fresh projections (from `make`) in `scratch` from `db`'s events
// and compares every table row by row, reporting at most `max_differences`
// (and, once each, the projections they are in).
Status CompareProjections(Database& db, const ProjectionFactory& make,
                          const catalog::Catalog& catalog, Database& scratch,
                          IntegrityReport& report, std::size_t max_differences = 20);

// Rebuilds the projections of `make` into `target` (an empty database) from
// the events of `source`.
Status RebuildProjections(Database& source, const ProjectionFactory& make,
                          const catalog::Catalog& catalog, Database& target);

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_INTEGRITY_H_
