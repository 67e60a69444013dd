#include "adapters/http/endpoints/alert_endpoints.h"

#include <charconv>
#include <chrono>
#include <string>
#include <utility>

#include "adapters/http/access_policy.h"
#include "adapters/runtime/alert_message.h"
#include "adapters/api/body_codec.h"
#include "adapters/sqlite/alert_queries.h"
#include "adapters/sqlite/webhook_queries.h"
#include "engine/base/proto_time.h"
#include "engine/base/quote.h"
#include "motcua/v1/alerts.pb.h"

namespace motcua::http {

namespace {

constexpr std::uint32_t kDefaultLimit = 100;
constexpr std::uint32_t kMaxLimit = 1000;
constexpr std::string_view kStreamPath = "/v1/alerts/stream";

Status Forbidden(const std::string& what) {
  return Status(Error::kPermissionDenied, "vai trò của bạn không được " + what);
}

Status BadParam(const std::string& name, const std::string& why) {
  return Status(Error::kInvalidArgument, "tham số " + name + " không hợp lệ: " + why);
}

std::optional<std::uint64_t> ParseUnsigned(std::string_view text) {
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

// The instant a Vietnam day starts.
std::int64_t StartOf(LocalDays day) {
  return ToUnixSeconds(FromVietnam(LocalTime(day.time_since_epoch())));
}

Result<std::uint32_t> ParseLimit(const api::Route& route) {
  auto limit = route.Param("limit");
  if (!limit) return kDefaultLimit;
  auto v = ParseUnsigned(*limit);
  if (!v || *v < 1 || *v > kMaxLimit) {
    return BadParam("limit", "cần số từ 1 đến " + std::to_string(kMaxLimit));
  }
  return static_cast<std::uint32_t>(*v);
}

Result<sqlite::AlertFilter> ParseAlertFilter(const api::Route& route) {
  sqlite::AlertFilter filter;
  filter.limit = kDefaultLimit;
  if (auto open = route.Param("open")) {
    if (*open != "0" && *open != "1") return BadParam("open", "cần 0 hoặc 1");
    filter.open_only = *open == "1";
  }
  const auto from = route.Param("from");
  const auto to = route.Param("to");
  if (from.has_value() != to.has_value()) {
    return BadParam(from ? "to" : "from", "from và to phải đi cùng nhau (YYYY-MM-DD)");
  }
  if (from) {
    auto first = ParseDate(*from);
    if (!first.ok()) return BadParam("from", first.status().message());
    auto last = ParseDate(*to);
    if (!last.ok()) return BadParam("to", last.status().message());
    if (*last < *first) return BadParam("to", "ngày kết thúc trước ngày bắt đầu");
    filter.raised_from = StartOf(*first);
    filter.raised_to = StartOf(*last + cal::days{1});
  }
  MOTCUA_ASSIGN_OR_RETURN(filter.limit, ParseLimit(route));
  return filter;
}

v1::UndeliveredAlert UndeliveredMessage(const sqlite::UndeliveredRow& row) {
  v1::UndeliveredAlert u;
  *u.mutable_alert() = runtime::AlertFromRow(row.alert);
  u.set_reason(row.reason == sqlite::UndeliveredReason::kTooOld ? v1::UNDELIVERED_REASON_TOO_OLD
                                                                : v1::UNDELIVERED_REASON_REFUSED);
  u.set_http_status(static_cast<std::uint32_t>(row.http_status));
  u.set_last_error(row.last_error);
  u.set_attempts(row.attempts);
  if (row.attempts > 0) SetSeconds(row.last_attempt_at, u.mutable_last_attempt_at());
  SetSeconds(row.undelivered_at, u.mutable_undelivered_at());
  u.set_retry_pending(row.retry_requested_at.has_value());
  return u;
}

}  // namespace

void HandleAlertRoute(const AlertEndpoints* alerts, const api::Route& route, const Request& request,
                      const Principal& principal, const ReplyTo& to, const Respond& respond) {
  if (alerts == nullptr) {
    return respond(ErrorResponse(
        Status(Error::kNotFound, "máy chủ này không bật cảnh báo thời hạn"), to));
  }
  alerts->Handle(route, request, principal, to, respond);
}

void AlertEndpoints::Handle(const api::Route& route, const Request& request,
                            const Principal& principal, const ReplyTo& to,
                            const Respond& respond) const {
  switch (route.kind) {
    case api::RouteKind::kAlerts:
      if (!MayReadAlerts(principal)) return respond(ErrorResponse(Forbidden("xem cảnh báo"), to));
      return List(route, to, respond);
    case api::RouteKind::kAlertStream:
      // Reached only when the connection could not be handed over: another
      // request on it was still waiting for its answer.
      return respond(ErrorResponse(
          Status(Error::kBadRequest,
                 "luồng cảnh báo cần một kết nối riêng, không gửi kèm yêu cầu khác"),
          to));
    case api::RouteKind::kUndeliveredAlerts:
    case api::RouteKind::kRetryUndelivered: {
      const bool list = route.kind == api::RouteKind::kUndeliveredAlerts;
      if (!MayManageWebhook(principal)) {
        return respond(ErrorResponse(
            Forbidden(list ? "xem cảnh báo chưa gửi được" : "gửi lại cảnh báo"), to));
      }
      if (context_.webhook == nullptr) {
        return respond(ErrorResponse(
            Status(Error::kNotFound,
                   "máy chủ này không gửi cảnh báo tới webhook (alerts.webhook_url trống)"),
            to));
      }
      return list ? ListUndelivered(route, to, respond) : RetryUndelivered(request, to, respond);
    }
    default:
      return respond(ErrorResponse(Status(Error::kInternal, "tuyến không được xử lý"), to));
  }
}

void AlertEndpoints::List(const api::Route& route, const ReplyTo& to, const Respond& respond) const {
  auto filter = ParseAlertFilter(route);
  if (!filter.ok()) return respond(ErrorResponse(filter.status(), to));
  context_.queries.Run([filter = *filter, to, respond](Result<sqlite::Database*> db) {
    if (!db.ok()) return respond(ErrorResponse(db.status(), to));
    // One row more than asked tells whether the list was cut.
    sqlite::AlertFilter probe = filter;
    probe.limit = filter.limit + 1;
    auto rows = sqlite::ListAlerts(**db, probe);
    if (!rows.ok()) return respond(ErrorResponse(rows.status(), to));
    v1::AlertList list;
    list.set_truncated(rows->size() > filter.limit);
    for (std::size_t i = 0; i < rows->size() && i < filter.limit; ++i) {
      *list.add_alerts() = runtime::AlertFromRow((*rows)[i]);
    }
    respond(MessageResponse(list, to));
  });
}

void AlertEndpoints::ListUndelivered(const api::Route& route, const ReplyTo& to,
                                     const Respond& respond) const {
  auto limit = ParseLimit(route);
  if (!limit.ok()) return respond(ErrorResponse(limit.status(), to));
  context_.queries.Run([url = context_.webhook->url(), limit = *limit, to,
                        respond](Result<sqlite::Database*> db) {
    if (!db.ok()) return respond(ErrorResponse(db.status(), to));
    // One row more than asked tells whether the list was cut.
    auto rows = sqlite::ListUndelivered(**db, url, limit + 1);
    if (!rows.ok()) return respond(ErrorResponse(rows.status(), to));
    v1::UndeliveredAlertList list;
    list.set_truncated(rows->size() > limit);
    for (std::size_t i = 0; i < rows->size() && i < limit; ++i) {
      *list.add_alerts() = UndeliveredMessage((*rows)[i]);
    }
    respond(MessageResponse(list, to));
  });
}

void AlertEndpoints::RetryUndelivered(const Request& request, const ReplyTo& to,
                                      const Respond& respond) const {
  auto format = api::RequestFormat(ToStd(request[bhttp::field::content_type]));
  if (!format.ok()) return respond(ErrorResponse(format.status(), to));
  v1::RetryUndelivered body;
  if (Status s = api::DecodeBody(request.body(), *format, body); !s.ok()) {
    return respond(ErrorResponse(s, to));
  }
  if ((body.id() != 0) == body.all()) {
    return respond(ErrorResponse(
        Status(Error::kInvalidArgument,
               "cần đúng một trong id (số thứ tự của một cảnh báo) hoặc all"),
        to));
  }
  const std::optional<std::uint64_t> seq =
      body.all() ? std::nullopt : std::optional<std::uint64_t>(body.id());
  // A write to the database: on a query thread, not on the connection's
  // strand.
  context_.queries.Run([webhook = context_.webhook, seq, to, respond](Result<sqlite::Database*>) {
    auto queued = webhook->Retry(seq);
    if (!queued.ok()) return respond(ErrorResponse(queued.status(), to));
    v1::RetryUndeliveredReply reply;
    reply.set_queued(*queued);
    respond(MessageResponse(reply, to));
  });
}

bool AlertEndpoints::Wants(const Request& request) const {
  if (request.method() != bhttp::verb::get) return false;
  std::string_view target = ToStd(request.target());
  target = target.substr(0, target.find('?'));
  if (target.size() > kStreamPath.size() && target.back() == '/') target.remove_suffix(1);
  return target == kStreamPath;
}

void AlertEndpoints::Accept(MaybeTlsStream stream, Request request,
                            const Principal& principal) {
  const auto start = std::chrono::steady_clock::now();
  const ReplyTo to = ReplyTo::Of(request);
  auto refuse = [&](const Status& status) {
    Response response = ErrorResponse(status, to);
    context_.log.Request("GET", kStreamPath, response.result_int(),
                         std::chrono::steady_clock::now() - start, to.request_id);
    AlertStreamSession::Refuse(std::move(stream), std::move(response));
  };
  auto routed = api::ParseRoute("GET", ToStd(request.target()));
  if (auto* error = std::get_if<api::RouteError>(&routed)) return refuse(error->status);
  const api::Route& route = std::get<api::Route>(routed);
  if (!MayReadAlerts(principal)) return refuse(Forbidden("theo dõi cảnh báo"));

  std::optional<std::uint64_t> last_event_id;
  std::string last = std::string(ToStd(request["Last-Event-ID"]));
  if (last.empty()) last = route.Param("last_event_id").value_or("");
  if (!last.empty()) {
    last_event_id = ParseUnsigned(last);
    if (!last_event_id) {
      return refuse(BadParam("Last-Event-ID", "cần số thứ tự của một cảnh báo, nhận được '" +
                                                  QuoteForMessage(last) + "'"));
    }
  }
  context_.log.Request("GET", kStreamPath, 200, std::chrono::steady_clock::now() - start,
                       to.request_id);
  std::make_shared<AlertStreamSession>(std::move(stream), context_.hub, context_.queries,
                                       context_.clock, context_.log, last_event_id,
                                       context_.stream)
      ->Run();
}

}  // namespace motcua::http
