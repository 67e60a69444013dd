#include "adapters/letters/apology.h"

#include <string>
#include <vector>

#include "adapters/letters/form_parts.h"
#include "adapters/letters/wording.h"

namespace motcua::letters {
namespace {

constexpr std::string_view kForm = "Mẫu 04";

}  // namespace

std::string_view ApologyTitle(RuleSet rules) noexcept {
  switch (rules) {
    case RuleSet::kDecree61Of2018:
      return "Phiếu xin lỗi và hẹn lại ngày trả kết quả";
    case RuleSet::kDecree118Of2025:
      return "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết";
  }
  return {};
}

Result<Letter> BuildApology(const v1::Dossier& dossier, const UnitInfo& unit) {
  if (dossier.code().empty()) return internal::MissingError(kForm, "mã hồ sơ");
  if (!dossier.has_received_at()) return internal::MissingError(kForm, "thời gian nhận hồ sơ");
  if (!dossier.has_original_appointment_at() && !dossier.has_appointment_at()) {
    return internal::MissingError(kForm, "thời gian hẹn trả kết quả");
  }
  const v1::Apology& apology = dossier.apology();
  if (!dossier.has_apology() || !apology.has_at()) {
    return internal::MissingError(kForm, "thời điểm xin lỗi");
  }
  if (apology.reason().empty()) return internal::MissingError(kForm, "lý do chậm trễ");
  if (!apology.has_new_appointment_at()) {
    return internal::MissingError(kForm, "thời gian hẹn trả kết quả mới");
  }

  const Instant received_at = internal::ToInstant(dossier.received_at());
  // The citizen was promised the receipt's appointment; that is the one the
  // apology is for, whatever moved the working appointment since.
  const std::string original = ClockAndDateWords(
      internal::ToInstant(dossier.has_original_appointment_at() ? dossier.original_appointment_at()
                                                                : dossier.appointment_at()));
  const std::string renewed = ClockAndDateWords(internal::ToInstant(apology.new_appointment_at()));
  const RuleSet rules = RuleSetFor(received_at);
  const bool extension = rules == RuleSet::kDecree118Of2025;

  Letter letter = internal::StartLetter(unit, rules, 4, internal::ToInstant(apology.at()),
                                        ApologyTitle(rules), PageSize::kA4);
  letter.subtitle = "Mã hồ sơ: " + dossier.code();
  letter.addressee = "Kính gửi: " + internal::OrNotGiven(dossier.applicant().name());

  std::vector<Block>& body = letter.body;
  body.push_back(Paragraph{"Căn cứ " + std::string(LegalBasisOf(rules)) + ";"});
  body.push_back(Paragraph{unit.name + " đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành "
                                       "chính của Ông/Bà:"});
  body.push_back(Field{"Thủ tục hành chính", internal::ProcedureWords(dossier)});
  body.push_back(Field{"Mã hồ sơ", dossier.code()});
  body.push_back(Field{"Thời gian nhận hồ sơ", ClockAndDateWords(received_at)});
  body.push_back(Field{"Thời gian hẹn trả kết quả", original});
  body.push_back(Paragraph{"Tuy nhiên, " + unit.name +
                           " không thể trả kết quả giải quyết hồ sơ của Ông/Bà đúng thời gian "
                           "hẹn nêu trên."});
  body.push_back(Field{"Lý do", apology.reason()});
  body.push_back(
      Paragraph{"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. " + unit.name +
                " thành thật xin lỗi Ông/Bà và " +
                (extension ? "đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ đến "
                           : "hẹn lại thời gian trả kết quả giải quyết hồ sơ vào ") +
                renewed + "."});
  body.push_back(Field{
      extension ? "Thời gian trả kết quả sau gia hạn" : "Thời gian hẹn trả kết quả mới", renewed});
  body.push_back(Paragraph{"Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./."});

  letter.signatures = {
      Signature{"THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", unit.head}};
  return letter;
}

}  // namespace motcua::letters
