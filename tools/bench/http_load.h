// HttpLoad: N desk clients driving motcuad over loopback, each on its own
// kept-alive connection, each sending its next command as soon as the
// previous one is acknowledged (a closed loop, as an officer's desk works).
// Every client plays whole lifecycles: receive, hand over to the specialist,
// hand over to the leader, result ready, return, each command as the desk
// client sends it (binary protobuf, bearer token, Idempotency-Key).
//
// All clients run on one thread with asynchronous I/O, so the load costs as
// little CPU as possible beside the server on the same machine. Not
// thread-safe; RunLoad blocks until the run is over.
#ifndef MOTCUA_TOOLS_BENCH_HTTP_LOAD_H_
#define MOTCUA_TOOLS_BENCH_HTTP_LOAD_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "engine/base/status.h"

namespace motcua::bench {

struct LoadOptions {
  std::string host = "127.0.0.1";
  std::string port;
  int clients = 64;
  // Commands completed during the warm-up are not counted.
  std::chrono::milliseconds warmup{1000};
  std::chrono::milliseconds measure{4000};
  std::string reception_token;
  std::string specialist_token;
  std::string leader_token;
  // Receivable procedures, cycled through, with whom their first handover
  // goes to (workload::SpecialistOf).
  struct Procedure {
    std::string code;
    std::string unit;
    std::string user;
  };
  std::vector<Procedure> procedures;
};

struct LoadResult {
  std::size_t commands = 0;       // acknowledged (200 OK) inside the measured window
  double seconds = 0;             // the window
  std::vector<double> latencies;  // seconds, request sent -> reply read, of those
  std::size_t all_commands = 0;   // acknowledged during the warm-up and the window
  std::size_t errors = 0;         // non-200 replies and broken connections
  std::string first_error;
};

Result<LoadResult> RunLoad(const LoadOptions& options);

}  // namespace motcua::bench

#endif  // MOTCUA_TOOLS_BENCH_HTTP_LOAD_H_
