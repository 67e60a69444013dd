// Who sent a request, behind a reverse proxy. With nginx in front (the
// configuration's trusted_proxies, docs/install.md), every connection comes
// from the proxy's address; the proxy names the client in X-Forwarded-For
// and the scheme the client used in X-Forwarded-Proto. motcuad believes
// those headers only on a connection from a trusted proxy, and removes them
// from every other request, so that what reads them (the auth throttle's
// client address, the log, the session cookie's Secure flag) cannot be
// fooled by a client that sends them itself.
//
// Immutable after Parse; safe from any thread.
#ifndef MOTCUA_ADAPTERS_HTTP_CLIENT_ADDRESS_H_
#define MOTCUA_ADAPTERS_HTTP_CLIENT_ADDRESS_H_

#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/http_reply.h"
#include "engine/base/status.h"

namespace motcua::http {

inline constexpr std::string_view kForwardedForHeader = "X-Forwarded-For";
inline constexpr std::string_view kForwardedProtoHeader = "X-Forwarded-Proto";

class TrustedProxies {
 public:
  TrustedProxies() = default;  // none: every forwarding header is dropped
  // Each an IPv4 or IPv6 address (no ranges); kConfig naming a bad one.
  static Result<TrustedProxies> Parse(const std::vector<std::string>& addresses);

  bool Trusts(std::string_view peer) const;

 private:
  std::vector<std::string> addresses_;  // in the form peers are printed
};

// The client of `request`, which arrived on a connection from `peer`: the
// last X-Forwarded-For entry when `peer` is a trusted proxy and that entry
// is an address (the one the proxy itself saw: earlier entries are what the
// client claimed); otherwise `peer`, and the forwarding headers are removed
// from `request`.
std::string ClientAddressOf(Request& request, const std::string& peer,
                            const TrustedProxies& proxies);

// The client used HTTPS: to motcuad itself (the session marks such a
// request with MarkDirectHttps), or to the trusted proxy. Only meaningful
// after ClientAddressOf, which removes an untrusted claim.
bool CameOverHttps(const Request& request);
// Marks a request that arrived over motcuad's own TLS, after ClientAddressOf.
void MarkDirectHttps(Request& request);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_CLIENT_ADDRESS_H_
