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

TEST(BodyCodec, ProtobufRefusesFieldsItDoesNotDefineAsJsonDoes) {
  v1::HandOver h;
  h.set_dossier_code("000.00.07.H06-240315-0012");
  std::string body = h.SerializeAsString();
  body += std::string("\xa8\x06\x01", 3);  // field 101, varint 1: not in HandOver
  Status status = DecodeBody(body, BodyFormat::kProtobuf, h);
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
  status = DecodeBody(nested, BodyFormat::kProtobuf, r);
  ASSERT_THAT(status, HasError(Error::kBadRequest));
  EXPECT_NE(status.message().find("trường số documents.101 không thuộc Receive"),
            std::string::npos)
      << status.message();
  // The same without the stray field parses.
  EXPECT_THAT(DecodeBody(r.SerializeAsString(), BodyFormat::kProtobuf, r), IsOk());
}

// Found by the HTTP fuzz target: protobuf's parser quotes the input, bytes
// that are not UTF-8 and NULs among them, into its error; the reply must
// stay one line of UTF-8 and must not carry the input.
TEST(BodyCodec, AParseErrorQuotesNoneOfTheInput) {
  v1::HandOver h;
  static constexpr char kBody[] =
      "{\"to_unit\": \"T\xc6\xb0 ph\xc3\xa1p\", \"to_user\0\xc2`\x19\xc1\x80`\0\0\0\": 1}";
  const std::string body(kBody, sizeof(kBody) - 1);
  Status status = DecodeBody(body, BodyFormat::kJson, h);
  ASSERT_THAT(status, HasError(Error::kBadRequest));
  const std::string& message = status.message();
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  for (unsigned char c : message) {
    EXPECT_TRUE(c >= 0x20) << "control byte in: " << message;
  }
  EXPECT_EQ(message.find('`'), std::string::npos) << message;
  EXPECT_EQ(message.rfind("nội dung JSON không hợp lệ", 0), 0u) << message;
}

}  // namespace
}  // namespace motcua::http
