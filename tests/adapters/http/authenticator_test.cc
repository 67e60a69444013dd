#include "adapters/http/authenticator.h"

#include <gtest/gtest.h>

#include <set>

#include "adapters/http/access_policy.h"
#include "adapters/http/command_endpoints.h"
#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

v1::User MakeUser(const std::string& name, v1::Role role, const std::string& token) {
  v1::User u;
  u.set_name(name);
  u.add_roles(role);
  u.set_token_sha256(TokenHash(token));
  return u;
}

std::shared_ptr<const Authenticator> Users() {
  v1::Users users;
  *users.add_users() = MakeUser("tiepnhan01", v1::ROLE_RECEPTION, "reception-token-0001");
  v1::User expiring = MakeUser("tuphap01", v1::ROLE_SPECIALIST, "specialist-token-0001");
  expiring.mutable_expires_at()->set_seconds(ToUnixSeconds(Vn("2024-06-30 17:00")));
  *users.add_users() = expiring;
  v1::User revoked = MakeUser("cu01", v1::ROLE_LEADER, "leader-token-0001");
  revoked.set_revoked(true);
  *users.add_users() = revoked;
  auto built = Authenticator::Build(users, "users.json");
  EXPECT_THAT(built, IsOk());
  return *built;
}

TEST(Authenticator, KnowsOfficersByTheHashOfTheirToken) {
  auto users = Users();
  const Instant now = Vn("2024-03-15 09:00");
  auto p = users->Authenticate("Bearer reception-token-0001", now);
  ASSERT_THAT(p, IsOk());
  EXPECT_EQ(p->name, "tiepnhan01");
  EXPECT_TRUE(p->Has(v1::ROLE_RECEPTION));
  EXPECT_FALSE(p->Has(v1::ROLE_LEADER));
  EXPECT_EQ(TokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Authenticator, RefusesMissingWrongExpiredAndRevokedTokens) {
  auto users = Users();
  const Instant now = Vn("2024-07-01 09:00");
  EXPECT_THAT(users->Authenticate("", now), HasError(Error::kUnauthenticated));
  EXPECT_THAT(users->Authenticate("Basic dXNlcjpwYXNz", now), HasError(Error::kUnauthenticated));
  EXPECT_THAT(users->Authenticate("Bearer ", now), HasError(Error::kUnauthenticated));
  EXPECT_THAT(users->Authenticate("Bearer reception-token-0002", now),
              HasError(Error::kUnauthenticated));
  EXPECT_THAT(users->Authenticate("Bearer specialist-token-0001", now),
              HasError(Error::kUnauthenticated));
  EXPECT_THAT(users->Authenticate("Bearer specialist-token-0001", Vn("2024-06-30 16:59")), IsOk());
  EXPECT_THAT(users->Authenticate("Bearer leader-token-0001", now),
              HasError(Error::kUnauthenticated));
}

TEST(Authenticator, RefusesABadUsersFileNamingTheUser) {
  v1::Users users;
  *users.add_users() = MakeUser("a", v1::ROLE_RECEPTION, "token-a-0000000001");
  *users.add_users() = MakeUser("a", v1::ROLE_RECEPTION, "token-b-0000000001");
  auto duplicate = Authenticator::Build(users, "users.json");
  ASSERT_THAT(duplicate, HasError(Error::kConfig));
  EXPECT_NE(duplicate.status().message().find("'a'"), std::string::npos);

  v1::Users bad_hash;
  v1::User u = MakeUser("b", v1::ROLE_RECEPTION, "x");
  u.set_token_sha256("demo-reception-token");  // the token itself, not its hash
  *bad_hash.add_users() = u;
  EXPECT_THAT(Authenticator::Build(bad_hash, "users.json"), HasError(Error::kConfig));

  v1::Users no_role;
  v1::User r = MakeUser("c", v1::ROLE_RECEPTION, "token-c-0000000001");
  r.clear_roles();
  *no_role.add_users() = r;
  EXPECT_THAT(Authenticator::Build(no_role, "users.json"), HasError(Error::kConfig));
}

TEST(Authenticator, TheShippedUsersFileLoadsWithOneDemoUserPerRole) {
  auto users = Authenticator::Load(::motcua::testing::SourceDir() / "data/config/users.json");
  ASSERT_THAT(users, IsOk());
  const Instant now = Vn("2024-03-15 09:00");
  struct Demo {
    const char* token;
    v1::Role role;
  };
  for (Demo d : {Demo{"demo-reception-token", v1::ROLE_RECEPTION},
                 Demo{"demo-specialist-token", v1::ROLE_SPECIALIST},
                 Demo{"demo-leader-token", v1::ROLE_LEADER},
                 Demo{"demo-statistics-token", v1::ROLE_STATISTICS},
                 Demo{"demo-admin-token", v1::ROLE_ADMIN}}) {
    auto p = (*users)->Authenticate(std::string("Bearer ") + d.token, now);
    ASSERT_THAT(p, IsOk()) << d.token;
    EXPECT_TRUE(p->Has(d.role)) << d.token;
  }
}

TEST(AccessPolicy, RolesGateCommandsAndPersonalData) {
  auto with = [](v1::Role role) {
    Principal p;
    p.name = "x";
    p.roles = RoleBit(role);
    return p;
  };
  const CommandEndpoint& receive = *FindCommandEndpoint("receive");
  const CommandEndpoint& stop = *FindCommandEndpoint("stop");
  const CommandEndpoint& ready = *FindCommandEndpoint("result-ready");
  const CommandEndpoint& hand_over = *FindCommandEndpoint("hand-over");
  EXPECT_TRUE(MayRun(with(v1::ROLE_RECEPTION), receive));
  EXPECT_FALSE(MayRun(with(v1::ROLE_SPECIALIST), receive));
  EXPECT_FALSE(MayRun(with(v1::ROLE_RECEPTION), stop));
  EXPECT_TRUE(MayRun(with(v1::ROLE_LEADER), stop));
  EXPECT_TRUE(MayRun(with(v1::ROLE_SPECIALIST), ready));
  for (v1::Role r : {v1::ROLE_RECEPTION, v1::ROLE_SPECIALIST, v1::ROLE_LEADER}) {
    EXPECT_TRUE(MayRun(with(r), hand_over));
    EXPECT_EQ(DossierAccessOf(with(r)), DossierAccess::kFull);
  }
  for (v1::Role r : {v1::ROLE_STATISTICS, v1::ROLE_ADMIN}) {
    for (const CommandEndpoint& e : CommandEndpoints()) EXPECT_FALSE(MayRun(with(r), e)) << e.name;
    EXPECT_EQ(DossierAccessOf(with(r)), DossierAccess::kRedacted);
    EXPECT_FALSE(MayReadReceipt(with(r)));
    EXPECT_TRUE(MayReadCatalog(with(r)));
  }
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
}

TEST(CommandEndpoints, EveryCommandKindHasOneEndpointAndABody) {
  std::set<int> kinds;
  for (const CommandEndpoint& e : CommandEndpoints()) {
    EXPECT_TRUE(kinds.insert(e.kind).second) << e.name;
    EXPECT_EQ(FindCommandEndpoint(e.name), &e);
    EXPECT_EQ(EndpointOf(e.kind), &e);
    EXPECT_NE(e.roles, 0u) << e.name;
    v1::Command c;
    ASSERT_NE(MutableCommandBody(c, e.kind), nullptr);
    EXPECT_EQ(c.kind_case(), e.kind);
    EXPECT_EQ(CommandBody(c), MutableCommandBody(c, e.kind));
  }
  EXPECT_EQ(kinds.size(), 14u);
  EXPECT_EQ(FindCommandEndpoint("teleport"), nullptr);
}

}  // namespace
}  // namespace motcua::http
