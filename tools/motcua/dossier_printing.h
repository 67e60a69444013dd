// How the desk client shows dossiers to an officer: Vietnamese labels, times
// in Vietnam time as "YYYY-MM-DD HH:MM". Pure functions writing to a stream.
#ifndef MOTCUA_TOOLS_MOTCUA_DOSSIER_PRINTING_H_
#define MOTCUA_TOOLS_MOTCUA_DOSSIER_PRINTING_H_

#include <ostream>

#include "motcua/v1/api.pb.h"
#include "motcua/v1/command.pb.h"
#include "motcua/v1/procedure.pb.h"

namespace motcua::cli {

// The dossier's code, procedure, status and appointments; the lookup secret
// when the reply carries one (the command received the dossier).
void PrintCommandReply(const v1::CommandReply& reply, std::ostream& out);
// Everything about one dossier, and its history, one event a line.
void PrintDossierDetail(const v1::DossierDetail& detail, std::ostream& out);
// One dossier a line.
void PrintDossierList(const v1::DossierList& list, std::ostream& out);
void PrintCatalog(const v1::Catalog& catalog, std::ostream& out);
void PrintCitizenView(const v1::CitizenView& view, std::ostream& out);

}  // namespace motcua::cli

#endif  // MOTCUA_TOOLS_MOTCUA_DOSSIER_PRINTING_H_
