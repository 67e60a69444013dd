// TLS for motcuad and its clients (OpenSSL through Asio's SSL stream): the
// server's context from a certificate and key, the client's from the CAs it
// trusts, both TLS 1.2 or newer with forward-secret AEAD ciphers only (the
// "intermediate" profile most guides recommend: every browser of the last
// ten years, and nothing weaker).
//
// Asio's SSL parts are compiled once, in asio_impl.cc, like the rest.
#ifndef MOTCUA_ADAPTERS_NET_TLS_H_
#define MOTCUA_ADAPTERS_NET_TLS_H_

#include <memory>
#include <string>
#include <string_view>

#include "adapters/net/asio.h"
#include "engine/base/status.h"

// clang-format off
#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>
// clang-format on

namespace motcua {

namespace ssl = boost::asio::ssl;

// A server context serving `certificate_file` (PEM, the certificate then
// its intermediates) with `key_file` (PEM, unencrypted: a service starts
// unattended). kConfig naming the file when one cannot be read or the key
// does not match the certificate.
Result<std::unique_ptr<ssl::context>> ServerTlsContext(const std::string& certificate_file,
                                                       const std::string& key_file);

// A client context that verifies the server's certificate against
// `ca_file` (PEM; a commune's own CA or self-signed certificate), or
// against the system's trust store when empty. kConfig when the file
// cannot be read.
Result<std::unique_ptr<ssl::context>> ClientTlsContext(const std::string& ca_file);

// Before a client's handshake: the name the certificate must carry (a DNS
// name, or an IP address matched against the certificate's IP entries) and
// the SNI that asks for it. Returns false when OpenSSL refuses the name.
bool ExpectServerName(beast::ssl_stream<beast::tcp_stream>& stream, std::string_view host);

// The reason a TLS operation failed, in English for a log or an error
// line: OpenSSL's own words when it has them ("certificate verify failed").
std::string TlsErrorText(const beast::error_code& ec);

}  // namespace motcua

#endif  // MOTCUA_ADAPTERS_NET_TLS_H_
