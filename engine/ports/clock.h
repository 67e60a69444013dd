// Clock: the engine's only source of "now", so tests drive time by hand and a
// timer test never sleeps. Implementations must be safe to call from any thread.
#ifndef MOTCUA_ENGINE_PORTS_CLOCK_H_
#define MOTCUA_ENGINE_PORTS_CLOCK_H_

#include <atomic>

#include "engine/base/time.h"

namespace motcua {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

// A clock that only moves when told to; for tests and replays.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : now_(ToUnixSeconds(start)) {}
  Instant Now() const override { return FromUnixSeconds(now_.load()); }
  void Set(Instant t) { now_.store(ToUnixSeconds(t)); }
  void Advance(std::chrono::seconds d) { now_.fetch_add(d.count()); }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace motcua

#endif  // MOTCUA_ENGINE_PORTS_CLOCK_H_
