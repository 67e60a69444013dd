#include "tests/e2e/alert_fixture.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <signal.h>

#include "adapters/client/api_client.h"
#include "adapters/api/body_codec.h"
#include "engine/base/proto_time.h"
#include "engine/base/time.h"

namespace motcua::e2e {

namespace {

// One call to the running server, as binary protobuf.
template <class M>
M Call(const std::string& server, const std::string& token, bhttp::verb method,
       const std::string& target, const google::protobuf::Message* body) {
  auto url = client::ServerUrl::Parse(server);
  EXPECT_TRUE(url.ok());
  client::ApiClient client(*url, token);
  client::HttpClient::Call call;
  call.method = method;
  call.target = target;
  call.headers = {{"Accept", std::string(api::kProtobufType)}};
  if (body != nullptr) {
    call.headers.emplace_back("Content-Type", std::string(api::kProtobufType));
    call.body = body->SerializeAsString();
  }
  auto reply = client.Fetch(call, /*may_retry=*/false);
  M message;
  if (!reply.ok()) {
    ADD_FAILURE() << target << ": " << reply.status().ToString();
    return message;
  }
  EXPECT_TRUE(message.ParseFromString(reply->body)) << target;
  return message;
}

}  // namespace

void AlertE2eTest::Start(const std::string& vietnam_time,
                         const std::function<void(v1::ServerConfig&)>& edit) {
  WriteConfig(config_, db_, [&](v1::ServerConfig& c) {
    // The dossier's own alerts are these tests' subject; the step alerts of
    // the internal processes have their own (steps_test.cc).
    if (!with_internal_processes_) c.clear_internal_process_file();
    if (edit) edit(c);
  });
  Restart(vietnam_time);
}

void AlertE2eTest::Restart(const std::string& vietnam_time) {
  server_ = ServerProcess::Start(config_, log_, {"--test-clock", vietnam_time});
  ASSERT_NE(server_, nullptr);
}

void AlertE2eTest::Kill() {
  ASSERT_NE(server_, nullptr);
  EXPECT_EQ(server_->StopWith(SIGKILL), -1000 - SIGKILL);
  server_.reset();
}

int AlertE2eTest::SetClock(const std::string& vietnam_time) {
  v1::SetTestClock body;
  body.set_vietnam_time(vietnam_time);
  auto reply = Call<v1::TestClockReply>(server_->url(), kAdmin, bhttp::verb::post,
                                        "/v1/test/clock", &body);
  EXPECT_EQ(FormatVietnamMinute(ToInstant(reply.now())), vietnam_time);
  return static_cast<int>(reply.alerts_raised());
}

std::vector<v1::Alert> AlertE2eTest::AllAlerts() {
  auto list = Call<v1::AlertList>(server_->url(), kLeader, bhttp::verb::get,
                                  "/v1/alerts?limit=1000", nullptr);
  return {list.alerts().begin(), list.alerts().end()};
}

ProcessResult AlertE2eTest::Run(const std::string& token, const std::vector<std::string>& args) {
  return Motcua(server_->url(), token, args);
}

std::string AlertE2eTest::Ok(const std::string& token, const std::vector<std::string>& args) {
  ProcessResult r = Run(token, args);
  EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
  return r.out;
}

std::string AlertE2eTest::Receive(const std::string& applicant, const std::string& appointment,
                                  const std::string& procedure) {
  const std::string out =
      Ok(kReception, {"receive", "--procedure", procedure, "--applicant", applicant, "--phone",
                      "0912345678", "--channel", "counter", "--documents", "Tờ khai,CCCD"});
  EXPECT_EQ(Field(out, "Hẹn trả"), appointment) << out;
  return Field(out, "Mã hồ sơ");
}

void AlertE2eTest::Finish(const std::string& code) {
  Ok(kReception, {"hand-over", code, "--to-unit", "Tư pháp - Hộ tịch", "--to-user", "tuphap01"});
  const std::string out = Ok(kSpecialist, {"result-ready", code, "--kind", "electronic"});
  EXPECT_EQ(Field(out, "Trạng thái"), "Đã xử lý xong (9)") << out;
}

std::pair<double, double> AlertE2eTest::ResolvedOnTime(const std::string& from,
                                                       const std::string& to) {
  ProcessResult r = Run(kStatistics, {"stats", "--from", from, "--to", to, "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  google::protobuf::Struct parsed;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &parsed).ok()) << r.out;
  if (!parsed.fields().count("resolved_on_time")) return {-1, -1};
  const auto& rate = parsed.fields().at("resolved_on_time").struct_value().fields();
  return {rate.at("num").number_value(), rate.at("den").number_value()};
}

std::string Describe(const v1::Alert& alert) {
  std::string kind = alert.kind() == v1::ALERT_KIND_APOLOGY_DUE ? "APOLOGY_DUE"
                     : alert.kind() == v1::ALERT_KIND_OVERDUE   ? "OVERDUE"
                     : alert.kind() == v1::ALERT_KIND_STEP_DUE
                         ? "STEP_DUE " + std::to_string(alert.step())
                     : alert.kind() == v1::ALERT_KIND_INTAKE_LATE ? "INTAKE_LATE"
                                                                  : "?";
  return kind + " " + alert.dossier_code() + " " + FormatVietnamMinute(ToInstant(alert.moment())) +
         (alert.late_fired() ? " late" : "");
}

std::vector<std::string> Describe(const std::vector<v1::Alert>& alerts) {
  std::vector<std::string> out;
  for (const v1::Alert& a : alerts) out.push_back(Describe(a));
  return out;
}

}  // namespace motcua::e2e
