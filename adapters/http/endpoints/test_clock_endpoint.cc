#include "adapters/http/endpoints/test_clock_endpoint.h"

#include "adapters/api/body_codec.h"
#include "adapters/http/access_policy.h"
#include "engine/base/proto_time.h"
#include "motcua/v1/alerts.pb.h"

namespace motcua::http {

void HandleTestClockRoute(const TestClockEndpoint* endpoint, const Request& request,
                          const Principal& principal, const ReplyTo& to,
                          const std::function<void(Response)>& respond) {
  if (endpoint == nullptr) {
    return respond(ErrorResponse(
        Status(Error::kNotFound,
               "không có đường dẫn /v1/test/clock (chỉ có khi motcuad chạy với --test-clock)"),
        to));
  }
  endpoint->Handle(request, principal, to, respond);
}

void TestClockEndpoint::Handle(const Request& request, const Principal& principal,
                               const ReplyTo& to,
                               const std::function<void(Response)>& respond) const {
  if (!MaySetTestClock(principal)) {
    return respond(ErrorResponse(
        Status(Error::kPermissionDenied, "vai trò của bạn không được chỉnh đồng hồ thử nghiệm"),
        to));
  }
  auto format = api::RequestFormat(ToStd(request[bhttp::field::content_type]));
  if (!format.ok()) return respond(ErrorResponse(format.status(), to));
  v1::SetTestClock body;
  if (Status s = api::DecodeBody(request.body(), *format, body); !s.ok()) {
    return respond(ErrorResponse(s, to));
  }
  auto now = ParseVietnamMinute(body.vietnam_time());
  if (!now.ok()) {
    return respond(ErrorResponse(
        Status(Error::kInvalidArgument,
               "tham số vietnam_time không hợp lệ: " + now.status().message()),
        to));
  }
  clock_.Set(*now);
  watcher_.Advance([now = *now, to, respond](std::size_t raised) {
    v1::TestClockReply reply;
    SetInstant(now, reply.mutable_now());
    reply.set_alerts_raised(static_cast<std::uint32_t>(raised));
    respond(MessageResponse(reply, to));
  });
}

}  // namespace motcua::http
