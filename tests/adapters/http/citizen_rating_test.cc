// The citizen's side without an account: the rating they give from the
// lookup page (POST /v1/lookup/{code}/rating), and the receipt's QR code that
// opens that page, through ApiHandler on a real engine and SQLite file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "adapters/api/body_codec.h"
#include "adapters/http/endpoints/citizen_rating.h"
#include "adapters/letters/html_renderer.h"
#include "motcua/v1/api.pb.h"
#include "tests/adapters/http/api_harness.h"
#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kReception = "reception-token-0001";
constexpr const char* kSpecialist = "specialist-token-0001";
constexpr const char* kThreeDays = "1.004873";
// CountingSecrets gives the first dossier this lookup secret.
constexpr const char* kFirstSecret = "S0000001";

std::shared_ptr<const Authenticator> Users() {
  auto built = Authenticator::Build(
      ::motcua::testing::MakeUsers({{"tiepnhan01", v1::ROLE_RECEPTION, kReception},
                                    {"tuphap01", v1::ROLE_SPECIALIST, kSpecialist}}),
      "test users");
  EXPECT_THAT(built, IsOk());
  return *built;
}

class CitizenRatingTest : public ::testing::Test {
 protected:
  CitizenRatingTest()
      : api_(ApiContext{.catalog = ::motcua::testing::ShippedCatalog(),
                        .users = Users(),
                        .unit = {.name = "UBND xã Ngọc Sơn",
                                 .address = "",
                                 .head = "",
                                 .place = "Ngọc Sơn",
                                 .counter = "",
                                 .lookup_url = "https://dichvucong.ngocson.example/tra-cuu"}},
             Vn("2026-12-07 08:00")) {}

  std::string Receive() {
    return api_.Run("receive",
                    R"({"procedure_code": ")" + std::string(kThreeDays) +
                        R"(", "channel": "CHANNEL_COUNTER", "applicant": {"name": "Nguyễn Thị Lan"}})",
                    kReception);
  }
  void Return(const std::string& code) {
    api_.Run("result-ready",
             R"({"dossier_code": ")" + code + R"(", "result_kind": "RESULT_KIND_ELECTRONIC"})",
             kSpecialist);
    api_.Run("return-result",
             R"({"dossier_code": ")" + code + R"(", "method": "RETURN_METHOD_COUNTER"})",
             kReception);
  }
  Response Rate(const std::string& code, const std::string& body) {
    return api_.Send({.method = bhttp::verb::post,
                      .target = "/v1/lookup/" + code + "/rating",
                      .body = body});
  }
  v1::CitizenView Lookup(const std::string& code) {
    Response res = api_.Get("/v1/lookup/" + code + "?secret=" + kFirstSecret, "");
    EXPECT_EQ(res.result_int(), 200u) << res.body();
    v1::CitizenView view;
    EXPECT_THAT(api::DecodeBody(res.body(), api::BodyFormat::kJson, view), IsOk());
    return view;
  }

  testing::ApiHarness api_;
};

TEST_F(CitizenRatingTest, AReturnedDossierIsRatedOnceWithTheSecretAlone) {
  const std::string code = Receive();
  Return(code);
  EXPECT_TRUE(Lookup(code).may_rate());

  Response first = Rate(code, R"({"secret": "S0000001", "satisfaction": "SATISFACTION_SATISFIED",
                                  "comment": "Cán bộ hướng dẫn tận tình."})");
  ASSERT_EQ(first.result_int(), 200u) << first.body();
  v1::CitizenView after;
  ASSERT_THAT(api::DecodeBody(first.body(), api::BodyFormat::kJson, after), IsOk());
  EXPECT_FALSE(after.may_rate());
  EXPECT_EQ(after.satisfaction(), v1::SATISFACTION_SATISFIED);
  EXPECT_EQ(first[bhttp::field::cache_control], "no-store");

  // The lookup now shows the rating given, and the log holds it as the
  // desk's Rate, by the citizen.
  const v1::CitizenView looked = Lookup(code);
  EXPECT_FALSE(looked.may_rate());
  EXPECT_EQ(looked.satisfaction(), v1::SATISFACTION_SATISFIED);
  Response detail = api_.Get("/v1/dossiers/" + code, kReception);
  EXPECT_THAT(detail.body(), HasSubstr(std::string(kCitizenActor)));
  EXPECT_THAT(detail.body(), HasSubstr("Cán bộ hướng dẫn tận tình."));

  Response second =
      Rate(code, R"({"secret": "S0000001", "satisfaction": "SATISFACTION_VERY_DISSATISFIED"})");
  EXPECT_EQ(second.result_int(), 409u);
  EXPECT_THAT(second.body(), HasSubstr("đã được đánh giá"));
  EXPECT_EQ(Lookup(code).satisfaction(), v1::SATISFACTION_SATISFIED);
}

TEST_F(CitizenRatingTest, AWrongSecretGetsTheLookupsOneAnswerAndChangesNothing) {
  const std::string code = Receive();
  Return(code);
  Response wrong =
      Rate(code, R"({"secret": "S0000002", "satisfaction": "SATISFACTION_DISSATISFIED"})");
  EXPECT_EQ(wrong.result_int(), 404u);
  Response lookup_wrong = api_.Get("/v1/lookup/" + code + "?secret=S0000002", "");
  EXPECT_EQ(wrong.body(), lookup_wrong.body());
  Response unknown = Rate("000.00.07.H06-261207-0099",
                          R"({"secret": "S0000001", "satisfaction": "SATISFACTION_SATISFIED"})");
  EXPECT_EQ(unknown.result_int(), 404u);
  EXPECT_TRUE(Lookup(code).may_rate());
}

TEST_F(CitizenRatingTest, ADossierStillBeingProcessedCannotBeRatedYet) {
  const std::string code = Receive();
  EXPECT_FALSE(Lookup(code).may_rate());
  Response early = Rate(code, R"({"secret": "S0000001", "satisfaction": "SATISFACTION_SATISFIED"})");
  EXPECT_EQ(early.result_int(), 409u);
  EXPECT_THAT(early.body(), HasSubstr("chưa giải quyết xong"));
}

TEST_F(CitizenRatingTest, ABadRatingIsRefusedInOneLine) {
  const std::string code = Receive();
  Return(code);
  Response no_level = Rate(code, R"({"secret": "S0000001", "comment": "?"})");
  EXPECT_EQ(no_level.result_int(), 422u);
  EXPECT_THAT(no_level.body(), HasSubstr("mức độ hài lòng"));
  Response long_comment =
      Rate(code, R"({"secret": "S0000001", "satisfaction": "SATISFACTION_SATISFIED", "comment": ")" +
                     std::string(kMaxRatingComment + 1, 'a') + R"("})");
  EXPECT_EQ(long_comment.result_int(), 422u);
  EXPECT_THAT(long_comment.body(), HasSubstr("1000 ký tự"));
  Response not_json = Rate(code, "satisfaction=1");
  EXPECT_EQ(not_json.result_int(), 400u);
  for (const Response* r : {&no_level, &long_comment, &not_json}) {
    EXPECT_THAT(r->body(), Not(HasSubstr("\n"))) << r->body();
  }
  EXPECT_TRUE(Lookup(code).may_rate());
}

TEST_F(CitizenRatingTest, TheReceiptCarriesAQrCodeOfTheLookupLinkWithCodeAndSecret) {
  const std::string code = Receive();
  const std::string link =
      "https://dichvucong.ngocson.example/tra-cuu#ma=" + code + "&k=" + kFirstSecret;
  Response html = api_.Get("/v1/dossiers/" + code + "/receipt?format=html", kReception);
  ASSERT_EQ(html.result_int(), 200u) << html.body();
  EXPECT_THAT(html.body(), HasSubstr("<svg"));
  EXPECT_THAT(html.body(), HasSubstr("<a href=\"" + letters::EscapeHtml(link) + "\">"));
  Response text = api_.Get("/v1/dossiers/" + code + "/receipt", kReception);
  ASSERT_EQ(text.result_int(), 200u);
  EXPECT_THAT(text.body(), HasSubstr("\u2580"));  // the symbol's half blocks
  // The link, wrapped to the slip's width, for whoever types it.
  std::string unwrapped = text.body();
  std::erase(unwrapped, '\n');
  EXPECT_THAT(unwrapped, HasSubstr(link));
}

}  // namespace
}  // namespace motcua::http
