// Schema versions. Each component (the event log itself, and each
// projection) records its own version in the schema_versions table and is
// migrated forward, one transaction per step, when the store opens.
#ifndef MOTCUA_ADAPTERS_SQLITE_SCHEMA_H_
#define MOTCUA_ADAPTERS_SQLITE_SCHEMA_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/sqlite/database.h"
#include "engine/base/status.h"

namespace motcua::sqlite {

// Applies migrations[version..] for `component`. kStorage if the file's
// version is newer than this build knows (an older binary must not write it).
// `on_create`, if given, runs in the transaction of the first migration
// (version 0 to 1), after it: the component's tables are new.
Status Migrate(Database& db, std::string_view component, const std::vector<std::string>& migrations,
               const std::function<Status()>& on_create = {});

// The event log's own tables: events (with the hash chain) and idempotency records.
const std::vector<std::string>& EventLogMigrations();

// The webhook deliverer's tables (webhook_queries.h): its cursor per
// receiver URL and the alerts it set aside. Component "webhook", migrated by
// the deliverer when a webhook is configured.
const std::vector<std::string>& WebhookMigrations();

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_SCHEMA_H_
