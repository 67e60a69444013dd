#include "adapters/letters/receipt.h"

#include <algorithm>
#include <vector>

#include "adapters/letters/form_parts.h"
#include "adapters/letters/wording.h"

namespace motcua::letters {
namespace {

using internal::OrNotGiven;

constexpr std::string_view kForm = "Mẫu 01";

Table DocumentsTable(const v1::Dossier& dossier) {
  Table table{.header = {"TT", "Tên giấy tờ", "Số bản", "Ghi chú"}, .rows = {}};
  int number = 0;
  for (const v1::Document& document : dossier.documents()) {
    std::string marks;
    if (document.digitized()) marks = "Đã số hóa";
    if (document.reused()) {
      if (!marks.empty()) marks += "; ";
      marks += "Tái sử dụng dữ liệu, không phải nộp lại";
    }
    // Zero copies means the count was not recorded, not "no copy".
    table.rows.push_back({std::to_string(++number), OrNotGiven(document.name()),
                          document.copies() > 0 ? TwoDigits(document.copies()) : "",
                          std::move(marks)});
  }
  return table;
}

std::string PercentEncoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace

std::string LookupLink(std::string_view lookup_url, std::string_view code,
                       std::string_view secret) {
  return std::string(lookup_url) + "#ma=" + PercentEncoded(code) + "&k=" + PercentEncoded(secret);
}

Result<Letter> BuildReceipt(const v1::Dossier& dossier, const UnitInfo& unit,
                            const ReceiptDetails& details) {
  if (dossier.code().empty()) return internal::MissingError(kForm, "mã hồ sơ");
  if (!dossier.has_received_at()) return internal::MissingError(kForm, "thời gian nhận hồ sơ");
  if (!dossier.has_original_appointment_at() && !dossier.has_appointment_at()) {
    return internal::MissingError(kForm, "thời gian hẹn trả kết quả");
  }
  if (details.lookup_secret.empty()) return internal::MissingError(kForm, "mã tra cứu");
  if (details.duration.empty()) return internal::MissingError(kForm, "thời gian giải quyết");

  const Instant received_at = internal::ToInstant(dossier.received_at());
  // The receipt promises the original appointment; later moves
  // (supplementation) are told to the citizen by their own letters.
  const Instant appointment_at =
      internal::ToInstant(dossier.has_original_appointment_at() ? dossier.original_appointment_at()
                                                                : dossier.appointment_at());
  const RuleSet rules = RuleSetFor(received_at);
  const std::string counter = internal::CounterName(unit, rules);

  Letter letter = internal::StartLetter(unit, rules, 1, received_at, kReceiptTitle, PageSize::kA5);
  letter.subtitle = "Mã hồ sơ: " + dossier.code();

  const v1::Applicant& applicant = dossier.applicant();
  std::vector<Block>& body = letter.body;
  body.push_back(Field{"Đơn vị tiếp nhận", counter + " - " + unit.name});
  body.push_back(Field{"Tiếp nhận hồ sơ của", OrNotGiven(applicant.name())});
  body.push_back(Field{"Địa chỉ", OrNotGiven(applicant.address())});
  body.push_back(Field{"Số điện thoại", OrNotGiven(applicant.phone())});
  body.push_back(Field{"Thư điện tử", OrNotGiven(applicant.email())});
  body.push_back(Field{"Nội dung yêu cầu giải quyết", internal::ProcedureWords(dossier)});
  body.push_back(Paragraph{"1. Thành phần hồ sơ nộp gồm:"});
  if (dossier.documents().empty()) {
    body.push_back(Paragraph{"(Không có giấy tờ nào được ghi nhận.)"});
  } else {
    body.push_back(DocumentsTable(dossier));
  }
  // A received dossier has at least one set; proto3's 0 means "not recorded".
  body.push_back(Field{"2. Số lượng hồ sơ", TwoDigits(std::max(1u, dossier.sets())) + " bộ"});
  body.push_back(Field{"3. Thời gian giải quyết hồ sơ theo quy định", details.duration});
  body.push_back(Field{"4. Thời gian nhận hồ sơ", ClockAndDateWords(received_at)});
  body.push_back(
      Field{"5. Thời gian trả kết quả giải quyết hồ sơ", ClockAndDateWords(appointment_at)});
  if (dossier.appointment_provisional()) {
    body.push_back(
        Notice{"Lưu ý: Thời gian hẹn trả kết quả được tính theo lịch nghỉ lễ, Tết dự kiến vì năm "
               "đó chưa có lịch chính thức. Nếu lịch chính thức khác, " +
               counter + " sẽ báo lại thời gian hẹn trả kết quả."});
  }
  std::string collect_at = details.collect_at;
  if (collect_at.empty()) {
    collect_at = counter + " - " + unit.name;
    if (!unit.address.empty()) collect_at += ", " + unit.address;
  }
  body.push_back(Field{"6. Đăng ký nhận kết quả tại", collect_at});
  body.push_back(Field{"Vào Sổ theo dõi hồ sơ, số", dossier.code()});
  body.push_back(Field{"Mã tra cứu", details.lookup_secret});
  if (unit.lookup_url.empty()) {
    body.push_back(Paragraph{"Để tra cứu tình trạng hồ sơ, cung cấp Mã hồ sơ và Mã tra cứu cho " +
                             counter + "; không cho người khác biết Mã tra cứu."});
  } else {
    body.push_back(Paragraph{"Tra cứu tình trạng hồ sơ tại " + unit.lookup_url +
                             " bằng Mã hồ sơ và Mã tra cứu; không cho người khác biết "
                             "Mã tra cứu."});
    body.push_back(QrCode{LookupLink(unit.lookup_url, dossier.code(), details.lookup_secret),
                          "Quét mã QR để xem tình trạng hồ sơ (không cần nhập mã):"});
  }

  letter.signatures = {
      Signature{"NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", applicant.name()},
      Signature{"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", details.received_by},
  };
  return letter;
}

}  // namespace motcua::letters
