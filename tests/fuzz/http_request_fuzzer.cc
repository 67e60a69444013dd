// Fuzz target: raw bytes as one HTTP/1.1 request, through Beast's parser
// with motcuad's limits, then the ApiHandler (route, authentication, access,
// body decoding, the engine and the reads) over a temporary SQLite store,
// exactly as HttpSession hands it over.
//
// Oracles: the handler answers exactly once, within a minute, with a valid
// status; bad input never gets a 5xx (503, shedding load, excepted); an
// error reply is a one-line JSON ErrorReply whose message quotes the request
// only through QuoteForMessage (no control character, at most 1024 bytes).
// Tokens of every role are accepted (the users below), so the seeds reach
// past authentication.
#include <google/protobuf/util/json_util.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <string>

#include "adapters/config/calendar_file.h"
#include "adapters/config/catalog_file.h"
#include "adapters/http/api_handler.h"
#include "adapters/api/body_codec.h"
#include "adapters/net/asio.h"
#include "engine/ports/clock.h"
#include "engine/ports/secret_source.h"
#include "motcua/v1/api.pb.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

class FixedSecrets final : public SecretSource {
 public:
  std::string NewLookupSecret() override {
    return "SECRET" + std::to_string(next_.fetch_add(1) % 100);
  }

 private:
  std::atomic<int> next_{0};
};

[[noreturn]] void Fail(const std::string& why) { fuzz::Fail("http_request_fuzzer", why); }

// Everything the handler needs, built once per process (the store grows as
// the fuzzer's commands are accepted, like a real server's).
struct Harness {
  Harness() {
    dir = fuzz::ScratchDir("http_request_fuzzer");
    const std::filesystem::path data = std::filesystem::path(MOTCUA_SOURCE_DIR) / "data";
    config::CatalogFiles files;
    files.catalog = data / "catalog" / "commune-procedures.json";
    auto catalog = config::LoadCatalog(files);
    if (!catalog.ok()) Fail(catalog.status().ToString());
    v1::CalendarConfig calendar_config;
    calendar_config.set_schedule_dir((data / "calendar").string());
    auto calendar = config::LoadCalendar(calendar_config);
    if (!calendar.ok()) Fail(calendar.status().ToString());
    const std::string db = (dir / "motcua.db").string();
    auto engine = runtime::EngineService::Open(
        runtime::EngineServiceOptions{.db_path = db, .max_pending = 1000, .max_batch = 64},
        engine::EngineOptions{.unit_code = "000.00.07.H06", .fee_wait_pauses_clock = false},
        *catalog, *calendar, clock, secrets);
    if (!engine.ok()) Fail(engine.status().ToString());
    engine_service = std::move(*engine);
    engine_service->Start();
    auto q = runtime::QueryService::Open(db, 1);
    if (!q.ok()) Fail(q.status().ToString());
    queries = std::move(*q);

    // The corpus sends these tokens ("Bearer reception", ...).
    auto authenticator =
        Authenticator::Build(::motcua::testing::MakeUsers({
                                 {"tiepnhan01", v1::ROLE_RECEPTION, "reception"},
                                 {"tuphap01", v1::ROLE_SPECIALIST, "specialist"},
                                 {"lanhdao01", v1::ROLE_LEADER, "leader"},
                                 {"thongke01", v1::ROLE_STATISTICS, "statistics"},
                                 {"quantri01", v1::ROLE_ADMIN, "admin"},
                             }),
                             "fuzz users");
    if (!authenticator.ok()) Fail(authenticator.status().ToString());
    letters::UnitInfo unit;
    unit.name = "UBND xã Ngọc Sơn";
    handler = std::make_unique<ApiHandler>(
        *engine_service, *queries, clock,
        ApiContext{.catalog = *catalog, .users = *authenticator, .unit = unit});
  }

  std::filesystem::path dir;
  ManualClock clock{FromUnixSeconds(1710468000)};  // 2024-03-15 09:00 in Vietnam
  FixedSecrets secrets;
  std::unique_ptr<runtime::EngineService> engine_service;
  std::unique_ptr<runtime::QueryService> queries;
  std::unique_ptr<ApiHandler> handler;
};

Harness& TheHarness() {
  static Harness* harness = new Harness();  // lives as long as the process
  return *harness;
}

}  // namespace
}  // namespace motcua::http

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace motcua;
  using namespace motcua::http;
  Harness& h = TheHarness();
  bhttp::request_parser<bhttp::string_body> parser;
  parser.body_limit(64 << 10);
  parser.header_limit(8 << 10);
  beast::error_code ec;
  std::size_t used = 0;
  while (!parser.is_done() && used < size) {
    const std::size_t n = parser.put(net::buffer(data + used, size - used), ec);
    if (ec == bhttp::error::need_more) break;
    if (ec || n == 0) return 0;
    used += n;
  }
  if (!parser.is_done()) {
    if (!parser.got_some()) return 0;  // as a session reading end of stream
    parser.put_eof(ec);
    if (ec || !parser.is_done()) return 0;
  }
  Request request = parser.release();
  const std::string target(request.target());

  auto promise = std::make_shared<std::promise<Response>>();
  auto answered = std::make_shared<std::atomic<int>>(0);
  auto future = promise->get_future();
  h.handler->Handle(std::move(request), [promise, answered](Response response) {
    if (answered->fetch_add(1) != 0) Fail("answered twice");
    promise->set_value(std::move(response));
  });
  if (future.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
    Fail("no answer within a minute to " + target);
  }
  const Response response = future.get();
  const unsigned status = response.result_int();
  if (status < 200 || status > 599) Fail("status " + std::to_string(status));
  if (status >= 500 && status != 503) {
    Fail("bad input got " + std::to_string(status) + ": " + target + " -> " + response.body());
  }
  if (status >= 400) {
    motcua::v1::ErrorReply error;
    if (!google::protobuf::util::JsonStringToMessage(response.body(), &error).ok() ||
        error.code().empty() || error.message().empty() ||
        error.message().find('\n') != std::string::npos) {
      Fail("error reply is not a one-line ErrorReply: " + response.body());
    }
    fuzz::ExpectQuotedMessage("http_request_fuzzer", error.message());
  }
  return 0;
}
