#include "engine/catalog/catalog.h"

#include <utility>

#include "engine/base/quote.h"
#include "engine/base/time.h"

namespace motcua::catalog {

Catalog::Catalog(std::vector<v1::Procedure> procedures) : procedures_(std::move(procedures)) {}

Result<std::shared_ptr<const Catalog>> Catalog::Build(std::vector<v1::Procedure> procedures) {
  std::shared_ptr<Catalog> catalog(new Catalog(std::move(procedures)));
  for (std::uint32_t i = 0; i < catalog->procedures_.size(); ++i) {
    const v1::Procedure& p = catalog->procedures_[i];
    if (p.code().empty()) continue;  // listed, but cannot be looked up or received
    auto [it, inserted] = catalog->by_code_.emplace(p.code(), i);
    if (!inserted) {
      return Status(Error::kConfig, "mã thủ tục " + QuoteForMessage(p.code()) + " bị trùng (mục " +
                                        std::to_string(it->second + 1) + " và mục " +
                                        std::to_string(i + 1) + ")");
    }
  }
  return std::shared_ptr<const Catalog>(std::move(catalog));
}

const v1::Procedure* Catalog::Find(std::string_view code) const {
  std::uint32_t i = IndexOf(code);
  return i == kNone ? nullptr : &procedures_[i];
}

std::uint32_t Catalog::IndexOf(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? kNone : it->second;
}

Result<calendar::DeadlineSpec> DeadlineOf(const v1::Procedure& p) {
  if (!p.receivable()) {
    return Status(Error::kInvalidArgument,
                  "thủ tục " + QuoteForMessage(p.code()) + " chưa đủ thông tin để tiếp nhận: " +
                      QuoteForMessage(p.note(), kMessageMaxBytes));
  }
  calendar::DeadlineSpec spec;
  spec.amount = static_cast<int>(p.duration().amount());
  switch (p.duration().unit()) {
    case v1::DURATION_UNIT_WORKING_HOURS: spec.unit = calendar::DurationUnit::kWorkingHours; break;
    case v1::DURATION_UNIT_WORKING_DAYS: spec.unit = calendar::DurationUnit::kWorkingDays; break;
    case v1::DURATION_UNIT_CALENDAR_DAYS: spec.unit = calendar::DurationUnit::kCalendarDays; break;
    case v1::DURATION_UNIT_SAME_DAY: spec.unit = calendar::DurationUnit::kSameDay; break;
    default:
      return Status(Error::kInvalidArgument,
                    "thủ tục " + QuoteForMessage(p.code()) + " không có thời hạn giải quyết");
  }
  if (!p.duration().cutoff().empty()) {
    MOTCUA_ASSIGN_OR_RETURN(spec.cutoff, ParseClock(p.duration().cutoff()));
  }
  return spec;
}

}  // namespace motcua::catalog
