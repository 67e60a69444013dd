#include "adapters/sqlite/webhook_queries.h"

#include <sqlite3.h>

namespace motcua::sqlite {

namespace {

// The reasons as stored: words, so the table reads on its own.
constexpr std::string_view kRefused = "refused";
constexpr std::string_view kTooOld = "too_old";

std::string_view ReasonText(UndeliveredReason reason) {
  return reason == UndeliveredReason::kTooOld ? kTooOld : kRefused;
}

}  // namespace

Result<std::optional<std::uint64_t>> WebhookCursor(Database& db, std::string_view url) {
  Statement st(db, "SELECT last_seq FROM webhook_deliveries WHERE url = ?1");
  st.Bind(1, url);
  std::optional<std::uint64_t> cursor;
  if (st.Step()) cursor = static_cast<std::uint64_t>(st.ColumnInt(0));
  if (!st.ok()) return st.status();
  return cursor;
}

Status SaveWebhookCursor(Database& db, std::string_view url, std::uint64_t seq, std::int64_t now) {
  Statement st(db,
               "INSERT INTO webhook_deliveries (url, last_seq, updated_at) VALUES (?1, ?2, ?3) "
               "ON CONFLICT(url) DO UPDATE SET last_seq = excluded.last_seq, "
               "updated_at = excluded.updated_at");
  st.Bind(1, url).Bind(2, static_cast<std::int64_t>(seq)).Bind(3, now);
  return st.Run();
}

Status RecordUndelivered(Database& db, std::string_view url, const UndeliveredRecord& record,
                         std::optional<std::int64_t> retry_seen) {
  // A retry that fails again keeps the earlier error and attempt time when
  // it made no attempt of its own (too old before its turn came).
  Statement st(db,
               "INSERT INTO webhook_undelivered (url, seq, reason, http_status, last_error, "
               "  attempts, last_attempt_at, undelivered_at, retry_requested_at) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL) "
               "ON CONFLICT(url, seq) DO UPDATE SET reason = excluded.reason, "
               "  http_status = excluded.http_status, "
               "  last_error = CASE WHEN excluded.attempts = 0 THEN last_error "
               "    ELSE excluded.last_error END, "
               "  attempts = attempts + excluded.attempts, "
               "  last_attempt_at = CASE WHEN excluded.attempts = 0 THEN last_attempt_at "
               "    ELSE excluded.last_attempt_at END, "
               "  undelivered_at = excluded.undelivered_at, "
               "  retry_requested_at = CASE WHEN retry_requested_at IS ?9 THEN NULL "
               "    ELSE retry_requested_at END");
  st.Bind(1, url)
      .Bind(2, static_cast<std::int64_t>(record.seq))
      .Bind(3, ReasonText(record.reason))
      .Bind(4, std::int64_t{record.http_status})
      .Bind(5, record.last_error)
      .Bind(6, std::int64_t{record.attempts})
      .Bind(7, record.last_attempt_at)
      .Bind(8, record.at);
  if (retry_seen) {
    st.Bind(9, *retry_seen);
  } else {
    st.BindNull(9);
  }
  return st.Run();
}

Status ForgetUndelivered(Database& db, std::string_view url, std::uint64_t seq) {
  Statement st(db, "DELETE FROM webhook_undelivered WHERE url = ?1 AND seq = ?2");
  st.Bind(1, url).Bind(2, static_cast<std::int64_t>(seq));
  return st.Run();
}

Result<std::vector<UndeliveredRow>> ListUndelivered(Database& db, std::string_view url,
                                                    std::uint32_t limit, bool retry_only) {
  std::vector<UndeliveredRow> rows;
  {
    Statement st(db, std::string("SELECT seq, reason, http_status, last_error, attempts, "
                                 "last_attempt_at, undelivered_at, retry_requested_at "
                                 "FROM webhook_undelivered WHERE url = ?1") +
                         (retry_only ? " AND retry_requested_at IS NOT NULL" : "") +
                         " ORDER BY seq LIMIT ?2");
    st.Bind(1, url).Bind(2, static_cast<std::int64_t>(limit));
    while (st.Step()) {
      UndeliveredRow& r = rows.emplace_back();
      r.alert.seq = static_cast<std::uint64_t>(st.ColumnInt(0));
      r.reason = st.ColumnText(1) == kTooOld ? UndeliveredReason::kTooOld
                                             : UndeliveredReason::kRefused;
      r.http_status = static_cast<int>(st.ColumnInt(2));
      r.last_error = st.ColumnText(3);
      r.attempts = static_cast<std::uint32_t>(st.ColumnInt(4));
      r.last_attempt_at = st.ColumnInt(5);
      r.undelivered_at = st.ColumnInt(6);
      if (!st.IsNull(7)) r.retry_requested_at = st.ColumnInt(7);
    }
    if (!st.ok()) return st.status();
  }
  for (UndeliveredRow& r : rows) {
    MOTCUA_ASSIGN_OR_RETURN(std::optional<AlertRow> alert, AlertAt(db, r.alert.seq));
    if (!alert) {
      return Status(Error::kStorage, "cảnh báo #" + std::to_string(r.alert.seq) +
                                         " trong danh sách chưa gửi được không có trong bảng alerts");
    }
    r.alert = std::move(*alert);
  }
  return rows;
}

Result<std::uint32_t> RequestRetry(Database& db, std::string_view url,
                                   std::optional<std::uint64_t> seq, std::int64_t now) {
  Statement st(db, std::string("UPDATE webhook_undelivered SET retry_requested_at = ?2 "
                               "WHERE url = ?1") +
                       (seq ? " AND seq = ?3" : ""));
  st.Bind(1, url).Bind(2, now);
  if (seq) st.Bind(3, static_cast<std::int64_t>(*seq));
  MOTCUA_RETURN_IF_ERROR(st.Run());
  const auto changed = static_cast<std::uint32_t>(sqlite3_changes(db.handle()));
  if (seq && changed == 0) {
    return Status(Error::kNotFound, "cảnh báo #" + std::to_string(*seq) +
                                        " không có trong danh sách chưa gửi được");
  }
  return changed;
}

}  // namespace motcua::sqlite
