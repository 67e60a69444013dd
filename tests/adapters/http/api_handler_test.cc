#include "adapters/http/api_handler.h"

#include <google/protobuf/util/json_util.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <set>

#include "adapters/api/body_codec.h"
#include "adapters/runtime/system_ports.h"
#include "adapters/letters/wording.h"
#include "adapters/text/utf8.h"
#include "engine/base/proto_time.h"
#include "motcua/v1/api.pb.h"
#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kReception = "reception-token-0001";
constexpr const char* kSpecialist = "specialist-token-0001";
constexpr const char* kStatistics = "statistics-token-0001";
constexpr const char* kReception2 = "reception-token-0002";
constexpr const char* kOfficerName = "Nguyễn Thị Hồng Nhung";  // tiepnhan01's display name

// tiepnhan01 has a display name, tiepnhan02 none; `keep` keeps only those named.
std::shared_ptr<const Authenticator> Users(const std::set<std::string>& keep = {}) {
  v1::Users users =
      ::motcua::testing::MakeUsers({{"tiepnhan01", v1::ROLE_RECEPTION, kReception},
                                    {"tuphap01", v1::ROLE_SPECIALIST, kSpecialist},
                                    {"thongke01", v1::ROLE_STATISTICS, kStatistics},
                                    {"tiepnhan02", v1::ROLE_RECEPTION, kReception2}});
  users.mutable_users(0)->set_display_name(kOfficerName);
  v1::Users kept;
  for (const v1::User& u : users.users()) {
    if (keep.empty() || keep.count(u.name()) != 0) *kept.add_users() = u;
  }
  auto built = Authenticator::Build(kept, "test users");
  EXPECT_THAT(built, IsOk());
  return *built;
}

class ApiHandlerTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(1000, /*start=*/true); }

  void Open(std::size_t max_pending, bool start) {
    handler_.reset();
    queries_.reset();
    engine_.reset();
    auto engine = runtime::EngineService::Open(
        runtime::EngineServiceOptions{.db_path = db_, .max_pending = max_pending, .max_batch = 512},
        engine::EngineOptions{.unit_code = "000.00.07.H06", .fee_wait_pauses_clock = false},
        ::motcua::testing::ShippedCatalog(), ::motcua::testing::ShippedCalendar(), clock_,
        secrets_);
    ASSERT_THAT(engine, IsOk());
    engine_ = std::move(*engine);
    if (start) engine_->Start();
    auto queries = runtime::QueryService::Open(db_, 2);
    ASSERT_THAT(queries, IsOk());
    queries_ = std::move(*queries);
    letters::UnitInfo unit;
    unit.name = "UBND xã Ngọc Sơn";
    unit.address = "xã Ngọc Sơn";
    handler_ = std::make_unique<ApiHandler>(
        *engine_, *queries_, clock_,
        ApiContext{.catalog = ::motcua::testing::ShippedCatalog(), .users = Users(), .unit = unit});
  }

  std::future<Response> Start(bhttp::verb method, const std::string& target,
                              const std::string& token, const std::string& body = "",
                              const std::string& content_type = "", const std::string& accept = "",
                              const std::string& key = "") {
    Request req{method, target, 11};
    if (!token.empty()) req.set(bhttp::field::authorization, "Bearer " + token);
    if (!content_type.empty()) req.set(bhttp::field::content_type, content_type);
    if (!accept.empty()) req.set(bhttp::field::accept, accept);
    if (!key.empty()) req.set("Idempotency-Key", key);
    req.body() = body;
    req.prepare_payload();
    auto promise = std::make_shared<std::promise<Response>>();
    auto future = promise->get_future();
    handler_->Handle(std::move(req),
                     [promise](Response res) { promise->set_value(std::move(res)); });
    return future;
  }

  Response Call(bhttp::verb method, const std::string& target, const std::string& token,
                const std::string& body = "", const std::string& content_type = "",
                const std::string& accept = "", const std::string& key = "") {
    auto f = Start(method, target, token, body, content_type, accept, key);
    if (f.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
      ADD_FAILURE() << "no response to " << target;
      return {};
    }
    return f.get();
  }

  template <class M>
  M Parse(const Response& res) {
    M m;
    EXPECT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, m), IsOk()) << res.body();
    return m;
  }

  std::string ErrorCode(const Response& res) { return Parse<v1::ErrorReply>(res).code(); }

  // Receives a dossier through the API and returns the reply.
  v1::CommandReply ReceiveOne(const std::string& name = "Nguyễn Văn A") {
    Response res = Call(bhttp::verb::post, "/v1/commands/receive", kReception,
                        R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER",
                            "applicant": {"name": ")" +
                            name + R"(", "phone": "0912345678", "id_number": "001090000001"}})");
    EXPECT_EQ(res.result_int(), 200u) << res.body();
    return Parse<v1::CommandReply>(res);
  }

  ::motcua::testing::TempDir dir_;
  std::string db_ = dir_.File("motcua.db");
  ManualClock clock_{Vn("2024-03-15 09:00")};
  ::motcua::testing::CountingSecrets secrets_;
  std::unique_ptr<runtime::EngineService> engine_;
  std::unique_ptr<runtime::QueryService> queries_;
  std::unique_ptr<ApiHandler> handler_;
};

TEST_F(ApiHandlerTest, ACommandIsExecutedAsTheAuthenticatedOfficer) {
  v1::CommandReply reply = ReceiveOne();
  EXPECT_EQ(reply.dossier().code(), "000.00.07.H06-240315-0001");
  EXPECT_EQ(reply.dossier().status(), v1::STATUS_RECEIVED);
  EXPECT_EQ(reply.events(0).actor(), "tiepnhan01");
  EXPECT_EQ(reply.lookup_secret(), "S0000001");
  // 3 working days from Friday 09:00: Wednesday 09:00.
  EXPECT_EQ(FormatVietnamMinute(ToInstant(reply.dossier().appointment_at())), "2024-03-20 09:00");
}

TEST_F(ApiHandlerTest, ProtobufInProtobufOut) {
  v1::Receive r;
  r.set_procedure_code("2.001016");
  r.set_channel(v1::CHANNEL_POST);
  r.mutable_applicant()->set_name("Trần Văn B");
  Response res = Call(bhttp::verb::post, "/v1/commands/receive", kReception, r.SerializeAsString(),
                      "application/x-protobuf", "application/x-protobuf");
  ASSERT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res[bhttp::field::content_type], "application/x-protobuf");
  v1::CommandReply reply;
  ASSERT_TRUE(reply.ParseFromString(res.body()));
  EXPECT_EQ(reply.dossier().procedure_code(), "2.001016");
}

TEST_F(ApiHandlerTest, ErrorsCarryTheirStatusAndStableCode) {
  const std::string code = ReceiveOne().dossier().code();
  struct Case {
    bhttp::verb method;
    std::string target;
    std::string token;
    std::string body;
    unsigned status;
    std::string error;
  };
  const Case cases[] = {
      {bhttp::verb::post, "/v1/commands/hand-over", kReception, "{", 400, "bad_request"},
      {bhttp::verb::post, "/v1/commands/hand-over", "", "{}", 401, "unauthenticated"},
      {bhttp::verb::post, "/v1/commands/receive", kSpecialist, "{}", 403, "permission_denied"},
      {bhttp::verb::post, "/v1/commands/hand-over", kStatistics, "{}", 403, "permission_denied"},
      {bhttp::verb::post, "/v1/commands/hand-over", kReception,
       R"({"dossier_code": "000.00.07.H06-200101-0001", "to_unit": "T"})", 404, "not_found"},
      {bhttp::verb::post, "/v1/commands/return-result", kReception,
       R"({"dossier_code": ")" + code + R"(", "method": "RETURN_METHOD_COUNTER"})", 409,
       "illegal_transition"},
      {bhttp::verb::post, "/v1/commands/receive", kReception, R"({"procedure_code": "1.004873"})",
       422, "invalid_argument"},
      {bhttp::verb::get, "/v1/dossiers/nope", kReception, "", 404, "not_found"},
      {bhttp::verb::get, "/v1/dossiers?due_before=tomorrow", kReception, "", 422,
       "invalid_argument"},
      {bhttp::verb::get, "/v1/dossiers/" + code + "/receipt?format=pdf", kReception, "", 422,
       "invalid_argument"},
      {bhttp::verb::put, "/v1/catalog", kReception, "", 405, "bad_request"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.target + " " + c.body);
    Response res = Call(c.method, c.target, c.token, c.body);
    EXPECT_EQ(res.result_int(), c.status) << res.body();
    EXPECT_EQ(res[bhttp::field::content_type], "application/json");
    EXPECT_EQ(ErrorCode(res), c.error);
  }
  // None of them wrote anything: the one dossier has its one event.
  Response detail = Call(bhttp::verb::get, "/v1/dossiers/" + code, kReception);
  EXPECT_EQ(Parse<v1::DossierDetail>(detail).history_size(), 1);
}

TEST_F(ApiHandlerTest, ACommandMissingARequiredFieldIs422NamingTheField) {
  struct Case {
    std::string command;
    std::string body;
    std::string message;
  };
  const Case cases[] = {
      {"receive", "{}",
       "thiếu trường procedure_code (mã thủ tục), applicant.name (họ tên người nộp hồ sơ), "
       "channel (kênh tiếp nhận)"},
      {"receive", R"({"procedure_code": "9.999999", "channel": "CHANNEL_COUNTER"})",
       "thiếu trường applicant.name (họ tên người nộp hồ sơ)"},
      {"hand-over", "{}", "thiếu trường dossier_code (mã hồ sơ), to_unit (đơn vị nhận bàn giao)"},
      {"request-supplement", R"({"dossier_code": "000.00.07.H06-200101-0001"})",
       "thiếu trường reason (lý do yêu cầu bổ sung)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.command + " " + c.body);
    Response res = Call(bhttp::verb::post, "/v1/commands/" + c.command, kReception, c.body,
                        "application/json");
    EXPECT_EQ(res.result_int(), 422u) << res.body();
    EXPECT_EQ(res[bhttp::field::content_type], "application/json");
    v1::ErrorReply error = Parse<v1::ErrorReply>(res);
    EXPECT_EQ(error.code(), "invalid_argument");
    EXPECT_EQ(error.message(), c.message);
  }
  // Nothing was created: the first reception still takes the day's first code.
  EXPECT_EQ(ReceiveOne().dossier().code(), "000.00.07.H06-240315-0001");
}

// What a client sends comes back in an error's message only quoted
// (engine/base/quote.h): valid UTF-8 (JSON requires it), one line, no
// control characters, at most 128 bytes of it. Found by the HTTP fuzz target:
// a path that is not UTF-8 made a reply that was not JSON.
TEST_F(ApiHandlerTest, ErrorRepliesQuoteWhatTheClientSentAsOneLineOfValidUtf8) {
  const std::string fffd = "\xEF\xBF\xBD";  // U+FFFD
  const std::string receive_body_start =
      R"({"channel": "CHANNEL_COUNTER", "applicant": {"name": "Nguyễn Văn A"}, )";
  struct Case {
    bhttp::verb method;
    std::string target;
    std::string body;
    std::string content_type;
    unsigned status;
    std::string message;
  };
  const Case cases[] = {
      // A path that is not UTF-8, as sent raw.
      {bhttp::verb::get, "/v1/st\xC1\x99" "ats", "", "", 404,
       "không có đường dẫn /v1/st" + fffd + fffd + "ats"},
      {bhttp::verb::get,
       "/v1/stats\xC1\x99\x8D\x90m=2024-01-01&to=2024-12-31&format=csv&codes=1", "", "", 404,
       "không có đường dẫn /v1/stats" + fffd + fffd + fffd + fffd +
           "m=2024-01-01&to=2024-12-31&format=csv&codes=1"},
      // Markup, raw and percent-encoded (the dossier code is decoded).
      {bhttp::verb::get, "/v1/<img src=x onerror=alert(1)>", "", "", 404,
       "không có đường dẫn /v1/<img src=x onerror=alert(1)>"},
      {bhttp::verb::get, "/v1/dossiers/%3Cimg%20src=x%20onerror=alert(1)%3E", "", "", 404,
       "không tìm thấy hồ sơ <img src=x onerror=alert(1)>"},
      // Control characters: CR LF, an escape sequence, a bidi override, NUL.
      {bhttp::verb::get, "/v1/dossiers/%0D%0AX-Injected:%201%1B%5B2J%E2%80%AEgpj.exe%00", "", "",
       404, "không tìm thấy hồ sơ X-Injected: 1[2Jgpj.exe"},
      {bhttp::verb::post, "/v1/commands/%E2%80%AEevi%0Al", "{}", "", 404,
       "không có lệnh 'evil'"},
      // Over-long: cut at 128 bytes of the client's text, the cut marked.
      {bhttp::verb::get, "/v1/" + std::string(5000, 'x'), "", "", 404,
       "không có đường dẫn /v1/" + std::string(121, 'x') + "…"},
      {bhttp::verb::get, "/v1/dossiers/" + std::string(300, 'y') + "%FF", "", "", 404,
       "không tìm thấy hồ sơ " + std::string(125, 'y') + "…"},
      // A query value, a query key and a header value.
      {bhttp::verb::get, "/v1/dossiers/X/receipt?format=%FF%3Cb%3E%09", "", "", 422,
       "tham số format không hợp lệ: cần 'text' hoặc 'html', nhận được '" + fffd + "<b>'"},
      {bhttp::verb::get, "/v1/dossiers?st%0Aatus=1", "", "", 400,
       "tham số truy vấn không được hỗ trợ 'status'"},
      {bhttp::verb::post, "/v1/commands/hand-over", "{}", "application/x\xFFy\x01", 400,
       "kiểu nội dung không được hỗ trợ 'application/x" + fffd +
           "y' (dùng application/json hoặc application/x-protobuf)"},
      // Field values the engine quotes: an unknown procedure, an unknown dossier.
      {bhttp::verb::post, "/v1/commands/receive",
       receive_body_start + R"("procedure_code": "1.0\u0007<b>\n\u2028\u202e")" + "}",
       "application/json", 404, "không có thủ tục mã 1.0<b> trong danh mục"},
      {bhttp::verb::post, "/v1/commands/hand-over",
       R"({"dossier_code": "000\r\n\u001b[31m)" + std::string(200, 'z') +
           R"(", "to_unit": "Tư pháp"})",
       "application/json", 404, "không tìm thấy hồ sơ 000[31m" + std::string(118, 'z') + "…"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.target + " " + c.body);
    Response res = Call(c.method, c.target, kReception, c.body, c.content_type);
    EXPECT_EQ(res.result_int(), c.status) << res.body();
    EXPECT_EQ(res[bhttp::field::content_type], "application/json");
    // The body is JSON (valid UTF-8), one line, and carries no raw markup:
    // the JSON encoder writes '<' as \u003c.
    EXPECT_TRUE(text::IsValidUtf8(res.body())) << res.body();
    EXPECT_EQ(res.body().find_first_of("\r\n<"), std::string::npos) << res.body();
    v1::ErrorReply error;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(res.body(), &error).ok())
        << res.body();
    EXPECT_FALSE(error.code().empty());
    EXPECT_EQ(error.message(), c.message);
  }
}

TEST_F(ApiHandlerTest, AFullEngineQueueAnswers503WithRetryAfter) {
  Open(/*max_pending=*/1, /*start=*/false);
  auto first = Start(
      bhttp::verb::post, "/v1/commands/receive", kReception,
      R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER", "applicant": {"name": "A"}})");
  Response second = Call(
      bhttp::verb::post, "/v1/commands/receive", kReception,
      R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER", "applicant": {"name": "B"}})");
  EXPECT_EQ(second.result_int(), 503u);
  EXPECT_EQ(second[bhttp::field::retry_after], "1");
  EXPECT_EQ(ErrorCode(second), "overloaded");
  engine_->Start();
  EXPECT_EQ(first.get().result_int(), 200u);
}

TEST_F(ApiHandlerTest, IdempotencyKeyReplaysTheFirstReplyAndFlagsIt) {
  const std::string body =
      R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER", "applicant": {"name": "A"}})";
  Response a = Call(bhttp::verb::post, "/v1/commands/receive", kReception, body, "", "", "k-1");
  Response b = Call(bhttp::verb::post, "/v1/commands/receive", kReception, body, "", "", "k-1");
  ASSERT_EQ(a.result_int(), 200u);
  ASSERT_EQ(b.result_int(), 200u);
  EXPECT_EQ(a.body(), b.body());
  EXPECT_EQ(a["Idempotent-Replayed"], "");
  EXPECT_EQ(b["Idempotent-Replayed"], "true");
  Response c = Call(
      bhttp::verb::post, "/v1/commands/receive", kReception,
      R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER", "applicant": {"name": "Z"}})",
      "", "", "k-1");
  EXPECT_EQ(c.result_int(), 409u);
  EXPECT_EQ(ErrorCode(c), "conflict");
  Response listed = Call(bhttp::verb::get, "/v1/dossiers", kReception);
  EXPECT_EQ(Parse<v1::DossierList>(listed).dossiers_size(), 1);
}

TEST_F(ApiHandlerTest, DossierDetailIsFullForHandlersAndRedactedForStatistics) {
  const std::string code = ReceiveOne().dossier().code();
  v1::DossierDetail full =
      Parse<v1::DossierDetail>(Call(bhttp::verb::get, "/v1/dossiers/" + code, kSpecialist));
  EXPECT_EQ(full.dossier().applicant().phone(), "0912345678");
  EXPECT_EQ(full.history(0).received().lookup_secret(), "S0000001");

  Response redacted = Call(bhttp::verb::get, "/v1/dossiers/" + code, kStatistics);
  ASSERT_EQ(redacted.result_int(), 200u);
  EXPECT_THAT(redacted.body(), Not(HasSubstr("0912345678")));
  EXPECT_THAT(redacted.body(), Not(HasSubstr("001090000001")));
  EXPECT_THAT(redacted.body(), Not(HasSubstr("S0000001")));
  EXPECT_THAT(redacted.body(), HasSubstr("Nguyễn Văn A"));
}

TEST_F(ApiHandlerTest, ListsFilterByStatusProcedureHolderAndDueTime) {
  ReceiveOne("A");  // due 2024-03-20 09:00
  clock_.Set(Vn("2024-03-18 09:00"));
  const std::string b = ReceiveOne("B").dossier().code();  // due 2024-03-21 09:00
  Response handed = Call(
      bhttp::verb::post, "/v1/commands/hand-over", kReception,
      R"({"dossier_code": ")" + b + R"(", "to_unit": "Tư pháp - Hộ tịch", "to_user": "tuphap01"})");
  ASSERT_EQ(handed.result_int(), 200u) << handed.body();

  auto list = [&](const std::string& query) {
    return Parse<v1::DossierList>(Call(bhttp::verb::get, "/v1/dossiers" + query, kStatistics));
  };
  EXPECT_EQ(list("").dossiers_size(), 2);
  EXPECT_EQ(list("?status=4").dossiers_size(), 1);
  EXPECT_EQ(list("?status=4").dossiers(0).code(), b);
  EXPECT_EQ(list("?holder=tuphap01").dossiers_size(), 1);
  EXPECT_EQ(list("?holder=T%C6%B0%20ph%C3%A1p%20-%20H%E1%BB%99%20t%E1%BB%8Bch").dossiers_size(), 1);
  EXPECT_EQ(list("?procedure=1.004873").dossiers_size(), 2);
  EXPECT_EQ(list("?procedure=2.001016").dossiers_size(), 0);
  EXPECT_EQ(list("?due_before=2024-03-21T09:00").dossiers_size(), 1);
  EXPECT_EQ(list("?due_before=2024-03-21%2009:01").dossiers_size(), 2);
  v1::DossierList one = list("?limit=1");
  EXPECT_EQ(one.dossiers_size(), 1);
  EXPECT_TRUE(one.truncated());
  EXPECT_EQ(one.dossiers(0).applicant_name(), "A");  // the earliest appointment first
  EXPECT_EQ(one.dossiers(0).procedure_name(), "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân");
  EXPECT_FALSE(one.dossiers(0).has_extended_appointment_at());
}

TEST_F(ApiHandlerTest, CitizensSeeTheirDossierWithTheSecretAndNothingElse) {
  const std::string code = ReceiveOne().dossier().code();
  Response ok = Call(bhttp::verb::get, "/v1/lookup/" + code + "?secret=S0000001", "");
  ASSERT_EQ(ok.result_int(), 200u);
  v1::CitizenView view = Parse<v1::CitizenView>(ok);
  EXPECT_EQ(view.status_name(), "Được tiếp nhận");
  EXPECT_EQ(view.procedure_code(), "1.004873");
  EXPECT_THAT(ok.body(), Not(HasSubstr("Nguyễn")));
  EXPECT_THAT(ok.body(), Not(HasSubstr("0912345678")));

  Response wrong = Call(bhttp::verb::get, "/v1/lookup/" + code + "?secret=S0000002", "");
  Response unknown =
      Call(bhttp::verb::get, "/v1/lookup/000.00.07.H06-240315-0099?secret=S0000001", "");
  Response none = Call(bhttp::verb::get, "/v1/lookup/" + code, "");
  EXPECT_EQ(wrong.result_int(), 404u);
  EXPECT_EQ(unknown.result_int(), 404u);
  EXPECT_EQ(none.result_int(), 404u);
  // Wrong secret and unknown code are indistinguishable but for the code echoed.
  auto without_code = [](std::string body, const std::string& c) {
    return body.replace(body.find(c), c.size(), "X");
  };
  EXPECT_EQ(without_code(wrong.body(), code),
            without_code(unknown.body(), "000.00.07.H06-240315-0099"));
}

TEST_F(ApiHandlerTest, TheReceiptIsMau01WithTheAppointmentAndSecret) {
  v1::CommandReply reply = ReceiveOne();
  const std::string code = reply.dossier().code();
  Response text = Call(bhttp::verb::get, "/v1/dossiers/" + code + "/receipt", kReception);
  ASSERT_EQ(text.result_int(), 200u) << text.body();
  EXPECT_EQ(text[bhttp::field::content_type], "text/plain; charset=utf-8");
  EXPECT_THAT(text.body(), HasSubstr("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"));
  EXPECT_THAT(text.body(), HasSubstr(letters::ClockAndDateWords(Vn("2024-03-20 09:00"))));
  EXPECT_THAT(text.body(), HasSubstr("S0000001"));
  Response html =
      Call(bhttp::verb::get, "/v1/dossiers/" + code + "/receipt?format=html", kReception);
  EXPECT_EQ(html[bhttp::field::content_type], "text/html; charset=utf-8");
  EXPECT_THAT(html.body(), HasSubstr("A5"));

  // An online registration not yet accepted has no receipt.
  Response registered = Call(bhttp::verb::post, "/v1/commands/register-online", kReception,
                             R"({"procedure_code": "1.004873", "applicant": {"name": "C"}})");
  const std::string online = Parse<v1::CommandReply>(registered).dossier().code();
  Response none = Call(bhttp::verb::get, "/v1/dossiers/" + online + "/receipt", kReception);
  EXPECT_EQ(none.result_int(), 409u);
}

TEST_F(ApiHandlerTest, TheReceiptIsSignedWithTheOfficersDisplayName) {
  const std::string first = ReceiveOne().dossier().code();  // by tiepnhan01
  for (const char* format : {"", "?format=html"}) {
    SCOPED_TRACE(format);
    Response res =
        Call(bhttp::verb::get, "/v1/dossiers/" + first + "/receipt" + format, kReception);
    ASSERT_EQ(res.result_int(), 200u) << res.body();
    EXPECT_THAT(res.body(), HasSubstr("NGƯỜI TIẾP NHẬN HỒ SƠ"));
    EXPECT_THAT(res.body(), HasSubstr(kOfficerName));
    EXPECT_THAT(res.body(), Not(HasSubstr("tiepnhan01")));
  }

  // An officer without a display name signs with the user name.
  Response received = Call(bhttp::verb::post, "/v1/commands/receive", kReception2,
                           R"({"procedure_code": "1.004873", "channel": "CHANNEL_COUNTER",
                               "applicant": {"name": "Trần Văn B"}})");
  ASSERT_EQ(received.result_int(), 200u) << received.body();
  const std::string second = Parse<v1::CommandReply>(received).dossier().code();
  Response plain = Call(bhttp::verb::get, "/v1/dossiers/" + second + "/receipt", kReception2);
  ASSERT_EQ(plain.result_int(), 200u) << plain.body();
  EXPECT_THAT(plain.body(), HasSubstr("tiepnhan02"));

  // An officer no longer in the users file: the event's user name still signs.
  letters::UnitInfo unit;
  unit.name = "UBND xã Ngọc Sơn";
  handler_ = std::make_unique<ApiHandler>(
      *engine_, *queries_, clock_,
      ApiContext{.catalog = ::motcua::testing::ShippedCatalog(), .users = Users({"tiepnhan02"}),
                 .unit = unit});
  Response gone = Call(bhttp::verb::get, "/v1/dossiers/" + first + "/receipt", kReception2);
  ASSERT_EQ(gone.result_int(), 200u) << gone.body();
  EXPECT_THAT(gone.body(), HasSubstr("tiepnhan01"));
  EXPECT_THAT(gone.body(), Not(HasSubstr(kOfficerName)));
}

TEST_F(ApiHandlerTest, HealthAndCatalog) {
  Response health = Call(bhttp::verb::get, "/healthz", "");
  EXPECT_EQ(health.result_int(), 200u);
  EXPECT_EQ(Parse<v1::Health>(health).status(), "ok");
  Response catalog = Call(bhttp::verb::get, "/v1/catalog", kStatistics);
  EXPECT_EQ(Parse<v1::Catalog>(catalog).procedures_size(), 40);
  EXPECT_EQ(Call(bhttp::verb::get, "/v1/catalog", "").result_int(), 401u);
}

TEST(SystemPorts, LookupSecretsAreEightUnambiguousCharacters) {
  runtime::RandomSecretSource secrets;
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string s = secrets.NewLookupSecret();
    EXPECT_EQ(s.size(), 8u);
    EXPECT_EQ(s.find_first_of("01OIL"), std::string::npos) << s;
    seen.insert(s);
  }
  EXPECT_EQ(seen.size(), 200u);
}

}  // namespace
}  // namespace motcua::http
