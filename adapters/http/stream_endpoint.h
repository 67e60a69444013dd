// StreamEndpoint: a request that is answered with a stream, not with one
// response (GET /v1/alerts/stream). HttpSession asks Wants() of every
// request it reads; when the answer is yes and no earlier request is still
// waiting for its response, the session hands its connection over to
// Accept() and ends without closing it.
//
// Thread safety: both methods are called on the connection's strand, from
// any number of connections at once.
#ifndef MOTCUA_ADAPTERS_HTTP_STREAM_ENDPOINT_H_
#define MOTCUA_ADAPTERS_HTTP_STREAM_ENDPOINT_H_

#include "adapters/net/asio.h"
#include "adapters/net/maybe_tls_stream.h"
#include "adapters/http/authenticator.h"
#include "adapters/http/http_reply.h"

namespace motcua::http {

class StreamEndpoint {
 public:
  virtual ~StreamEndpoint() = default;
  // Whether `request` asks for this stream.
  virtual bool Wants(const Request& request) const = 0;
  // Takes the connection over for `principal`, whom the API handler
  // authenticated (bearer token or the desk's session cookie, the same rule
  // as every request): checks the role, then streams (or answers an error
  // and closes).
  virtual void Accept(MaybeTlsStream stream, Request request, const Principal& principal) = 0;
};

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_STREAM_ENDPOINT_H_
