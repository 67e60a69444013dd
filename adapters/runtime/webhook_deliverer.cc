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

const std::vector<std::string>& CursorMigrations() {
  static const std::vector<std::string> kMigrations = {
      "CREATE TABLE webhook_deliveries ("
      "  url TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, updated_at INTEGER NOT NULL);",
  };
  return kMigrations;
}

}  // namespace

Result<WebhookUrl> WebhookUrl::Parse(std::string_view url) {
  constexpr std::string_view kScheme = "http://";
  const std::size_t slash =
      url.substr(0, kScheme.size()) == kScheme ? url.find('/', kScheme.size()) : std::string_view::npos;
  WebhookUrl out;
  MOTCUA_ASSIGN_OR_RETURN(out.server, client::ServerUrl::Parse(url.substr(0, slash)));
  out.target = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
  return out;
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
  MOTCUA_RETURN_IF_ERROR(sqlite::Migrate(*db, "webhook", CursorMigrations()));
  std::optional<std::uint64_t> cursor;
  {
    sqlite::Statement st(*db, "SELECT last_seq FROM webhook_deliveries WHERE url = ?1");
    st.Bind(1, options.url);
    if (st.Step()) cursor = static_cast<std::uint64_t>(st.ColumnInt(0));
    MOTCUA_RETURN_IF_ERROR(st.status());
  }
  if (!cursor) {
    // A new receiver: from the next alert on.
    MOTCUA_ASSIGN_OR_RETURN(std::uint64_t last, sqlite::LastAlertSeq(*db));
    cursor = last;
    sqlite::Statement st(*db,
                         "INSERT INTO webhook_deliveries (url, last_seq, updated_at) "
                         "VALUES (?1, ?2, ?3)");
    st.Bind(1, options.url)
        .Bind(2, static_cast<std::int64_t>(last))
        .Bind(3, ToUnixSeconds(clock.Now()));
    MOTCUA_RETURN_IF_ERROR(st.Run());
  }
  return std::unique_ptr<WebhookDeliverer>(
      new WebhookDeliverer(std::move(db), std::move(*url), std::move(options), clock, log, *cursor));
}

WebhookDeliverer::WebhookDeliverer(std::unique_ptr<sqlite::Database> db, WebhookUrl url,
                                   WebhookOptions options, const Clock& clock, RequestLog& log,
                                   std::uint64_t cursor)
    : db_(std::move(db)),
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

bool WebhookDeliverer::Sleep(std::chrono::milliseconds d) {
  const auto deadline = std::chrono::steady_clock::now() + d;
  MutexLock lock(mutex_);
  while (!woken_ && !stopping_ && wake_.WaitUntil(mutex_, deadline)) {
  }
  woken_ = false;
  return !stopping_;
}

void WebhookDeliverer::Loop() {
  log_.Note("webhook: delivering alerts after #" + std::to_string(cursor_.load()) + " to " +
            QuoteForMessage(options_.url, kQuotedPathMaxBytes));
  while (true) {
    {
      MutexLock lock(mutex_);
      if (stopping_) return;
      woken_ = false;  // what is committed from here on is in the next read
    }
    auto rows = sqlite::AlertsAfter(*db_, cursor_.load(), std::nullopt, kPage);
    if (!rows.ok()) {
      log_.Note("webhook: cannot read alerts: " + rows.status().ToString());
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
      if (!Deliver(row)) return;
      if (Status s = SaveCursor(row.seq); !s.ok()) {
        // Delivered but not recorded: it goes again after a restart, which
        // at-least-once allows.
        log_.Note("webhook: cannot record the cursor: " + s.ToString());
      }
      sleep = std::chrono::milliseconds(0);  // more may be waiting
    }
    if (sleep.count() > 0 && !Sleep(sleep)) return;
  }
}

bool WebhookDeliverer::Deliver(const sqlite::AlertRow& row) {
  v1::Alert alert = AlertFromRow(row);
  alert.clear_open();  // a list's notion, not the alert's
  client::HttpClient::Call call;
  call.method = bhttp::verb::post;
  call.target = url_.target;
  call.headers = {{"Content-Type", "application/json"},
                  {"X-Motcua-Alert-Id", std::to_string(row.seq)}};
  call.body = AlertJson(alert);
  std::chrono::milliseconds backoff = options_.first_retry;
  while (true) {
    {
      MutexLock lock(mutex_);
      if (stopping_) return false;
    }
    ++attempts_;
    client::HttpClient client(url_.server, options_.timeout);
    auto sent = client.Send(call);
    std::string failure;
    if (auto* reply = std::get_if<client::HttpReply>(&sent)) {
      if (reply->status >= 200 && reply->status < 300) return true;
      failure = "HTTP " + std::to_string(reply->status);
    } else {
      failure = std::get<client::TransportError>(sent).message;
    }
    log_.Note("webhook: alert #" + std::to_string(row.seq) + " not delivered (" + failure +
              "); retrying in " + std::to_string(backoff.count()) + "ms");
    // Only a stop ends the wait early: a wake-up means new alerts, which
    // queue behind this one anyway.
    {
      const auto deadline = std::chrono::steady_clock::now() + backoff;
      MutexLock lock(mutex_);
      while (!stopping_ && wake_.WaitUntil(mutex_, deadline)) {
      }
      if (stopping_) return false;
    }
    backoff = std::min(backoff * 2, options_.max_retry);
  }
}

Status WebhookDeliverer::SaveCursor(std::uint64_t seq) {
  sqlite::Statement st(*db_,
                       "UPDATE webhook_deliveries SET last_seq = ?2, updated_at = ?3 WHERE url = ?1");
  st.Bind(1, options_.url)
      .Bind(2, static_cast<std::int64_t>(seq))
      .Bind(3, ToUnixSeconds(clock_.Now()));
  MOTCUA_RETURN_IF_ERROR(st.Run());
  cursor_ = seq;
  return Status::Ok();
}

}  // namespace motcua::runtime
