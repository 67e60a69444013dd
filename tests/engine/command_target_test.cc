#include "engine/command_target.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <gtest/gtest.h>

#include <string>

namespace motcua::engine {
namespace {

using C = v1::Command::KindCase;

// Every kind of command in the schema, found through reflection so that a
// kind added later is covered too: a kind whose body has a dossier_code
// targets the code it names; the others target none.
TEST(CommandTarget, EveryKindWithADossierCodeTargetsIt) {
  const google::protobuf::OneofDescriptor* kind =
      v1::Command::descriptor()->FindOneofByName("kind");
  ASSERT_NE(kind, nullptr);
  int with_code = 0;
  for (int i = 0; i < kind->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = kind->field(i);
    SCOPED_TRACE(field->name());
    v1::Command c;
    google::protobuf::Message* body = c.GetReflection()->MutableMessage(&c, field);
    const google::protobuf::FieldDescriptor* code =
        body->GetDescriptor()->FindFieldByName("dossier_code");
    EXPECT_EQ(TargetCode(c), "");  // named none yet
    if (code == nullptr) continue;
    ++with_code;
    const std::string expected = "000.00.07.H06-250314-" + std::to_string(1000 + i);
    body->GetReflection()->SetString(body, code, expected);
    EXPECT_EQ(TargetCode(c), expected);
  }
  EXPECT_EQ(with_code, 13);  // all but the online registration
}

TEST(CommandTarget, AnOnlineRegistrationOrAnEmptyCommandTargetsNone) {
  v1::Command c;
  EXPECT_EQ(TargetCode(c), "");
  c.mutable_register_online()->set_procedure_code("1.004873");
  EXPECT_EQ(TargetCode(c), "");
}

TEST(CommandTarget, OnlyRegistrationReceptionAndRefusalMayCreateADossier) {
  const google::protobuf::OneofDescriptor* kind =
      v1::Command::descriptor()->FindOneofByName("kind");
  for (int i = 0; i < kind->field_count(); ++i) {
    v1::Command c;
    c.GetReflection()->MutableMessage(&c, kind->field(i));
    const C k = c.kind_case();
    EXPECT_EQ(MayCreate(c), k == C::kRegisterOnline || k == C::kReceive || k == C::kRefuse)
        << kind->field(i)->name();
  }
  EXPECT_FALSE(MayCreate(v1::Command()));
}

}  // namespace
}  // namespace motcua::engine
