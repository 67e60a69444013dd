// Load: many desk clients (one thread and one ApiClient each) sending
// commands to a motcuad that may be killed and restarted under them, for the
// reliability tests. Each client receives dossiers and hands some of its own
// over, every command with a fresh Idempotency-Key. A command is
// *acknowledged* when the server answered 200; one whose connection failed
// (the server died under it) is *unresolved*: it may or may not have been
// committed, and its client stops until Resume() points it at the next
// server. Refusals (any other error reply) are counted and kept for the
// test's messages.
//
// Thread safety: the control methods (Resume, Pause, Take*) are called from
// the test's thread; the counters may be read from any thread.
#ifndef MOTCUA_TESTS_RELIABILITY_LOAD_H_
#define MOTCUA_TESTS_RELIABILITY_LOAD_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "motcua/v1/api.pb.h"
#include "motcua/v1/command.pb.h"

namespace motcua::reliability {

// One command as sent: the endpoint name and exactly one of the bodies.
struct SentCommand {
  std::string name;  // "receive" or "hand-over"
  v1::Receive receive;
  v1::HandOver hand_over;
  std::string idempotency_key;
};

struct AckedCommand {
  SentCommand command;
  v1::CommandReply reply;
};

class Load {
 public:
  struct Options {
    int clients = 16;
    std::string token;  // reception
    // One command in this many is a hand-over of a dossier the client
    // received earlier (0: receipts only).
    int hand_over_every = 3;
  };

  explicit Load(Options options);
  ~Load();  // stops and joins the clients
  Load(const Load&) = delete;
  Load& operator=(const Load&) = delete;

  // Points every client at `url` ("http://127.0.0.1:PORT") and lets them send.
  void Resume(const std::string& url);
  // Stops every client from starting another command and waits until none
  // has one in flight (a call to a killed server fails at once).
  void Pause();

  // Acknowledged and unresolved commands since the last call.
  std::vector<AckedCommand> TakeAcked();
  std::vector<SentCommand> TakeUnresolved();
  // The refusals' messages since the last call.
  std::vector<std::string> TakeRefusals();

  std::uint64_t acked() const { return acked_count_.load(); }
  int in_flight() const { return in_flight_.load(); }

  // A receipt body with a unique applicant (client, n).
  static v1::Receive SampleReceive(int client, int n);

 private:
  void Client(int index);

  const Options options_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string url_;             // GUARDED_BY(mutex_)
  std::uint64_t generation_ = 0;  // GUARDED_BY(mutex_): bumped by Resume
  bool running_ = false;        // GUARDED_BY(mutex_)
  bool stopping_ = false;       // GUARDED_BY(mutex_)
  std::vector<AckedCommand> acked_;        // GUARDED_BY(mutex_)
  std::vector<SentCommand> unresolved_;    // GUARDED_BY(mutex_)
  std::vector<std::string> refusals_;      // GUARDED_BY(mutex_)
  std::atomic<std::uint64_t> acked_count_{0};
  std::atomic<int> in_flight_{0};
  std::vector<std::thread> threads_;
};

}  // namespace motcua::reliability

#endif  // MOTCUA_TESTS_RELIABILITY_LOAD_H_
