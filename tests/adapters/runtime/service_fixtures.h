// What the runtime's tests build the engine thread from: the service on a
// SQLite file with the shipped catalog and calendar (unit 000.00.07.H06),
// and a reception at the counter.
#ifndef MOTCUA_TESTS_ADAPTERS_RUNTIME_SERVICE_FIXTURES_H_
#define MOTCUA_TESTS_ADAPTERS_RUNTIME_SERVICE_FIXTURES_H_

#include <memory>
#include <string>

#include "adapters/api/idempotency.h"
#include "adapters/runtime/engine_service.h"
#include "tests/support/fixtures.h"

namespace motcua::runtime {

inline constexpr const char* kTestUnit = "000.00.07.H06";

// The service of `options` (its db_path set), not started.
inline Result<std::unique_ptr<EngineService>> OpenTestService(EngineServiceOptions options,
                                                              Clock& clock, SecretSource& secrets) {
  return EngineService::Open(
      std::move(options),
      engine::EngineOptions{.unit_code = kTestUnit, .fee_wait_pauses_clock = false},
      ::motcua::testing::ShippedCatalog(), ::motcua::testing::ShippedCalendar(), clock, secrets);
}

// Procedure 1.004873 received at the counter for `applicant`; with `key`, an
// Idempotency-Key and its request's fingerprint.
inline CommandRequest Receive(const std::string& applicant, const std::string& key = "") {
  CommandRequest r;
  r.command.set_actor("tiepnhan01");
  v1::Receive* body = r.command.mutable_receive();
  body->set_procedure_code("1.004873");
  body->set_channel(v1::CHANNEL_COUNTER);
  body->mutable_applicant()->set_name(applicant);
  r.idempotency_key = key;
  if (!key.empty()) r.fingerprint = api::RequestFingerprint(r.command);
  return r;
}

}  // namespace motcua::runtime

#endif  // MOTCUA_TESTS_ADAPTERS_RUNTIME_SERVICE_FIXTURES_H_
