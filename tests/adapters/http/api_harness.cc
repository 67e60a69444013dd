#include "tests/adapters/http/api_harness.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>

#include "adapters/api/body_codec.h"
#include "motcua/v1/command.pb.h"

namespace motcua::http::testing {

ApiHarness::ApiHarness(ApiContext context, Instant now) : clock_(now) {
  auto engine = runtime::EngineService::Open(
      runtime::EngineServiceOptions{.db_path = db_, .max_pending = 100, .max_batch = 512},
      engine::EngineOptions{.unit_code = "000.00.07.H06", .fee_wait_pauses_clock = false},
      ::motcua::testing::ShippedCatalog(), ::motcua::testing::ShippedCalendar(), clock_,
      secrets_);
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  engine_ = std::move(*engine);
  engine_->Start();
  auto queries = runtime::QueryService::Open(db_, 2);
  EXPECT_TRUE(queries.ok()) << queries.status().ToString();
  queries_ = std::move(*queries);
  handler_ = std::make_unique<ApiHandler>(*engine_, *queries_, clock_, std::move(context));
}

ApiHarness::~ApiHarness() {
  handler_.reset();
  queries_.reset();
  if (engine_) engine_->Stop();
}

Response ApiHarness::Send(const Call& call) {
  Request req{call.method, call.target, 11};
  if (!call.body.empty()) req.set(bhttp::field::content_type, "application/json");
  if (!call.token.empty()) req.set(bhttp::field::authorization, "Bearer " + call.token);
  if (!call.idempotency_key.empty()) req.set("Idempotency-Key", call.idempotency_key);
  if (!call.cookie.empty()) req.set(bhttp::field::cookie, call.cookie);
  if (!call.csrf.empty()) req.set("X-CSRF-Token", call.csrf);
  if (!call.accept.empty()) req.set(bhttp::field::accept, call.accept);
  req.body() = call.body;
  req.prepare_payload();
  auto promise = std::make_shared<std::promise<Response>>();
  auto future = promise->get_future();
  handler_->Handle(std::move(req), [promise](Response res) { promise->set_value(std::move(res)); });
  EXPECT_EQ(future.wait_for(std::chrono::seconds(60)), std::future_status::ready);
  return future.get();
}

v1::CommandReply ApiHarness::Command(const std::string& name, const std::string& body,
                                     const std::string& token) {
  Response res =
      Send({.method = bhttp::verb::post, .target = "/v1/commands/" + name, .body = body,
            .token = token});
  EXPECT_EQ(res.result_int(), 200u) << name << ": " << res.body();
  v1::CommandReply reply;
  EXPECT_TRUE(api::DecodeBody(res.body(), api::BodyFormat::kJson, reply).ok()) << res.body();
  return reply;
}

}  // namespace motcua::http::testing
