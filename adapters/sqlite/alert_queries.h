// Reads of the `alerts` projection table (alert_projection.h): the list an
// officer works from, the stream's backlog after a Last-Event-ID, the
// webhook's next alerts after its cursor, and the alerts still held for
// delivery. Instants are UTC seconds.
//
// Any connection works; like the Database, none of these is thread-safe.
#ifndef MOTCUA_ADAPTERS_SQLITE_ALERT_QUERIES_H_
#define MOTCUA_ADAPTERS_SQLITE_ALERT_QUERIES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "adapters/sqlite/database.h"
#include "engine/base/status.h"

namespace motcua::sqlite {

struct AlertRow {
  std::uint64_t seq = 0;
  std::string code;
  int kind = 0;  // v1::AlertKind
  std::int64_t moment = 0;
  std::int64_t appointment = 0;
  std::int64_t raised_at = 0;
  std::int64_t deliver_at = 0;
  bool late_fired = false;
  // ALERT_KIND_STEP_DUE: the step, its deadline and its holder when raised.
  std::uint32_t step = 0;
  std::int64_t step_due_at = 0;
  std::string holder_unit;
  std::string holder_user;
  // ALERT_KIND_APOLOGY_DUE: the law's last moment (0: not recorded).
  std::int64_t legal_moment = 0;
  // Not yet handled: the dossier is open with the appointment the alert was
  // computed from (after an apology, the new appointment it promised) and,
  // for an apology-due alert, has no apology; a step-due alert, while the
  // same step with the same deadline is in progress. An alert of an appointment
  // that has since moved (a pause ended, a calendar change, an apology) is
  // superseded by the alerts of the new one.
  bool open = false;
};

struct AlertFilter {
  bool open_only = false;  // then ordered by moment (most urgent first), else by seq
  // raised_at in [raised_from, raised_to) when set.
  std::optional<std::int64_t> raised_from;
  std::optional<std::int64_t> raised_to;
  std::uint32_t limit = 100;
};

Result<std::vector<AlertRow>> ListAlerts(Database& db, const AlertFilter& filter);

// Alerts with seq > `after`, in seq order, at most `limit`; when
// `delivered_by` is set, only those whose deliver_at is at or before it.
Result<std::vector<AlertRow>> AlertsAfter(Database& db, std::uint64_t after,
                                          std::optional<std::int64_t> delivered_by,
                                          std::uint32_t limit);

// Alerts whose deliver_at is after `now` (held for delivery), in seq order.
Result<std::vector<AlertRow>> AlertsHeldAfter(Database& db, std::int64_t now);

// The alert `seq`; nullopt when there is none.
Result<std::optional<AlertRow>> AlertAt(Database& db, std::uint64_t seq);

// The highest alert seq; 0 when there is none.
Result<std::uint64_t> LastAlertSeq(Database& db);

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_ALERT_QUERIES_H_
