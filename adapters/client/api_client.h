// ApiClient: motcuad's API as typed calls, for the desk client and the
// end-to-end tests. It speaks binary protobuf (Content-Type and Accept
// application/x-protobuf), sends the bearer token, and turns an ErrorReply
// into a Status with the server's own code and Vietnamese message.
//
// A command carries an Idempotency-Key and is sent again once, with the same
// key, when the first attempt timed out or lost its connection: the server
// then answers the retry with the first attempt's reply if it had committed
// it, so a retry can never do a command twice.
//
// Not thread-safe: one client per thread.
#ifndef MOTCUA_ADAPTERS_CLIENT_API_CLIENT_H_
#define MOTCUA_ADAPTERS_CLIENT_API_CLIENT_H_

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <google/protobuf/message.h>

#include "adapters/client/http_client.h"
#include "engine/base/status.h"
#include "motcua/v1/api.pb.h"
#include "motcua/v1/command.pb.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::client {

class ApiClient {
 public:
  ApiClient(ServerUrl url, std::string token,
            std::chrono::milliseconds timeout = std::chrono::seconds(30));

  // POST /v1/commands/{name}; an empty key sends none (and never retries).
  Result<v1::CommandReply> Command(std::string_view name, const google::protobuf::Message& body,
                                   const std::string& idempotency_key);
  Result<v1::DossierDetail> Dossier(std::string_view code);
  // GET /v1/dossiers with the given query parameters.
  Result<v1::DossierList> Dossiers(const std::vector<std::pair<std::string, std::string>>& query);
  Result<v1::Catalog> Catalog();
  Result<v1::CitizenView> Lookup(std::string_view code, std::string_view secret);
  // Mẫu 01 as text, or as an HTML page.
  Result<std::string> Receipt(std::string_view code, bool html);
  Result<v1::Health> Health();
  // Any other call (adds the token; an HTTP error becomes the server's
  // Status). `may_retry` only for calls that are safe to repeat.
  Result<HttpReply> Fetch(HttpClient::Call call, bool may_retry);

  // Whether the last call failed without an answer from the server (could
  // not connect, timed out, connection lost): the CLI's exit code 3.
  bool unreachable() const { return unreachable_; }
  // Whether the last command's reply was the stored answer to an earlier
  // request with the same key.
  bool replayed() const { return replayed_; }
  // Attempts the last command took (1, or 2 after a retry).
  int attempts() const { return attempts_; }

  // A fresh random key (32 hex digits).
  static std::string NewIdempotencyKey();

 private:
  Result<HttpReply> Exchange(const HttpClient::Call& call, bool may_retry);
  template <class M>
  Result<M> Get(const std::string& target);

  HttpClient http_;
  std::string token_;
  bool unreachable_ = false;
  bool replayed_ = false;
  int attempts_ = 0;
};

}  // namespace motcua::client

#endif  // MOTCUA_ADAPTERS_CLIENT_API_CLIENT_H_
