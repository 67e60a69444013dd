// GET /v1/dossiers/{code}/apology: the Mẫu 04 letter of a dossier that has
// an apology (adapters/letters/apology.h), folded from its events like the
// receipt (dossier_reads.h), so it always shows what the log recorded. The
// title and legal basis follow the rule set of the dossier's receipt date.
//
// Safe from any thread as long as each call has its own connection.
#ifndef MOTCUA_ADAPTERS_HTTP_APOLOGY_READS_H_
#define MOTCUA_ADAPTERS_HTTP_APOLOGY_READS_H_

#include <string>
#include <string_view>

#include "adapters/http/dossier_reads.h"
#include "adapters/letters/unit_info.h"
#include "adapters/sqlite/database.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"

namespace motcua::http {

// Rendered as text or as an A4 HTML page (ReceiptFormat). kNotFound for an
// unknown code; kIllegalTransition when the dossier has no apology.
Result<std::string> ReadApologyLetter(sqlite::Database& db, const catalog::Catalog& catalog,
                                      const letters::UnitInfo& unit, std::string_view code,
                                      ReceiptFormat format);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_APOLOGY_READS_H_
