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
  // Only dossiers whose clock runs or is paused (DossierState::open).
  bool open_only = false;
  std::string procedure;      // procedure code
  // The unit or the officer holding the dossier.
  std::string holder;
  // The deadline the office works to (dossier::OfficeDeadline: the
  // appointment, or an apology's new one) strictly before this UTC instant,
  // in seconds since the epoch.
  std::optional<std::int64_t> due_before;
  // A dossier code or its start, a phone number's digits, or words of the
  // applicant's name, any case, with or without diacritics (search_fold.h);
  // empty: no search. At most kMaxSearchWords words.
  std::string query;
  // Whether the query may match phone numbers: not for readers who may not
  // see them (access_policy.h), or a search would tell whose number it is.
  bool search_phone = true;
  std::uint32_t limit = 100;
  std::uint64_t offset = 0;  // rows skipped, for paging
};

// Name words a search may hold (each is a LIKE over the search table).
inline constexpr std::size_t kMaxSearchWords = 8;

// One row of the `dossiers` table, as the lists show it. Instants are UTC
// seconds, 0 when unset.
struct DossierRow {
  std::string code;
  std::string procedure;
  std::string applicant_name;
  int status = 0;
  int channel = 0;
  std::int64_t registered_at = 0;
  std::int64_t received_at = 0;
  std::int64_t appointment_at = 0;
  std::int64_t extended_appointment_at = 0;
  std::string holder_unit;
  std::string holder_user;
  bool apologized = false;
  std::int64_t paused_at = 0;
  std::int64_t clock_start = 0;
  std::int64_t original_appointment_at = 0;
};

// The matching rows ordered by the office's deadline (unset last), then
// code; filter.limit of them at most, after skipping filter.offset.
Result<std::vector<DossierRow>> ListDossiers(Database& db, const DossierFilter& filter);

}  // namespace motcua::sqlite

#endif  // MOTCUA_ADAPTERS_SQLITE_DOSSIER_QUERIES_H_
