// The read queries of the desk and the citizen: one dossier's events (folded
// into a view by the caller, dossier_view.h) and filtered lists from the
// `dossiers` projection table (dossier_projection.h).
//
// The functions work on any connection. The server runs them on read-only
// connections of its own (WAL: a reader sees the last committed state and
// never blocks the engine's commits); the engine's thread uses a
// DossierEventReader on the log's connection to fold a command's reply.
// Like the Database they use, none is thread-safe: one owner per connection.
#ifndef MOTCUA_ADAPTERS_SQLITE_DOSSIER_QUERIES_H_
#define MOTCUA_ADAPTERS_SQLITE_DOSSIER_QUERIES_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/sqlite/database.h"
#include "engine/base/status.h"
#include "motcua/v1/event.pb.h"

namespace motcua::sqlite {

// Reads one dossier's events in seq order with a statement prepared once.
// `db` must outlive the reader.
class DossierEventReader {
 public:
  explicit DossierEventReader(Database& db);

  // Calls `visit` for each event of `code` in seq order; none for an unknown
  // code. kCorrupt naming the seq if a stored event does not parse.
  Status Read(std::string_view code, const std::function<void(const v1::Event&)>& visit);
  // The events of `code`, in seq order.
  Result<std::vector<v1::Event>> ReadAll(std::string_view code);

 private:
  std::unique_ptr<Statement> statement_;
};

// GET /v1/dossiers filters; every set field must match.
struct DossierFilter {
  std::optional<int> status;  // v1::Status
  std::string procedure;      // procedure code
  // The unit or the officer holding the dossier.
  std::string holder;
  // Appointment (the one statistics count against) strictly before this UTC
  // instant, in seconds since the epoch.
  std::optional<std::int64_t> due_before;
  std::uint32_t limit = 100;
};

// One row of the `dossiers` table, as the lists show it. Instants are UTC
// seconds, 0 when unset.
struct DossierRow {
  std::string code;
  std::string procedure;
  std::string applicant_name;
  int status = 0;
  int channel = 0;
  std::int64_t received_at = 0;
  std::int64_t appointment_at = 0;
  std::int64_t extended_appointment_at = 0;
  std::string holder_unit;
  std::string holder_user;
};

// The matching rows ordered by appointment (unset last), then code; at most
// filter.limit of them.
Result<std::vector<DossierRow>> ListDossiers(Database& db, const DossierFilter& filter);

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_DOSSIER_QUERIES_H_
