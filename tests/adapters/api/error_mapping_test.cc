#include "adapters/api/error_mapping.h"

#include <gtest/gtest.h>

namespace motcua::api {
namespace {

TEST(ErrorMapping, EachErrorAnswersWithItsStatus) {
  EXPECT_EQ(HttpStatusOf(Error::kBadRequest), 400u);
  EXPECT_EQ(HttpStatusOf(Error::kUnauthenticated), 401u);
  EXPECT_EQ(HttpStatusOf(Error::kPermissionDenied), 403u);
  EXPECT_EQ(HttpStatusOf(Error::kNotFound), 404u);
  EXPECT_EQ(HttpStatusOf(Error::kIllegalTransition), 409u);
  EXPECT_EQ(HttpStatusOf(Error::kAlreadyExists), 409u);
  EXPECT_EQ(HttpStatusOf(Error::kConflict), 409u);
  EXPECT_EQ(HttpStatusOf(Error::kTooLarge), 413u);
  EXPECT_EQ(HttpStatusOf(Error::kInvalidArgument), 422u);
  EXPECT_EQ(HttpStatusOf(Error::kOverloaded), 503u);
  EXPECT_EQ(HttpStatusOf(Error::kStorage), 500u);
  EXPECT_EQ(HttpStatusOf(Error::kCorrupt), 500u);
  EXPECT_EQ(HttpStatusOf(Error::kInternal), 500u);
}

TEST(ErrorMapping, CodeNamesRoundTrip) {
  for (int e = 0; e <= static_cast<int>(Error::kInternal); ++e) {
    const Error error = static_cast<Error>(e);
    EXPECT_EQ(ErrorFromCodeName(ErrorCodeName(error)), error);
  }
  EXPECT_EQ(ErrorFromCodeName("no_such_code"), std::nullopt);
}

}  // namespace
}  // namespace motcua::api
