#include "adapters/config/internal_process_file.h"

#include <algorithm>
#include <map>

#include "adapters/config/json_file.h"
#include "engine/base/quote.h"
#include "engine/catalog/internal_process.h"
#include "motcua/v1/catalog_source.pb.h"

namespace motcua::config {

namespace {

std::string UnitList(const std::vector<std::string>& units) {
  std::string list;
  for (const std::string& u : units) list += (list.empty() ? "" : ", ") + u;
  return list;
}

}  // namespace

Status ApplyInternalProcesses(const std::string& json, const std::string& what,
                              const std::vector<std::string>& units,
                              std::vector<v1::Procedure>& procedures) {
  v1::InternalProcessFile file;
  MOTCUA_RETURN_IF_ERROR(ParseJson(json, what, file));
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < procedures.size(); ++i) {
    if (!procedures[i].code().empty()) index.emplace(procedures[i].code(), i);
  }
  std::vector<v1::Procedure> updated = procedures;
  for (int i = 0; i < file.processes_size(); ++i) {
    const v1::ProcessEntry& entry = file.processes(i);
    const std::string where = what + ": mục " + std::to_string(i + 1) + " (mã " +
                              QuoteForMessage(entry.procedure()) + ")";
    auto found = index.find(entry.procedure());
    if (found == index.end()) {
      return Status(Error::kConfig, where + ": không có thủ tục mã này trong danh mục");
    }
    v1::Procedure& p = updated[found->second];
    if (!p.receivable()) {
      return Status(Error::kConfig, where + ": thủ tục chưa tiếp nhận được nên không có quy trình");
    }
    for (const v1::ProcessStep& step : entry.steps()) {
      if (!units.empty() && std::find(units.begin(), units.end(), step.unit()) == units.end()) {
        return Status(Error::kConfig, where + ": bước " + QuoteForMessage(step.name()) +
                                          " giao cho đơn vị " + QuoteForMessage(step.unit()) +
                                          " không có trong cấu hình; các đơn vị: " +
                                          UnitList(units));
      }
    }
    for (const v1::InternalProcess& existing : p.processes()) {
      if (existing.effective_from() == entry.effective_from()) {
        return Status(Error::kConfig, where + ": đã có quy trình áp dụng từ " +
                                          QuoteForMessage(entry.effective_from()));
      }
    }
    v1::InternalProcess* process = p.add_processes();
    process->set_effective_from(entry.effective_from());
    process->set_basis(entry.basis());
    process->set_assumed(entry.assumed());
    *process->mutable_steps() = entry.steps();
  }
  for (v1::Procedure& p : updated) {
    auto* versions = p.mutable_processes();
    std::sort(versions->begin(), versions->end(),
              [](const v1::InternalProcess& a, const v1::InternalProcess& b) {
                return a.effective_from() < b.effective_from();
              });
    if (Status s = catalog::CheckInternalProcesses(p); !s.ok()) {
      return Status(Error::kConfig, what + ": thủ tục " + QuoteForMessage(p.code()) + " (" +
                                        QuoteForMessage(p.name()) + "): " + s.message());
    }
  }
  procedures = std::move(updated);
  return Status::Ok();
}

}  // namespace motcua::config
