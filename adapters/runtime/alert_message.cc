#include "adapters/runtime/alert_message.h"

#include <google/protobuf/util/json_util.h>

#include "engine/base/proto_time.h"

namespace motcua::runtime {

v1::Alert AlertFromEvent(const v1::Event& event) {
  const v1::AlertRaised& raised = event.alert_raised();
  v1::Alert a;
  a.set_id(event.seq());
  a.set_dossier_code(event.dossier_code());
  a.set_kind(raised.kind());
  *a.mutable_moment() = raised.moment();
  *a.mutable_appointment_at() = raised.appointment_at();
  *a.mutable_raised_at() = event.at();
  a.set_late_fired(raised.late_fired());
  *a.mutable_deliver_at() = raised.has_deliver_at() ? raised.deliver_at() : event.at();
  if (raised.step() != 0) {
    a.set_step(raised.step());
    *a.mutable_step_due_at() = raised.step_due_at();
    a.set_holder_unit(raised.holder_unit());
    a.set_holder_user(raised.holder_user());
  }
  if (raised.has_legal_last_moment()) *a.mutable_legal_last_moment() = raised.legal_last_moment();
  return a;
}

v1::Alert AlertFromRow(const sqlite::AlertRow& row) {
  v1::Alert a;
  a.set_id(row.seq);
  a.set_dossier_code(row.code);
  a.set_kind(static_cast<v1::AlertKind>(row.kind));
  SetSeconds(row.moment, a.mutable_moment());
  SetSeconds(row.appointment, a.mutable_appointment_at());
  SetSeconds(row.raised_at, a.mutable_raised_at());
  a.set_late_fired(row.late_fired);
  SetSeconds(row.deliver_at, a.mutable_deliver_at());
  if (row.step != 0) {
    a.set_step(row.step);
    SetSeconds(row.step_due_at, a.mutable_step_due_at());
    a.set_holder_unit(row.holder_unit);
    a.set_holder_user(row.holder_user);
  }
  if (row.legal_moment != 0) SetSeconds(row.legal_moment, a.mutable_legal_last_moment());
  a.set_open(row.open);
  return a;
}

std::string AlertJson(const v1::Alert& alert) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  // Printing a well-formed message cannot fail.
  (void)google::protobuf::util::MessageToJsonString(alert, &json, options);
  return json;
}

}  // namespace motcua::runtime
