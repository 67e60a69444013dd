#include "adapters/http/apology_reads.h"

#include "adapters/letters/apology.h"
#include "adapters/letters/html_renderer.h"
#include "adapters/letters/text_renderer.h"
#include "adapters/sqlite/dossier_queries.h"
#include "engine/dossier/dossier_view.h"

namespace motcua::http {

Result<std::string> ReadApologyLetter(sqlite::Database& db, const catalog::Catalog& catalog,
                                      const letters::UnitInfo& unit, std::string_view code,
                                      ReceiptFormat format) {
  dossier::DossierViewBuilder view(catalog);
  bool any = false;
  sqlite::DossierEventReader reader(db);
  MOTCUA_RETURN_IF_ERROR(reader.Read(code, [&](const v1::Event& e) {
    any = true;
    view.Add(e);
  }));
  if (!any) return Status(Error::kNotFound, "không tìm thấy hồ sơ " + std::string(code));
  const v1::Dossier& d = view.dossier();
  if (!d.has_apology()) {
    return Status(Error::kIllegalTransition,
                  "hồ sơ " + std::string(code) + " chưa có thư xin lỗi và hẹn lại");
  }
  MOTCUA_ASSIGN_OR_RETURN(letters::Letter letter, letters::BuildApology(d, unit));
  return format == ReceiptFormat::kHtml ? letters::RenderHtml(letter) : letters::RenderText(letter);
}

}  // namespace motcua::http
