#include "adapters/net/tls.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "engine/base/quote.h"

namespace motcua {

namespace {

// TLS 1.2's forward-secret AEAD suites; TLS 1.3 has only such suites and
// keeps OpenSSL's defaults.
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

Status Restrict(ssl::context& context) {
  SSL_CTX* native = context.native_handle();
  if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
      SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
    return Status(Error::kInternal, "OpenSSL refused the TLS 1.2+ profile");
  }
  // No renegotiation (a TLS 1.2 denial-of-service lever) and no
  // compression (CRIME).
  SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION |
                                  SSL_OP_CIPHER_SERVER_PREFERENCE);
  return Status::Ok();
}

Status FileError(std::string_view what, const std::string& path, const beast::error_code& ec) {
  return Status(Error::kConfig, std::string(what) + " " + QuoteForMessage(path, kQuotedPathMaxBytes) +
                                    ": " + TlsErrorText(ec));
}

}  // namespace

Result<std::unique_ptr<ssl::context>> ServerTlsContext(const std::string& certificate_file,
                                                       const std::string& key_file) {
  auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
  MOTCUA_RETURN_IF_ERROR(Restrict(*context));
  beast::error_code ec;
  context->use_certificate_chain_file(certificate_file, ec);
  if (ec) return FileError("chứng chỉ TLS", certificate_file, ec);
  context->use_private_key_file(key_file, ssl::context::pem, ec);
  if (ec) return FileError("khóa riêng TLS", key_file, ec);
  if (SSL_CTX_check_private_key(context->native_handle()) != 1) {
    return Status(Error::kConfig, "khóa riêng TLS " + QuoteForMessage(key_file, kQuotedPathMaxBytes) +
                                      " không khớp với chứng chỉ " +
                                      QuoteForMessage(certificate_file, kQuotedPathMaxBytes));
  }
  return context;
}

Result<std::unique_ptr<ssl::context>> ClientTlsContext(const std::string& ca_file) {
  auto context = std::make_unique<ssl::context>(ssl::context::tls_client);
  MOTCUA_RETURN_IF_ERROR(Restrict(*context));
  beast::error_code ec;
  if (ca_file.empty()) {
    context->set_default_verify_paths(ec);
  } else {
    context->load_verify_file(ca_file, ec);
  }
  if (ec) return FileError("tệp CA", ca_file, ec);
  context->set_verify_mode(ssl::verify_peer);
  return context;
}

bool ExpectServerName(beast::ssl_stream<beast::tcp_stream>& stream, std::string_view host) {
  SSL* native = stream.native_handle();
  const std::string name(host);
  X509_VERIFY_PARAM* param = SSL_get0_param(native);
  X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  beast::error_code ec;
  net::ip::make_address(name, ec);
  if (!ec) return X509_VERIFY_PARAM_set1_ip_asc(param, name.c_str()) == 1;
  // SNI is for names only (RFC 6066 §3).
  return X509_VERIFY_PARAM_set1_host(param, name.c_str(), name.size()) == 1 &&
         // SSL_set_tlsext_host_name, without the macro's old-style cast.
         SSL_ctrl(native, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                  const_cast<char*>(name.c_str())) == 1;
}

std::string TlsErrorText(const beast::error_code& ec) {
  if (ec.category() == net::error::get_ssl_category()) {
    // OpenSSL's reason string without its library prefix.
    if (const char* reason = ERR_reason_error_string(static_cast<unsigned long>(ec.value()))) {
      return reason;
    }
  }
  return ec.message();
}

}  // namespace motcua
