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

#include "adapters/client/api_client.h"
#include "engine/base/proto_time.h"
#include "engine/base/quote.h"
#include "engine/base/time.h"
#include "motcua/v1/command.pb.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"
#include "tools/motcua/dossier_printing.h"
#include "tools/motcua/server_client.h"

namespace motcua::cli {

namespace {

int Send(const Context& ctx, std::string_view endpoint, const google::protobuf::Message& body) {
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  auto reply = (*client)->Command(endpoint, body, client::ApiClient::NewIdempotencyKey());
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
                "--" + flag + " phải là " + allowed + ", nhận được '" + QuoteForMessage(*value) + "'");
}

Result<std::uint32_t> Sets(const Args& args) {
  if (!args.Has("sets")) return 1u;
  MOTCUA_ASSIGN_OR_RETURN(std::int64_t n, args.RequireCount("sets"));
  if (n < 1) return Status(Error::kInvalidArgument, "--sets phải từ 1 trở lên");
  return static_cast<std::uint32_t>(n);
}

int RunReceive(const Context& ctx, const Args& args) {
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
}

int RunRegisterOnline(const Context& ctx, const Args& args) {
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
}

int RunAccept(const Context& ctx, const Args& args) {
  auto sets = Sets(args);
  if (!sets.ok()) return Fail(ctx, sets.status().message(), kUsage);
  v1::Receive r;
  r.set_dossier_code(args.positional()[0]);
  r.set_procedure_code(args.Get("procedure").value_or(""));
  r.set_channel(v1::CHANNEL_ONLINE);
  *r.mutable_documents() = Documents(args);
  r.set_sets(*sets);
  return Send(ctx, "receive", r);
}

int RunRefuse(const Context& ctx, const Args& args) {
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
}

int RunHandOver(const Context& ctx, const Args& args) {
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
}

int RunRequestSupplement(const Context& ctx, const Args& args) {
  auto reason = args.Require("reason");
  if (!reason.ok()) return Fail(ctx, reason.status().message(), kUsage);
  v1::RequestSupplement r;
  r.set_dossier_code(args.positional()[0]);
  r.set_reason(*reason);
  for (const std::string& d : SplitList(args.Get("documents").value_or(""))) r.add_documents(d);
  return Send(ctx, "request-supplement", r);
}

int RunSupplement(const Context& ctx, const Args& args) {
  v1::Supplement s;
  s.set_dossier_code(args.positional()[0]);
  *s.mutable_documents() = Documents(args);
  return Send(ctx, "supplement", s);
}

int RunRequestFee(const Context& ctx, const Args& args) {
  auto amount = args.RequireCount("amount");
  if (!amount.ok()) return Fail(ctx, amount.status().message(), kUsage);
  v1::RequestFee f;
  f.set_dossier_code(args.positional()[0]);
  f.set_amount_vnd(*amount);
  f.set_note(args.Get("note").value_or(""));
  return Send(ctx, "request-fee", f);
}

int RunPay(const Context& ctx, const Args& args) {
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
}

int RunStop(const Context& ctx, const Args& args) {
  auto reason = args.Require("reason");
  if (!reason.ok()) return Fail(ctx, reason.status().message(), kUsage);
  v1::Stop s;
  s.set_dossier_code(args.positional()[0]);
  s.set_reason(*reason);
  return Send(ctx, "stop", s);
}

int RunWithdraw(const Context& ctx, const Args& args) {
  v1::Withdraw w;
  w.set_dossier_code(args.positional()[0]);
  w.set_reason(args.Get("reason").value_or(""));
  return Send(ctx, "withdraw", w);
}

int RunResultReady(const Context& ctx, const Args& args) {
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
}

int RunReturn(const Context& ctx, const Args& args) {
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
}

int RunRate(const Context& ctx, const Args& args) {
  auto satisfaction =
      Choice<v1::Satisfaction>(args, "satisfaction",
                               {{"very-satisfied", v1::SATISFACTION_VERY_SATISFIED},
                                {"satisfied", v1::SATISFACTION_SATISFIED},
                                {"acceptable", v1::SATISFACTION_ACCEPTABLE},
                                {"dissatisfied", v1::SATISFACTION_DISSATISFIED},
                                {"very-dissatisfied", v1::SATISFACTION_VERY_DISSATISFIED}});
  if (!satisfaction.ok()) return Fail(ctx, satisfaction.status().message(), kUsage);
  v1::Rate r;
  r.set_dossier_code(args.positional()[0]);
  r.set_satisfaction(*satisfaction);
  r.set_complaint(args.Has("complaint"));
  r.set_comment(args.Get("comment").value_or(""));
  return Send(ctx, "rate", r);
}

// The applicant, as receive, register-online and refuse take it.
std::vector<OptionSpec> ApplicantOptions() {
  return {
      TextOption("procedure", "MÃ", "mã thủ tục hành chính (bắt buộc)"),
      TextOption("applicant", "TÊN", "họ tên người nộp hồ sơ (bắt buộc)"),
      TextOption("phone", "SĐT", "số điện thoại"),
      TextOption("id-number", "CCCD", "số căn cước công dân"),
      TextOption("address", "ĐC", "địa chỉ"),
      TextOption("email", "E", "thư điện tử"),
  };
}

// The documents handed in; a name in --reused or --digitized that is not in
// --documents is added.
std::vector<OptionSpec> DocumentOptions() {
  return {
      TextOption("documents", "\"A,B\"", "giấy tờ nộp kèm, tên cách nhau bởi dấu phẩy"),
      TextOption("reused", "\"A,B\"", "giấy tờ được tái sử dụng, công dân không phải nộp lại"),
      TextOption("digitized", "\"A,B\"", "giấy tờ đã được số hóa"),
  };
}

OptionSpec ChannelOption() {
  return ChoiceOption("channel", "counter|post", "nộp tại quầy (mặc định) hoặc qua bưu chính");
}

OptionSpec SetsOption() { return TextOption("sets", "N", "số bộ hồ sơ (mặc định 1)"); }

PositionalSpec DossierCode() { return {.name = "MÃ_HS", .help = "mã hồ sơ"}; }

// `first`, then `more`.
std::vector<OptionSpec> Join(std::vector<OptionSpec> first, const std::vector<OptionSpec>& more) {
  first.insert(first.end(), more.begin(), more.end());
  return first;
}

}  // namespace

void AddDeskCommands(CommandTable& table) {
  table.push_back({.name = "receive",
                   .summary = "tiếp nhận hồ sơ tại quầy hoặc qua bưu chính",
                   .usage = "--procedure MÃ --applicant TÊN [TÙY CHỌN]",
                   .positionals = {},
                   .options = Join(Join(ApplicantOptions(), {ChannelOption()}),
                                   Join(DocumentOptions(), {SetsOption()})),
                   .run = RunReceive});
  table.push_back({.name = "register-online",
                   .summary = "đăng ký hồ sơ trực tuyến (chờ cán bộ tiếp nhận bằng accept)",
                   .usage = "--procedure MÃ --applicant TÊN [TÙY CHỌN]",
                   .positionals = {},
                   .options = Join(ApplicantOptions(), Join(DocumentOptions(), {SetsOption()})),
                   .run = RunRegisterOnline});
  table.push_back({.name = "accept",
                   .summary = "tiếp nhận hồ sơ đã đăng ký trực tuyến",
                   .usage = "MÃ_HS [TÙY CHỌN]",
                   .positionals = {DossierCode()},
                   .options = Join({TextOption("procedure", "MÃ",
                                               "mã thủ tục (mặc định: thủ tục đã đăng ký)")},
                                   Join(DocumentOptions(), {SetsOption()})),
                   .run = RunAccept});
  table.push_back(
      {.name = "refuse",
       .summary = "từ chối tiếp nhận (hồ sơ đã đăng ký trực tuyến, hoặc người nộp tại quầy)",
       .usage = "[MÃ_HS] --reason LÝ_DO [--procedure MÃ --applicant TÊN ...]",
       .positionals = {{.name = "MÃ_HS",
                        .help = "hồ sơ đăng ký trực tuyến bị từ chối; bỏ trống khi từ chối tại "
                                "quầy (cần --procedure và --applicant)",
                        .required = false}},
       .options = Join({TextOption("reason", "LÝ_DO", "lý do từ chối (bắt buộc)")},
                       Join(ApplicantOptions(), {ChannelOption()})),
       .run = RunRefuse});
  table.push_back({.name = "hand-over",
                   .summary = "bàn giao hồ sơ cho đơn vị hoặc người xử lý",
                   .usage = "MÃ_HS --to-unit ĐƠN_VỊ [TÙY CHỌN]",
                   .positionals = {DossierCode()},
                   .options = {TextOption("to-unit", "ĐƠN_VỊ", "đơn vị nhận (bắt buộc)"),
                               TextOption("to-user", "NGƯỜI", "người nhận trong đơn vị"),
                               TextOption("from-unit", "ĐƠN_VỊ",
                                          "đơn vị giao (mặc định: đơn vị đang giữ hồ sơ)"),
                               FlagOption("paper", "bàn giao hồ sơ giấy (mặc định: điện tử)"),
                               TextOption("note", "GHI_CHÚ", "ghi chú")},
                   .run = RunHandOver});
  table.push_back({.name = "request-supplement",
                   .summary = "yêu cầu công dân bổ sung hồ sơ (tạm dừng tính thời hạn)",
                   .usage = "MÃ_HS --reason LÝ_DO [--documents \"A,B\"]",
                   .positionals = {DossierCode()},
                   .options = {TextOption("reason", "LÝ_DO", "lý do yêu cầu bổ sung (bắt buộc)"),
                               TextOption("documents", "\"A,B\"", "giấy tờ cần bổ sung")},
                   .run = RunRequestSupplement});
  table.push_back({.name = "supplement",
                   .summary = "nhận hồ sơ bổ sung (tính tiếp thời hạn)",
                   .usage = "MÃ_HS [TÙY CHỌN]",
                   .positionals = {DossierCode()},
                   .options = DocumentOptions(),
                   .run = RunSupplement});
  table.push_back({.name = "request-fee",
                   .summary = "yêu cầu nộp phí, lệ phí",
                   .usage = "MÃ_HS --amount SỐ_TIỀN [--note GHI_CHÚ]",
                   .positionals = {DossierCode()},
                   .options = {TextOption("amount", "SỐ_TIỀN", "số tiền, đồng (bắt buộc)"),
                               TextOption("note", "GHI_CHÚ", "ghi chú")},
                   .run = RunRequestFee});
  table.push_back({.name = "pay",
                   .summary = "ghi nhận thanh toán phí, lệ phí",
                   .usage = "MÃ_HS --method portal|gateway|cash [TÙY CHỌN]",
                   .positionals = {DossierCode()},
                   .options = {ChoiceOption("method", "portal|gateway|cash",
                                            "Cổng DVC quốc gia, cổng thanh toán của tỉnh, hoặc "
                                            "tiền mặt (bắt buộc)"),
                               TextOption("amount", "SỐ_TIỀN", "số tiền đã nộp, đồng"),
                               TextOption("receipt-number", "SỐ", "số biên lai")},
                   .run = RunPay});
  table.push_back({.name = "stop",
                   .summary = "dừng xử lý hồ sơ",
                   .usage = "MÃ_HS --reason LÝ_DO",
                   .positionals = {DossierCode()},
                   .options = {TextOption("reason", "LÝ_DO", "lý do dừng (bắt buộc)")},
                   .run = RunStop});
  table.push_back({.name = "withdraw",
                   .summary = "công dân rút hồ sơ",
                   .usage = "MÃ_HS [--reason LÝ_DO]",
                   .positionals = {DossierCode()},
                   .options = {TextOption("reason", "LÝ_DO", "lý do rút")},
                   .run = RunWithdraw});
  table.push_back({.name = "result-ready",
                   .summary = "đã có kết quả giải quyết",
                   .usage = "MÃ_HS --kind electronic|paper [TÙY CHỌN]",
                   .positionals = {DossierCode()},
                   .options = {ChoiceOption("kind", "electronic|paper",
                                            "kết quả điện tử hoặc bản giấy (bắt buộc)"),
                               TextOption("number", "SỐ", "số của văn bản kết quả"),
                               TextOption("note", "GHI_CHÚ", "ghi chú")},
                   .run = RunResultReady});
  table.push_back({.name = "return",
                   .summary = "trả kết quả cho công dân",
                   .usage = "MÃ_HS --method counter|post|electronic [--received-by NGƯỜI]",
                   .positionals = {DossierCode()},
                   .options = {ChoiceOption("method", "counter|post|electronic",
                                            "trả tại quầy, qua bưu chính hoặc trực tuyến (bắt buộc)"),
                               TextOption("received-by", "NGƯỜI", "người nhận kết quả")},
                   .run = RunReturn});
  // apologize: alert_commands.cc (it prints the letter too).
  table.push_back({.name = "rate",
                   .summary = "ghi nhận đánh giá của công dân",
                   .usage = "MÃ_HS --satisfaction MỨC [--complaint] [--comment Ý_KIẾN]",
                   .positionals = {DossierCode()},
                   .options = {ChoiceOption("satisfaction",
                                            "very-satisfied|satisfied|acceptable|dissatisfied|very-dissatisfied",
                                            "mức độ hài lòng (bắt buộc)"),
                               FlagOption("complaint", "có phản ánh, kiến nghị"),
                               TextOption("comment", "Ý_KIẾN", "ý kiến của công dân")},
                   .run = RunRate});
}

}  // namespace motcua::cli
