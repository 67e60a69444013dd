#include "adapters/runtime/webhook_deliverer.h"

#include <algorithm>
#include <utility>
#include <variant>
#include <vector>

#include "adapters/runtime/alert_message.h"
#include "adapters/sqlite/schema.h"
#include "engine/base/proto_time.h"
#include "engine/base/quote.h"

namespace motcua::runtime {

namespace {

constexpr std::uint32_t kPage = 64;

std::string HoursText(std::chrono::seconds d) {
  return std::to_string(std::chrono::duration_cast<std::chrono::hours>(d).count()) + " h";
}

}  // namespace

Result<WebhookUrl> WebhookUrl::Parse(std::string_view url) {
  // The path starts at the first slash after "scheme://".
  const std::size_t scheme_end = url.find("://");
  const std::size_t slash =
      scheme_end == std::string_view::npos ? std::string_view::npos : url.find('/', scheme_end + 3);
  WebhookUrl out;
  MOTCUA_ASSIGN_OR_RETURN(out.server, client::ServerUrl::Parse(url.substr(0, slash)));
  out.target = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
  return out;
}

bool IsLastingRefusal(int http_status) {
  return http_status >= 400 && http_status < 500 && http_status != 408 && http_status != 429;
}

Result<std::unique_ptr<WebhookDeliverer>> WebhookDeliverer::Open(const std::string& db_path,
                                                                 WebhookOptions options,
                                                                 const Clock& clock,
                                                                 RequestLog& log) {
  auto url = WebhookUrl::Parse(options.url);
  if (!url.ok()) {
    return Status(Error::kConfig, "alerts.webhook_url: " + url.status().message());
  }
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> db, sqlite::Database::Open(db_path));
  MOTCUA_RETURN_IF_ERROR(sqlite::Migrate(*db, "webhook", sqlite::WebhookMigrations()));
  MOTCUA_ASSIGN_OR_RETURN(std::optional<std::uint64_t> cursor,
                          sqlite::WebhookCursor(*db, options.url));
  if (!cursor) {
    // A new receiver: from the next alert on.
    MOTCUA_ASSIGN_OR_RETURN(cursor, sqlite::LastAlertSeq(*db));
    MOTCUA_RETURN_IF_ERROR(
        sqlite::SaveWebhookCursor(*db, options.url, *cursor, ToUnixSeconds(clock.Now())));
  }
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Database> control,
                          sqlite::Database::Open(db_path));
  return std::unique_ptr<WebhookDeliverer>(new WebhookDeliverer(
      std::move(db), std::move(control), std::move(*url), std::move(options), clock, log, *cursor));
}

WebhookDeliverer::WebhookDeliverer(std::unique_ptr<sqlite::Database> db,
                                   std::unique_ptr<sqlite::Database> control, WebhookUrl url,
                                   WebhookOptions options, const Clock& clock, RequestLog& log,
                                   std::uint64_t cursor)
    : db_(std::move(db)),
      control_(std::move(control)),
      url_(std::move(url)),
      options_(std::move(options)),
      clock_(clock),
      log_(log),
      cursor_(cursor) {}

WebhookDeliverer::~WebhookDeliverer() { Stop(); }

void WebhookDeliverer::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void WebhookDeliverer::Wake() {
  MutexLock lock(mutex_);
  woken_ = true;
  wake_.NotifyAll();
}

void WebhookDeliverer::Stop() {
  {
    MutexLock lock(mutex_);
    stopping_ = true;
    wake_.NotifyAll();
  }
  if (thread_.joinable()) thread_.join();
}

Result<std::uint32_t> WebhookDeliverer::Retry(std::optional<std::uint64_t> seq) {
  Result<std::uint32_t> queued = std::uint32_t{0};
  {
    MutexLock lock(control_mutex_);
    queued = sqlite::RequestRetry(*control_, options_.url, seq, ToUnixSeconds(clock_.Now()));
  }
  if (queued.ok() && *queued > 0) {
    log_.Note("webhook: " + std::to_string(*queued) + " undelivered alert(s) queued again" +
              (seq ? " (#" + std::to_string(*seq) + ")" : ""));
    Wake();
  }
  return queued;
}

bool WebhookDeliverer::Sleep(std::chrono::milliseconds d) {
  const auto deadline = std::chrono::steady_clock::now() + d;
  MutexLock lock(mutex_);
  while (!woken_ && !stopping_ && wake_.WaitUntil(mutex_, deadline)) {
  }
  woken_ = false;
  return !stopping_;
}

bool WebhookDeliverer::TooOld(std::int64_t age_from) const {
  return ToUnixSeconds(clock_.Now()) - age_from > options_.max_age.count();
}

void WebhookDeliverer::Loop() {
  log_.Note("webhook: delivering alerts after #" + std::to_string(cursor_.load()) + " to " +
            QuoteForMessage(options_.url, kQuotedPathMaxBytes) + " (set aside after " +
            HoursText(options_.max_age) + ")");
  while (true) {
    {
      MutexLock lock(mutex_);
      if (stopping_) return;
      woken_ = false;  // what is committed from here on is in the next read
    }
    // The retries first: the admin asked for them, and they are older than
    // anything after the cursor.
    bool busy = false;
    if (!DeliverRetries(busy)) return;
    if (busy) continue;
    auto rows = sqlite::AlertsAfter(*db_, cursor_.load(), std::nullopt, kPage);
    if (!rows.ok()) {
      log_.Error("webhook: cannot read alerts: " + rows.status().ToString());
      if (!Sleep(options_.max_retry)) return;
      continue;
    }
    std::chrono::milliseconds sleep = options_.poll;
    for (const sqlite::AlertRow& row : *rows) {
      const std::int64_t now = ToUnixSeconds(clock_.Now());
      if (row.deliver_at > now) {
        // Held for office hours: its turn comes with the clock (a wake-up
        // from a test clock, or the wall clock).
        sleep = std::min(sleep, std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::seconds(row.deliver_at - now)));
        break;
      }
      std::optional<Outcome> outcome = Deliver(row, row.deliver_at);
      if (!outcome) return;
      if (Status s = Settle(row.seq, *outcome); !s.ok()) {
        // Not recorded: the alert goes again (at least once allows it), after
        // a pause, not in a loop against the receiver.
        log_.Error("webhook: cannot record alert #" + std::to_string(row.seq) + ": " +
                  s.ToString());
        sleep = options_.max_retry;
        break;
      }
      sleep = std::chrono::milliseconds(0);  // more may be waiting
    }
    if (sleep.count() > 0 && !Sleep(sleep)) return;
  }
}

bool WebhookDeliverer::DeliverRetries(bool& busy) {
  auto retries = sqlite::ListUndelivered(*db_, options_.url, kPage, /*retry_only=*/true);
  if (!retries.ok()) {
    log_.Error("webhook: cannot read the retries: " + retries.status().ToString());
    return Sleep(options_.max_retry);
  }
  for (const sqlite::UndeliveredRow& r : *retries) {
    // The age counts from the retry: the admin's request is a new start.
    const std::int64_t asked = r.retry_requested_at.value_or(0);
    std::optional<Outcome> outcome = Deliver(r.alert, asked);
    if (!outcome) return false;
    Status s = outcome->delivered
                   ? sqlite::ForgetUndelivered(*db_, options_.url, r.alert.seq)
                   : sqlite::RecordUndelivered(*db_, options_.url, outcome->undelivered, asked);
    if (!s.ok()) {
      log_.Error("webhook: cannot record the retry of alert #" + std::to_string(r.alert.seq) +
                ": " + s.ToString());
      return Sleep(options_.max_retry);
    }
    busy = true;
  }
  return true;
}

std::optional<WebhookDeliverer::Outcome> WebhookDeliverer::Deliver(const sqlite::AlertRow& row,
                                                                   std::int64_t age_from) {
  v1::Alert alert = AlertFromRow(row);
  alert.clear_open();  // a list's notion, not the alert's
  client::HttpClient::Call call;
  call.method = bhttp::verb::post;
  call.target = url_.target;
  call.headers = {{"Content-Type", "application/json"},
                  {"X-Motcua-Alert-Id", std::to_string(row.seq)}};
  call.body = AlertJson(alert);
  const std::string id = "webhook: alert #" + std::to_string(row.seq);
  Outcome outcome;
  sqlite::UndeliveredRecord& record = outcome.undelivered;
  record.seq = row.seq;
  auto set_aside = [&](sqlite::UndeliveredReason reason, const std::string& why) {
    record.reason = reason;
    record.at = ToUnixSeconds(clock_.Now());
    if (options_.telemetry) options_.telemetry->AlertSetAside();
    log_.Warning(id + " set aside (" + why + "): `motcua alerts --undelivered` lists it");
    return outcome;
  };
  std::chrono::milliseconds backoff = options_.first_retry;
  while (true) {
    {
      MutexLock lock(mutex_);
      if (stopping_) return std::nullopt;
    }
    if (TooOld(age_from)) {
      return set_aside(sqlite::UndeliveredReason::kTooOld,
                       "undelivered after " + HoursText(options_.max_age) +
                           (record.last_error.empty() ? "" : ", last: " + record.last_error));
    }
    ++attempts_;
    ++record.attempts;
    record.last_attempt_at = ToUnixSeconds(clock_.Now());
    client::HttpClient client(url_.server, options_.timeout);
    auto sent = client.Send(call);
    if (auto* reply = std::get_if<client::HttpReply>(&sent)) {
      if (reply->status >= 200 && reply->status < 300) {
        outcome.delivered = true;
        if (options_.telemetry) {
          options_.telemetry->AlertDelivered(std::chrono::seconds(
              ToUnixSeconds(clock_.Now()) - (row.deliver_at != 0 ? row.deliver_at : row.raised_at)));
        }
        return outcome;
      }
      record.last_error = "HTTP " + std::to_string(reply->status);
      if (IsLastingRefusal(reply->status)) {
        record.http_status = reply->status;
        return set_aside(sqlite::UndeliveredReason::kRefused, record.last_error);
      }
    } else {
      record.last_error = std::get<client::TransportError>(sent).message;
    }
    log_.Warning(id + " not delivered (" + record.last_error + "); retrying in " +
              std::to_string(backoff.count()) + "ms");
    // A wake-up (new alerts, a retry asked, the clock moved) does not cut
    // the backoff short, or a busy office would hammer a struggling
    // receiver; it only looks at the age again. A stop ends the wait.
    const auto deadline = std::chrono::steady_clock::now() + backoff;
    while (true) {
      {
        MutexLock lock(mutex_);
        while (!woken_ && !stopping_ && wake_.WaitUntil(mutex_, deadline)) {
        }
        if (stopping_) return std::nullopt;
        if (!woken_) break;  // the backoff is over
        woken_ = false;
      }
      if (TooOld(age_from)) break;  // set aside at the top of the loop
    }
    backoff = std::min(backoff * 2, options_.max_retry);
  }
}

Status WebhookDeliverer::Settle(std::uint64_t seq, const Outcome& outcome) {
  sqlite::Transaction tx(*db_);
  MOTCUA_RETURN_IF_ERROR(tx.status());
  if (!outcome.delivered) {
    MOTCUA_RETURN_IF_ERROR(
        sqlite::RecordUndelivered(*db_, options_.url, outcome.undelivered, std::nullopt));
  }
  MOTCUA_RETURN_IF_ERROR(
      sqlite::SaveWebhookCursor(*db_, options_.url, seq, ToUnixSeconds(clock_.Now())));
  MOTCUA_RETURN_IF_ERROR(tx.Commit());
  cursor_ = seq;
  return Status::Ok();
}

}  // namespace motcua::runtime
