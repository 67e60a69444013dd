// Every error class of the API against the real motcuad, over real HTTP:
// the right status, a JSON ErrorReply with the stable code and a Vietnamese
// message, and a store that is byte for byte what it was before.
#include <gmock/gmock.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "adapters/client/api_client.h"
#include "adapters/client/http_client.h"
#include "engine/base/proto_time.h"
#include "engine/base/time.h"
#include "motcua/v1/api.pb.h"
#include "tests/e2e/e2e_support.h"
#include "tests/support/fixtures.h"

namespace motcua::e2e {
namespace {

using ::testing::HasSubstr;

constexpr const char* kExpiredToken = "expired-officer-token";
constexpr const char* kRevokedToken = "revoked-officer-token";

class ApiErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The shipped users plus an expired and a revoked one.
    ::motcua::testing::WriteUsersFile(
        ::motcua::testing::MakeUsers(
            {{"hethan01", v1::ROLE_RECEPTION, kExpiredToken, FromUnixSeconds(1000000000)},  // 2001
             {"thuhoi01", v1::ROLE_RECEPTION, kRevokedToken, std::nullopt, /*revoked=*/true}},
            ::motcua::testing::ShippedUsers()),
        dir_.File("users.json"));

    WriteConfig(config_, db_, [&](v1::ServerConfig& c) {
      c.set_users_file(dir_.File("users.json"));
      c.mutable_limits()->set_max_body_bytes(8192);
      c.mutable_limits()->set_max_header_bytes(4096);
    });
    server_ = ServerProcess::Start(config_, log_);
    ASSERT_NE(server_, nullptr);
    auto url = client::ServerUrl::Parse(server_->url());
    ASSERT_TRUE(url.ok());
    http_ = std::make_unique<client::HttpClient>(*url, std::chrono::seconds(30));

    // Something to refer to: one received dossier.
    auto reply = Post("receive", kReception,
                      R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER",
                          "applicant": {"name": "Nguyễn Văn A", "phone": "0912345678"}})");
    ASSERT_EQ(reply.status, 200u) << reply.body;
    v1::CommandReply parsed;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(reply.body, &parsed).ok());
    code_ = parsed.dossier().code();
    appointment_ = FormatVietnamMinute(ToInstant(parsed.dossier().appointment_at()));
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->StopWith(SIGTERM), 0);
    }
  }

  client::HttpReply Send(bhttp::verb method, const std::string& target,
                       const std::string& token, const std::string& body,
                       std::vector<std::pair<std::string, std::string>> headers = {}) {
    client::HttpClient::Call call;
    call.method = method;
    call.target = target;
    call.body = body;
    call.headers = std::move(headers);
    if (!token.empty()) call.headers.emplace_back("Authorization", "Bearer " + token);
    auto sent = http_->Send(call);
    if (auto* reply = std::get_if<client::HttpReply>(&sent)) return *reply;
    ADD_FAILURE() << "no reply: " << std::get<client::TransportError>(sent).message;
    return {};
  }

  client::HttpReply Post(const std::string& command, const std::string& token,
                       const std::string& body,
                       std::vector<std::pair<std::string, std::string>> headers = {}) {
    bool typed = false;
    for (const auto& [name, value] : headers) typed = typed || name == "Content-Type";
    if (!typed) headers.emplace_back("Content-Type", "application/json");
    return Send(bhttp::verb::post, "/v1/commands/" + command, token, body, headers);
  }

  // The reply is the error `code` with HTTP `status`, and the store did not move.
  void ExpectRefused(const client::HttpReply& reply, unsigned status, const std::string& code,
                     const std::string& before) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.content_type, "application/json");
    v1::ErrorReply error;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(reply.body, &error).ok()) << reply.body;
    EXPECT_EQ(error.code(), code);
    EXPECT_FALSE(error.message().empty());
    EXPECT_EQ(error.message().find('\n'), std::string::npos);
    EXPECT_EQ(DumpStore(db_), before) << "an error changed the store";
  }

  ::motcua::testing::TempDir dir_;
  std::filesystem::path config_ = dir_.path() / "motcuad.json";
  std::string db_ = dir_.File("motcua.db");
  std::filesystem::path log_ = dir_.path() / "motcuad.log";
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<client::HttpClient> http_;
  std::string code_;
  std::string appointment_;  // Vietnam time, "YYYY-MM-DD HH:MM"
};

TEST_F(ApiErrorsTest, EveryErrorClassHasItsStatusAndCodeAndChangesNothing) {
  using V = bhttp::verb;
  const std::string before = DumpStore(db_);
  ASSERT_THAT(before, HasSubstr(code_));
  const std::string hand_over = R"({"dossier_code": ")" + code_ + R"(", "to_unit": "Tư pháp - Hộ tịch"})";

  // 400: malformed input.
  ExpectRefused(Post("hand-over", kReception, "{not json"), 400, "bad_request", before);
  ExpectRefused(Post("hand-over", kReception, R"({"dossier_code": "x", "colour": "red"})"), 400,
                "bad_request", before);
  ExpectRefused(Post("hand-over", kReception, hand_over, {{"Content-Type", "text/csv"}}), 400,
                "bad_request", before);
  ExpectRefused(Send(V::get, "/v1/dossiers?colour=red", kReception, ""), 400, "bad_request",
                before);
  ExpectRefused(Post("hand-over", kReception, hand_over, {{"Idempotency-Key", "has space"}}), 400,
                "bad_request", before);

  // 401: no, wrong, expired, revoked token.
  ExpectRefused(Post("hand-over", "", hand_over), 401, "unauthenticated", before);
  ExpectRefused(Post("hand-over", "guessed-token-1234", hand_over), 401, "unauthenticated", before);
  ExpectRefused(Post("hand-over", kExpiredToken, hand_over), 401, "unauthenticated", before);
  ExpectRefused(Post("hand-over", kRevokedToken, hand_over), 401, "unauthenticated", before);
  ExpectRefused(Send(V::get, "/v1/dossiers/" + code_, "", ""), 401, "unauthenticated", before);

  // 403: the role may not.
  ExpectRefused(
      Post(
          "receive", kStatistics,
          R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER", "applicant": {"name": "X"}})"),
      403, "permission_denied", before);
  ExpectRefused(Post("stop", kReception, R"({"dossier_code": ")" + code_ + R"(", "reason": "r"})"),
                403, "permission_denied", before);
  ExpectRefused(Send(V::get, "/v1/dossiers/" + code_ + "/receipt", kStatistics, ""), 403,
                "permission_denied", before);

  // 404: unknown dossier, command, path; a wrong lookup secret looks the same.
  ExpectRefused(Post("hand-over", kReception,
                     R"({"dossier_code": "000.00.07.H06-200101-0001", "to_unit": "T"})"),
                404, "not_found", before);
  ExpectRefused(Post("teleport", kReception, "{}"), 404, "not_found", before);
  ExpectRefused(Send(V::get, "/v2/anything", kReception, ""), 404, "not_found", before);
  const client::HttpReply unknown_code =
      Send(V::get, "/v1/lookup/000.00.07.H06-200101-0001?secret=ABCDEFGH", "", "");
  const client::HttpReply wrong_secret =
      Send(V::get, "/v1/lookup/" + code_ + "?secret=ABCDEFGH", "", "");
  ExpectRefused(unknown_code, 404, "not_found", before);
  ExpectRefused(wrong_secret, 404, "not_found", before);

  // 405: a path with another method.
  const client::HttpReply wrong_method = Send(V::delete_, "/v1/dossiers/" + code_, kReception, "");
  ExpectRefused(wrong_method, 405, "bad_request", before);
  EXPECT_EQ(wrong_method.Header("Allow").value_or(""), "GET");

  // 409: the state forbids it.
  ExpectRefused(Post("return-result", kReception,
                     R"({"dossier_code": ")" + code_ + R"(", "method": "RETURN_METHOD_COUNTER"})"),
                409, "illegal_transition", before);

  // 413 over the body limit, 431 over the header limit.
  ExpectRefused(Post("hand-over", kReception, std::string(9000, ' ')), 413, "too_large", before);
  ExpectRefused(Post("hand-over", kReception, hand_over, {{"X-Padding", std::string(5000, 'p')}}),
                431, "too_large", before);

  // 422: well-formed but invalid.
  ExpectRefused(Post("receive", kReception,
                     R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER"})"),
                422, "invalid_argument", before);
  ExpectRefused(Send(V::get, "/v1/dossiers?status=42", kReception, ""), 422, "invalid_argument",
                before);
  // An empty reception names the fields it lacks (not "no such procedure").
  const client::HttpReply empty = Post("receive", kReception, "{}");
  ExpectRefused(empty, 422, "invalid_argument", before);
  EXPECT_THAT(empty.body, HasSubstr("thiếu trường procedure_code (mã thủ tục)"));
}

TEST_F(ApiErrorsTest, OnceOnlyActionsAndReusedKeysAreConflicts) {
  // New appointments a few working hours after the current one, in UTC.
  auto later = [&](int hours) {
    auto t = ParseVietnamMinute(AddWorkingHours(appointment_, hours));
    EXPECT_TRUE(t.ok());
    return cal::format("%FT%TZ", cal::floor<std::chrono::seconds>(t.ok() ? *t : Instant{}));
  };
  auto apologize = [&](const std::string& when, const std::string& key) {
    return Post("apologize", kSpecialist,
                R"({"dossier_code": ")" + code_ + R"(", "reason": "Cần xác minh",
                    "new_appointment_at": ")" +
                    when + R"("})",
                {{"Idempotency-Key", key}});
  };
  ASSERT_EQ(apologize(later(2), "apology-1").status, 200u);
  const std::string before = DumpStore(db_);
  // A second apology: already done.
  ExpectRefused(apologize(later(3), "apology-2"), 409, "already_exists", before);
  // The first key with another body: a conflict, not a replay.
  ExpectRefused(apologize(later(4), "apology-1"), 409, "conflict", before);
  // The first key with the same body: the stored reply, nothing written.
  client::HttpReply replay = apologize(later(2), "apology-1");
  EXPECT_EQ(replay.status, 200u);
  EXPECT_EQ(replay.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(DumpStore(db_), before);
}

TEST_F(ApiErrorsTest, ARetriedReceiveWithTheSameKeyCreatesOneDossier) {
  const std::string body = R"({"procedure_code": "2.001016", "channel": "CHANNEL_COUNTER",
                               "applicant": {"name": "Trần Văn B"}})";
  client::HttpReply first = Post("receive", kReception, body, {{"Idempotency-Key", "double-click"}});
  ASSERT_EQ(first.status, 200u) << first.body;
  const std::string after_first = DumpStore(db_);
  const long long events = CountEvents(db_);

  client::HttpReply second = Post("receive", kReception, body, {{"Idempotency-Key", "double-click"}});
  EXPECT_EQ(second.status, 200u);
  EXPECT_EQ(second.body, first.body);  // the same dossier, the same lookup secret
  EXPECT_EQ(second.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(DumpStore(db_), after_first);

  // The same request as binary protobuf is the same request.
  v1::Receive receive;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(body, &receive).ok());
  auto url = client::ServerUrl::Parse(server_->url());
  client::ApiClient client(*url, kReception);
  auto third = client.Command("receive", receive, "double-click");
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_TRUE(client.replayed());
  v1::CommandReply first_reply;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(first.body, &first_reply).ok());
  EXPECT_EQ(third->dossier().code(), first_reply.dossier().code());
  EXPECT_EQ(CountEvents(db_), events);

  // Keys belong to the officer: another officer's identical key is theirs.
  client::HttpReply other = Post("hand-over", kSpecialist,
                               R"({"dossier_code": ")" + code_ + R"(", "to_unit": "Tư pháp - Hộ tịch"})",
                               {{"Idempotency-Key", "double-click"}});
  EXPECT_EQ(other.status, 200u) << other.body;
  EXPECT_EQ(CountEvents(db_), events + 1);
}

}  // namespace
}  // namespace motcua::e2e
