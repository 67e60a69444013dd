#include "adapters/letters/refusal.h"

#include "adapters/letters/form_parts.h"

namespace motcua::letters {

Result<Letter> BuildRefusal(const v1::Dossier& dossier, const UnitInfo& unit,
                            const RefusalDetails& details) {
  if (details.reason.empty()) return internal::MissingError("Mẫu 03", "lý do từ chối");
  const RuleSet rules = internal::RuleSetOf(dossier, details.refused_at);
  const std::string counter = internal::CounterName(unit, rules);
  Letter letter =
      internal::StartLetter(unit, rules, 3, details.refused_at, kRefusalTitle, PageSize::kA4);
  if (!dossier.code().empty()) letter.subtitle = "Mã hồ sơ: " + dossier.code();

  std::vector<Block>& body = letter.body;
  body.push_back(Field{counter + " - " + unit.name + " tiếp nhận hồ sơ của",
                       internal::OrNotGiven(dossier.applicant().name())});
  body.push_back(Field{"Địa chỉ", internal::OrNotGiven(dossier.applicant().address())});
  body.push_back(Field{"Nội dung yêu cầu giải quyết", internal::ProcedureWords(dossier)});
  body.push_back(
      Paragraph{"Sau khi xem xét, đối chiếu hồ sơ với quy định của pháp luật, " + counter +
                " thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"});
  body.push_back(Field{"Lý do", details.reason});
  body.push_back(Paragraph{"Xin thông báo để Ông/Bà được biết và thực hiện./."});

  letter.signatures = {
      Signature{"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", details.refused_by}};
  return letter;
}

}  // namespace motcua::letters
