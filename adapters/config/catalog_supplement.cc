#include "adapters/config/catalog_supplement.h"

#include <map>
#include <set>

#include "adapters/config/json_file.h"
#include "engine/base/quote.h"
#include "motcua/v1/catalog_source.pb.h"

namespace motcua::config {

namespace {

bool HasText(const std::string& s) { return s.find_first_not_of(" \t\r\n") != std::string::npos; }

}  // namespace

Status ApplyCatalogSupplement(const std::string& json, const std::string& what,
                              std::vector<v1::Procedure>& procedures) {
  v1::CatalogSupplement supplement;
  MOTCUA_RETURN_IF_ERROR(ParseJson(json, what, supplement));
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < procedures.size(); ++i) {
    if (!procedures[i].code().empty()) index.emplace(procedures[i].code(), i);
  }
  std::set<std::string> seen;
  std::vector<v1::Procedure> updated = procedures;
  for (int i = 0; i < supplement.procedures_size(); ++i) {
    const v1::ProcedureSupplement& s = supplement.procedures(i);
    const std::string entry = what + ": mục " + std::to_string(i + 1) + " (mã " +
                              QuoteForMessage(s.code()) + ")";
    auto found = index.find(s.code());
    if (found == index.end()) {
      return Status(Error::kConfig, entry + ": không có thủ tục mã này trong danh mục");
    }
    if (!seen.insert(s.code()).second) {
      return Status(Error::kConfig, entry + ": thủ tục đã có ở một mục trước");
    }
    v1::Procedure& p = updated[found->second];
    for (int d = 0; d < s.documents_size(); ++d) {
      if (!HasText(s.documents(d).name())) {
        return Status(Error::kConfig,
                      entry + ": thành phần hồ sơ thứ " + std::to_string(d + 1) + " không có tên");
      }
      v1::RequiredDocument* doc = p.add_documents();
      *doc = s.documents(d);
      if (doc->copies() == 0) doc->set_copies(1);
    }
    p.set_documents_basis(s.basis());
    p.set_documents_assumed(s.assumed());
  }
  procedures = std::move(updated);
  return Status::Ok();
}

}  // namespace motcua::config
