// The one header through which motcua includes Asio and Beast.
//
// Boost 1.74's Asio uses std::exchange without including <utility>, which
// GCC 12 in C++20 mode does not pull in on its own: include it first, here,
// so no file depends on its own include order. Asio and Beast are compiled
// once, in asio_impl.cc (BOOST_ASIO_SEPARATE_COMPILATION and
// BOOST_BEAST_SEPARATE_COMPILATION, set by the motcua_asio target).
#ifndef MOTCUA_ADAPTERS_NET_ASIO_H_
#define MOTCUA_ADAPTERS_NET_ASIO_H_

// The order matters here: keep clang-format from sorting it.
// clang-format off
#include <string_view>
#include <utility>  // must precede every Asio header (see above)

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
// clang-format on

namespace motcua {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

// Boost 1.74's Beast uses boost::string_view; the project uses the standard one.
inline beast::string_view ToBeast(std::string_view s) { return {s.data(), s.size()}; }
inline std::string_view ToStd(beast::string_view s) { return {s.data(), s.size()}; }

}  // namespace motcua

#endif  // MOTCUA_ADAPTERS_NET_ASIO_H_
