#include "adapters/runtime/alert_hub.h"

#include <algorithm>
#include <utility>

namespace motcua::runtime {

bool AlertHub::Subscribe(std::weak_ptr<AlertSubscriber> subscriber) {
  MutexLock lock(mutex_);
  if (closed_) return false;
  subscribers_.push_back(std::move(subscriber));
  return true;
}

std::vector<std::shared_ptr<AlertSubscriber>> AlertHub::Live() {
  std::vector<std::shared_ptr<AlertSubscriber>> live;
  MutexLock lock(mutex_);
  std::erase_if(subscribers_, [&](const std::weak_ptr<AlertSubscriber>& weak) {
    auto strong = weak.lock();
    if (!strong) return true;
    live.push_back(std::move(strong));
    return false;
  });
  return live;
}

void AlertHub::Publish(const v1::Alert& alert) {
  {
    MutexLock lock(mutex_);
    ++published_;
  }
  // Called outside the lock: a subscriber that subscribes or ends from its
  // callback cannot deadlock the hub.
  for (const auto& s : Live()) s->OnAlert(alert);
}

void AlertHub::Close() {
  {
    MutexLock lock(mutex_);
    closed_ = true;
  }
  for (const auto& s : Live()) s->OnClose();
  MutexLock lock(mutex_);
  subscribers_.clear();
}

std::size_t AlertHub::subscribers() { return Live().size(); }

std::size_t AlertHub::published() {
  MutexLock lock(mutex_);
  return published_;
}

}  // namespace motcua::runtime
