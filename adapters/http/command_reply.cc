#include "adapters/http/command_reply.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "adapters/sqlite/dossier_queries.h"
#include "engine/dossier/dossier_view.h"

namespace motcua::http {

Status AddDossierView(sqlite::Database& db, const catalog::Catalog& catalog,
                      v1::CommandReply& reply) {
  std::string code;
  std::uint64_t last_seq = 0;
  for (const v1::Event& e : reply.events()) {
    if (!e.dossier_code().empty()) code = e.dossier_code();
    last_seq = std::max<std::uint64_t>(last_seq, e.seq());
  }
  dossier::DossierViewBuilder view(catalog);
  if (!code.empty()) {
    sqlite::DossierEventReader reader(db);
    MOTCUA_RETURN_IF_ERROR(reader.Read(code, [&](const v1::Event& e) {
      if (e.seq() <= last_seq) view.Add(e);
    }));
  }
  *reply.mutable_dossier() = view.dossier();
  return Status::Ok();
}

}  // namespace motcua::http
