#include "adapters/letters/rule_set.h"

namespace motcua::letters {

std::string_view CircularOf(RuleSet rules) noexcept {
  switch (rules) {
    case RuleSet::kDecree61Of2018:
      return "Thông tư số 01/2018/TT-VPCP";
    case RuleSet::kDecree118Of2025:
      return "Thông tư số 03/2025/TT-VPCP";
  }
  return {};
}

std::string_view DecreesOf(RuleSet rules) noexcept {
  switch (rules) {
    case RuleSet::kDecree61Of2018:
      return "Nghị định số 61/2018/NĐ-CP và Nghị định số 107/2021/NĐ-CP";
    case RuleSet::kDecree118Of2025:
      return "Nghị định số 118/2025/NĐ-CP";
  }
  return {};
}

std::string_view LegalBasisOf(RuleSet rules) noexcept {
  switch (rules) {
    case RuleSet::kDecree61Of2018:
      return "Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực "
             "hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính "
             "và Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 năm 2021 của Chính phủ sửa "
             "đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP";
    case RuleSet::kDecree118Of2025:
      return "Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực "
             "hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận "
             "Một cửa và Cổng Dịch vụ công quốc gia";
  }
  return {};
}

std::string_view CounterNameOf(RuleSet rules) noexcept {
  switch (rules) {
    case RuleSet::kDecree61Of2018:
      return "Bộ phận Tiếp nhận và Trả kết quả";
    case RuleSet::kDecree118Of2025:
      return "Bộ phận Một cửa";
  }
  return {};
}

}  // namespace motcua::letters
