// Every decision of the access policy, for every role alone, for an officer
// with two roles and for one with none. The expected sets are written out
// here from docs/api.md's "who" column and docs/domain.md's table of roles,
// not taken from the code under test.
#include "adapters/http/access_policy.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "adapters/api/command_endpoints.h"

namespace motcua::http {
namespace {

constexpr v1::Role kReception = v1::ROLE_RECEPTION;
constexpr v1::Role kSpecialist = v1::ROLE_SPECIALIST;
constexpr v1::Role kLeader = v1::ROLE_LEADER;
constexpr v1::Role kStatistics = v1::ROLE_STATISTICS;
constexpr v1::Role kAdmin = v1::ROLE_ADMIN;
constexpr v1::Role kEveryRole[] = {kReception, kSpecialist, kLeader, kStatistics, kAdmin};

Principal With(std::initializer_list<v1::Role> roles) {
  Principal p;
  p.name = "x";
  for (v1::Role r : roles) p.roles |= RoleBit(r);
  return p;
}

// A yes/no decision and the roles that must get a yes.
struct Decision {
  std::string name;
  bool (*may)(const Principal&);
  std::set<v1::Role> allowed;
};

std::vector<Decision> Decisions() {
  return {
      {"MayReadCatalog", MayReadCatalog, {kReception, kSpecialist, kLeader, kStatistics, kAdmin}},
      {"MayPrintLetters", MayPrintLetters, {kReception, kSpecialist, kLeader}},
      {"MayReadAlerts", MayReadAlerts, {kReception, kSpecialist, kLeader, kAdmin}},
      {"MayReadStatistics", MayReadStatistics, {kStatistics, kLeader, kAdmin}},
      {"MayExchangeHistory", MayExchangeHistory, {kAdmin}},
      {"MayAdminister", MayAdminister, {kAdmin}},
      {"MayReloadCalendar", MayReloadCalendar, {kAdmin}},
      {"MaySetTestClock", MaySetTestClock, {kAdmin}},
      {"MayManageWebhook", MayManageWebhook, {kAdmin}},
  };
}

TEST(AccessPolicy, EachDecisionAdmitsExactlyItsRoles) {
  for (const Decision& d : Decisions()) {
    for (v1::Role r : kEveryRole) {
      EXPECT_EQ(d.may(With({r})), d.allowed.count(r) == 1)
          << d.name << " for " << v1::Role_Name(r);
    }
    // An officer with no role (the users file refuses one; the policy must
    // not rely on it) may do nothing.
    EXPECT_FALSE(d.may(With({}))) << d.name;
  }
}

TEST(AccessPolicy, AnOfficerWithTwoRolesMayDoWhatEitherMay) {
  const Principal both = With({kStatistics, kReception});
  for (const Decision& d : Decisions()) {
    EXPECT_EQ(d.may(both), d.allowed.count(kStatistics) + d.allowed.count(kReception) > 0)
        << d.name;
  }
  EXPECT_EQ(DossierAccessOf(both), DossierAccess::kFull);
  EXPECT_TRUE(MayRun(both, v1::Command::kReceive));
  EXPECT_FALSE(MayRun(both, v1::Command::kStop));
}

TEST(AccessPolicy, DossiersAreReadInFullByHandlersAndRedactedByOverseers) {
  for (v1::Role r : {kReception, kSpecialist, kLeader}) {
    EXPECT_EQ(DossierAccessOf(With({r})), DossierAccess::kFull) << v1::Role_Name(r);
  }
  for (v1::Role r : {kStatistics, kAdmin}) {
    EXPECT_EQ(DossierAccessOf(With({r})), DossierAccess::kRedacted) << v1::Role_Name(r);
  }
  EXPECT_EQ(DossierAccessOf(With({})), DossierAccess::kNone);
}

TEST(AccessPolicy, EveryCommandIsSentByTheRolesOfItsTable) {
  // docs/domain.md "People and roles".
  const std::set<v1::Role> counter = {kReception};
  const std::set<v1::Role> handlers = {kReception, kSpecialist, kLeader};
  const std::vector<std::pair<std::string, std::set<v1::Role>>> table = {
      {"register-online", counter},
      {"receive", counter},
      {"refuse", counter},
      {"hand-over", handlers},
      {"request-supplement", {kReception, kSpecialist}},
      {"supplement", counter},
      {"request-fee", {kReception, kSpecialist}},
      {"record-payment", counter},
      {"stop", {kSpecialist, kLeader}},
      {"withdraw", counter},
      {"result-ready", {kSpecialist, kLeader}},
      {"return-result", counter},
      {"apologize", handlers},
      {"rate", counter},
  };
  ASSERT_EQ(table.size(), api::CommandEndpoints().size());
  for (const auto& [name, allowed] : table) {
    const api::CommandEndpoint* endpoint = api::FindCommandEndpoint(name);
    ASSERT_NE(endpoint, nullptr) << name;
    RoleMask expected = 0;
    for (v1::Role r : allowed) expected |= RoleBit(r);
    EXPECT_EQ(RolesToRun(endpoint->kind), expected) << name;
    for (v1::Role r : kEveryRole) {
      EXPECT_EQ(MayRun(With({r}), endpoint->kind), allowed.count(r) == 1)
          << name << " by " << v1::Role_Name(r);
    }
    EXPECT_FALSE(MayRun(With({}), endpoint->kind)) << name;
  }
  // Statistics and admin send no command at all; nobody sends an empty one.
  for (const api::CommandEndpoint& e : api::CommandEndpoints()) {
    EXPECT_FALSE(MayRun(With({kStatistics, kAdmin}), e.kind)) << e.name;
  }
  EXPECT_EQ(RolesToRun(v1::Command::KIND_NOT_SET), 0u);
}

TEST(AccessPolicy, RedactionKeepsTheNameAndBlanksThePersonalData) {
  v1::Event e;
  v1::Applicant* a = e.mutable_received()->mutable_applicant();
  a->set_name("Nguyễn Văn A");
  a->set_id_number("001090000001");
  a->set_phone("0912345678");
  a->set_email("a@example.vn");
  a->set_address("Thôn Đông");
  e.mutable_received()->set_lookup_secret("7KQ3M9XA");
  Redact(e);
  EXPECT_EQ(e.received().applicant().name(), "Nguyễn Văn A");
  EXPECT_EQ(e.received().applicant().id_number(), "");
  EXPECT_EQ(e.received().applicant().phone(), "");
  EXPECT_EQ(e.received().applicant().email(), "");
  EXPECT_EQ(e.received().applicant().address(), "");
  EXPECT_EQ(e.received().lookup_secret(), "");

  v1::Dossier d;
  d.mutable_applicant()->set_name("Trần Thị B");
  d.mutable_applicant()->set_phone("0987654321");
  Redact(d);
  EXPECT_EQ(d.applicant().name(), "Trần Thị B");
  EXPECT_EQ(d.applicant().phone(), "");
}

}  // namespace
}  // namespace motcua::http
