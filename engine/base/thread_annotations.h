// Clang's thread-safety annotations (-Wthread-safety), so that "this member
// is guarded by that mutex" and "call this with the lock held" are checked
// by the compiler rather than said in comments. Under GCC, which has no such
// analysis, every macro expands to nothing.
//
//   mutable Mutex mutex_;
//   int hits_ GUARDED_BY(mutex_) = 0;
//   void Bump() EXCLUDES(mutex_);          // takes the lock itself
//   void BumpLocked() REQUIRES(mutex_);    // the caller holds it
//
// The annotations need an annotated lock type: libstdc++'s std::mutex and
// std::lock_guard carry none, so the analysis would see nothing. Use Mutex
// and MutexLock from engine/base/mutex.h. The clang preset
// (CMakePresets.json, ./dev.sh clang) builds with -Wthread-safety -Werror.
//
// Macros only, no state: usable from any thread.
#ifndef MOTCUA_ENGINE_BASE_THREAD_ANNOTATIONS_H_
#define MOTCUA_ENGINE_BASE_THREAD_ANNOTATIONS_H_

#if defined(__clang__)
#define MOTCUA_THREAD_ANNOTATION_(x) __attribute__((x))
#else
#define MOTCUA_THREAD_ANNOTATION_(x)
#endif

// A class whose objects are locks (the string names the kind in messages).
#define CAPABILITY(x) MOTCUA_THREAD_ANNOTATION_(capability(x))
// An RAII class that holds a capability for its lifetime.
#define SCOPED_CAPABILITY MOTCUA_THREAD_ANNOTATION_(scoped_lockable)
// A member read or written only with `x` held.
#define GUARDED_BY(x) MOTCUA_THREAD_ANNOTATION_(guarded_by(x))
// A pointer member whose pointee is read or written only with `x` held.
#define PT_GUARDED_BY(x) MOTCUA_THREAD_ANNOTATION_(pt_guarded_by(x))
// A function called with the capabilities held (and still held on return).
#define REQUIRES(...) MOTCUA_THREAD_ANNOTATION_(requires_capability(__VA_ARGS__))
// A function that must not be called with them held (it takes them itself).
#define EXCLUDES(...) MOTCUA_THREAD_ANNOTATION_(locks_excluded(__VA_ARGS__))
// A function that takes, or gives up, the capabilities (none: `this`).
#define ACQUIRE(...) MOTCUA_THREAD_ANNOTATION_(acquire_capability(__VA_ARGS__))
#define RELEASE(...) MOTCUA_THREAD_ANNOTATION_(release_capability(__VA_ARGS__))
// A function that tells the analysis a capability is held (checked at run
// time instead).
#define ASSERT_CAPABILITY(x) MOTCUA_THREAD_ANNOTATION_(assert_capability(x))
// Opts a function out of the analysis; say in a comment why it is safe.
#define NO_THREAD_SAFETY_ANALYSIS MOTCUA_THREAD_ANNOTATION_(no_thread_safety_analysis)

#endif  // MOTCUA_ENGINE_BASE_THREAD_ANNOTATIONS_H_
