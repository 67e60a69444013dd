// Idempotency keys. A mutating request may carry `Idempotency-Key: K`; the
// engine service stores (actor, K, fingerprint, reply) in the same
// transaction as the command's events, so a retry of the same request (a
// double click, a client's retry after a timeout) gets the original reply and
// writes nothing, and a different request under the same key is a conflict.
//
// The fingerprint covers the command's kind and its body in canonical form
// (deterministic binary protobuf, actor excluded), so the same request sent
// once as JSON and once as protobuf is the same request.
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_API_IDEMPOTENCY_H_
#define MOTCUA_ADAPTERS_API_IDEMPOTENCY_H_

#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "motcua/v1/command.pb.h"

namespace motcua::api {

inline constexpr std::size_t kMaxIdempotencyKeyBytes = 128;

// kBadRequest unless `key` is 1–128 visible ASCII characters.
Status ValidateIdempotencyKey(std::string_view key);

// SHA-256 (32 raw bytes) of the command's kind and canonical body.
std::string RequestFingerprint(const v1::Command& command);

}  // namespace motcua::api

#endif  // MOTCUA_ADAPTERS_API_IDEMPOTENCY_H_
