// AlertHub: where released alerts meet their live subscribers (the event
// streams of alert_stream_session.h). The deadline watch publishes each
// alert once, when it is released (AlertRaised.deliver_at has come); every
// subscriber then gets it. The hub keeps no history: a subscriber that was
// not there reads it back from the `alerts` table (Last-Event-ID).
//
// Subscribers are held weakly: a session that is gone is dropped at the
// next publish. Close() (shutdown) tells every subscriber to end and
// refuses new ones.
//
// Thread safety: every method may be called from any thread. Subscriber
// callbacks are called on the publishing thread, outside the hub's lock,
// and must only post to the subscriber's own strand.
#ifndef MOTCUA_ADAPTERS_RUNTIME_ALERT_HUB_H_
#define MOTCUA_ADAPTERS_RUNTIME_ALERT_HUB_H_

#include <cstddef>
#include <memory>
#include <vector>

#include "engine/base/mutex.h"
#include "motcua/v1/alerts.pb.h"

namespace motcua::runtime {

class AlertSubscriber {
 public:
  virtual ~AlertSubscriber() = default;
  virtual void OnAlert(const v1::Alert& alert) = 0;
  // The server is shutting down: end the stream.
  virtual void OnClose() = 0;
};

class AlertHub {
 public:
  AlertHub() = default;
  AlertHub(const AlertHub&) = delete;
  AlertHub& operator=(const AlertHub&) = delete;

  // False once the hub is closed (the subscriber is not added).
  bool Subscribe(std::weak_ptr<AlertSubscriber> subscriber) EXCLUDES(mutex_);
  void Publish(const v1::Alert& alert) EXCLUDES(mutex_);
  void Close() EXCLUDES(mutex_);

  // Live subscribers (those whose session still exists).
  std::size_t subscribers() EXCLUDES(mutex_);
  // Alerts published since start.
  std::size_t published() EXCLUDES(mutex_);

 private:
  // The live subscribers, dropping the dead ones.
  std::vector<std::shared_ptr<AlertSubscriber>> Live() EXCLUDES(mutex_);

  Mutex mutex_;
  std::vector<std::weak_ptr<AlertSubscriber>> subscribers_ GUARDED_BY(mutex_);
  std::size_t published_ GUARDED_BY(mutex_) = 0;
  bool closed_ GUARDED_BY(mutex_) = false;
};

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_ALERT_HUB_H_
