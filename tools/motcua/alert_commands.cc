// The deadline alerts and the apology, for the officers at the desk:
//
//   $ motcua alerts --open              alerts not yet handled, most urgent first
//   $ motcua alerts --from D --to D     every alert raised in a period (Vietnam days)
//   $ motcua alerts --follow [--since N]
//                                       one line per alert as it comes, until the
//                                       server ends the stream or Ctrl-C
//   $ motcua alerts --undelivered       (admin) the alerts the webhook set aside
//   $ motcua alerts --retry SEQ | --retry-all
//                                       (admin) puts them back in its queue
//   $ motcua apologize MÃ_HS --reason … --new-appointment "YYYY-MM-DD HH:MM" [--html FILE]
//                                       records the apology, prints the letter (Mẫu 04)
//   $ motcua apology MÃ_HS [--html FILE]
//                                       prints the letter again
//   $ motcua calendar-reload            (admin) re-reads the official schedules;
//                                       the server re-times the open dossiers
//
// An alert line reads the same in the list and in the stream:
//   #12 Quá hạn          000.00.07.H06-261204-0001  hẹn trả 2026-12-09 09:00
// `--follow` writes alert lines only on stdout (flushed one by one, so a pipe
// sees each as it comes); what it says about the stream goes to stderr.
#include <csignal>
#include <fstream>
#include <filesystem>
#include <string>
#include <vector>

#include <google/protobuf/util/json_util.h>

#include "adapters/client/api_client.h"
#include "adapters/api/body_codec.h"
#include "adapters/api/route.h"
#include "adapters/client/sse_client.h"
#include "engine/base/proto_time.h"
#include "engine/base/quote.h"
#include "engine/base/time.h"
#include "motcua/v1/alerts.pb.h"
#include "motcua/v1/command.pb.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"
#include "tools/motcua/dossier_printing.h"
#include "tools/motcua/letter_printing.h"
#include "tools/motcua/server_client.h"

namespace motcua::cli {

namespace {

// How long one wait on the stream lasts before looking at the stop flag:
// Ctrl-C is noticed within it.
constexpr std::chrono::milliseconds kFollowTick{250};
constexpr std::chrono::seconds kOpenTimeout{15};

// Set by SIGINT/SIGTERM while `alerts --follow` runs; the loop ends cleanly.
volatile std::sig_atomic_t stop_following = 0;
extern "C" void OnStopSignal(int) { stop_following = 1; }

std::string When(const google::protobuf::Timestamp& t) { return FormatVietnamMinute(ToInstant(t)); }

// One line per alert, the same in the list and the stream.
std::string AlertLine(const v1::Alert& a) {
  std::string line = "#" + std::to_string(a.id()) + " ";
  switch (a.kind()) {
    case v1::ALERT_KIND_APOLOGY_DUE: {
      // The law's last moment; the configured lead may warn earlier.
      const bool earlier = a.has_legal_last_moment() &&
                           a.legal_last_moment().seconds() != a.moment().seconds();
      line += "Đến hạn xin lỗi  " + a.dossier_code() + "  phải xin lỗi trước " +
              When(earlier ? a.legal_last_moment() : a.moment()) + ", hẹn trả " +
              When(a.appointment_at());
      if (earlier) line += " (báo trước từ " + When(a.moment()) + ")";
      break;
    }
    case v1::ALERT_KIND_OVERDUE:
      line += "Quá hạn          " + a.dossier_code() + "  hẹn trả " + When(a.appointment_at());
      break;
    case v1::ALERT_KIND_STEP_DUE:
      line += "Sắp hết hạn bước " + a.dossier_code() + "  bước " + std::to_string(a.step()) +
              " hạn " + When(a.step_due_at()) + ", đang giữ: " + a.holder_unit() +
              (a.holder_user().empty() ? "" : " / " + a.holder_user());
      break;
    case v1::ALERT_KIND_INTAKE_LATE:
      line += "Tiếp nhận muộn   " + a.dossier_code() + "  đăng ký trực tuyến chưa được tiếp nhận "
              "hay từ chối, quá hạn từ " + When(a.moment());
      break;
    default:
      line += "Cảnh báo         " + a.dossier_code() + "  lúc " + When(a.moment());
      break;
  }
  if (a.late_fired()) {
    line += "  (báo muộn lúc " + When(a.raised_at()) + ": máy chủ ngừng khi đến hạn)";
  }
  return line;
}

Result<v1::AlertList> GetAlerts(client::ApiClient& client, const std::string& query) {
  client::HttpClient::Call call;
  call.method = bhttp::verb::get;
  call.target = "/v1/alerts?" + query;
  call.headers = {{"Accept", std::string(api::kProtobufType)}};
  MOTCUA_ASSIGN_OR_RETURN(client::HttpReply reply, client.Fetch(std::move(call), /*may_retry=*/true));
  v1::AlertList list;
  if (!list.ParseFromString(reply.body)) {
    return Status(Error::kInternal, "không đọc được câu trả lời của máy chủ");
  }
  return list;
}

int ListAlerts(const Context& ctx, const Args& args) {
  std::string query;
  const bool open = args.Has("open");
  if (open) {
    query = "open=1";
  } else {
    auto from = args.Require("from");
    auto to = args.Require("to");
    if (!from.ok() || !to.ok()) {
      return Fail(ctx, "cần --open, --follow, hoặc --from NGÀY --to NGÀY (YYYY-MM-DD)", kUsage);
    }
    for (const std::string* day : {&*from, &*to}) {
      if (auto parsed = ParseDate(*day); !parsed.ok()) {
        return Fail(ctx,
                    "ngày '" + QuoteForMessage(*day) + "' không hợp lệ: " +
                        parsed.status().message(),
                    kUsage);
      }
    }
    query = "from=" + api::PercentEncode(*from) + "&to=" + api::PercentEncode(*to);
  }
  if (args.Has("limit")) {
    auto limit = args.RequireCount("limit");
    if (!limit.ok() || *limit < 1) return Fail(ctx, "--limit cần một số dương", kUsage);
    query += "&limit=" + std::to_string(*limit);
  }
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  auto list = GetAlerts(**client, query);
  if (!list.ok()) return FailCall(ctx, **client, list.status());
  std::ostream& out = *ctx.out;
  if (list->alerts_size() == 0) {
    out << (open ? "Không có cảnh báo nào chưa xử lý.\n" : "Không có cảnh báo nào trong khoảng này.\n");
    return 0;
  }
  out << (open ? "Cảnh báo chưa xử lý (gấp nhất trước): " : "Cảnh báo đã phát: ")
      << list->alerts_size() << "\n";
  bool apology_due = false;
  for (const v1::Alert& a : list->alerts()) {
    out << AlertLine(a) << "\n";
    apology_due = apology_due || (open && a.kind() == v1::ALERT_KIND_APOLOGY_DUE);
  }
  if (list->truncated()) out << "(còn nữa: dùng --limit để xem thêm)\n";
  if (apology_due) {
    out << "Xin lỗi công dân: motcua apologize MÃ_HS --reason \"LÝ DO\" "
           "--new-appointment \"YYYY-MM-DD HH:MM\"\n";
  }
  return 0;
}

int FollowAlerts(const Context& ctx, const Args& args) {
  std::optional<std::uint64_t> since;
  if (args.Has("since")) {
    auto n = args.RequireCount("since");
    if (!n.ok()) return Fail(ctx, n.status().message(), kUsage);
    since = static_cast<std::uint64_t>(*n);
  }
  auto url = ServerUrlOf(ctx);
  if (!url.ok()) return Fail(ctx, url.status().message(), kUsage);
  client::SseClient sse(*url, ctx.token);
  if (Status s = sse.Open("/v1/alerts/stream", since, kOpenTimeout); !s.ok()) {
    return Fail(ctx, s.message(), sse.unreachable() ? kUnreachable : kRefused);
  }
  // Not SA_RESTART: the flag is what ends the loop, within one tick.
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  *ctx.err << "Đang theo dõi cảnh báo (Ctrl-C để dừng)\n" << std::flush;

  google::protobuf::util::JsonParseOptions json;
  json.ignore_unknown_fields = true;  // a newer server may add fields
  while (!stop_following) {
    auto next = sse.Next(kFollowTick);
    if (!next.ok()) {
      // The server ended the stream (it is stopping) or the connection
      // dropped: either way there is nothing more to wait for.
      *ctx.err << "motcua: " << next.status().message() << "\n";
      return 0;
    }
    if (!*next) continue;
    v1::Alert alert;
    if (!google::protobuf::util::JsonStringToMessage((*next)->data, &alert, json).ok()) {
      *ctx.err << "motcua: bỏ qua một sự kiện không đọc được (id " << (*next)->id << ")\n";
      continue;
    }
    *ctx.out << AlertLine(alert) << std::endl;  // flushed: one line as each comes
  }
  sse.Close();
  *ctx.err << "Đã dừng theo dõi.\n";
  return 0;
}

// What happened to an alert the webhook set aside, on the line under it.
std::string UndeliveredLine(const v1::UndeliveredAlert& u) {
  std::string line;
  if (u.reason() == v1::UNDELIVERED_REASON_REFUSED) {
    line = "máy nhận từ chối (HTTP " + std::to_string(u.http_status()) + ")";
  } else {
    line = "quá thời hạn gửi (" +
           (u.last_error().empty() ? std::string("chưa gửi lần nào")
                                   : "lỗi cuối: " + u.last_error()) +
           ")";
  }
  if (u.attempts() > 0) {
    line += "; đã gửi " + std::to_string(u.attempts()) + " lần, lần cuối " +
            When(u.last_attempt_at());
  }
  if (u.retry_pending()) line += "; đang chờ gửi lại";
  return line;
}

int ListUndelivered(const Context& ctx, const Args& args) {
  std::string target = "/v1/alerts/undelivered";
  if (args.Has("limit")) {
    auto limit = args.RequireCount("limit");
    if (!limit.ok() || *limit < 1) return Fail(ctx, "--limit cần một số dương", kUsage);
    target += "?limit=" + std::to_string(*limit);
  }
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  client::HttpClient::Call call;
  call.method = bhttp::verb::get;
  call.target = target;
  call.headers = {{"Accept", std::string(api::kProtobufType)}};
  auto reply = (*client)->Fetch(std::move(call), /*may_retry=*/true);
  if (!reply.ok()) return FailCall(ctx, **client, reply.status());
  v1::UndeliveredAlertList list;
  if (!list.ParseFromString(reply->body)) return Fail(ctx, "không đọc được câu trả lời của máy chủ");
  std::ostream& out = *ctx.out;
  if (list.alerts_size() == 0) {
    out << "Không có cảnh báo nào chưa gửi được.\n";
    return 0;
  }
  out << "Cảnh báo chưa gửi được tới webhook: " << list.alerts_size() << "\n";
  for (const v1::UndeliveredAlert& u : list.alerts()) {
    out << AlertLine(u.alert()) << "\n    " << UndeliveredLine(u) << "\n";
  }
  if (list.truncated()) out << "(còn nữa: dùng --limit để xem thêm)\n";
  out << "Gửi lại khi máy nhận đã sửa: motcua alerts --retry SỐ, hoặc --retry-all\n";
  return 0;
}

int RetryUndelivered(const Context& ctx, const Args& args) {
  v1::RetryUndelivered body;
  if (args.Has("retry-all")) {
    body.set_all(true);
  } else {
    auto seq = args.RequireCount("retry");
    if (!seq.ok() || *seq < 1) return Fail(ctx, "--retry cần số thứ tự của một cảnh báo", kUsage);
    body.set_id(static_cast<std::uint64_t>(*seq));
  }
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  client::HttpClient::Call call;
  call.method = bhttp::verb::post;
  call.target = "/v1/alerts/undelivered/retry";
  call.headers = {{"Content-Type", std::string(api::kProtobufType)},
                  {"Accept", std::string(api::kProtobufType)}};
  call.body = body.SerializeAsString();
  // Asking twice queues the same alerts once: safe to repeat.
  auto reply = (*client)->Fetch(std::move(call), /*may_retry=*/true);
  if (!reply.ok()) return FailCall(ctx, **client, reply.status());
  v1::RetryUndeliveredReply r;
  if (!r.ParseFromString(reply->body)) return Fail(ctx, "không đọc được câu trả lời của máy chủ");
  if (r.queued() == 0) {
    *ctx.out << "Không có cảnh báo nào chưa gửi được.\n";
  } else {
    *ctx.out << "Đã xếp lại " << r.queued() << " cảnh báo vào hàng gửi webhook.\n";
  }
  return 0;
}

int RunAlerts(const Context& ctx, const Args& args) {
  const bool retry = args.Has("retry") || args.Has("retry-all");
  const int modes = (args.Has("open") ? 1 : 0) + (args.Has("follow") ? 1 : 0) +
                    (args.Has("from") || args.Has("to") ? 1 : 0) +
                    (args.Has("undelivered") ? 1 : 0) + (args.Has("retry") ? 1 : 0) +
                    (args.Has("retry-all") ? 1 : 0);
  if (modes != 1) {
    return Fail(ctx,
                "chọn đúng một trong --open, --follow, --from NGÀY --to NGÀY, --undelivered, "
                "--retry SỐ, --retry-all",
                kUsage);
  }
  if (args.Has("since") && !args.Has("follow")) {
    return Fail(ctx, "--since chỉ dùng với --follow", kUsage);
  }
  if (args.Has("limit") && retry) return Fail(ctx, "--limit không dùng với --retry", kUsage);
  if (retry) return RetryUndelivered(ctx, args);
  if (args.Has("undelivered")) return ListUndelivered(ctx, args);
  return args.Has("follow") ? FollowAlerts(ctx, args) : ListAlerts(ctx, args);
}

int RunApologize(const Context& ctx, const Args& args) {
  auto reason = args.Require("reason");
  if (!reason.ok()) return Fail(ctx, reason.status().message(), kUsage);
  auto when_text = args.Require("new-appointment");
  if (!when_text.ok()) return Fail(ctx, when_text.status().message(), kUsage);
  auto when = ParseVietnamMinute(*when_text);
  if (!when.ok()) return Fail(ctx, "--new-appointment: " + when.status().message(), kUsage);
  const std::optional<std::string> html_file = args.Get("html");
  if (html_file) {
    if (Status s = CheckHtmlTarget(*html_file); !s.ok()) return Fail(ctx, s.message(), kUsage);
  }
  const std::string& code = args.positional()[0];
  v1::Apologize a;
  a.set_dossier_code(code);
  a.set_reason(*reason);
  SetInstant(*when, a.mutable_new_appointment_at());
  a.set_signed_by(args.Get("signed-by").value_or(""));

  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  auto reply = (*client)->Command("apologize", a, client::ApiClient::NewIdempotencyKey());
  if (!reply.ok()) return FailCall(ctx, **client, reply.status());
  PrintCommandReply(*reply, *ctx.out);
  *ctx.out << "\n";
  if (int rc = PrintLetter(ctx, **client, code, "apology", html_file); rc != 0) {
    // The apology is recorded; only the printing failed.
    *ctx.err << "motcua: thư xin lỗi đã được ghi nhận; in lại bằng: motcua apology " << code
             << "\n";
    return rc;
  }
  return 0;
}

int RunApology(const Context& ctx, const Args& args) {
  const std::optional<std::string> html_file = args.Get("html");
  if (html_file) {
    if (Status s = CheckHtmlTarget(*html_file); !s.ok()) return Fail(ctx, s.message(), kUsage);
  }
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  return PrintLetter(ctx, **client, args.positional()[0], "apology", html_file);
}

// After an official schedule is added or corrected in the schedule folder:
// the server re-times its open dossiers, and the alerts follow.
int RunCalendarReload(const Context& ctx, const Args& /*args*/) {
  auto client = ConnectTo(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  client::HttpClient::Call call;
  call.method = bhttp::verb::post;
  call.target = "/v1/admin/calendar/reload";
  call.headers = {{"Accept", std::string(api::kProtobufType)}};
  // Not repeated after a lost answer: a second reload would record a
  // second change (harmless, but not what was asked).
  auto reply = (*client)->Fetch(std::move(call), /*may_retry=*/false);
  if (!reply.ok()) return FailCall(ctx, **client, reply.status());
  v1::CalendarReloadReply r;
  if (!r.ParseFromString(reply->body)) {
    return Fail(ctx, "không đọc được câu trả lời của máy chủ");
  }
  std::string years;
  for (int y : r.years()) years += (years.empty() ? "" : ", ") + std::to_string(y);
  if (r.unchanged()) {
    *ctx.out << "Lịch làm việc không đổi: không hạn nào thay đổi, không ghi sự kiện nào.\n"
             << "Năm có lịch nghỉ chính thức: " << years << "\n";
    return 0;
  }
  *ctx.out << "Đã tải lại lịch làm việc (sự kiện số " << r.seq() << ").\n"
           << "Hồ sơ đang mở bị ảnh hưởng: " << r.dossiers_examined()
           << ", được tính lại hạn: " << r.dossiers_retimed() << "\n"
           << "Năm có lịch nghỉ chính thức: " << years << "\n";
  return 0;
}

}  // namespace

void AddAlertCommands(CommandTable& table) {
  const PositionalSpec code{.name = "MÃ_HS", .help = "mã hồ sơ"};
  const OptionSpec html = FileOption("html", "lưu thêm bản in HTML của thư vào TỆP");
  table.push_back(
      {.name = "alerts",
       .summary = "cảnh báo thời hạn: chưa xử lý, theo dõi trực tiếp, hoặc trong một khoảng",
       .usage = "--open | --follow [--since N] | --from NGÀY --to NGÀY [--limit N] | "
                "--undelivered [--limit N] | --retry SỐ | --retry-all",
       .positionals = {},
       .options = {FlagOption("open", "cảnh báo chưa xử lý, gấp nhất trước"),
                   FlagOption("follow", "theo dõi cảnh báo khi chúng phát ra (Ctrl-C để dừng)"),
                   TextOption("since", "N", "với --follow: trước hết phát lại các cảnh báo sau #N"),
                   TextOption("from", "NGÀY", "cảnh báo phát từ ngày này (YYYY-MM-DD)"),
                   TextOption("to", "NGÀY", "đến hết ngày này (YYYY-MM-DD)"),
                   TextOption("limit", "N", "số cảnh báo tối đa"),
                   FlagOption("undelivered", "(quản trị) cảnh báo chưa gửi được tới webhook"),
                   TextOption("retry", "SỐ", "(quản trị) gửi lại cảnh báo #SỐ chưa gửi được"),
                   FlagOption("retry-all", "(quản trị) gửi lại mọi cảnh báo chưa gửi được")},
       .run = RunAlerts});
  table.push_back({.name = "apologize",
                   .summary = "xin lỗi công dân, hẹn lại và in thư xin lỗi (Mẫu 04)",
                   .usage = "MÃ_HS --reason LÝ_DO --new-appointment \"YYYY-MM-DD HH:MM\" "
                            "[TÙY CHỌN]",
                   .positionals = {code},
                   .options = {TextOption("reason", "LÝ_DO", "lý do chậm trễ (bắt buộc)"),
                               TextOption("new-appointment", "\"YYYY-MM-DD HH:MM\"",
                                          "thời điểm hẹn trả mới (bắt buộc)"),
                               TextOption("signed-by", "NGƯỜI", "người ký thư"),
                               html},
                   .run = RunApologize});
  table.push_back({.name = "apology",
                   .summary = "in lại thư xin lỗi (Mẫu 04)",
                   .usage = "MÃ_HS [--html TỆP]",
                   .positionals = {code},
                   .options = {html},
                   .run = RunApology});
  table.push_back({.name = "calendar-reload",
                   .summary = "(quản trị) nạp lại lịch nghỉ chính thức, tính lại hạn hồ sơ đang mở",
                   .usage = "",
                   .positionals = {},
                   .options = {},
                   .run = RunCalendarReload});
}

}  // namespace motcua::cli
