// Where a client finds motcuad (or a webhook's receiver), and why a call
// to it got no reply: shared by the HTTP client, the event-stream client
// and the connection they both open (connect.h).
#ifndef MOTCUA_ADAPTERS_CLIENT_SERVER_URL_H_
#define MOTCUA_ADAPTERS_CLIENT_SERVER_URL_H_

#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace motcua::client {

// "http://HOST[:PORT]" or "https://HOST[:PORT]" (an optional trailing
// slash; the port defaults to 80 and 443).
struct ServerUrl {
  std::string host;
  std::string port;
  bool https = false;
  // For https: the PEM file of the CA (or the self-signed certificate) the
  // server's certificate must chain to; empty: the system's trust store.
  // The certificate must also name `host`.
  std::string ca_file = {};

  static Result<ServerUrl> Parse(std::string_view url);
  // "https://host:port", for messages.
  std::string ToString() const;
};

// Why a call got no reply. The request may or may not have reached the
// server, so only a request that is safe to repeat (an idempotency key)
// may be retried.
struct TransportError {
  enum class Kind {
    kCannotConnect,  // nothing was sent
    kTimedOut,
    kConnectionLost,  // reset or closed before the whole reply arrived
    kBadReply,        // the server's answer was not valid HTTP
  };
  Kind kind;
  std::string message;  // English, for logs; ToStatus gives the officer's line
};

}  // namespace motcua::client

#endif  // MOTCUA_ADAPTERS_CLIENT_SERVER_URL_H_
