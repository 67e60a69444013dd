#include "adapters/letters/supplementation_request.h"

#include "adapters/letters/form_parts.h"
#include "adapters/letters/wording.h"

namespace motcua::letters {

Result<Letter> BuildSupplementationRequest(const v1::Dossier& dossier, const UnitInfo& unit,
                                           const SupplementationDetails& details) {
  if (details.reason.empty() && details.documents.empty()) {
    return internal::MissingError("Mẫu 02", "nội dung cần bổ sung và lý do");
  }
  const RuleSet rules = internal::RuleSetOf(dossier, details.requested_at);
  const std::string counter = internal::CounterName(unit, rules);
  Letter letter = internal::StartLetter(unit, rules, 2, details.requested_at, kSupplementationTitle,
                                        PageSize::kA4);
  if (!dossier.code().empty()) letter.subtitle = "Mã hồ sơ: " + dossier.code();

  std::vector<Block>& body = letter.body;
  body.push_back(Field{"Hồ sơ của", internal::OrNotGiven(dossier.applicant().name())});
  body.push_back(Field{"Nội dung yêu cầu giải quyết", internal::ProcedureWords(dossier)});
  if (dossier.has_received_at()) {
    body.push_back(Field{"Thời gian nhận hồ sơ",
                         ClockAndDateWords(internal::ToInstant(dossier.received_at()))});
  }
  body.push_back(Paragraph{"Sau khi xem xét, " + counter + " - " + unit.name +
                           " đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"});
  if (!details.documents.empty()) {
    Table table{.header = {"TT", "Nội dung cần bổ sung, hoàn thiện"}, .rows = {}};
    int number = 0;
    for (const std::string& document : details.documents) {
      table.rows.push_back({std::to_string(++number), document});
    }
    body.push_back(std::move(table));
  }
  body.push_back(Field{"Lý do", internal::OrNotGiven(details.reason)});
  if (dossier.has_received_at()) {
    // What the law of the receipt date does to the citizen's appointment
    // (engine/dossier/rule_set.h).
    body.push_back(Paragraph{
        dossier::SupplementationRuleOf(rules).restarts_duration
            ? "Thời hạn giải quyết hồ sơ được tính lại từ đầu kể từ khi nhận đủ hồ sơ bổ sung, "
              "hoàn thiện; ngày hẹn trả kết quả mới sẽ được thông báo khi Ông/Bà nộp bổ sung."
            : "Thời gian giải quyết hồ sơ tạm dừng từ " + ClockAndDateWords(details.requested_at) +
                  " cho đến khi nhận được hồ sơ bổ sung, hoàn thiện; thời gian hẹn trả kết quả "
                  "sẽ được lùi tương ứng."});
  }
  std::string help =
      "Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ " +
      (details.requested_by.empty() ? counter : details.requested_by);
  if (!details.contact.empty()) help += " (" + details.contact + ")";
  body.push_back(Paragraph{help + " để được hướng dẫn./."});

  letter.signatures = {Signature{"NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", details.requested_by}};
  return letter;
}

}  // namespace motcua::letters
