#include "adapters/client/server_url.h"

#include "engine/base/quote.h"

namespace motcua::client {

Result<ServerUrl> ServerUrl::Parse(std::string_view url) {
  auto bad = [&] {
    return Status(Error::kInvalidArgument, "địa chỉ máy chủ không hợp lệ '" + QuoteForMessage(url) +
                                               "' (cần dạng http://HOST:PORT hoặc https://HOST:PORT)");
  };
  ServerUrl out;
  std::string_view rest;
  if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else if (url.starts_with("https://")) {
    rest = url.substr(8);
    out.https = true;
  } else {
    return bad();
  }
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.empty() || rest.find('/') != std::string_view::npos) return bad();
  const std::size_t colon = rest.rfind(':');
  if (colon == std::string_view::npos || rest.back() == ']') {
    out.host = std::string(rest);
    out.port = out.https ? "443" : "80";
  } else {
    out.host = std::string(rest.substr(0, colon));
    out.port = std::string(rest.substr(colon + 1));
    if (out.port.empty() || out.port.find_first_not_of("0123456789") != std::string::npos) {
      return bad();
    }
  }
  if (out.host.size() >= 2 && out.host.front() == '[' && out.host.back() == ']') {
    out.host = out.host.substr(1, out.host.size() - 2);
  }
  if (out.host.empty()) return bad();
  return out;
}

std::string ServerUrl::ToString() const {
  const bool v6 = host.find(':') != std::string::npos;
  return std::string(https ? "https://" : "http://") + (v6 ? "[" + host + "]" : host) + ":" + port;
}

}  // namespace motcua::client
