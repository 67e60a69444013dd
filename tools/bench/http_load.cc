#include "tools/bench/http_load.h"

#include <cstdint>
#include <memory>

#include "adapters/net/asio.h"
#include "motcua/v1/api.pb.h"
#include "motcua/v1/command.pb.h"

namespace motcua::bench {

namespace {

using SteadyClock = std::chrono::steady_clock;

struct Shared {
  const LoadOptions& options;
  SteadyClock::time_point begin;  // of the measured window
  SteadyClock::time_point end;
  LoadResult result;
  std::uint64_t rng = 0x6d6f74637561;  // idempotency keys; SplitMix64

  std::string NewKey() {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string key;
    for (int half = 0; half < 2; ++half) {
      std::uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      z ^= z >> 31;
      for (int i = 0; i < 16; ++i) key += kHex[(z >> (4 * i)) & 15];
    }
    return key;
  }
  void Error(std::string what) {
    if (result.errors++ == 0) result.first_error = std::move(what);
  }
};

class Client : public std::enable_shared_from_this<Client> {
 public:
  Client(net::io_context& ioc, Shared& shared, std::size_t index)
      : stream_(ioc), shared_(shared), next_procedure_(index) {}

  void Start(const tcp::resolver::results_type& endpoints) {
    endpoints_ = endpoints;
    Connect();
  }

 private:
  void Connect() {
    stream_.async_connect(endpoints_,
                          [self = shared_from_this()](beast::error_code ec, const tcp::endpoint&) {
                            if (ec) return self->shared_.Error("connect: " + ec.message());
                            self->Send();
                          });
  }

  void Send() {
    if (SteadyClock::now() >= shared_.end) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
      return;
    }
    const LoadOptions& o = shared_.options;
    std::string name;
    std::string body;
    const std::string* token = &o.reception_token;
    switch (step_) {
      case 0: {
        const LoadOptions::Procedure& procedure =
            o.procedures[next_procedure_++ % o.procedures.size()];
        specialist_unit_ = procedure.unit;
        specialist_user_ = procedure.user;
        v1::Receive r;
        r.set_procedure_code(procedure.code);
        r.set_channel(v1::CHANNEL_COUNTER);
        r.set_sets(1);
        r.mutable_applicant()->set_name("Trần Thị Bình");
        r.mutable_applicant()->set_phone("0912345678");
        r.mutable_applicant()->set_id_number("001012345678");
        r.mutable_applicant()->set_address("xã Ngọc Sơn, huyện Hiệp Hòa, tỉnh Bắc Giang");
        v1::Document* d = r.add_documents();
        d->set_name("Tờ khai");
        d->set_copies(1);
        name = "receive";
        body = r.SerializeAsString();
        break;
      }
      case 1:
      case 2: {
        v1::HandOver h;
        h.set_dossier_code(code_);
        h.set_to_unit(step_ == 1 ? specialist_unit_ : "Lãnh đạo UBND xã");
        h.set_to_user(step_ == 1 ? specialist_user_ : "chutich01");
        h.set_electronic(true);
        if (step_ == 2) token = &o.specialist_token;
        name = "hand-over";
        body = h.SerializeAsString();
        break;
      }
      case 3: {
        v1::MarkResultReady m;
        m.set_dossier_code(code_);
        m.set_result_kind(v1::RESULT_KIND_ELECTRONIC);
        token = &o.leader_token;
        name = "result-ready";
        body = m.SerializeAsString();
        break;
      }
      default: {
        v1::ReturnResult r;
        r.set_dossier_code(code_);
        r.set_method(v1::RETURN_METHOD_ELECTRONIC);
        name = "return-result";
        body = r.SerializeAsString();
        break;
      }
    }
    req_ = {};
    req_.method(bhttp::verb::post);
    req_.target(ToBeast("/v1/commands/" + name));
    req_.version(11);
    req_.set(bhttp::field::host, ToBeast(o.host));
    req_.set(bhttp::field::authorization, ToBeast("Bearer " + *token));
    req_.set(bhttp::field::content_type, "application/x-protobuf");
    req_.set(bhttp::field::accept, "application/x-protobuf");
    req_.set("Idempotency-Key", ToBeast(shared_.NewKey()));
    req_.body() = std::move(body);
    req_.prepare_payload();
    sent_ = SteadyClock::now();
    bhttp::async_write(stream_, req_,
                       [self = shared_from_this()](beast::error_code ec, std::size_t) {
                         if (ec) return self->shared_.Error("write: " + ec.message());
                         self->Read();
                       });
  }

  void Read() {
    res_ = {};
    bhttp::async_read(
        stream_, buffer_, res_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec) return shared_.Error("read: " + ec.message());
    const auto done = SteadyClock::now();
    if (res_.result() != bhttp::status::ok) {
      shared_.Error("HTTP " + std::to_string(res_.result_int()) + ": " +
                    res_.body().substr(0, 200));
      step_ = 0;  // start a new dossier
    } else {
      ++shared_.result.all_commands;
      if (done >= shared_.begin && done < shared_.end) {
        ++shared_.result.commands;
        shared_.result.latencies.push_back(std::chrono::duration<double>(done - sent_).count());
      }
      if (step_ == 0) {
        v1::CommandReply reply;
        if (!reply.ParseFromString(res_.body())) return shared_.Error("unreadable reply");
        code_ = reply.dossier().code();
      }
      step_ = (step_ + 1) % 5;
    }
    if (!res_.keep_alive()) {
      // The server ends connections after its max_requests_per_connection.
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
      stream_.close();
      buffer_.clear();
      return Connect();
    }
    Send();
  }

  beast::tcp_stream stream_;
  Shared& shared_;
  tcp::resolver::results_type endpoints_;
  beast::flat_buffer buffer_;
  bhttp::request<bhttp::string_body> req_;
  bhttp::response<bhttp::string_body> res_;
  std::size_t next_procedure_;
  int step_ = 0;
  std::string code_;
  std::string specialist_unit_;
  std::string specialist_user_;
  SteadyClock::time_point sent_;
};

}  // namespace

Result<LoadResult> RunLoad(const LoadOptions& options) {
  if (options.procedures.empty()) return Status(Error::kInvalidArgument, "no procedures");
  net::io_context ioc(1);
  tcp::resolver resolver(ioc);
  beast::error_code ec;
  auto endpoints = resolver.resolve(options.host, options.port, ec);
  if (ec) return Status(Error::kInternal, "resolve: " + ec.message());
  Shared shared{options, {}, {}, {}};
  shared.begin = SteadyClock::now() + options.warmup;
  shared.end = shared.begin + options.measure;
  for (int i = 0; i < options.clients; ++i) {
    std::make_shared<Client>(ioc, shared, static_cast<std::size_t>(i))->Start(endpoints);
  }
  ioc.run();
  shared.result.seconds = std::chrono::duration<double>(options.measure).count();
  return std::move(shared.result);
}

}  // namespace motcua::bench
