#include "adapters/http/body_codec.h"

#include <gtest/gtest.h>

#include "motcua/v1/api.pb.h"
#include "motcua/v1/command.pb.h"
#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;

TEST(BodyCodec, ChoosesTheFormatFromTheHeaders) {
  EXPECT_EQ(*RequestFormat(""), BodyFormat::kJson);
  EXPECT_EQ(*RequestFormat("application/json; charset=utf-8"), BodyFormat::kJson);
  EXPECT_EQ(*RequestFormat("Application/X-Protobuf"), BodyFormat::kProtobuf);
  EXPECT_THAT(RequestFormat("text/plain"), HasError(Error::kBadRequest));
  EXPECT_EQ(ReplyFormat(""), BodyFormat::kJson);
  EXPECT_EQ(ReplyFormat("*/*"), BodyFormat::kJson);
  EXPECT_EQ(ReplyFormat("text/html, application/x-protobuf;q=0.9"), BodyFormat::kProtobuf);
  EXPECT_EQ(ContentTypeOf(BodyFormat::kProtobuf), "application/x-protobuf");
}

TEST(BodyCodec, JsonAndProtobufCarryTheSameMessage) {
  v1::HandOver h;
  h.set_dossier_code("000.00.07.H06-240315-0012");
  h.set_to_unit("Tư pháp - Hộ tịch");
  h.set_electronic(true);
  for (BodyFormat f : {BodyFormat::kJson, BodyFormat::kProtobuf}) {
    v1::HandOver back;
    ASSERT_THAT(DecodeBody(EncodeBody(h, f), f, back), IsOk());
    EXPECT_EQ(back.SerializeAsString(), h.SerializeAsString());
  }
  // JSON keeps the .proto names and accepts lowerCamelCase too.
  EXPECT_NE(EncodeBody(h, BodyFormat::kJson).find("\"dossier_code\""), std::string::npos);
  v1::HandOver camel;
  ASSERT_THAT(DecodeBody(R"({"dossierCode": "X", "toUnit": "Y"})", BodyFormat::kJson, camel),
              IsOk());
  EXPECT_EQ(camel.to_unit(), "Y");
}

TEST(BodyCodec, RefusesWhatDoesNotParse) {
  v1::HandOver h;
  EXPECT_THAT(DecodeBody("{", BodyFormat::kJson, h), HasError(Error::kBadRequest));
  EXPECT_THAT(DecodeBody(R"({"to_unit": "Y", "to_planet": "Z"})", BodyFormat::kJson, h),
              HasError(Error::kBadRequest));
  EXPECT_THAT(DecodeBody(R"({"electronic": "perhaps"})", BodyFormat::kJson, h),
              HasError(Error::kBadRequest));
  EXPECT_THAT(DecodeBody("\xff\xff\xff", BodyFormat::kProtobuf, h), HasError(Error::kBadRequest));
  EXPECT_THAT(DecodeBody("", BodyFormat::kJson, h), IsOk());  // an empty message
}

}  // namespace
}  // namespace motcua::http
