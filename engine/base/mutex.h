// Mutex, MutexLock and CondVar: std::mutex and std::condition_variable with
// Clang's thread-safety annotations (thread_annotations.h), so that
// GUARDED_BY(mutex_) and REQUIRES(mutex_) are checked under -Wthread-safety.
// libstdc++'s own types carry no annotations: a std::lock_guard on a
// std::mutex tells the analysis nothing.
//
//   mutable Mutex mutex_;
//   CondVar wake_;
//   bool due_ GUARDED_BY(mutex_) = false;
//
//   MutexLock lock(mutex_);
//   while (!due_) wake_.Wait(mutex_);   // a predicate loop, in the caller:
//                                       // the analysis sees the lock held
//
// Lambdas are analysed as functions of their own that hold no lock, which
// is why CondVar takes no predicate: the loop stays where the lock is.
//
// Thread safety: these are the synchronisation; every method may be called
// from any thread. Not copyable, not movable.
#ifndef MOTCUA_ENGINE_BASE_MUTEX_H_
#define MOTCUA_ENGINE_BASE_MUTEX_H_

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "engine/base/thread_annotations.h"

namespace motcua {

class CAPABILITY("mutex") Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ACQUIRE() { mutex_.lock(); }
  void Unlock() RELEASE() { mutex_.unlock(); }

 private:
  friend class CondVar;  // waits on the std::mutex underneath
  std::mutex mutex_;
};

// Holds `mutex` from construction to destruction.
class SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex& mutex) ACQUIRE(mutex) : mutex_(mutex) { mutex_.Lock(); }
  ~MutexLock() RELEASE() { mutex_.Unlock(); }

  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex& mutex_;
};

class CondVar {
 public:
  CondVar() = default;
  CondVar(const CondVar&) = delete;
  CondVar& operator=(const CondVar&) = delete;

  // Releases `mutex`, waits for a notification (or a spurious wake-up: wait
  // in a loop on the condition) and takes `mutex` again before returning.
  void Wait(Mutex& mutex) REQUIRES(mutex) {
    std::unique_lock<std::mutex> lock(mutex.mutex_, std::adopt_lock);
    cv_.wait(lock);
    lock.release();  // still held: the caller's MutexLock releases it
  }

  // As Wait(), but false once `deadline` has passed (the condition may
  // still have become true: test it again).
  bool WaitUntil(Mutex& mutex, std::chrono::steady_clock::time_point deadline) REQUIRES(mutex) {
    std::unique_lock<std::mutex> lock(mutex.mutex_, std::adopt_lock);
    const bool notified = cv_.wait_until(lock, deadline) == std::cv_status::no_timeout;
    lock.release();
    return notified;
  }

  void NotifyOne() { cv_.notify_one(); }
  void NotifyAll() { cv_.notify_all(); }

 private:
  std::condition_variable cv_;
};

}  // namespace motcua

#endif  // MOTCUA_ENGINE_BASE_MUTEX_H_
