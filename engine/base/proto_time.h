// Conversions between google.protobuf.Timestamp (the schema's instants) and
// the engine's Instant / epoch seconds. Header-only; for targets that link
// the generated schema.
#ifndef MOTCUA_ENGINE_BASE_PROTO_TIME_H_
#define MOTCUA_ENGINE_BASE_PROTO_TIME_H_

#include <cstdint>

#include <google/protobuf/timestamp.pb.h>

#include "engine/base/time.h"

namespace motcua {

// Sub-second parts are dropped: the engine counts whole seconds.
inline std::int64_t Seconds(const google::protobuf::Timestamp& t) { return t.seconds(); }
inline Instant ToInstant(const google::protobuf::Timestamp& t) { return FromUnixSeconds(t.seconds()); }

inline void SetSeconds(std::int64_t seconds, google::protobuf::Timestamp* t) {
  t->set_seconds(seconds);
  t->set_nanos(0);
}
inline void SetInstant(Instant at, google::protobuf::Timestamp* t) {
  SetSeconds(ToUnixSeconds(at), t);
}

}  // namespace motcua

#endif  // MOTCUA_ENGINE_BASE_PROTO_TIME_H_
