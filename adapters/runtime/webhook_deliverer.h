// WebhookDeliverer: POSTs every alert to AlertConfig.webhook_url, at least
// once, in seq order, until the receiver answers 2xx, or sets it aside in
// the undelivered list when it cannot be delivered.
//
//   POST <url>   Content-Type: application/json
//                X-Motcua-Alert-Id: <seq>
//   {"id":"42","dossier_code":"...","kind":"ALERT_KIND_OVERDUE",...}
//
// The alert's id (its event seq) is in the body and the header: a delivery
// can repeat (a crash between the receiver's 2xx and the cursor's write), so
// receivers de-duplicate by it.
//
// Failures come in two kinds:
//  - passing (an answer 5xx, 408, 429 or 3xx, no connection, a timeout):
//    retried after a backoff that doubles from first_retry up to max_retry;
//    later alerts wait behind it, so they arrive in order;
//  - lasting (4xx other than 408 and 429: the receiver will say the same
//    again): the alert is set aside at once.
// An alert still undelivered `max_age` after its delivery time (deliver_at,
// or the admin's retry) is set aside too, as too old, retried or not: one
// receiver that is down for days must not hold every later alert behind the
// first one for ever. Set-aside alerts are kept in webhook_undelivered
// (webhook_queries.h) with their reason, attempts and last attempt, listed
// by GET /v1/alerts/undelivered; Retry() (POST /v1/alerts/undelivered/retry)
// puts them back in the queue, next after the alert being tried (if any).
//
// The cursor (the last seq handled: delivered or set aside) is durable:
// webhook_deliveries(url, last_seq) in the server's database, written by
// this deliverer on its own connection after each alert, in the same
// transaction as a set-aside record; it is not a projection (it records
// deliveries, not events). A restarted server resumes after it. A URL seen
// for the first time starts after the alerts that already exist: a new
// receiver is not flooded with history.
//
// Alerts are delivered when their deliver_at has come (outside office hours
// they wait for the next opening, see alert_watcher.h), read from the
// `alerts` table, so nothing depends on what was in memory before a restart.
//
// Thread safety: one thread of its own; Wake(), Retry() and Stop() from any
// thread.
#ifndef MOTCUA_ADAPTERS_RUNTIME_WEBHOOK_DELIVERER_H_
#define MOTCUA_ADAPTERS_RUNTIME_WEBHOOK_DELIVERER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "adapters/client/http_client.h"
#include "adapters/runtime/request_log.h"
#include "adapters/runtime/telemetry.h"
#include "adapters/sqlite/alert_queries.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/webhook_queries.h"
#include "engine/base/mutex.h"
#include "engine/ports/clock.h"

namespace motcua::runtime {

struct WebhookOptions {
  std::string url;  // http://HOST:PORT/PATH
  std::chrono::milliseconds first_retry{200};
  std::chrono::milliseconds max_retry{std::chrono::minutes(1)};
  std::chrono::milliseconds timeout{std::chrono::seconds(10)};
  // The longest it sleeps before looking at the table again, even unwoken.
  std::chrono::milliseconds poll{std::chrono::seconds(30)};
  // How long after its delivery time an alert is still sent (by the server's
  // clock): AlertConfig.webhook_max_age_hours.
  std::chrono::seconds max_age{std::chrono::hours(72)};
  // Where deliveries and set-aside alerts are counted (nullptr: nowhere);
  // must outlive the deliverer.
  Telemetry* telemetry = nullptr;
};

// "http://HOST:PORT/PATH" split into the server and the request target.
struct WebhookUrl {
  client::ServerUrl server;
  std::string target;  // "/" when the URL has no path
  static Result<WebhookUrl> Parse(std::string_view url);
};

// A receiver's answer that will not change on a retry: 4xx but 408 (request
// timeout) and 429 (too many requests).
bool IsLastingRefusal(int http_status);

class WebhookDeliverer {
 public:
  // Opens two connections to `db_path` (created by the engine service): the
  // loop's, and one for Retry(); migrates the webhook tables and reads (or
  // starts) the URL's cursor. `clock` and `log` must outlive the deliverer.
  static Result<std::unique_ptr<WebhookDeliverer>> Open(const std::string& db_path,
                                                        WebhookOptions options, const Clock& clock,
                                                        RequestLog& log);
  ~WebhookDeliverer();  // Stop()s

  WebhookDeliverer(const WebhookDeliverer&) = delete;
  WebhookDeliverer& operator=(const WebhookDeliverer&) = delete;

  void Start();
  // New alerts were committed, or the clock moved: look again now.
  void Wake() EXCLUDES(mutex_);
  // Ends the thread after the attempt in progress (at most `timeout`).
  void Stop() EXCLUDES(mutex_);

  // Puts the set-aside alert `seq` (every one when nullopt) back in the
  // delivery queue, durably, and wakes the loop; returns how many. kNotFound
  // when `seq` is not in the list. Blocks on SQLite only (any thread).
  Result<std::uint32_t> Retry(std::optional<std::uint64_t> seq)
      EXCLUDES(mutex_, control_mutex_);

  // The URL whose list this deliverer keeps (webhook_queries.h).
  const std::string& url() const { return options_.url; }
  // The last seq handled (for tests and logs).
  std::uint64_t cursor() const { return cursor_.load(); }
  std::uint64_t attempts() const { return attempts_.load(); }

 private:
  // How one alert's delivery ended; nullopt from Deliver() when stopped.
  struct Outcome {
    bool delivered = false;
    sqlite::UndeliveredRecord undelivered;  // when not delivered
  };

  WebhookDeliverer(std::unique_ptr<sqlite::Database> db, std::unique_ptr<sqlite::Database> control,
                   WebhookUrl url, WebhookOptions options, const Clock& clock, RequestLog& log,
                   std::uint64_t cursor);

  void Loop() EXCLUDES(mutex_);
  // The retries the admin asked for; false when stopped. `busy` is set when
  // one was handled (the table is read again before sleeping).
  bool DeliverRetries(bool& busy) EXCLUDES(mutex_);
  // Delivers `row` (retrying passing failures) unless it is or becomes
  // older than max_age counted from `age_from`; nullopt when stopped first.
  std::optional<Outcome> Deliver(const sqlite::AlertRow& row, std::int64_t age_from)
      EXCLUDES(mutex_);
  // Records a new alert's outcome and moves the cursor past it, in one
  // transaction.
  Status Settle(std::uint64_t seq, const Outcome& outcome);
  bool TooOld(std::int64_t age_from) const;
  // Sleeps up to `d`, or until woken or stopped; false when stopped.
  bool Sleep(std::chrono::milliseconds d) EXCLUDES(mutex_);

  std::unique_ptr<sqlite::Database> db_;  // the loop thread's only
  Mutex control_mutex_;
  std::unique_ptr<sqlite::Database> control_ GUARDED_BY(control_mutex_);  // Retry()'s
  const WebhookUrl url_;
  const WebhookOptions options_;
  const Clock& clock_;
  RequestLog& log_;
  std::atomic<std::uint64_t> cursor_;
  std::atomic<std::uint64_t> attempts_{0};

  Mutex mutex_;
  CondVar wake_;
  bool woken_ GUARDED_BY(mutex_) = false;
  bool stopping_ GUARDED_BY(mutex_) = false;
  std::thread thread_;
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_WEBHOOK_DELIVERER_H_
