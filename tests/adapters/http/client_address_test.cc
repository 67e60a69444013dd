#include "adapters/http/client_address.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace motcua::http {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;

Request WithForwarding(std::string_view forwarded_for, std::string_view proto) {
  Request request{bhttp::verb::get, "/v1/session", 11};
  request.set(ToBeast(kForwardedForHeader), ToBeast(forwarded_for));
  request.set(ToBeast(kForwardedProtoHeader), ToBeast(proto));
  return request;
}

TrustedProxies Proxies(const std::vector<std::string>& addresses) {
  auto parsed = TrustedProxies::Parse(addresses);
  EXPECT_THAT(parsed, IsOk());
  return parsed.ok() ? *parsed : TrustedProxies();
}

TEST(ClientAddress, AnUntrustedPeerIsTheClientAndItsForwardingHeadersAreRemoved) {
  Request request = WithForwarding("203.0.113.7", "https");
  EXPECT_EQ(ClientAddressOf(request, "198.51.100.2", Proxies({"127.0.0.1"})), "198.51.100.2");
  EXPECT_TRUE(request[ToBeast(kForwardedForHeader)].empty());
  EXPECT_FALSE(CameOverHttps(request));
  // Trusting nobody is the default.
  Request other = WithForwarding("203.0.113.7", "https");
  EXPECT_EQ(ClientAddressOf(other, "127.0.0.1", TrustedProxies()), "127.0.0.1");
  EXPECT_FALSE(CameOverHttps(other));
}

TEST(ClientAddress, BehindATrustedProxyTheClientIsTheLastForwardedAddress) {
  const TrustedProxies proxies = Proxies({"127.0.0.1", "::1"});
  // Earlier entries are whatever the client itself claimed.
  Request request = WithForwarding("10.9.9.9, 203.0.113.7", "https");
  EXPECT_EQ(ClientAddressOf(request, "127.0.0.1", proxies), "203.0.113.7");
  EXPECT_TRUE(CameOverHttps(request));
  Request v6 = WithForwarding(" 2001:db8::1 ", "http");
  EXPECT_EQ(ClientAddressOf(v6, "::1", proxies), "2001:db8::1");
  EXPECT_FALSE(CameOverHttps(v6));
  // Not an address: the proxy is the client.
  Request junk = WithForwarding("203.0.113.7, <script>", "https");
  EXPECT_EQ(ClientAddressOf(junk, "127.0.0.1", proxies), "127.0.0.1");
  Request none{bhttp::verb::get, "/", 11};
  EXPECT_EQ(ClientAddressOf(none, "127.0.0.1", proxies), "127.0.0.1");
}

TEST(ClientAddress, OnlyAddressesCanBeTrusted) {
  EXPECT_THAT(TrustedProxies::Parse({"127.0.0.1", "10.0.0.0/8"}), HasError(Error::kConfig));
  EXPECT_THAT(TrustedProxies::Parse({"proxy.local"}), HasError(Error::kConfig));
  // An address is compared in the form a peer is printed.
  EXPECT_TRUE(Proxies({"0:0:0:0:0:0:0:1"}).Trusts("::1"));
}

}  // namespace
}  // namespace motcua::http
