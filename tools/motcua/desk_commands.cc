// The lifecycle commands of the desk, each one a call to motcuad:
//
//   $ motcua receive --procedure 1.004873 --applicant "Nguyễn Văn A"
//         --phone 0912345678 --channel counter --documents "Tờ khai,CCCD"
//   Mã hồ sơ: 000.00.07.H06-240315-0012
//   Trạng thái: Được tiếp nhận (2)
//   Hẹn trả: 2024-03-20 09:15
//   Mã tra cứu (in trên giấy tiếp nhận): 7KQ3M9XA
//
// Every command sends a fresh Idempotency-Key and retries once with the same
// key after a timeout or a lost connection, so a retry never does it twice.
// Exit codes: 0 done, 1 the server refused, 2 bad usage, 3 no server.
#include <map>
#include <string>
#include <vector>

#include "adapters/http/api_client.h"
#include "engine/base/proto_time.h"
#include "engine/base/time.h"
#include "motcua/v1/command.pb.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"
#include "tools/motcua/dossier_printing.h"
#include "tools/motcua/server_client.h"

namespace motcua::cli {

namespace {

using Tokens = std::vector<std::string>;

// Parses the tokens or fails the command with a usage error; the body of
// each command runs only with parsed arguments.
template <class Body>
int WithArgs(const Context& ctx, const Tokens& tokens, const ArgSpec& spec, Body body) {
  auto args = Args::Parse(tokens, spec);
  if (!args.ok()) return Fail(ctx, args.status().message(), kUsage);
  return body(*args);
}

int Send(const Context& ctx, std::string_view endpoint, const google::protobuf::Message& body) {
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  auto reply = (*client)->Command(endpoint, body, http::ApiClient::NewIdempotencyKey());
  if (!reply.ok()) return FailCall(ctx, **client, reply.status());
  PrintCommandReply(*reply, *ctx.out);
  return 0;
}

// "Tờ khai, CCCD" → {"Tờ khai", "CCCD"}.
std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    const auto first = item.find_first_not_of(" \t");
    const auto last = item.find_last_not_of(" \t");
    if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
    start = end + 1;
  }
  return out;
}

// --documents, with --reused and --digitized marking documents by name (a
// reused document the citizen did not bring is added as reused).
google::protobuf::RepeatedPtrField<v1::Document> Documents(const Args& args) {
  google::protobuf::RepeatedPtrField<v1::Document> docs;
  auto find_or_add = [&](const std::string& name) -> v1::Document& {
    for (v1::Document& d : docs) {
      if (d.name() == name) return d;
    }
    v1::Document* d = docs.Add();
    d->set_name(name);
    d->set_copies(1);
    return *d;
  };
  for (const std::string& name : SplitList(args.Get("documents").value_or(""))) find_or_add(name);
  for (const std::string& name : SplitList(args.Get("reused").value_or(""))) {
    find_or_add(name).set_reused(true);
  }
  for (const std::string& name : SplitList(args.Get("digitized").value_or(""))) {
    find_or_add(name).set_digitized(true);
  }
  return docs;
}

Result<v1::Applicant> ApplicantOf(const Args& args) {
  v1::Applicant a;
  MOTCUA_ASSIGN_OR_RETURN(std::string name, args.Require("applicant"));
  a.set_name(name);
  a.set_phone(args.Get("phone").value_or(""));
  a.set_id_number(args.Get("id-number").value_or(""));
  a.set_address(args.Get("address").value_or(""));
  a.set_email(args.Get("email").value_or(""));
  return a;
}

// One of `choices` (the word on the command line → the enum value).
template <class E>
Result<E> Choice(const Args& args, const std::string& flag, const std::map<std::string, E>& choices,
                 std::optional<E> fallback = std::nullopt) {
  auto value = args.Get(flag);
  if (!value) {
    if (fallback) return *fallback;
    return Status(Error::kInvalidArgument, "thiếu tùy chọn --" + flag);
  }
  auto it = choices.find(*value);
  if (it != choices.end()) return it->second;
  std::string allowed;
  for (const auto& [word, e] : choices) allowed += (allowed.empty() ? "" : "|") + word;
  return Status(Error::kInvalidArgument,
                "--" + flag + " phải là " + allowed + ", nhận được '" + *value + "'");
}

Result<std::uint32_t> Sets(const Args& args) {
  if (!args.Has("sets")) return 1u;
  MOTCUA_ASSIGN_OR_RETURN(std::int64_t n, args.RequireCount("sets"));
  if (n < 1) return Status(Error::kInvalidArgument, "--sets phải từ 1 trở lên");
  return static_cast<std::uint32_t>(n);
}

const ArgSpec kApplicantSpec{
    .valued = {"procedure", "applicant", "phone", "id-number", "address", "email", "channel",
               "documents", "reused", "digitized", "sets"},
    .flags = {}};

int RunReceive(const Context& ctx, const Tokens& tokens) {
  return WithArgs(ctx, tokens, kApplicantSpec, [&](const Args& args) {
    v1::Receive r;
    auto procedure = args.Require("procedure");
    auto applicant = ApplicantOf(args);
    auto channel = Choice<v1::Channel>(
        args, "channel", {{"counter", v1::CHANNEL_COUNTER}, {"post", v1::CHANNEL_POST}},
        v1::CHANNEL_COUNTER);
    auto sets = Sets(args);
    for (const Status* s :
         {&procedure.status(), &applicant.status(), &channel.status(), &sets.status()}) {
      if (!s->ok()) return Fail(ctx, s->message(), kUsage);
    }
    r.set_procedure_code(*procedure);
    *r.mutable_applicant() = *applicant;
    r.set_channel(*channel);
    *r.mutable_documents() = Documents(args);
    r.set_sets(*sets);
    return Send(ctx, "receive", r);
  });
}

int RunRegisterOnline(const Context& ctx, const Tokens& tokens) {
  return WithArgs(ctx, tokens, kApplicantSpec, [&](const Args& args) {
    if (args.Has("channel")) return Fail(ctx, "đăng ký trực tuyến không có --channel", kUsage);
    v1::RegisterOnline r;
    auto procedure = args.Require("procedure");
    auto applicant = ApplicantOf(args);
    auto sets = Sets(args);
    for (const Status* s : {&procedure.status(), &applicant.status(), &sets.status()}) {
      if (!s->ok()) return Fail(ctx, s->message(), kUsage);
    }
    r.set_procedure_code(*procedure);
    *r.mutable_applicant() = *applicant;
    *r.mutable_documents() = Documents(args);
    r.set_sets(*sets);
    return Send(ctx, "register-online", r);
  });
}

int RunAccept(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {"procedure", "documents", "reused", "digitized", "sets"},
                     .flags = {},
                     .min_positional = 1,
                     .max_positional = 1};
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    auto sets = Sets(args);
    if (!sets.ok()) return Fail(ctx, sets.status().message(), kUsage);
    v1::Receive r;
    r.set_dossier_code(args.positional()[0]);
    r.set_procedure_code(args.Get("procedure").value_or(""));
    r.set_channel(v1::CHANNEL_ONLINE);
    *r.mutable_documents() = Documents(args);
    r.set_sets(*sets);
    return Send(ctx, "receive", r);
  });
}

int RunRefuse(const Context& ctx, const Tokens& tokens) {
  ArgSpec spec = kApplicantSpec;
  spec.valued.push_back("reason");
  spec.max_positional = 1;
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    auto reason = args.Require("reason");
    if (!reason.ok()) return Fail(ctx, reason.status().message(), kUsage);
    v1::Refuse r;
    r.set_reason(*reason);
    if (!args.positional().empty()) {
      // An online registration: only the code and the reason.
      r.set_dossier_code(args.positional()[0]);
      if (args.Has("procedure") || args.Has("applicant")) {
        return Fail(ctx, "từ chối hồ sơ đã đăng ký chỉ cần MÃ và --reason", kUsage);
      }
      return Send(ctx, "refuse", r);
    }
    auto procedure = args.Require("procedure");
    auto applicant = ApplicantOf(args);
    auto channel = Choice<v1::Channel>(
        args, "channel", {{"counter", v1::CHANNEL_COUNTER}, {"post", v1::CHANNEL_POST}},
        v1::CHANNEL_COUNTER);
    for (const Status* s : {&procedure.status(), &applicant.status(), &channel.status()}) {
      if (!s->ok()) return Fail(ctx, s->message(), kUsage);
    }
    r.set_procedure_code(*procedure);
    *r.mutable_applicant() = *applicant;
    r.set_channel(*channel);
    return Send(ctx, "refuse", r);
  });
}

int RunHandOver(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {"to-unit", "to-user", "from-unit", "note"},
                     .flags = {"paper"},
                     .min_positional = 1,
                     .max_positional = 1};
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    auto to_unit = args.Require("to-unit");
    if (!to_unit.ok()) return Fail(ctx, to_unit.status().message(), kUsage);
    v1::HandOver h;
    h.set_dossier_code(args.positional()[0]);
    h.set_to_unit(*to_unit);
    h.set_to_user(args.Get("to-user").value_or(""));
    h.set_from_unit(args.Get("from-unit").value_or(""));
    h.set_note(args.Get("note").value_or(""));
    h.set_electronic(!args.Has("paper"));
    return Send(ctx, "hand-over", h);
  });
}

int RunRequestSupplement(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{
      .valued = {"reason", "documents"}, .flags = {}, .min_positional = 1, .max_positional = 1};
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    auto reason = args.Require("reason");
    if (!reason.ok()) return Fail(ctx, reason.status().message(), kUsage);
    v1::RequestSupplement r;
    r.set_dossier_code(args.positional()[0]);
    r.set_reason(*reason);
    for (const std::string& d : SplitList(args.Get("documents").value_or(""))) r.add_documents(d);
    return Send(ctx, "request-supplement", r);
  });
}

int RunSupplement(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {"documents", "reused", "digitized"},
                     .flags = {},
                     .min_positional = 1,
                     .max_positional = 1};
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    v1::Supplement s;
    s.set_dossier_code(args.positional()[0]);
    *s.mutable_documents() = Documents(args);
    return Send(ctx, "supplement", s);
  });
}

int RunRequestFee(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{
      .valued = {"amount", "note"}, .flags = {}, .min_positional = 1, .max_positional = 1};
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    auto amount = args.RequireCount("amount");
    if (!amount.ok()) return Fail(ctx, amount.status().message(), kUsage);
    v1::RequestFee f;
    f.set_dossier_code(args.positional()[0]);
    f.set_amount_vnd(*amount);
    f.set_note(args.Get("note").value_or(""));
    return Send(ctx, "request-fee", f);
  });
}

int RunPay(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {"method", "amount", "receipt-number"},
                     .flags = {},
                     .min_positional = 1,
                     .max_positional = 1};
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    auto method = Choice<v1::PaymentMethod>(args, "method",
                                            {{"portal", v1::PAYMENT_METHOD_NATIONAL_PORTAL},
                                             {"gateway", v1::PAYMENT_METHOD_PROVINCIAL_GATEWAY},
                                             {"cash", v1::PAYMENT_METHOD_CASH}});
    if (!method.ok()) return Fail(ctx, method.status().message(), kUsage);
    v1::RecordPayment p;
    p.set_dossier_code(args.positional()[0]);
    p.set_method(*method);
    if (args.Has("amount")) {
      auto amount = args.RequireCount("amount");
      if (!amount.ok()) return Fail(ctx, amount.status().message(), kUsage);
      p.set_amount_vnd(*amount);
    }
    p.set_receipt_number(args.Get("receipt-number").value_or(""));
    return Send(ctx, "record-payment", p);
  });
}

int RunStop(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {"reason"}, .flags = {}, .min_positional = 1, .max_positional = 1};
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    auto reason = args.Require("reason");
    if (!reason.ok()) return Fail(ctx, reason.status().message(), kUsage);
    v1::Stop s;
    s.set_dossier_code(args.positional()[0]);
    s.set_reason(*reason);
    return Send(ctx, "stop", s);
  });
}

int RunWithdraw(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {"reason"}, .flags = {}, .min_positional = 1, .max_positional = 1};
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    v1::Withdraw w;
    w.set_dossier_code(args.positional()[0]);
    w.set_reason(args.Get("reason").value_or(""));
    return Send(ctx, "withdraw", w);
  });
}

int RunResultReady(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{
      .valued = {"kind", "number", "note"}, .flags = {}, .min_positional = 1, .max_positional = 1};
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    auto kind = Choice<v1::ResultKind>(
        args, "kind",
        {{"electronic", v1::RESULT_KIND_ELECTRONIC}, {"paper", v1::RESULT_KIND_PAPER}});
    if (!kind.ok()) return Fail(ctx, kind.status().message(), kUsage);
    v1::MarkResultReady r;
    r.set_dossier_code(args.positional()[0]);
    r.set_result_kind(*kind);
    r.set_result_number(args.Get("number").value_or(""));
    r.set_note(args.Get("note").value_or(""));
    return Send(ctx, "result-ready", r);
  });
}

int RunReturn(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{
      .valued = {"method", "received-by"}, .flags = {}, .min_positional = 1, .max_positional = 1};
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    auto method = Choice<v1::ReturnMethod>(args, "method",
                                           {{"counter", v1::RETURN_METHOD_COUNTER},
                                            {"post", v1::RETURN_METHOD_POST},
                                            {"electronic", v1::RETURN_METHOD_ELECTRONIC}});
    if (!method.ok()) return Fail(ctx, method.status().message(), kUsage);
    v1::ReturnResult r;
    r.set_dossier_code(args.positional()[0]);
    r.set_method(*method);
    r.set_received_by(args.Get("received-by").value_or(""));
    return Send(ctx, "return-result", r);
  });
}

int RunRate(const Context& ctx, const Tokens& tokens) {
  const ArgSpec spec{.valued = {"satisfaction", "comment"},
                     .flags = {"complaint"},
                     .min_positional = 1,
                     .max_positional = 1};
  return WithArgs(ctx, tokens, spec, [&](const Args& args) {
    auto satisfaction =
        Choice<v1::Satisfaction>(args, "satisfaction",
                                 {{"very-satisfied", v1::SATISFACTION_VERY_SATISFIED},
                                  {"satisfied", v1::SATISFACTION_SATISFIED},
                                  {"acceptable", v1::SATISFACTION_ACCEPTABLE},
                                  {"dissatisfied", v1::SATISFACTION_DISSATISFIED}});
    if (!satisfaction.ok()) return Fail(ctx, satisfaction.status().message(), kUsage);
    v1::Rate r;
    r.set_dossier_code(args.positional()[0]);
    r.set_satisfaction(*satisfaction);
    r.set_complaint(args.Has("complaint"));
    r.set_comment(args.Get("comment").value_or(""));
    return Send(ctx, "rate", r);
  });
}

}  // namespace

void AddDeskCommands(CommandTable& table) {
  table.push_back({"receive",
                   "receive --procedure MÃ --applicant TÊN [--phone SĐT] [--id-number CCCD] "
                   "[--address ĐC] [--email E] [--channel counter|post] [--documents \"A,B\"] "
                   "[--reused \"A\"] [--digitized \"B\"] [--sets N]  tiếp nhận hồ sơ",
                   RunReceive});
  table.push_back({"register-online",
                   "register-online --procedure MÃ --applicant TÊN [...]  đăng ký trực tuyến",
                   RunRegisterOnline});
  table.push_back(
      {"accept", "accept MÃ_HS [--documents \"A,B\"]  tiếp nhận hồ sơ trực tuyến", RunAccept});
  table.push_back({"refuse",
                   "refuse [MÃ_HS] --reason LÝ_DO [--procedure MÃ --applicant TÊN ...]  "
                   "từ chối tiếp nhận",
                   RunRefuse});
  table.push_back({"hand-over",
                   "hand-over MÃ_HS --to-unit ĐƠN_VỊ [--to-user NGƯỜI] [--paper] [--note N]  "
                   "bàn giao",
                   RunHandOver});
  table.push_back({"request-supplement",
                   "request-supplement MÃ_HS --reason LÝ_DO [--documents \"A,B\"]  "
                   "yêu cầu bổ sung",
                   RunRequestSupplement});
  table.push_back(
      {"supplement", "supplement MÃ_HS [--documents \"A,B\"]  nhận hồ sơ bổ sung", RunSupplement});
  table.push_back({"request-fee", "request-fee MÃ_HS --amount SỐ_TIỀN  yêu cầu nộp phí, lệ phí",
                   RunRequestFee});
  table.push_back({"pay",
                   "pay MÃ_HS --method portal|gateway|cash [--amount SỐ_TIỀN]  ghi nhận thanh toán",
                   RunPay});
  table.push_back({"stop", "stop MÃ_HS --reason LÝ_DO  dừng xử lý", RunStop});
  table.push_back({"withdraw", "withdraw MÃ_HS [--reason LÝ_DO]  công dân rút hồ sơ", RunWithdraw});
  table.push_back({"result-ready", "result-ready MÃ_HS --kind electronic|paper  đã có kết quả",
                   RunResultReady});
  table.push_back(
      {"return", "return MÃ_HS --method counter|post|electronic  trả kết quả", RunReturn});
  // apologize: alert_commands.cc (it prints the letter too).
  table.push_back({"rate",
                   "rate MÃ_HS --satisfaction very-satisfied|satisfied|acceptable|dissatisfied "
                   "[--complaint]  ghi nhận đánh giá",
                   RunRate});
}

}  // namespace motcua::cli
