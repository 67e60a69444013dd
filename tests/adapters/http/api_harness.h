// A real server minus the sockets, for the tests of the API's endpoints: an
// engine service on a SQLite file in a fresh folder, its pool of read-only
// connections, and an ApiHandler over both on a manual clock. Requests go
// through ApiHandler::Handle exactly as a connection hands them over.
#ifndef MOTCUA_TESTS_ADAPTERS_HTTP_API_HARNESS_H_
#define MOTCUA_TESTS_ADAPTERS_HTTP_API_HARNESS_H_

#include <filesystem>
#include <memory>
#include <string>

#include "adapters/http/api_handler.h"
#include "engine/ports/clock.h"
#include "motcua/v1/command.pb.h"
#include "tests/support/fixtures.h"

namespace motcua::http::testing {

class ApiHarness {
 public:
  // `context` as motcuad would build it (catalog and users at least); the
  // clock starts at `now`.
  ApiHarness(ApiContext context, Instant now);
  ~ApiHarness();
  ApiHarness(const ApiHarness&) = delete;
  ApiHarness& operator=(const ApiHarness&) = delete;

  struct Call {
    bhttp::verb method = bhttp::verb::get;
    std::string target = {};
    std::string body = {};     // JSON
    std::string token = {};    // bearer
    std::string idempotency_key = {};
    std::string cookie = {};   // the Cookie header, as a browser sends it
    std::string csrf = {};     // X-CSRF-Token
    std::string accept = {};   // the Accept header
  };
  Response Send(const Call& call);
  // A GET with `token`.
  Response Get(const std::string& target, const std::string& token) {
    return Send({.target = target, .token = token});
  }
  // POST /v1/commands/{name}; the reply. Fails the test (and returns an
  // empty reply) unless the command succeeds.
  v1::CommandReply Command(const std::string& name, const std::string& body,
                           const std::string& token);
  // The same; the dossier code the reply names.
  std::string Run(const std::string& name, const std::string& body, const std::string& token) {
    return Command(name, body, token).dossier().code();
  }

  ManualClock& clock() { return clock_; }
  const std::string& db_path() const { return db_; }
  // A folder of the harness's own for the test's files, removed with it.
  const std::filesystem::path& dir() const { return dir_.path(); }
  runtime::QueryService& queries() { return *queries_; }

 private:
  ::motcua::testing::TempDir dir_;
  std::string db_ = dir_.File("motcua.db");
  ManualClock clock_;
  ::motcua::testing::CountingSecrets secrets_;
  std::unique_ptr<runtime::EngineService> engine_;
  std::unique_ptr<runtime::QueryService> queries_;
  std::unique_ptr<ApiHandler> handler_;
};

}  // namespace motcua::http::testing

#endif  // MOTCUA_TESTS_ADAPTERS_HTTP_API_HARNESS_H_
