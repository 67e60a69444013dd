// POST /v1/test/clock, for ApiHandler, on a server started with --test-clock
// only (404 otherwise, before any role check: the route does not exist
// there). Admin only (access_policy.h, MaySetTestClock).
//
//   POST /v1/test/clock  body v1.SetTestClock {vietnam_time}
//        sets the test clock and evaluates the deadline watch at once
//        (AlertWatcher::Advance), so the alerts it raised are committed when
//        the reply comes. v1.TestClockReply.
//
// Thread safety: Handle() may be called from any thread; `respond` is
// called exactly once, possibly later on the engine thread.
#ifndef MOTCUA_ADAPTERS_HTTP_ENDPOINTS_TEST_CLOCK_ENDPOINT_H_
#define MOTCUA_ADAPTERS_HTTP_ENDPOINTS_TEST_CLOCK_ENDPOINT_H_

#include <functional>

#include "adapters/http/authenticator.h"
#include "adapters/http/http_reply.h"
#include "adapters/runtime/alert_watcher.h"
#include "engine/ports/clock.h"

namespace motcua::http {

class TestClockEndpoint {
 public:
  // `clock` (the one every service reads) and `watcher` must outlive the
  // endpoint and every request in flight.
  TestClockEndpoint(ManualClock& clock, runtime::AlertWatcher& watcher)
      : clock_(clock), watcher_(watcher) {}

  TestClockEndpoint(const TestClockEndpoint&) = delete;
  TestClockEndpoint& operator=(const TestClockEndpoint&) = delete;

  void Handle(const Request& request, const Principal& principal, const ReplyTo& to,
              const std::function<void(Response)>& respond) const;

 private:
  ManualClock& clock_;
  runtime::AlertWatcher& watcher_;
};

// 404 when `endpoint` is null (no --test-clock), else Handle().
void HandleTestClockRoute(const TestClockEndpoint* endpoint, const Request& request,
                          const Principal& principal, const ReplyTo& to,
                          const std::function<void(Response)>& respond);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_ENDPOINTS_TEST_CLOCK_ENDPOINT_H_
