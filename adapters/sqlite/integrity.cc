#include "adapters/sqlite/integrity.h"

#include <optional>
#include <string>
#include <vector>

#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/base/proto_time.h"
#include "engine/dossier/names.h"
#include "engine/state_fold.h"

namespace motcua::sqlite {

Status VerifyChain(Database& db, IntegrityReport& report) {
  // The indexed columns (dossier, kind, at, actor) copy fields of the body,
  // which the hash covers; they are checked against it too, so that an edit
  // of a column alone (which readers by dossier rely on) is caught as well.
  Statement st(db, "SELECT seq, body, hash, dossier, kind, at, actor FROM events ORDER BY seq");
  std::string previous = GenesisHash();
  std::uint64_t expected_seq = 1;
  v1::Event event;
  while (st.Step()) {
    const auto seq = static_cast<std::uint64_t>(st.ColumnInt(0));
    std::string_view body = st.ColumnBlob(1);
    std::string_view hash = st.ColumnBlob(2);
    ++report.events;
    auto fail = [&](std::uint64_t at, std::string why) {
      report.first_bad_seq = at;
      report.chain_problem = std::move(why);
    };
    if (seq != expected_seq) {
      fail(expected_seq, "thiếu sự kiện số " + std::to_string(expected_seq) +
                             " (gặp số " + std::to_string(seq) + ")");
      return Status::Ok();
    }
    std::string computed = ChainHash(previous, seq, body);
    if (computed != hash) {
      fail(seq, "mã băm của sự kiện số " + std::to_string(seq) + " không khớp: dữ liệu đã bị sửa");
      return Status::Ok();
    }
    if (!event.ParseFromArray(body.data(), static_cast<int>(body.size())) || event.seq() != seq) {
      fail(seq, "nội dung sự kiện số " + std::to_string(seq) + " không hợp lệ");
      return Status::Ok();
    }
    if (st.ColumnText(3) != event.dossier_code() ||
        st.ColumnText(4) != dossier::KindIdentifier(event.kind_case()) ||
        st.ColumnInt(5) != Seconds(event.at()) || st.ColumnText(6) != event.actor()) {
      fail(seq, "các cột của sự kiện số " + std::to_string(seq) +
                    " (hồ sơ, loại, thời điểm, người thực hiện) không khớp nội dung: dữ liệu đã "
                    "bị sửa");
      return Status::Ok();
    }
    previous = std::move(computed);
    ++expected_seq;
  }
  return st.status();
}

namespace {

// Drops the secondary indexes of every table but the log's own (events,
// idempotency) and returns the statements that create them again.
Result<std::vector<std::string>> DropProjectionIndexes(Database& db) {
  std::vector<std::string> names, creates;
  {
    // sql is NULL for the indexes a PRIMARY KEY or UNIQUE makes: those stay.
    Statement st(db,
                 "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                 "AND tbl_name NOT IN ('events', 'idempotency') ORDER BY name");
    while (st.Step()) {
      names.emplace_back(st.ColumnText(0));
      creates.emplace_back(st.ColumnText(1));
    }
    MOTCUA_RETURN_IF_ERROR(st.status());
  }
  for (const std::string& name : names) {
    MOTCUA_RETURN_IF_ERROR(db.Exec("DROP INDEX \"" + name + "\""));
  }
  return creates;
}

}  // namespace

Status RebuildProjections(Database& source, const ProjectionFactory& make,
                          const catalog::Catalog& catalog, Database& target) {
  ProjectionList projections = make();
  MOTCUA_RETURN_IF_ERROR(MigrateAll(target, projections));
  Transaction tx(target);
  MOTCUA_RETURN_IF_ERROR(tx.status());
  // The projections' secondary indexes are dropped while the rows go in and
  // created again at the end: one sort per index instead of a B-tree insert
  // per row, which was most of a rebuild's time (tools/bench replay).
  MOTCUA_ASSIGN_OR_RETURN(std::vector<std::string> indexes, DropProjectionIndexes(target));
  for (auto& p : projections) MOTCUA_RETURN_IF_ERROR(p->Prepare(target));
  engine::StateFold fold(catalog);
  engine::PendingEvent pending;
  Statement st(source, "SELECT body FROM events ORDER BY seq");
  // Projections keep rows back until Flush (projection.h): flushing every
  // so many events lets a dossier's many events write its row once or twice
  // instead of once each, with the memory held bounded.
  constexpr std::uint64_t kFlushEvery = 500'000;
  auto flush = [&]() -> Status {
    for (auto& p : projections) MOTCUA_RETURN_IF_ERROR(p->Flush());
    return Status::Ok();
  };
  for (std::uint64_t n = 1; st.Step(); ++n) {
    std::string_view body = st.ColumnBlob(0);
    if (!pending.event.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
      return Status(Error::kCorrupt, "một sự kiện không đọc được");
    }
    MOTCUA_RETURN_IF_ERROR(fold.Fold(pending));
    for (auto& p : projections) MOTCUA_RETURN_IF_ERROR(p->Apply(pending));
    if (n % kFlushEvery == 0) MOTCUA_RETURN_IF_ERROR(flush());
  }
  MOTCUA_RETURN_IF_ERROR(st.status());
  MOTCUA_RETURN_IF_ERROR(flush());
  for (const std::string& create : indexes) MOTCUA_RETURN_IF_ERROR(target.Exec(create));
  return tx.Commit();
}

namespace {

// A value as an officer reads it: the canonical form without its type tag.
std::string Shown(const Statement& st, int column) {
  std::string v = st.ColumnCanonical(column);
  return v == "null" ? "NULL" : v.substr(2);
}

// "code=000.00.07.H06-240315-0002": the row's key columns (the table's
// ORDER BY), which name it in a report.
std::string KeyOf(const Statement& st, const TableSpec& table) {
  std::string key;
  std::size_t start = 0;
  while (start < table.order_by.size()) {
    std::size_t end = table.order_by.find(',', start);
    if (end == std::string::npos) end = table.order_by.size();
    std::string name = table.order_by.substr(start, end - start);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    for (int c = 0; c < st.ColumnCount(); ++c) {
      if (st.ColumnName(c) == name) {
        if (!key.empty()) key += ", ";
        key += name + "=" + Shown(st, c);
      }
    }
    start = end + 1;
  }
  return key;
}

// One line naming the table, the row and what differs; nullopt when the
// rows are equal. Only the differing columns are shown, not whole rows.
std::optional<std::string> Difference(const TableSpec& table, std::uint64_t row,
                                      const Statement* stored, const Statement* rebuilt) {
  const std::string where = "bảng " + table.name + ", dòng " + std::to_string(row);
  if (stored == nullptr) {
    return where + ": thiếu dòng " + KeyOf(*rebuilt, table) + " mà bản dựng lại từ sự kiện có";
  }
  if (rebuilt == nullptr) {
    return where + ": thừa dòng " + KeyOf(*stored, table) + " không có trong bản dựng lại";
  }
  const std::string key = KeyOf(*stored, table);
  if (key != KeyOf(*rebuilt, table)) {
    return where + ": đang lưu dòng " + key + ", bản dựng lại có dòng " + KeyOf(*rebuilt, table);
  }
  std::string columns;
  int shown = 0;
  for (int c = 0; c < stored->ColumnCount(); ++c) {
    if (stored->ColumnCanonical(c) == rebuilt->ColumnCanonical(c)) continue;
    if (++shown > 4) {
      columns += "; ...";
      break;
    }
    columns += (columns.empty() ? "" : "; ") + std::string("cột ") + stored->ColumnName(c) +
               " đang lưu " + Shown(*stored, c) + ", dựng lại " + Shown(*rebuilt, c);
  }
  if (shown == 0) return std::nullopt;
  return where + " (" + key + "): " + columns;
}

}  // namespace

Status CompareProjections(Database& db, const ProjectionFactory& make,
                          const catalog::Catalog& catalog, Database& scratch,
                          IntegrityReport& report, std::size_t max_differences) {
  MOTCUA_RETURN_IF_ERROR(RebuildProjections(db, make, catalog, scratch));
  for (const auto& projection : make()) {
    for (const TableSpec& table : projection->tables()) {
      std::string sql = "SELECT * FROM " + table.name + " ORDER BY " + table.order_by;
      Statement stored(db, sql);
      Statement rebuilt(scratch, sql);
      for (std::uint64_t row = 1;; ++row) {
        bool has_stored = stored.Step();
        bool has_rebuilt = rebuilt.Step();
        MOTCUA_RETURN_IF_ERROR(stored.status());
        MOTCUA_RETURN_IF_ERROR(rebuilt.status());
        if (!has_stored && !has_rebuilt) break;
        ++report.rows_compared;
        auto difference = Difference(table, row, has_stored ? &stored : nullptr,
                                     has_rebuilt ? &rebuilt : nullptr);
        if (difference) {
          report.differences.push_back(std::move(*difference));
          if (report.differences.size() >= max_differences) return Status::Ok();
          // Rows are in key order: once they differ, stop this table rather
          // than report every later row as shifted.
          break;
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace motcua::sqlite
