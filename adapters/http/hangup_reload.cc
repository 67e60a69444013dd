#include "adapters/http/hangup_reload.h"

#include <memory>
#include <string>
#include <utility>

#include "adapters/config/server_config.h"
#include "adapters/http/authenticator.h"
#include "adapters/http/endpoints/calendar_reload.h"
#include "engine/base/quote.h"

namespace motcua::http {

namespace {

// The users file again, and whom dossiers can be handed over to with it.
struct LoadedUsers {
  std::shared_ptr<const Authenticator> users;
  engine::Recipients recipients;
  std::string source;
};

Result<LoadedUsers> LoadUsers(const std::filesystem::path& config_file) {
  MOTCUA_ASSIGN_OR_RETURN(v1::ServerConfig config, config::LoadServerConfig(config_file));
  if (config.users_file().empty()) {
    return Status(Error::kConfig, "no users: set \"users_file\" in the configuration");
  }
  LoadedUsers loaded;
  loaded.source = config.users_file();
  MOTCUA_ASSIGN_OR_RETURN(loaded.users, Authenticator::Load(config.users_file()));
  MOTCUA_ASSIGN_OR_RETURN(loaded.recipients, HandOverRecipients(config, *loaded.users));
  return loaded;
}

std::string Years(const v1::CalendarReloadReply& reply) {
  std::string years;
  for (int y : reply.years()) {
    if (!years.empty()) years += ' ';
    years += std::to_string(y);
  }
  return years.empty() ? "none" : years;
}

}  // namespace

void ReloadOnHangup(const HangupReload& reload) {
  // Reading and checking the files takes a while: on a query thread.
  reload.queries->Run([reload](Result<sqlite::Database*>) {
    runtime::RequestLog& log = *reload.log;
    auto users = LoadUsers(reload.config_file);
    if (!users.ok()) log.Error("reload: users kept: " + users.status().ToString());
    auto calendar = LoadCalendarFromConfig(reload.config_file);
    if (!calendar.ok()) log.Error("reload: calendar kept: " + calendar.status().ToString());
    if (!users.ok() && !calendar.ok()) return;
    Status submitted = reload.engine->RunExclusive(
        [reload, users = std::move(users), calendar = std::move(calendar)](
            engine::Engine& engine, EventLog& events) mutable {
          runtime::RequestLog& out = *reload.log;
          if (users.ok()) {
            // The engine first: from the moment a new officer can act, a
            // dossier can be handed to them.
            engine.SetRecipients(std::move(users->recipients));
            reload.users.Replace(users->users);
            out.Note("reload: " + std::to_string(users->users->size()) + " users from " +
                     QuoteForMessage(users->source, kQuotedPathMaxBytes));
          }
          if (!calendar.ok()) return;
          auto applied = ReloadCalendarNow(*calendar, engine, events, reload.clock->Now());
          if (!applied.ok()) {
            out.Error("reload: calendar kept: " + applied.status().ToString());
            return;
          }
          if (applied->unchanged()) {
            out.Note("reload: calendar from " +
                     QuoteForMessage(calendar->source, kQuotedPathMaxBytes) +
                     " unchanged, official years " + Years(*applied) + "; nothing re-timed");
            return;
          }
          out.Note("reload: calendar from " +
                   QuoteForMessage(calendar->source, kQuotedPathMaxBytes) + ", official years " +
                   Years(*applied) + ", " + std::to_string(applied->dossiers_examined()) +
                   " open dossier(s) examined, " + std::to_string(applied->dossiers_retimed()) +
                   " re-timed");
        });
    if (!submitted.ok()) log.Error("reload: not applied: " + submitted.ToString());
  });
}

}  // namespace motcua::http
