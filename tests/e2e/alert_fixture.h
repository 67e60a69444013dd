// AlertE2eTest: the fixture of the deadline-alert tests. The real
// motcuad runs on loopback with a temporary SQLite file and a hand-driven
// clock (--test-clock); the test moves the clock with POST /v1/test/clock,
// which evaluates the deadline watch before it answers, so no test sleeps
// for a deadline. Desk steps go through the real motcua binary.
#ifndef MOTCUA_TESTS_E2E_ALERT_FIXTURE_H_
#define MOTCUA_TESTS_E2E_ALERT_FIXTURE_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "motcua/v1/alerts.pb.h"
#include "motcua/v1/config.pb.h"
#include "tests/e2e/e2e_support.h"
#include "tests/support/fixtures.h"

namespace motcua::e2e {

class AlertE2eTest : public ::testing::Test {
 protected:
  // Writes the configuration (the shipped one, edited by `edit`) and starts
  // motcuad with its clock at `vietnam_time` ("YYYY-MM-DD HH:MM").
  void Start(const std::string& vietnam_time,
             const std::function<void(v1::ServerConfig&)>& edit = {});
  // Starts motcuad again on the same configuration and database.
  void Restart(const std::string& vietnam_time);
  // SIGKILL: nothing of the server's shutdown runs.
  void Kill();

  // Moves the clock; returns the number of alerts the move raised.
  int SetClock(const std::string& vietnam_time);
  // Every alert in the log, in order (GET /v1/alerts).
  std::vector<v1::Alert> AllAlerts();

  // Runs the real motcua; Ok() expects exit 0 and returns stdout.
  ProcessResult Run(const std::string& token, const std::vector<std::string>& args);
  std::string Ok(const std::string& token, const std::vector<std::string>& args);
  // `motcua receive` at the counter; returns the dossier code. `appointment`
  // is the "Hẹn trả" the receipt must show.
  std::string Receive(const std::string& applicant, const std::string& appointment,
                      const std::string& procedure = "1.004873");
  // Hands the dossier to a specialist, who reports the result ready.
  void Finish(const std::string& code);
  // resolved_on_time of the period (YYYY-MM-DD, both included) as
  // {num, den}, from `motcua stats --format json`.
  std::pair<double, double> ResolvedOnTime(const std::string& from, const std::string& to);

  ::motcua::testing::TempDir dir_;
  // Start() drops the shipped internal processes unless a test wants them.
  bool with_internal_processes_ = false;
  std::filesystem::path config_ = dir_.path() / "motcuad.json";
  std::string db_ = dir_.File("motcua.db");
  std::filesystem::path log_ = dir_.path() / "motcuad.log";
  std::unique_ptr<ServerProcess> server_;
};

// "APOLOGY_DUE <code> <moment>" / "OVERDUE <code> <moment>" /
// "STEP_DUE <step> <code> <moment>" (moment in Vietnam time), with " late"
// when late-fired: what a test compares.
std::string Describe(const v1::Alert& alert);
std::vector<std::string> Describe(const std::vector<v1::Alert>& alerts);

}  // namespace motcua::e2e

#endif  // MOTCUA_TESTS_E2E_ALERT_FIXTURE_H_
