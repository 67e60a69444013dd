#include "adapters/http/server.h"

#include <charconv>
#include <memory>
#include <string>

#include "engine/base/quote.h"

namespace motcua::http {

Server::Server(net::io_context& ioc, const ApiHandler& handler, runtime::RequestLog& log,
               ServerOptions options)
    : ioc_(ioc),
      handler_(handler),
      log_(log),
      options_(options),
      acceptor_(net::make_strand(ioc)),
      retry_timer_(acceptor_.get_executor()),
      grace_timer_(acceptor_.get_executor()) {}

Result<tcp::endpoint> Server::Listen(const tcp::endpoint& endpoint) {
  beast::error_code ec;
  auto fail = [&](const char* what) {
    return Status(Error::kConfig,
                  std::string("không lắng nghe được trên ") + endpoint.address().to_string() + ":" +
                      std::to_string(endpoint.port()) + " (" + what + "): " + ec.message());
  };
  acceptor_.open(endpoint.protocol(), ec);
  if (ec) return fail("open");
  acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return fail("reuse_address");
  acceptor_.bind(endpoint, ec);
  if (ec) return fail("bind");
  acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return fail("listen");
  tcp::endpoint bound = acceptor_.local_endpoint(ec);
  if (ec) return fail("local_endpoint");
  return bound;
}

void Server::Start() {
  net::dispatch(acceptor_.get_executor(), [this] { DoAccept(); });
}

void Server::DoAccept() {
  if (shutting_down_) return;
  // Each connection gets a strand of its own.
  acceptor_.async_accept(net::make_strand(ioc_),
                         beast::bind_front_handler(&Server::OnAccept, this));
}

void Server::OnAccept(beast::error_code ec, tcp::socket socket) {
  if (shutting_down_ || ec == net::error::operation_aborted) return;
  if (ec) {
    // e.g. out of file descriptors: keep serving the connections we have
    // and try again shortly, rather than stop accepting for good.
    log_.Warning("accept failed: " + ec.message() + "; retrying in 100ms");
    retry_timer_.expires_after(std::chrono::milliseconds(100));
    retry_timer_.async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec) DoAccept();
    });
    return;
  }
  beast::tcp_stream plain(std::move(socket));
  auto session = std::make_shared<HttpSession>(
      options_.tls ? MaybeTlsStream(std::move(plain), *options_.tls) : MaybeTlsStream(std::move(plain)),
      handler_, log_, registry_, options_.session);
  if (registry_.size() >= options_.max_connections && !EvictLongestWaiter()) {
    session->Reject();
  } else {
    session->Run();
  }
  DoAccept();
}

bool Server::EvictLongestWaiter() {
  const auto now = std::chrono::steady_clock::now();
  std::shared_ptr<HttpSession> longest;
  std::chrono::steady_clock::time_point since = now - kEvictableAfter;
  registry_.ForEach([&](HttpSession& s) {
    if (auto waiting = s.WaitingSince(); waiting && *waiting <= since) {
      since = *waiting;
      longest = s.shared_from_this();
    }
  });
  if (!longest) return false;
  longest->Evict();
  return true;
}

void Server::Shutdown(std::function<void()> done) {
  net::dispatch(acceptor_.get_executor(), [this, done = std::move(done)]() mutable {
    if (shutting_down_) return;
    shutting_down_ = true;
    beast::error_code ignored;
    acceptor_.close(ignored);
    retry_timer_.cancel();
    log_.Note("shutting down: " + std::to_string(registry_.size()) +
              " connection(s) finishing their requests");
    registry_.ForEach([](HttpSession& s) { s.Stop(); });

    grace_timer_.expires_after(options_.shutdown_grace);
    grace_timer_.async_wait([this](beast::error_code ec) {
      if (ec) return;  // every session left in time
      log_.Warning("grace period over: closing " + std::to_string(registry_.size()) +
                " connection(s)");
      registry_.ForEach([](HttpSession& s) { s.Abort(); });
    });
    registry_.WhenEmpty([this, done = std::move(done)] {
      // From whichever thread removed the last session: back to the strand
      // to cancel the grace timer, or run() would wait for it.
      net::post(acceptor_.get_executor(), [this, done] {
        grace_timer_.cancel();
        if (done) done();
      });
    });
  });
}

Result<tcp::endpoint> ParseListenAddress(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  auto bad = [&] {
    return Status(Error::kInvalidArgument,
                  "địa chỉ lắng nghe không hợp lệ '" + QuoteForMessage(text) + "' (cần HOST:PORT)");
  };
  if (colon == std::string_view::npos || colon == 0) return bad();
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  unsigned port = 0;
  auto [end, errc] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || errc != std::errc() || end != port_text.data() + port_text.size() ||
      port > 65535) {
    return bad();
  }
  beast::error_code ec;
  net::ip::address address = net::ip::make_address(std::string(host), ec);
  if (ec) {
    if (host == "localhost") {
      address = net::ip::make_address("127.0.0.1");
    } else {
      return bad();
    }
  }
  return tcp::endpoint(address, static_cast<unsigned short>(port));
}

}  // namespace motcua::http
