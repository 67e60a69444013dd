#include "engine/catalog/internal_process.h"

#include <string>

namespace motcua::catalog {

namespace {

constexpr std::uint32_t kHoursPerWorkingDay = 8;

}  // namespace

std::optional<std::uint32_t> StatutoryWorkingHours(const v1::Duration& duration) {
  switch (duration.unit()) {
    case v1::DURATION_UNIT_WORKING_HOURS: return duration.amount();
    case v1::DURATION_UNIT_WORKING_DAYS: return duration.amount() * kHoursPerWorkingDay;
    case v1::DURATION_UNIT_SAME_DAY: return kHoursPerWorkingDay;
    default: return std::nullopt;
  }
}

Status CheckInternalProcesses(const v1::Procedure& procedure) {
  std::string previous;
  for (const v1::InternalProcess& process : procedure.processes()) {
    const std::string version = "quy trình áp dụng từ " + process.effective_from();
    if (!ParseDate(process.effective_from()).ok()) {
      return Status(Error::kConfig, "ngày áp dụng quy trình nội bộ không đúng dạng YYYY-MM-DD: " +
                                        process.effective_from());
    }
    // ISO dates order as strings.
    if (!previous.empty() && process.effective_from() <= previous) {
      return Status(Error::kConfig, version + " không sau phiên bản trước (" + previous + ")");
    }
    previous = process.effective_from();
    if (process.steps().empty()) return Status(Error::kConfig, version + " không có bước nào");
    std::uint32_t total = 0;
    for (int i = 0; i < process.steps_size(); ++i) {
      const v1::ProcessStep& step = process.steps(i);
      if (step.name().empty() || step.unit().empty() || step.working_hours() == 0) {
        return Status(Error::kConfig, version + ", bước " + std::to_string(i + 1) +
                                          ": thiếu tên, đơn vị thực hiện hoặc số giờ làm việc");
      }
      total += step.working_hours();
    }
    std::optional<std::uint32_t> statutory = StatutoryWorkingHours(procedure.duration());
    if (!statutory) {
      return Status(Error::kConfig, version + ": thời hạn của thủ tục không tính bằng giờ hoặc "
                                              "ngày làm việc nên không chia được cho các bước");
    }
    if (total != *statutory) {
      return Status(Error::kConfig, version + ": các bước cộng lại " + std::to_string(total) +
                                        " giờ làm việc, thời hạn luật định là " +
                                        std::to_string(*statutory) + " giờ làm việc");
    }
  }
  return Status::Ok();
}

const v1::InternalProcess* ProcessInForce(const v1::Procedure& procedure, LocalDays day) {
  const std::string date = FormatDate(day);
  const v1::InternalProcess* in_force = nullptr;
  for (const v1::InternalProcess& process : procedure.processes()) {
    if (process.effective_from() > date) break;  // oldest first (CheckInternalProcesses)
    in_force = &process;
  }
  return in_force;
}

const v1::InternalProcess* ProcessFrom(const v1::Procedure& procedure, std::string_view from) {
  if (from.empty()) return nullptr;
  for (const v1::InternalProcess& process : procedure.processes()) {
    if (process.effective_from() == from) return &process;
  }
  return nullptr;
}

std::optional<std::chrono::seconds> StepBudget(const v1::InternalProcess& process,
                                               std::uint32_t number) {
  if (number == 0 || number > static_cast<std::uint32_t>(process.steps_size())) return std::nullopt;
  return std::chrono::hours(process.steps(static_cast<int>(number) - 1).working_hours());
}

}  // namespace motcua::catalog
