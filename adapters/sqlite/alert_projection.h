// AlertProjection: one row per AlertRaised event, so that alerts can be
// listed, streamed from a point (Last-Event-ID) and delivered to a webhook
// with plain queries (alert_queries.h).
//   alerts  seq (the event's), code, kind (v1::AlertKind), moment,
//           appointment, raised_at, late_fired, deliver_at
// Instants are UTC seconds. Whether an alert is still open is not stored:
// it depends on the dossier's later events, so the queries join the
// `dossiers` table (dossier_projection.h) instead.
//
// Not thread-safe, like every projection (projection.h).
#ifndef MOTCUA_ADAPTERS_SQLITE_ALERT_PROJECTION_H_
#define MOTCUA_ADAPTERS_SQLITE_ALERT_PROJECTION_H_

#include <memory>
#include <string>
#include <vector>

#include "adapters/sqlite/projection.h"

namespace motcua::sqlite {

class AlertProjection final : public Projection {
 public:
  std::string_view component() const override { return "alerts"; }
  std::vector<std::string> migrations() const override;
  std::vector<TableSpec> tables() const override;
  Status Prepare(Database& db) override;
  Status Apply(const engine::PendingEvent& pending) override;

 private:
  std::unique_ptr<Statement> insert_;
};

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_ALERT_PROJECTION_H_
