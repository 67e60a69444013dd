#include "adapters/http/auth_throttle.h"

#include <algorithm>
#include <cmath>

#include "engine/base/quote.h"

namespace motcua::http {

namespace {

std::string_view PathOf(std::string_view target) { return target.substr(0, target.find('?')); }

// The path for a log line, quoted: at most 100 bytes (a hostile target
// could carry terminal controls, or bytes that are not UTF-8).
std::string LoggedPath(std::string_view target) { return QuoteForMessage(PathOf(target), 100); }

AuthThrottleOptions Sanitized(AuthThrottleOptions options) {
  options.burst = std::max<std::uint32_t>(options.burst, 1);
  options.per_minute = std::max<std::uint32_t>(options.per_minute, 1);
  return options;
}

}  // namespace

AuthThrottle::AuthThrottle(AuthThrottleOptions options, runtime::RequestLog& log)
    : options_(Sanitized(options)), log_(log) {}

bool AuthThrottle::IsFailure(std::string_view target, unsigned status) {
  if (status == 401) return true;
  return status == 404 && PathOf(target).rfind("/v1/lookup/", 0) == 0;
}

void AuthThrottle::Refill(Bucket& bucket, TimePoint now) const {
  const double seconds = std::chrono::duration<double>(now - bucket.updated).count();
  if (seconds > 0) {
    bucket.attempts = std::min<double>(options_.burst,
                                       bucket.attempts + seconds * options_.per_minute / 60.0);
    bucket.updated = now;
  }
  if (bucket.attempts >= 1) bucket.refusing = false;
}

std::chrono::seconds AuthThrottle::Wait(const Bucket& bucket) const {
  const double missing = 1.0 - bucket.attempts;
  return std::chrono::seconds(
      std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(missing * 60.0 /
                                                                     options_.per_minute))));
}

std::optional<std::chrono::seconds> AuthThrottle::Admit(const std::string& address,
                                                        std::string_view target, TimePoint now) {
  if (PathOf(target) == "/healthz" || PathOf(target) == "/readyz") return std::nullopt;
  MutexLock lock(mutex_);
  auto it = buckets_.find(address);
  if (it == buckets_.end()) return std::nullopt;
  Bucket& bucket = it->second;
  Refill(bucket, now);
  if (bucket.attempts >= 1) return std::nullopt;
  const std::chrono::seconds wait = Wait(bucket);
  if (!bucket.refusing) {
    bucket.refusing = true;
    log_.Warning("auth: too many failed authentications from " + address +
              "; refusing its requests with 429 for " + std::to_string(wait.count()) + "s");
  }
  return wait;
}

void AuthThrottle::Record(const std::string& address, std::string_view target, unsigned status,
                          TimePoint now) {
  if (!IsFailure(target, status)) return;
  MutexLock lock(mutex_);
  auto it = buckets_.find(address);
  if (it == buckets_.end()) {
    if (buckets_.size() >= options_.max_addresses) {
      for (auto& [address_key, bucket] : buckets_) Refill(bucket, now);
      std::erase_if(buckets_,
                    [&](const auto& entry) { return entry.second.attempts >= options_.burst; });
      if (buckets_.size() >= options_.max_addresses) return;  // see the header: not tracked
    }
    it = buckets_.emplace(address, Bucket{static_cast<double>(options_.burst), now, false}).first;
  }
  Refill(it->second, now);
  it->second.attempts = std::max(0.0, it->second.attempts - 1);
  // At most `burst` lines, then `per_minute` a minute, per address: beyond,
  // its requests are refused before they can fail.
  log_.Warning("auth: failed authentication from " + address + " (" + std::to_string(status) + " " +
            LoggedPath(target) + ")");
}

Response TooManyAttempts(std::chrono::seconds wait, const ReplyTo& to) {
  Response res = ErrorResponse(
      Status(Error::kOverloaded, "quá nhiều lần xác thực sai từ địa chỉ này; hãy thử lại sau " +
                                     std::to_string(wait.count()) + " giây"),
      to);
  res.result(bhttp::status::too_many_requests);
  res.set(bhttp::field::retry_after, std::to_string(wait.count()));
  return res;
}

}  // namespace motcua::http
