#include "adapters/api/route.h"

#include <gtest/gtest.h>

namespace motcua::api {
namespace {

Route Ok(std::string_view method, std::string_view target) {
  auto r = ParseRoute(method, target);
  if (auto* e = std::get_if<RouteError>(&r)) {
    ADD_FAILURE() << target << ": " << e->status.ToString();
    return {};
  }
  return std::get<Route>(r);
}

RouteError Err(std::string_view method, std::string_view target) {
  auto r = ParseRoute(method, target);
  if (auto* e = std::get_if<RouteError>(&r)) return *e;
  ADD_FAILURE() << target << " routed";
  return {};
}

TEST(Route, MatchesEveryPathOfTheApi) {
  EXPECT_EQ(Ok("GET", "/healthz").kind, RouteKind::kHealth);
  EXPECT_EQ(Ok("GET", "/readyz").kind, RouteKind::kReady);
  Route c = Ok("POST", "/v1/commands/hand-over");
  EXPECT_EQ(c.kind, RouteKind::kCommand);
  EXPECT_EQ(c.name, "hand-over");
  EXPECT_EQ(Ok("GET", "/v1/dossiers").kind, RouteKind::kListDossiers);
  Route d = Ok("GET", "/v1/dossiers/000.00.07.H06-240315-0012");
  EXPECT_EQ(d.kind, RouteKind::kGetDossier);
  EXPECT_EQ(d.name, "000.00.07.H06-240315-0012");
  Route r = Ok("GET", "/v1/dossiers/000.00.07.H06-240315-0012/receipt?format=html");
  EXPECT_EQ(r.kind, RouteKind::kReceipt);
  EXPECT_EQ(r.Param("format"), "html");
  EXPECT_EQ(Ok("GET", "/v1/catalog").kind, RouteKind::kCatalog);
  Route l = Ok("GET", "/v1/lookup/ABC?secret=K7%20Q");
  EXPECT_EQ(l.kind, RouteKind::kLookup);
  EXPECT_EQ(l.Param("secret"), "K7 Q");
  EXPECT_EQ(Ok("GET", "/v1/catalog/").kind, RouteKind::kCatalog);  // trailing slash
}

TEST(Route, DecodesListFilters) {
  Route l = Ok(
      "GET", "/v1/dossiers?status=4&holder=T%C6%B0+ph%C3%A1p&due_before=2024-03-20T17:00&limit=5");
  EXPECT_EQ(l.Param("status"), "4");
  EXPECT_EQ(l.Param("holder"), "Tư pháp");
  EXPECT_EQ(l.Param("due_before"), "2024-03-20T17:00");
  EXPECT_EQ(l.Param("limit"), "5");
  EXPECT_EQ(l.Param("procedure"), std::nullopt);
}

TEST(Route, RefusesUnknownPathsMethodsAndParameters) {
  EXPECT_EQ(Err("GET", "/v2/dossiers").status.code(), Error::kNotFound);
  EXPECT_EQ(Err("GET", "/v1/dossiers/a/b/c").status.code(), Error::kNotFound);
  EXPECT_EQ(Err("GET", "/v1/commands/").status.code(), Error::kNotFound);
  RouteError method = Err("GET", "/v1/commands/receive");
  EXPECT_EQ(method.status.code(), Error::kBadRequest);
  EXPECT_EQ(method.allow, "POST");
  EXPECT_EQ(Err("POST", "/v1/dossiers").allow, "GET");
  EXPECT_EQ(Err("GET", "/v1/dossiers?colour=red").status.code(), Error::kBadRequest);
  EXPECT_EQ(Err("GET", "/v1/dossiers?status=1&status=2").status.code(), Error::kBadRequest);
  EXPECT_EQ(Err("GET", "/v1/catalog?limit=1").status.code(), Error::kBadRequest);
  EXPECT_EQ(Err("GET", "/v1/dossiers/%zz").status.code(), Error::kBadRequest);
  EXPECT_EQ(Err("GET", "/v1/dossiers/a%2Fb").status.code(), Error::kBadRequest);
  EXPECT_EQ(Err("GET", "healthz").status.code(), Error::kBadRequest);
  EXPECT_TRUE(Err("GET", "/v1/dossiers/a%2Fb").allow.empty());
}

TEST(Route, PagesIgnoreTheParametersAChatAppAddsToALinkTheApiDoesNot) {
  EXPECT_EQ(Ok("GET", "/tra-cuu?zarsrc=30&utm_source=zalo").kind, RouteKind::kCitizenPage);
  EXPECT_EQ(Ok("GET", "/?fbclid=IwAR0abc").kind, RouteKind::kPage);
  EXPECT_TRUE(Ok("GET", "/tra-cuu?fbclid=x").query.empty());
  EXPECT_EQ(Err("GET", "/v1/lookup/X?secret=S&fbclid=x").status.code(), Error::kBadRequest);
  EXPECT_EQ(Ok("GET", "/v1/appointment?procedure=1.004873").kind, RouteKind::kAppointmentPreview);
  EXPECT_EQ(Ok("GET", "/v1/dossiers/X/refusal").kind, RouteKind::kRefusalLetter);
  EXPECT_EQ(Ok("GET", "/v1/dossiers/X/supplement-request?format=html").kind,
            RouteKind::kSupplementRequestLetter);
}

TEST(Route, MatchesTheUndeliveredAlertRoutes) {
  Route list = Ok("GET", "/v1/alerts/undelivered?limit=5");
  EXPECT_EQ(list.kind, RouteKind::kUndeliveredAlerts);
  EXPECT_EQ(list.Param("limit"), "5");
  EXPECT_EQ(Ok("GET", "/v1/alerts/undelivered/").kind, RouteKind::kUndeliveredAlerts);
  EXPECT_EQ(Ok("POST", "/v1/alerts/undelivered/retry").kind, RouteKind::kRetryUndelivered);
  EXPECT_EQ(Err("POST", "/v1/alerts/undelivered").allow, "GET");
  EXPECT_EQ(Err("GET", "/v1/alerts/undelivered/retry").allow, "POST");
  EXPECT_EQ(Err("GET", "/v1/alerts/undelivered?open=1").status.code(), Error::kBadRequest);
  EXPECT_EQ(Err("POST", "/v1/alerts/undelivered/retry?all=1").status.code(), Error::kBadRequest);
  EXPECT_EQ(Err("GET", "/v1/alerts/undelivered/x").status.code(), Error::kNotFound);
}

TEST(Route, PercentCodingRoundTrips) {
  const std::string text = "Nguyễn Văn A & B/C?=%+";
  const std::string encoded = PercentEncode(text);
  EXPECT_EQ(encoded.find_first_of(" &/?=+"), std::string::npos);
  EXPECT_EQ(PercentDecode(encoded, true), text);
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("%4", true), std::nullopt);
  EXPECT_EQ(PercentDecode("%", true), std::nullopt);
}

}  // namespace
}  // namespace motcua::api
