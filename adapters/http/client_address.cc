#include "adapters/http/client_address.h"

#include <algorithm>

#include "adapters/net/asio.h"
#include "engine/base/quote.h"

namespace motcua::http {

namespace {

// `text` as an address in the form a peer is printed, or empty.
std::string Normalized(std::string_view text) {
  beast::error_code ec;
  const net::ip::address address = net::ip::make_address(std::string(text), ec);
  if (ec) return {};
  return address.to_string();
}

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& addresses) {
  TrustedProxies proxies;
  for (const std::string& text : addresses) {
    std::string address = Normalized(text);
    if (address.empty()) {
      return Status(Error::kConfig, "trusted_proxies: '" + QuoteForMessage(text) +
                                        "' không phải địa chỉ IPv4 hoặc IPv6");
    }
    proxies.addresses_.push_back(std::move(address));
  }
  return proxies;
}

bool TrustedProxies::Trusts(std::string_view peer) const {
  return std::find(addresses_.begin(), addresses_.end(), peer) != addresses_.end();
}

std::string ClientAddressOf(Request& request, const std::string& peer,
                            const TrustedProxies& proxies) {
  if (!proxies.Trusts(peer)) {
    request.erase(ToBeast(kForwardedForHeader));
    request.erase(ToBeast(kForwardedProtoHeader));
    return peer;
  }
  const std::string_view forwarded = ToStd(request[ToBeast(kForwardedForHeader)]);
  const std::size_t comma = forwarded.rfind(',');
  const std::string client =
      Normalized(Trimmed(comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1)));
  return client.empty() ? peer : client;
}

bool CameOverHttps(const Request& request) {
  return beast::iequals(request[ToBeast(kForwardedProtoHeader)], "https");
}

void MarkDirectHttps(Request& request) {
  request.set(ToBeast(kForwardedProtoHeader), "https");
}

}  // namespace motcua::http
