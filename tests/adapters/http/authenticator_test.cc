#include "adapters/http/authenticator.h"

#include <gtest/gtest.h>

#include <set>

#include "adapters/api/command_endpoints.h"
#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::MakeUsers;
using ::motcua::testing::Vn;

std::shared_ptr<const Authenticator> Users() {
  auto built = Authenticator::Build(
      MakeUsers({{"tiepnhan01", v1::ROLE_RECEPTION, "reception-token-0001"},
                 {"tuphap01", v1::ROLE_SPECIALIST, "specialist-token-0001",
                  Vn("2024-06-30 17:00")},
                 {"cu01", v1::ROLE_LEADER, "leader-token-0001", std::nullopt, true}}),
      "users.json");
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
  EXPECT_EQ(api::TokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
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
  auto duplicate = Authenticator::Build(
      MakeUsers({{"a", v1::ROLE_RECEPTION, "token-a-0000000001"},
                 {"a", v1::ROLE_RECEPTION, "token-b-0000000001"}}),
      "users.json");
  ASSERT_THAT(duplicate, HasError(Error::kConfig));
  EXPECT_NE(duplicate.status().message().find("'a'"), std::string::npos);

  v1::Users bad_hash = MakeUsers({{"b", v1::ROLE_RECEPTION, "x"}});
  bad_hash.mutable_users(0)->set_token_sha256("demo-reception-token");  // the token, not its hash
  EXPECT_THAT(Authenticator::Build(bad_hash, "users.json"), HasError(Error::kConfig));

  v1::Users no_role = MakeUsers({{"c", v1::ROLE_UNSPECIFIED, "token-c-0000000001"}});
  ASSERT_EQ(no_role.users(0).roles_size(), 0);
  EXPECT_THAT(Authenticator::Build(no_role, "users.json"), HasError(Error::kConfig));
}

// The tests' users helper (tests/support/fixtures.h) writes a file the
// server loads: the shipped officers plus those a test adds, with expiry
// and revocation.
TEST(Authenticator, LoadsAUsersFileBuiltByTheTestHelper) {
  ::motcua::testing::TempDir dir;
  ::motcua::testing::WriteUsersFile(
      MakeUsers({{"hethan01", v1::ROLE_RECEPTION, "expiring-token-0001", Vn("2024-06-30 17:00")},
                 {"thuhoi01", v1::ROLE_ADMIN, "revoked-token-0001", std::nullopt, true}},
                ::motcua::testing::ShippedUsers()),
      dir.File("users.json"));
  auto users = Authenticator::Load(dir.File("users.json"));
  ASSERT_THAT(users, IsOk());
  const Instant before = Vn("2024-06-30 16:59");
  auto demo = (*users)->Authenticate("Bearer demo-leader-token", before);
  ASSERT_THAT(demo, IsOk());
  EXPECT_TRUE(demo->Has(v1::ROLE_LEADER));
  auto expiring = (*users)->Authenticate("Bearer expiring-token-0001", before);
  ASSERT_THAT(expiring, IsOk());
  EXPECT_EQ(expiring->name, "hethan01");
  EXPECT_TRUE(expiring->Has(v1::ROLE_RECEPTION));
  EXPECT_FALSE(expiring->Has(v1::ROLE_ADMIN));
  EXPECT_THAT((*users)->Authenticate("Bearer expiring-token-0001", Vn("2024-06-30 17:00")),
              HasError(Error::kUnauthenticated));
  EXPECT_THAT((*users)->Authenticate("Bearer revoked-token-0001", before),
              HasError(Error::kUnauthenticated));
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

TEST(CommandEndpoints, EveryCommandKindHasOneEndpointAndABody) {
  std::set<int> kinds;
  for (const api::CommandEndpoint& e : api::CommandEndpoints()) {
    EXPECT_TRUE(kinds.insert(e.kind).second) << e.name;
    EXPECT_EQ(api::FindCommandEndpoint(e.name), &e);
    EXPECT_EQ(api::EndpointOf(e.kind), &e);
    v1::Command c;
    ASSERT_NE(api::MutableCommandBody(c, e.kind), nullptr);
    EXPECT_EQ(c.kind_case(), e.kind);
    EXPECT_EQ(api::CommandBody(c), api::MutableCommandBody(c, e.kind));
  }
  EXPECT_EQ(kinds.size(), 14u);
  EXPECT_EQ(api::FindCommandEndpoint("teleport"), nullptr);
}

}  // namespace
}  // namespace motcua::http
