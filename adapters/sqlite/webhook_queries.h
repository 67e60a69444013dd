// The webhook's own tables (schema.h WebhookMigrations), written by the
// deliverer (adapters/runtime/webhook_deliverer.h) and read by the API:
//
//   webhook_deliveries(url, last_seq)      the cursor: every alert up to
//       last_seq is handled (delivered, or set aside below) for that URL.
//   webhook_undelivered(url, seq, ...)     the alerts set aside: refused for
//       good by the receiver (a 4xx other than 408 and 429), or still not
//       delivered past the maximum age. Kept until delivered by a retry the
//       admin asks for (retry_requested_at set: back in the delivery queue).
//
// Neither is a projection: they record deliveries, not events, and are not
// rebuilt from the log. Instants are UTC seconds.
//
// Any connection works (the list reads on a read-only one); like the
// Database, none of these is thread-safe.
#ifndef MOTCUA_ADAPTERS_SQLITE_WEBHOOK_QUERIES_H_
#define MOTCUA_ADAPTERS_SQLITE_WEBHOOK_QUERIES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/sqlite/alert_queries.h"
#include "adapters/sqlite/database.h"
#include "engine/base/status.h"

namespace motcua::sqlite {

enum class UndeliveredReason {
  kRefused,  // the receiver answered a 4xx other than 408 and 429
  kTooOld,   // still undelivered past the maximum age
};

// What was recorded when an alert was set aside.
struct UndeliveredRecord {
  std::uint64_t seq = 0;
  UndeliveredReason reason = UndeliveredReason::kRefused;
  int http_status = 0;     // the refusal's status; 0 when too old
  std::string last_error;  // "HTTP 503", a transport error; empty if never tried
  std::uint32_t attempts = 0;  // this round's, added to those already recorded
  std::int64_t last_attempt_at = 0;  // 0: never tried
  std::int64_t at = 0;               // when it was set aside
};

struct UndeliveredRow {
  AlertRow alert;  // from the alerts table
  UndeliveredReason reason = UndeliveredReason::kRefused;
  int http_status = 0;
  std::string last_error;
  std::uint32_t attempts = 0;  // every attempt, over every retry
  std::int64_t last_attempt_at = 0;
  std::int64_t undelivered_at = 0;
  // Set when the admin asked for a retry not yet made: the retry's age is
  // counted from it.
  std::optional<std::int64_t> retry_requested_at;
};

// The cursor of `url`; nullopt for a URL never seen.
Result<std::optional<std::uint64_t>> WebhookCursor(Database& db, std::string_view url);
// Sets (or starts) the cursor of `url`.
Status SaveWebhookCursor(Database& db, std::string_view url, std::uint64_t seq, std::int64_t now);

// Adds `record` to the list of `url`, or, for an alert already there (a
// retry that failed again), replaces its reason and adds its attempts; a
// retry asked for at `retry_seen` (the value read before the retry) is
// done, one asked for since stays asked.
Status RecordUndelivered(Database& db, std::string_view url, const UndeliveredRecord& record,
                         std::optional<std::int64_t> retry_seen);
// Removes `seq` from the list of `url` (delivered after all).
Status ForgetUndelivered(Database& db, std::string_view url, std::uint64_t seq);

// The list of `url`, in seq order, at most `limit`; only the alerts the
// admin asked to retry when `retry_only`.
Result<std::vector<UndeliveredRow>> ListUndelivered(Database& db, std::string_view url,
                                                    std::uint32_t limit, bool retry_only = false);

// Puts `seq` (or, when nullopt, every alert of the list) back in the
// delivery queue of `url` as of `now`; returns how many. kNotFound when
// `seq` is not in the list.
Result<std::uint32_t> RequestRetry(Database& db, std::string_view url,
                                   std::optional<std::uint64_t> seq, std::int64_t now);

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_WEBHOOK_QUERIES_H_
