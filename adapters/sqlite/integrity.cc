#include "adapters/sqlite/integrity.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "adapters/crypto/sha256.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/base/proto_time.h"
#include "engine/dossier/names.h"
#include "engine/state_fold.h"

namespace motcua::sqlite {

std::vector<std::string> IntegrityReport::FailedChecks() const {
  std::vector<std::string> failed;
  if (!sqlite_problems.empty()) failed.emplace_back(kSqliteCheck);
  if (first_bad_seq != 0) failed.emplace_back(kChainCheck);
  for (const std::string& component : differing_projections) {
    failed.push_back("projection " + component);
  }
  for (const AnchorFinding& finding : anchors) {
    if (finding.outcome != AnchorFinding::Outcome::kOk) {
      failed.push_back("anchor " + finding.anchor.name);
    }
  }
  return failed;
}

bool IsChainHashHex(std::string_view hex) {
  return hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
           return std::isxdigit(static_cast<unsigned char>(c)) != 0;
         });
}

Status CheckSqliteIntegrity(Database& db, IntegrityReport& report, int max_lines) {
  // integrity_check, not quick_check: only the full check compares every
  // index with its table, which is the damage that hides a dossier's
  // events from the reads by index while the table (and the chain) is whole.
  Statement st(db, "PRAGMA integrity_check(" + std::to_string(max_lines) + ")");
  while (st.Step()) {
    std::string line = st.ColumnText(0);
    if (line != "ok") report.sqlite_problems.push_back(std::move(line));
  }
  return st.status();
}

namespace {

// The walk over the events shared by the full check and the start-up one:
// each row's number, hash and columns checked against its body and its
// predecessor. The first problem is recorded in the report; the walk itself
// goes on recomputing the chain from the bodies, for the anchors.
class ChainWalk {
 public:
  ChainWalk(IntegrityReport& report, std::uint64_t first_seq, std::string previous)
      : report_(report), expected_seq_(first_seq), previous_(std::move(previous)) {}

  // One row of "SELECT seq, body, hash, dossier, kind, at, actor".
  void Visit(const Statement& st) {
    const auto seq = static_cast<std::uint64_t>(st.ColumnInt(0));
    std::string_view body = st.ColumnBlob(1);
    std::string_view stored_hash = st.ColumnBlob(2);
    ++report_.events;
    if (seq != expected_seq_) {
      Fail(expected_seq_,
           "thiếu sự kiện số " + std::to_string(expected_seq_) + " (gặp số " +
               std::to_string(seq) + ")",
           "event " + std::to_string(expected_seq_) + " is missing (found " +
               std::to_string(seq) + " next)");
    }
    // The chain from the bodies as they are now: the stored hashes are not
    // trusted past a break.
    previous_ = ChainHash(previous_, seq, body);
    expected_seq_ = seq + 1;
    last_seq_ = seq;
    if (broken()) return;
    if (previous_ != stored_hash) {
      Fail(seq, "mã băm của sự kiện số " + std::to_string(seq) + " không khớp: dữ liệu đã bị sửa",
           "the stored hash of event " + std::to_string(seq) + " does not match its content");
      return;
    }
    if (!event_.ParseFromArray(body.data(), static_cast<int>(body.size())) ||
        event_.seq() != seq) {
      Fail(seq, "nội dung sự kiện số " + std::to_string(seq) + " không hợp lệ",
           "event " + std::to_string(seq) + " does not parse");
      return;
    }
    // The indexed columns (dossier, kind, at, actor) copy fields of the
    // body, which the hash covers; they are checked against it too, so that
    // an edit of a column alone (which readers by dossier rely on) is
    // caught as well.
    if (st.ColumnText(3) != event_.dossier_code() ||
        st.ColumnText(4) != dossier::KindIdentifier(event_.kind_case()) ||
        st.ColumnInt(5) != Seconds(event_.at()) || st.ColumnText(6) != event_.actor()) {
      Fail(seq,
           "các cột của sự kiện số " + std::to_string(seq) +
               " (hồ sơ, loại, thời điểm, người thực hiện) không khớp nội dung: dữ liệu đã bị "
               "sửa",
           "the columns of event " + std::to_string(seq) +
               " (dossier, kind, at, actor) do not match its content");
    }
  }

  bool broken() const { return report_.first_bad_seq != 0; }
  std::uint64_t last_seq() const { return last_seq_; }
  // The chain hash recomputed through the last event visited.
  const std::string& hash() const { return previous_; }

 private:
  void Fail(std::uint64_t at, std::string why, std::string why_en) {
    if (broken()) return;
    report_.first_bad_seq = at;
    report_.chain_problem = std::move(why);
    report_.chain_problem_en = std::move(why_en);
  }

  IntegrityReport& report_;
  std::uint64_t expected_seq_;
  std::string previous_;
  std::uint64_t last_seq_ = 0;
  v1::Event event_;  // reused: parsing into it keeps its allocations
};

constexpr const char* kEventColumns =
    "SELECT seq, body, hash, dossier, kind, at, actor FROM events";

}  // namespace

Status VerifyChain(Database& db, IntegrityReport& report, const std::vector<LogAnchor>& anchors) {
  // The anchors by seq; each finding keeps its place in the order given.
  std::vector<std::size_t> order;
  for (const LogAnchor& anchor : anchors) {
    order.push_back(report.anchors.size());
    AnchorFinding finding;
    finding.anchor = anchor;
    for (char& c : finding.anchor.hash_hex) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    report.anchors.push_back(std::move(finding));
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return report.anchors[a].anchor.seq < report.anchors[b].anchor.seq;
  });
  std::size_t next = 0;  // into order
  auto judge = [&](AnchorFinding& finding, bool present, const std::string& hash) {
    if (!present) {
      finding.outcome = AnchorFinding::Outcome::kMismatch;
      return;
    }
    finding.found_hex = crypto::Hex(hash);
    finding.outcome = finding.found_hex == finding.anchor.hash_hex
                          ? AnchorFinding::Outcome::kOk
                          : AnchorFinding::Outcome::kMismatch;
  };
  // Anchors at 0 name the empty log: the genesis hash.
  while (next < order.size() && report.anchors[order[next]].anchor.seq == 0) {
    judge(report.anchors[order[next++]], true, GenesisHash());
  }

  Statement st(db, std::string(kEventColumns) + " ORDER BY seq");
  ChainWalk walk(report, 1, GenesisHash());
  while (st.Step()) {
    walk.Visit(st);
    // Anchors whose event is missing (the walk jumped past their seq).
    while (next < order.size() && report.anchors[order[next]].anchor.seq < walk.last_seq()) {
      judge(report.anchors[order[next++]], false, "");
    }
    while (next < order.size() && report.anchors[order[next]].anchor.seq == walk.last_seq()) {
      judge(report.anchors[order[next++]], true, walk.hash());
    }
    if (walk.broken() && next == order.size()) break;
  }
  MOTCUA_RETURN_IF_ERROR(st.status());
  // The walk stops early only once every anchor is judged: what is left
  // lies beyond the log's end.
  for (; next < order.size(); ++next) {
    report.anchors[order[next]].outcome = AnchorFinding::Outcome::kBeyondEnd;
  }
  return Status::Ok();
}

Status VerifyChainTail(Database& db, std::uint64_t events, IntegrityReport& report) {
  std::uint64_t last = 0;
  {
    Statement st(db, "SELECT max(seq) FROM events");
    if (st.Step() && !st.IsNull(0)) last = static_cast<std::uint64_t>(st.ColumnInt(0));
    MOTCUA_RETURN_IF_ERROR(st.status());
  }
  if (last == 0 || events == 0) return Status::Ok();
  // The walk starts after `base`, whose stored hash it takes as given.
  const std::uint64_t base = last > events ? last - events : 0;
  std::string previous = GenesisHash();
  if (base > 0) {
    Statement st(db, "SELECT hash FROM events WHERE seq = ?1");
    st.Bind(1, static_cast<std::int64_t>(base));
    if (st.Step()) {
      previous = std::string(st.ColumnBlob(0));
    } else {
      MOTCUA_RETURN_IF_ERROR(st.status());
      report.first_bad_seq = base;
      report.chain_problem = "thiếu sự kiện số " + std::to_string(base);
      report.chain_problem_en = "event " + std::to_string(base) + " is missing";
      return Status::Ok();
    }
  }
  Statement st(db, std::string(kEventColumns) + " WHERE seq > ?1 ORDER BY seq");
  st.Bind(1, static_cast<std::int64_t>(base));
  ChainWalk walk(report, base + 1, std::move(previous));
  while (!walk.broken() && st.Step()) walk.Visit(st);
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
          const std::string component(projection->component());
          if (std::find(report.differing_projections.begin(), report.differing_projections.end(),
                        component) == report.differing_projections.end()) {
            report.differing_projections.push_back(component);
          }
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
