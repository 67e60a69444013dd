#include "adapters/api/body_codec.h"

#include <gtest/gtest.h>

#include "motcua/v1/api.pb.h"
#include "motcua/v1/command.pb.h"
#include "tests/support/fixtures.h"

namespace motcua::api {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;

TEST(BodyCodec, ChoosesTheFormatFromTheHeaders) {
  EXPECT_EQ(*RequestFormat(""), api::BodyFormat::kJson);
  EXPECT_EQ(*RequestFormat("application/json; charset=utf-8"), api::BodyFormat::kJson);
  EXPECT_EQ(*RequestFormat("Application/X-Protobuf"), api::BodyFormat::kProtobuf);
  EXPECT_THAT(RequestFormat("text/plain"), HasError(Error::kBadRequest));
  EXPECT_EQ(ReplyFormat(""), api::BodyFormat::kJson);
  EXPECT_EQ(ReplyFormat("*/*"), api::BodyFormat::kJson);
  EXPECT_EQ(ReplyFormat("text/html, application/x-protobuf;q=0.9"), api::BodyFormat::kProtobuf);
  EXPECT_EQ(ContentTypeOf(api::BodyFormat::kProtobuf), "application/x-protobuf");
}

TEST(BodyCodec, JsonAndProtobufCarryTheSameMessage) {
  v1::HandOver h;
  h.set_dossier_code("000.00.07.H06-240315-0012");
  h.set_to_unit("Tư pháp - Hộ tịch");
  h.set_electronic(true);
  for (api::BodyFormat f : {api::BodyFormat::kJson, api::BodyFormat::kProtobuf}) {
    v1::HandOver back;
    ASSERT_THAT(DecodeBody(EncodeBody(h, f), f, back), IsOk());
    EXPECT_EQ(back.SerializeAsString(), h.SerializeAsString());
  }
  // JSON keeps the .proto names and accepts lowerCamelCase too.
  EXPECT_NE(EncodeBody(h, api::BodyFormat::kJson).find("\"dossier_code\""), std::string::npos);
  v1::HandOver camel;
  ASSERT_THAT(DecodeBody(R"({"dossierCode": "X", "toUnit": "Y"})", api::BodyFormat::kJson, camel),
              IsOk());
  EXPECT_EQ(camel.to_unit(), "Y");
}

TEST(BodyCodec, RefusesWhatDoesNotParse) {
  v1::HandOver h;
  EXPECT_THAT(DecodeBody("{", api::BodyFormat::kJson, h), HasError(Error::kBadRequest));
  EXPECT_THAT(DecodeBody(R"({"to_unit": "Y", "to_planet": "Z"})", api::BodyFormat::kJson, h),
              HasError(Error::kBadRequest));
  EXPECT_THAT(DecodeBody(R"({"electronic": "perhaps"})", api::BodyFormat::kJson, h),
              HasError(Error::kBadRequest));
  EXPECT_THAT(DecodeBody("\xff\xff\xff", api::BodyFormat::kProtobuf, h), HasError(Error::kBadRequest));
  EXPECT_THAT(DecodeBody("", api::BodyFormat::kJson, h), IsOk());  // an empty message
}

TEST(BodyCodec, ProtobufRefusesFieldsItDoesNotDefineAsJsonDoes) {
  v1::HandOver h;
  h.set_dossier_code("000.00.07.H06-240315-0012");
  std::string body = h.SerializeAsString();
  body += std::string("\xa8\x06\x01", 3);  // field 101, varint 1: not in HandOver
  Status status = DecodeBody(body, api::BodyFormat::kProtobuf, h);
  ASSERT_THAT(status, HasError(Error::kBadRequest));
  EXPECT_EQ(status.message(),
            "nội dung protobuf có trường số 101 không thuộc HandOver (máy khách khác phiên bản "
            "máy chủ?)");
  EXPECT_EQ(h.dossier_code(), "");  // nothing of it kept

  // Inside a nested message, named by the path to it.
  v1::Receive r;
  r.add_documents()->set_name("Tờ khai");
  v1::Document extra;
  extra.set_name("CCCD");
  std::string document = extra.SerializeAsString() + std::string("\xa8\x06\x01", 3);
  std::string nested = r.SerializeAsString();
  const int documents = v1::Receive::descriptor()->FindFieldByName("documents")->number();
  nested += static_cast<char>((documents << 3) | 2);
  nested += static_cast<char>(document.size());
  nested += document;
  ASSERT_LT(documents, 16);  // a one-byte tag
  status = DecodeBody(nested, api::BodyFormat::kProtobuf, r);
  ASSERT_THAT(status, HasError(Error::kBadRequest));
  EXPECT_NE(status.message().find("trường số documents.101 không thuộc Receive"),
            std::string::npos)
      << status.message();
  // The same without the stray field parses.
  EXPECT_THAT(DecodeBody(r.SerializeAsString(), api::BodyFormat::kProtobuf, r), IsOk());
}

// Found by the HTTP fuzz target: protobuf's parser quotes the input, bytes
// that are not UTF-8 and NULs among them, into its error; the reply must
// stay one line of UTF-8.
TEST(BodyCodec, AParseErrorQuotesTheInputOnlyAsOneLineOfUtf8) {
  v1::HandOver h;
  static constexpr char kBody[] =
      "{\"to_unit\": \"T\xc6\xb0 ph\xc3\xa1p\", \"to_user\0\xc2`\x19\xc1\x80`\0\0\0\": 1}";
  const std::string body(kBody, sizeof(kBody) - 1);
  Status status = DecodeBody(body, api::BodyFormat::kJson, h);
  ASSERT_THAT(status, HasError(Error::kBadRequest));
  const std::string& message = status.message();
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  for (unsigned char c : message) {
    EXPECT_TRUE(c >= 0x20) << "control byte in: " << message;
  }
  EXPECT_EQ(message, "nội dung JSON không hợp lệ: Encountered non UTF-8 code points.");
}

// The parser names the field it does not know: quoted (QuoteForMessage), so
// the client learns which one, and at most 160 bytes of it.
TEST(BodyCodec, AParseErrorNamesTheUnknownFieldQuoted) {
  v1::HandOver h;
  Status status =
      DecodeBody(R"({"to_unit": "Y", "to_planet<b>": "Z"})", api::BodyFormat::kJson, h);
  ASSERT_THAT(status, HasError(Error::kBadRequest));
  EXPECT_EQ(status.message(), "nội dung JSON không hợp lệ: to_planet<b>: Cannot find field.");
  const std::string long_key(5000, 'k');
  status = DecodeBody("{\"" + long_key + "\": 1}", api::BodyFormat::kJson, h);
  ASSERT_THAT(status, HasError(Error::kBadRequest));
  EXPECT_EQ(status.message(), "nội dung JSON không hợp lệ: " + std::string(157, 'k') + "…");
}

}  // namespace
}  // namespace motcua::api
