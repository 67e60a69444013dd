#include "tests/reliability/load.h"

#include <deque>
#include <utility>
#include <limits>
#include <memory>

#include "adapters/client/api_client.h"

namespace motcua::reliability {

Load::Load(Options options) : options_(std::move(options)) {
  for (int i = 0; i < options_.clients; ++i) threads_.emplace_back([this, i] { Client(i); });
}

Load::~Load() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void Load::Resume(const std::string& url) {
  {
    std::lock_guard lock(mutex_);
    url_ = url;
    ++generation_;
    running_ = true;
  }
  changed_.notify_all();
}

void Load::Pause() {
  std::unique_lock lock(mutex_);
  running_ = false;
  changed_.wait(lock, [this] { return in_flight_.load() == 0; });
}

std::vector<AckedCommand> Load::TakeAcked() {
  std::lock_guard lock(mutex_);
  return std::exchange(acked_, {});
}

std::vector<SentCommand> Load::TakeUnresolved() {
  std::lock_guard lock(mutex_);
  return std::exchange(unresolved_, {});
}

std::vector<std::string> Load::TakeRefusals() {
  std::lock_guard lock(mutex_);
  return std::exchange(refusals_, {});
}

v1::Receive Load::SampleReceive(int client, int n) {
  v1::Receive r;
  r.set_procedure_code(n % 2 == 0 ? "1.004873" : "2.001016");
  r.set_channel(v1::CHANNEL_COUNTER);
  r.mutable_applicant()->set_name("Công dân " + std::to_string(client) + "-" + std::to_string(n));
  r.mutable_applicant()->set_phone("09" + std::to_string(10000000 + client * 100000 + n % 100000));
  v1::Document* d = r.add_documents();
  d->set_name("Tờ khai");
  d->set_copies(1);
  return r;
}

void Load::Client(int index) {
  constexpr std::uint64_t kNotBlocked = std::numeric_limits<std::uint64_t>::max();
  std::unique_ptr<client::ApiClient> client;
  std::uint64_t generation = 0;
  // A client whose server died waits for the next one.
  std::uint64_t blocked_on = kNotBlocked;
  std::deque<std::string> to_hand_over;  // dossiers this client received
  for (int n = 0;; ++n) {
    std::string url;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] {
        return stopping_ || (running_ && generation_ != blocked_on);
      });
      if (stopping_) return;
      if (generation_ != generation) {
        generation = generation_;
        url = url_;
        client.reset();
      }
      // Counted under the lock: Pause() never misses a call about to start.
      ++in_flight_;
    }
    if (!client) {
      auto parsed = client::ServerUrl::Parse(url);
      if (parsed.ok()) {
        client = std::make_unique<client::ApiClient>(*parsed, options_.token,
                                                   std::chrono::seconds(60));
      }
    }
    SentCommand command;
    command.idempotency_key = client::ApiClient::NewIdempotencyKey();
    const bool hand_over = options_.hand_over_every > 0 && n % options_.hand_over_every == 0 &&
                           !to_hand_over.empty();
    if (hand_over) {
      command.name = "hand-over";
      command.hand_over.set_dossier_code(to_hand_over.front());
      command.hand_over.set_to_unit("Tư pháp - Hộ tịch");
      command.hand_over.set_to_user("tuphap01");
      command.hand_over.set_electronic(true);
      to_hand_over.pop_front();
    } else {
      command.name = "receive";
      command.receive = SampleReceive(index, n);
    }
    Result<v1::CommandReply> reply =
        client ? client->Command(command.name,
                                 hand_over ? static_cast<const google::protobuf::Message&>(
                                                 command.hand_over)
                                           : command.receive,
                                 command.idempotency_key)
               : Result<v1::CommandReply>(Status(Error::kInvalidArgument, "bad url " + url));
    {
      std::lock_guard lock(mutex_);
      if (reply.ok()) {
        if (!hand_over) to_hand_over.push_back(reply->dossier().code());
        acked_.push_back(AckedCommand{std::move(command), std::move(*reply)});
        ++acked_count_;
      } else if (client && client->unreachable()) {
        unresolved_.push_back(std::move(command));
        blocked_on = generation;
      } else {
        refusals_.push_back(command.name + ": " + reply.status().ToString());
      }
      --in_flight_;
    }
    changed_.notify_all();
  }
}

}  // namespace motcua::reliability
