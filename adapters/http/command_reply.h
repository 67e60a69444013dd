// The dossier part of a command's reply, folded after the command is
// durable. EngineService answers with the command's events only (its
// engine thread is the one every command waits on); the server then reads
// the dossier's history on one of its read connections and folds the view
// the officer sees. A replayed reply (Idempotency-Key) is completed the same
// way, so it shows the dossier exactly as the first answer did.
#ifndef MOTCUA_ADAPTERS_HTTP_COMMAND_REPLY_H_
#define MOTCUA_ADAPTERS_HTTP_COMMAND_REPLY_H_

#include "adapters/sqlite/database.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"
#include "motcua/v1/command.pb.h"

namespace motcua::http {

// Sets reply.dossier to the fold of the dossier's events up to and including
// the reply's last event: the dossier as the command left it, whatever
// committed after it. The dossier is the one the reply's events name; a reply
// without one gets an empty view. `db` must see the command's commit.
Status AddDossierView(sqlite::Database& db, const catalog::Catalog& catalog,
                      v1::CommandReply& reply);

}  // namespace motcua::http

#endif  // MOTCUA_ADAPTERS_HTTP_COMMAND_REPLY_H_
