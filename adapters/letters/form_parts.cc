#include "adapters/letters/form_parts.h"

#include "adapters/letters/wording.h"

namespace motcua::letters::internal {

Instant ToInstant(const google::protobuf::Timestamp& t) noexcept {
  return FromUnixSeconds(t.seconds());
}

RuleSet RuleSetOf(const v1::Dossier& dossier, Instant fallback) {
  return RuleSetFor(dossier.has_received_at() ? ToInstant(dossier.received_at()) : fallback);
}

std::string CounterName(const UnitInfo& unit, RuleSet rules) {
  return unit.counter.empty() ? std::string(CounterNameOf(rules)) : unit.counter;
}

Letter StartLetter(const UnitInfo& unit, RuleSet rules, int form_number, Instant dated,
                   std::string_view title, PageSize page) {
  Letter letter;
  letter.page = page;
  letter.unit_name = unit.name;
  letter.unit_division = CounterName(unit, rules);
  letter.form_label = "Mẫu số " + TwoDigits(static_cast<std::uint32_t>(form_number)) + " (" +
                      std::string(CircularOf(rules)) + ")";
  const std::string date = DateWords(dated);  // "ngày 15 tháng 03 năm 2024"
  // Without a place the date opens the line, so its first letter is capital.
  constexpr std::string_view kDay = "ngày";
  letter.place_and_date =
      unit.place.empty() ? "Ngày" + date.substr(kDay.size()) : unit.place + ", " + date;
  letter.title = title;
  return letter;
}

std::string ProcedureWords(const v1::Dossier& dossier) {
  const std::string& name = dossier.procedure_name();
  const std::string& code = dossier.procedure_code();
  if (code.empty()) return OrNotGiven(name);
  if (name.empty()) return "Thủ tục mã " + code;
  return name + " (mã thủ tục " + code + ")";
}

std::string OrNotGiven(std::string_view value) {
  return value.empty() ? "(không có)" : std::string(value);
}

Status MissingError(std::string_view form, std::string_view what) {
  return Status(Error::kInvalidArgument,
                std::string(form) + ": thiếu " + std::string(what) + ", không thể lập văn bản");
}

}  // namespace motcua::letters::internal
