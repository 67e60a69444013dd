// The administrator's commands (admin role):
//
//   $ motcua check          SQLite's own check of the file, the hash chain
//                           and a rebuild of every projection, compared with
//                           what is stored; exit 4 on damage, naming the
//                           checks that failed
//   $ motcua check --anchors DIR
//                           also the chain against every log head recorded
//                           in DIR's JSON files (the daily exports' copies)
//   $ motcua backup FILE    a consistent copy of the live database, written
//                           to FILE atomically (FILE is replaced only by a
//                           complete, verified copy)
//
// Backups are fetched in chunks (GET /v1/admin/backup/{id}?offset=N), so
// neither side holds the whole database in memory; the copy is checked
// against the server's SHA-256 before it is renamed into place.
#include <fcntl.h>
#include <unistd.h>

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/crypto/sha256.h"
#include "adapters/crypto/sha256_stream.h"
#include "adapters/client/api_client.h"
#include "adapters/api/body_codec.h"
#include "engine/base/proto_time.h"
#include "engine/base/quote.h"
#include "engine/base/time.h"
#include "motcua/v1/admin.pb.h"
#include "tools/motcua/args.h"
#include "tools/motcua/command_table.h"
#include "tools/motcua/server_client.h"

namespace motcua::cli {

namespace {

// The check found the data damaged (command_table.h's other codes apply too).
constexpr int kDamaged = 4;

// A check or a backup reads the whole database: give it longer than a desk
// command's deadline.
constexpr auto kAdminTimeout = std::chrono::minutes(30);

std::string Joined(const google::protobuf::RepeatedPtrField<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

Result<std::unique_ptr<client::ApiClient>> AdminClient(const Context& ctx) {
  MOTCUA_ASSIGN_OR_RETURN(client::ServerUrl url, ServerUrlOf(ctx));
  return std::make_unique<client::ApiClient>(
      std::move(url), ctx.token,
      std::chrono::duration_cast<std::chrono::milliseconds>(kAdminTimeout));
}

template <class M>
Result<M> Post(client::ApiClient& client, const std::string& target,
               const google::protobuf::Message* body = nullptr) {
  client::HttpClient::Call call;
  call.method = bhttp::verb::post;
  call.target = target;
  call.headers = {{"Accept", std::string(api::kProtobufType)}};
  if (body != nullptr) {
    call.headers.emplace_back("Content-Type", std::string(api::kProtobufType));
    call.body = body->SerializeAsString();
  }
  // Neither a check nor a backup changes anything: safe to send again.
  MOTCUA_ASSIGN_OR_RETURN(client::HttpReply reply, client.Fetch(call, /*may_retry=*/true));
  M message;
  if (!message.ParseFromString(reply.body)) {
    return Status(Error::kInternal, "không đọc được câu trả lời của máy chủ");
  }
  return message;
}

// A chain hash as the export writes it: 64 hex digits (the server checks
// again).
bool IsHashHex(std::string_view hex) {
  return hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
           return std::isxdigit(static_cast<unsigned char>(c)) != 0;
         });
}

// The anchors of `dir`: the "log_head" of each of its JSON files (the daily
// exports), by file name; the files without a usable one are listed in
// `skipped` with the reason.
Result<std::vector<v1::Anchor>> ReadAnchors(const std::filesystem::path& dir,
                                            std::vector<std::string>& skipped) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json" && entry.is_regular_file(ec)) {
      files.push_back(entry.path());
    }
  }
  if (ec) {
    return Status(Error::kInvalidArgument,
                  "không đọc được thư mục mốc '" +
                      QuoteForMessage(dir.string(), kQuotedPathMaxBytes) + "': " + ec.message());
  }
  std::sort(files.begin(), files.end());
  std::vector<v1::Anchor> anchors;
  for (const auto& file : files) {
    // A file name is outside text: shown quoted, and so sent to the server.
    const std::string name = QuoteForMessage(file.filename().string(), kQuotedPathMaxBytes);
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    v1::AnchorFile parsed;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;  // the statistics around it
    if (!in || !google::protobuf::util::JsonStringToMessage(text.str(), &parsed, options).ok()) {
      skipped.push_back(name + " (không đọc được)");
    } else if (!parsed.has_log_head()) {
      skipped.push_back(name + " (không có log_head)");
    } else if (!IsHashHex(parsed.log_head().hash())) {
      skipped.push_back(name + " (log_head.hash không phải 64 chữ số thập lục phân)");
    } else {
      v1::Anchor anchor;
      anchor.set_name(name);
      *anchor.mutable_head() = parsed.log_head();
      anchors.push_back(std::move(anchor));
    }
  }
  return anchors;
}

void PrintAnchor(const v1::AnchorResult& a, std::uint64_t events, std::ostream& out) {
  out << "Mốc đối chiếu: " << a.name() << ": ";
  switch (a.outcome()) {
    case v1::ANCHOR_OK:
      out << "khớp đến sự kiện số " << a.seq() << "\n";
      return;
    case v1::ANCHOR_BEYOND_END:
      out << "VƯỢT QUÁ CUỐI SỔ (mốc ghi sự kiện số " << a.seq() << ", sổ chỉ còn " << events
          << " sự kiện)\n";
      return;
    default:
      out << "KHÔNG KHỚP tại sự kiện số " << a.seq() << " (mốc ghi " << a.expected_hash()
          << ", sổ hiện nay cho "
          << (a.found_hash().empty() ? "không có sự kiện này" : a.found_hash()) << ")\n";
  }
}

void PrintReport(const v1::IntegrityReport& r, const std::vector<std::string>& skipped,
                 std::ostream& out) {
  out << "Kiểm tra toàn vẹn: " << (r.ok() ? "ĐẠT" : "KHÔNG ĐẠT") << "\n";
  if (r.sqlite_problems().empty()) {
    out << "Tệp SQLite: nguyên vẹn\n";
  } else {
    out << "Tệp SQLite: hỏng\n";
    for (const std::string& p : r.sqlite_problems()) out << "Lỗi SQLite: " << p << "\n";
  }
  out << "Số sự kiện đã duyệt: " << r.events() << "\n";
  if (r.first_bad_seq() == 0) {
    out << "Chuỗi băm: nguyên vẹn\n";
  } else {
    out << "Chuỗi băm: hỏng từ sự kiện số " << r.first_bad_seq() << " (" << r.chain_problem()
        << ")\n";
  }
  for (const v1::AnchorResult& a : r.anchors()) PrintAnchor(a, r.events(), out);
  for (const std::string& name : skipped) out << "Bỏ qua tệp: " << name << "\n";
  out << "Số dòng đã so sánh: " << r.rows_compared() << "\n";
  if (r.differences().empty()) {
    out << "Bảng dữ liệu: khớp với bản dựng lại từ sổ sự kiện\n";
  } else {
    for (const std::string& d : r.differences()) out << "Khác biệt: " << d << "\n";
  }
  if (!r.failed_checks().empty()) {
    out << "Phép kiểm tra không đạt: " << Joined(r.failed_checks()) << "\n";
  }
  out << "Thời điểm kiểm tra: " << FormatVietnamMinute(ToInstant(r.checked_at())) << "\n";
  out << "Thời gian chạy: " << r.elapsed_ms() << " ms\n";
}

// The first finding, for the one line on stderr: SQLite's, then the
// chain's, a projection's, an anchor's.
std::string FirstFinding(const v1::IntegrityReport& r) {
  if (!r.sqlite_problems().empty()) return r.sqlite_problems(0);
  if (r.first_bad_seq() != 0) return "sự kiện số " + std::to_string(r.first_bad_seq()) + " bị sửa";
  if (!r.differences().empty()) return r.differences(0);
  for (const v1::AnchorResult& a : r.anchors()) {
    if (a.outcome() == v1::ANCHOR_BEYOND_END) {
      return "mốc " + a.name() + " ghi sự kiện số " + std::to_string(a.seq()) +
             " mà sổ không còn";
    }
    if (a.outcome() != v1::ANCHOR_OK) {
      return "mốc " + a.name() + " không khớp tại sự kiện số " + std::to_string(a.seq()) +
             ": lịch sử đến đó đã bị viết lại";
    }
  }
  return "không rõ";
}

int RunCheck(const Context& ctx, const Args& args) {
  v1::CheckRequest request;
  std::vector<std::string> skipped;
  if (auto dir = args.Get("anchors")) {
    auto anchors = ReadAnchors(*dir, skipped);
    if (!anchors.ok()) return Fail(ctx, anchors.status().message(), kUsage);
    // A check asked to compare with anchors must not pass having compared
    // with none.
    if (anchors->empty()) {
      return Fail(ctx,
                  "không có mốc nào (khóa log_head trong tệp .json) ở thư mục '" +
                      QuoteForMessage(*dir, kQuotedPathMaxBytes) + "'",
                  kUsage);
    }
    for (v1::Anchor& a : *anchors) *request.add_anchors() = std::move(a);
  }
  auto client = AdminClient(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  auto report = Post<v1::IntegrityReport>(**client, "/v1/admin/check", &request);
  if (!report.ok()) return FailCall(ctx, **client, report.status());
  PrintReport(*report, skipped, *ctx.out);
  if (report->ok()) return 0;
  return Fail(ctx,
              "dữ liệu không toàn vẹn (" + Joined(report->failed_checks()) +
                  "): " + FirstFinding(*report),
              kDamaged);
}

// FILE, written through a temporary file beside it: fsync'ed, checked,
// renamed over FILE, and the folder fsync'ed so the rename survives a power
// cut. The temporary file is removed on every failure.
class AtomicDownload {
 public:
  static Result<std::unique_ptr<AtomicDownload>> Create(const std::filesystem::path& target) {
    std::filesystem::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    // Built by appending: GCC 12 at -O3 reports a false -Wrestrict for
    // `"." + std::string(...)` (GCC bug 105329).
    std::string name = ".";
    name.append(target.filename().string()).append(".tmp.XXXXXX");
    std::string tmp = (dir / name).string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) {
      return Status(Error::kStorage,
                    "không tạo được tệp trong thư mục " + dir.string() + ": " + std::strerror(errno));
    }
    return std::unique_ptr<AtomicDownload>(new AtomicDownload(target, dir, tmp, fd));
  }
  ~AtomicDownload() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(tmp_.c_str());
  }
  AtomicDownload(const AtomicDownload&) = delete;
  AtomicDownload& operator=(const AtomicDownload&) = delete;

  Status Write(std::string_view bytes) {
    hash_.Update(bytes);
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return Failure("không ghi được");
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return Status::Ok();
  }

  // Checks the digest, then makes the file durable under its real name.
  Status Commit(const std::string& expected_sha256_hex) {
    if (crypto::Hex(hash_.Finish()) != expected_sha256_hex) {
      return Status(Error::kCorrupt, "bản sao nhận được không khớp mã SHA-256 của máy chủ");
    }
    if (::fsync(fd_) != 0) return Failure("không đồng bộ được xuống đĩa");
    ::close(fd_);
    fd_ = -1;
    if (::rename(tmp_.c_str(), target_.c_str()) != 0) return Failure("không đổi tên được");
    committed_ = true;
    const int dir_fd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir_fd >= 0) {
      ::fsync(dir_fd);
      ::close(dir_fd);
    }
    return Status::Ok();
  }

 private:
  AtomicDownload(std::filesystem::path target, std::filesystem::path dir, std::string tmp, int fd)
      : target_(std::move(target)), dir_(std::move(dir)), tmp_(std::move(tmp)), fd_(fd) {}

  Status Failure(const char* what) const {
    return Status(Error::kStorage,
                  std::string(what) + " tệp " + target_.string() + ": " + std::strerror(errno));
  }

  std::filesystem::path target_;
  std::filesystem::path dir_;
  std::string tmp_;
  int fd_;
  bool committed_ = false;
  crypto::Sha256Stream hash_;
};

int RunBackup(const Context& ctx, const Args& args) {
  const std::filesystem::path target = args.positional()[0];
  auto client = AdminClient(ctx);
  if (!client.ok()) return Fail(ctx, client.status().message(), kUsage);
  // The temporary file first: a folder we cannot write to fails before the
  // server copies anything.
  auto file = AtomicDownload::Create(target);
  if (!file.ok()) return Fail(ctx, file.status().message(), kRefused);

  auto snapshot = Post<v1::BackupSnapshot>(**client, "/v1/admin/backup");
  if (!snapshot.ok()) return FailCall(ctx, **client, snapshot.status());
  for (std::uint64_t offset = 0; offset < snapshot->size_bytes();) {
    client::HttpClient::Call call;
    call.method = bhttp::verb::get;
    call.target = "/v1/admin/backup/" + snapshot->id() + "?offset=" + std::to_string(offset);
    auto chunk = (*client)->Fetch(call, /*may_retry=*/true);
    if (!chunk.ok()) return FailCall(ctx, **client, chunk.status());
    if (chunk->body.empty() || offset + chunk->body.size() > snapshot->size_bytes()) {
      return Fail(ctx, "máy chủ gửi bản sao không đúng kích thước", kRefused);
    }
    if (Status s = (*file)->Write(chunk->body); !s.ok()) return Fail(ctx, s.message(), kRefused);
    offset += chunk->body.size();
  }
  if (Status s = (*file)->Commit(snapshot->sha256()); !s.ok()) {
    return Fail(ctx, s.message(), kRefused);
  }
  *ctx.out << "Đã sao lưu vào: " << target.string() << "\n"
           << "Kích thước: " << snapshot->size_bytes() << " byte\n"
           << "Đến sự kiện số: " << snapshot->last_seq() << "\n"
           << "Thời điểm sao lưu: " << FormatVietnamMinute(ToInstant(snapshot->taken_at())) << "\n"
           << "SHA-256: " << snapshot->sha256() << "\n";
  return 0;
}

}  // namespace

void AddAdminCommands(CommandTable& table) {
  table.push_back({.name = "check",
                   .summary = "kiểm tra toàn vẹn: tệp SQLite, chuỗi băm sự kiện và bảng dữ liệu "
                              "(quản trị; mã thoát 4 nếu dữ liệu bị sửa)",
                   .usage = "[--anchors THƯ_MỤC]",
                   .positionals = {},
                   .options = {OptionSpec{.name = "anchors",
                                          .kind = ValueKind::kFile,
                                          .value = "THƯ_MỤC",
                                          .help = "đối chiếu chuỗi băm với đầu sổ (log_head) ghi "
                                                  "trong các tệp .json của thư mục (bản xuất "
                                                  "hằng ngày)"}},
                   .run = RunCheck});
  table.push_back({.name = "backup",
                   .summary = "sao lưu trực tuyến cơ sở dữ liệu vào TỆP (quản trị)",
                   .usage = "TỆP",
                   .positionals = {{.name = "TỆP",
                                    .help = "bản sao; chỉ bị thay bằng một bản sao đầy đủ, đã "
                                            "kiểm tra",
                                    .required = true,
                                    .kind = ValueKind::kFile}},
                   .options = {},
                   .run = RunBackup});
}

}  // namespace motcua::cli
