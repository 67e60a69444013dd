// WebhookDeliverer: POSTs every alert to AlertConfig.webhook_url, at least
// once, in seq order, until the receiver answers 2xx.
//
//   POST <url>   Content-Type: application/json
//                X-Motcua-Alert-Id: <seq>
//   {"id":"42","dossier_code":"...","kind":"ALERT_KIND_OVERDUE",...}
//
// The alert's id (its event seq) is in the body and the header: a delivery
// can repeat (a crash between the receiver's 2xx and the cursor's write), so
// receivers de-duplicate by it. A failed attempt (no connection, a timeout,
// a non-2xx answer) is retried after a backoff that doubles from
// first_retry up to max_retry, for as long as it takes; later alerts wait
// behind it, so they arrive in order.
//
// The cursor (the last seq delivered) is durable: the table
// webhook_deliveries(url, last_seq) in the server's database, written by
// this deliverer on its own connection after each 2xx; it is not a
// projection (it records deliveries, not events). A restarted server resumes
// after it. A URL seen for the first time starts after the alerts that
// already exist: a new receiver is not flooded with history.
//
// Alerts are delivered when their deliver_at has come (outside office hours
// they wait for the next opening, see alert_watcher.h), read from the
// `alerts` table, so nothing depends on what was in memory before a restart.
//
// Thread safety: one thread of its own; Wake() and Stop() from any thread.
#ifndef MOTCUA_ADAPTERS_RUNTIME_WEBHOOK_DELIVERER_H_
#define MOTCUA_ADAPTERS_RUNTIME_WEBHOOK_DELIVERER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "adapters/client/http_client.h"
#include "adapters/runtime/request_log.h"
#include "adapters/sqlite/alert_queries.h"
#include "adapters/sqlite/database.h"
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
};

// "http://HOST:PORT/PATH" split into the server and the request target.
struct WebhookUrl {
  client::ServerUrl server;
  std::string target;  // "/" when the URL has no path
  static Result<WebhookUrl> Parse(std::string_view url);
};

class WebhookDeliverer {
 public:
  // Opens its own connection to `db_path` (created by the engine service),
  // creates the cursor table and reads (or starts) the URL's cursor.
  // `clock` and `log` must outlive the deliverer.
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

  // The last seq delivered (for tests and logs).
  std::uint64_t cursor() const { return cursor_.load(); }
  std::uint64_t attempts() const { return attempts_.load(); }

 private:
  WebhookDeliverer(std::unique_ptr<sqlite::Database> db, WebhookUrl url, WebhookOptions options,
                   const Clock& clock, RequestLog& log, std::uint64_t cursor);

  void Loop() EXCLUDES(mutex_);
  // Delivers `row` (retrying); false when stopped first.
  bool Deliver(const sqlite::AlertRow& row) EXCLUDES(mutex_);
  Status SaveCursor(std::uint64_t seq);
  // Sleeps up to `d`, or until woken or stopped; false when stopped.
  bool Sleep(std::chrono::milliseconds d) EXCLUDES(mutex_);

  std::unique_ptr<sqlite::Database> db_;  // the loop thread's only
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
