#include "adapters/sqlite/integrity.h"

#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/state_fold.h"

namespace motcua::sqlite {

Status VerifyChain(Database& db, IntegrityReport& report) {
  Statement st(db, "SELECT seq, body, hash FROM events ORDER BY seq");
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
    previous = std::move(computed);
    ++expected_seq;
  }
  return st.status();
}

Status RebuildProjections(Database& source, const ProjectionFactory& make,
                          const catalog::Catalog& catalog, Database& target) {
  ProjectionList projections = make();
  MOTCUA_RETURN_IF_ERROR(MigrateAll(target, projections));
  for (auto& p : projections) MOTCUA_RETURN_IF_ERROR(p->Prepare(target));
  engine::StateFold fold(catalog);
  engine::PendingEvent pending;
  v1::Event event;
  Statement st(source, "SELECT body FROM events ORDER BY seq");
  // Projections keep rows back until Flush (projection.h): flushing every
  // so many events lets a dossier's many events write its row once or twice
  // instead of once each, with the memory held bounded.
  constexpr std::uint64_t kFlushEvery = 500'000;
  auto flush = [&]() -> Status {
    for (auto& p : projections) MOTCUA_RETURN_IF_ERROR(p->Flush());
    return Status::Ok();
  };
  Transaction tx(target);
  MOTCUA_RETURN_IF_ERROR(tx.status());
  for (std::uint64_t n = 1; st.Step(); ++n) {
    std::string_view body = st.ColumnBlob(0);
    if (!event.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
      return Status(Error::kCorrupt, "một sự kiện không đọc được");
    }
    MOTCUA_RETURN_IF_ERROR(fold.Fold(event, pending));
    for (auto& p : projections) MOTCUA_RETURN_IF_ERROR(p->Apply(pending));
    if (n % kFlushEvery == 0) MOTCUA_RETURN_IF_ERROR(flush());
  }
  MOTCUA_RETURN_IF_ERROR(st.status());
  MOTCUA_RETURN_IF_ERROR(flush());
  return tx.Commit();
}

namespace {

std::string RenderRow(const Statement& st) {
  std::string row;
  for (int c = 0; c < st.ColumnCount(); ++c) {
    if (c) row += " | ";
    row += st.ColumnCanonical(c);
  }
  return row;
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
        std::string a = has_stored ? RenderRow(stored) : "(không có)";
        std::string b = has_rebuilt ? RenderRow(rebuilt) : "(không có)";
        if (a != b) {
          report.differences.push_back("bảng " + table.name + ", dòng " + std::to_string(row) +
                                       ": đang lưu [" + a + "], dựng lại [" + b + "]");
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
