// AuthThrottle: failed authentications per client address, as token
// buckets, so that guessing tokens or lookup secrets is slow.
//
// Every address starts with `burst` attempts; each failure spends one and
// they come back at `per_minute`. A failure is a 401 to a request that
// offered credentials (an unknown, expired or revoked token or session, a
// wrong password; HttpSession decides, as a request without any is not a
// guess: the web desk's page asks before its officer signs in) or a citizen
// lookup answered 404 (unknown code or wrong secret: the same answer, so a
// guesser cannot tell them apart).
// With no attempt left, every request from that address except /healthz and /readyz
// is answered 429 with Retry-After, without being handled: a guesser is not
// told whether its next guess was right. Each failure is logged, and the
// first refusal of each window once, with the address and the path (never
// the query, which may carry a lookup secret, nor any header).
//
// One address may be a whole office behind a router; a window lasts only
// until one attempt comes back (60 / per_minute seconds), so colleagues who
// type their tokens right are held up that long at most.
//
// Memory: at most `max_addresses` buckets; full ones are dropped first, and
// when every tracked bucket is in use new addresses are not tracked (they
// are let through) rather than grow the table.
//
// Thread safety: every method may be called from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_AUTH_THROTTLE_H_
#define MOTCUA_ADAPTERS_HTTP_AUTH_THROTTLE_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "adapters/http/http_reply.h"
#include "adapters/runtime/request_log.h"
#include "engine/base/mutex.h"

namespace motcua::http {

struct AuthThrottleOptions {
  std::uint32_t burst = 10;
  std::uint32_t per_minute = 10;
  std::size_t max_addresses = 10000;
};

class AuthThrottle {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  // `log` must outlive the throttle.
  AuthThrottle(AuthThrottleOptions options, runtime::RequestLog& log);

  AuthThrottle(const AuthThrottle&) = delete;
  AuthThrottle& operator=(const AuthThrottle&) = delete;

  // Before a request from `address` for `target` is handled: nullopt to go
  // ahead, else the seconds to tell it to wait (answer TooManyAttempts).
  std::optional<std::chrono::seconds> Admit(const std::string& address, std::string_view target,
                                            TimePoint now) EXCLUDES(mutex_);
  // After it was answered with `status`: spends an attempt on a failure.
  void Record(const std::string& address, std::string_view target, unsigned status,
              TimePoint now) EXCLUDES(mutex_);

  static bool IsFailure(std::string_view target, unsigned status);

 private:
  struct Bucket {
    double attempts = 0;
    TimePoint updated;
    bool refusing = false;  // the refusal of this window has been logged
  };

  // On a bucket of buckets_, hence under its lock.
  void Refill(Bucket& bucket, TimePoint now) const REQUIRES(mutex_);
  std::chrono::seconds Wait(const Bucket& bucket) const REQUIRES(mutex_);

  const AuthThrottleOptions options_;
  runtime::RequestLog& log_;
  Mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_ GUARDED_BY(mutex_);
};

// 429 with Retry-After: `wait`, for a request refused by the throttle.
Response TooManyAttempts(std::chrono::seconds wait, const ReplyTo& to);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_AUTH_THROTTLE_H_
