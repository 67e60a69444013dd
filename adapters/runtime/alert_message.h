// v1::Alert, the one shape an alert travels in (lists, the event stream, the
// webhook), built from an AlertRaised event or an `alerts` row, and its
// one-line JSON (protobuf's JSON mapping, .proto field names).
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_RUNTIME_ALERT_MESSAGE_H_
#define MOTCUA_ADAPTERS_RUNTIME_ALERT_MESSAGE_H_

#include <string>

#include "adapters/sqlite/alert_queries.h"
#include "motcua/v1/alerts.pb.h"
#include "motcua/v1/event.pb.h"

namespace motcua::runtime {

// `event` must be a committed AlertRaised (its seq set).
v1::Alert AlertFromEvent(const v1::Event& event);
v1::Alert AlertFromRow(const sqlite::AlertRow& row);
// One line, no trailing newline.
std::string AlertJson(const v1::Alert& alert);

}  // namespace motcua::runtime

#endif  // MOTCUA_ADAPTERS_RUNTIME_ALERT_MESSAGE_H_
