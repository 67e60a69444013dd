#include "adapters/sqlite/sqlite_event_log.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/integrity.h"
#include "engine/base/proto_time.h"
#include "tests/support/fixtures.h"
#include "tools/workload/drive.h"

namespace motcua::sqlite {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

constexpr const char* kUnit = "000.00.07.H06";

class EventLogTest : public ::testing::Test {
 protected:
  std::unique_ptr<SqliteEventLog> OpenLog() {
    auto log = SqliteEventLog::Open(dir_.File("motcua.db"), projections::AllProjections());
    EXPECT_THAT(log, IsOk());
    return log.ok() ? std::move(*log) : nullptr;
  }

  std::unique_ptr<engine::Engine> NewEngine() {
    return std::make_unique<engine::Engine>(engine::EngineOptions{kUnit, false},
                                            ::motcua::testing::ShippedCatalog(),
                                            ::motcua::testing::ShippedCalendar(), secrets_);
  }

  // Plays `dossiers` realistic lives through an engine into the log.
  void Populate(SqliteEventLog& log, engine::Engine& engine, std::size_t dossiers,
                std::optional<Instant> stop_at = std::nullopt) {
    workload::WorkloadOptions options;
    options.dossiers = dossiers;
    options.first_receipt = Vn("2024-01-02 07:00");
    options.last_receipt = Vn("2024-03-29 17:00");
    options.stop_at = stop_at;
    workload::Workload w(options, *::motcua::testing::ShippedCatalog(),
                         *::motcua::testing::ShippedCalendar());
    auto stats = workload::Drive(w, engine, &log, 64);
    ASSERT_THAT(stats, IsOk());
    EXPECT_GT(stats->events, dossiers * 3);
    // The workload only asks what the lifecycle allows.
    EXPECT_EQ(stats->refused, 0u);
  }

  // A reception at the counter by tiepnhan01.
  static v1::Command Reception() {
    v1::Command c;
    c.set_actor("tiepnhan01");
    c.mutable_receive()->set_procedure_code("1.004873");
    c.mutable_receive()->mutable_applicant()->set_name("Trần Thị B");
    c.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
    return c;
  }

  // Reception() at `at`, executed into a new batch, with the idempotency
  // record `key` made at `recorded_at`.
  engine::CommitBatch ReceptionWithKey(engine::Engine& engine, Instant at, const std::string& key,
                                       std::int64_t recorded_at) {
    engine::CommitBatch batch;
    EXPECT_THAT(engine.Execute(Reception(), at, batch), IsOk());
    batch.idempotency.push_back({"tiepnhan01", key, "fingerprint", "response-bytes", recorded_at});
    return batch;
  }

  Status Check(SqliteEventLog& log, IntegrityReport& report) {
    MOTCUA_RETURN_IF_ERROR(VerifyChain(log.db(), report));
    MOTCUA_ASSIGN_OR_RETURN(auto scratch, Database::Open(":memory:"));
    return CompareProjections(log.db(), projections::AllProjections,
                              *::motcua::testing::ShippedCatalog(), *scratch, report);
  }

  ::motcua::testing::TempDir dir_;
  ::motcua::testing::CountingSecrets secrets_;
};

TEST_F(EventLogTest, ProjectionsRebuiltFromTheEventsAreIdenticalToTheStoredOnes) {
  auto log = OpenLog();
  auto engine = NewEngine();
  // Stop mid-period so that open, paused and finished dossiers all exist.
  Populate(*log, *engine, 1000, Vn("2024-03-20 12:00"));
  IntegrityReport report;
  ASSERT_THAT(Check(*log, report), IsOk());
  EXPECT_EQ(report.first_bad_seq, 0u) << report.chain_problem;
  EXPECT_THAT(report.differences, ::testing::IsEmpty());
  EXPECT_GT(report.rows_compared, 1000u);
  EXPECT_EQ(report.events, log->LastSeq());
}

// Every index and table of the stored schema, as SQLite records it.
std::vector<std::string> Schema(Database& db) {
  std::vector<std::string> out;
  Statement st(db, "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master "
                   "ORDER BY type, name");
  while (st.Step()) out.emplace_back(st.ColumnText(0));
  EXPECT_THAT(st.status(), IsOk());
  return out;
}

TEST_F(EventLogTest, ARebuildCreatesTheSameSchemaIndexesIncluded) {
  auto log = OpenLog();
  auto engine = NewEngine();
  Populate(*log, *engine, 200);
  // The rebuild drops the projections' indexes while it writes (integrity.cc):
  // they must all be back, the same.
  auto target = Database::Open(dir_.File("rebuilt.db"));
  ASSERT_THAT(target, IsOk());
  ASSERT_THAT(RebuildProjections(log->db(), projections::AllProjections,
                                 *::motcua::testing::ShippedCatalog(), **target),
              IsOk());
  const std::vector<std::string> stored = Schema(log->db());
  EXPECT_THAT(stored, ::testing::Contains(::testing::HasSubstr("dossiers_by_status")));
  EXPECT_EQ(Schema(**target), stored);
  Statement rows(**target, "SELECT COUNT(*) FROM dossiers INDEXED BY dossiers_by_status");
  ASSERT_TRUE(rows.Step());
  EXPECT_EQ(rows.ColumnInt(0), 200);
}

TEST_F(EventLogTest, AProjectionAnUpgradeAddsIsBuiltFromTheLogAtOpen) {
  {
    auto log = OpenLog();
    auto engine = NewEngine();
    Populate(*log, *engine, 200);
  }
  {
    // The database as a version without the search projection left it.
    auto db = Database::Open(dir_.File("motcua.db"));
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("DROP TABLE dossier_search;"
                            "DELETE FROM schema_versions WHERE component = 'dossier_search'"),
                IsOk());
  }
  auto log = OpenLog();
  Statement rows(log->db(), "SELECT COUNT(*) FROM dossier_search");
  ASSERT_TRUE(rows.Step());
  EXPECT_EQ(rows.ColumnInt(0), 200);
  // Exactly what a rebuild from the log gives.
  IntegrityReport report;
  ASSERT_THAT(Check(*log, report), IsOk());
  EXPECT_THAT(report.differences, ::testing::IsEmpty());
}

TEST_F(EventLogTest, ReopeningKeepsEveryDossierAndTheDailySequence) {
  std::string last_code;
  std::size_t dossiers = 0;
  {
    auto log = OpenLog();
    auto engine = NewEngine();
    Populate(*log, *engine, 200);
    dossiers = engine->size();
    // Two more on one day, to know where that day's sequence stands.
    engine::CommitBatch batch;
    const v1::Command c = Reception();
    ASSERT_THAT(engine->Execute(c, Vn("2024-06-03 09:00"), batch), IsOk());
    auto out = engine->Execute(c, Vn("2024-06-03 09:05"), batch);
    ASSERT_THAT(out, IsOk());
    last_code = out->dossier_code;
    ASSERT_THAT(log->Commit(batch), IsOk());
    engine->Committed(batch);
    dossiers += 2;
  }
  EXPECT_EQ(last_code, std::string(kUnit) + "-240603-0002");

  auto log = OpenLog();
  auto engine = NewEngine();
  ASSERT_THAT(log->ReadAll([&](const v1::Event& e) { return engine->Replay(e); }), IsOk());
  EXPECT_EQ(engine->size(), dossiers);
  ASSERT_NE(engine->Find(last_code), nullptr);
  EXPECT_EQ(engine->Find(last_code)->status, v1::STATUS_RECEIVED);

  engine::CommitBatch batch;
  v1::Command c = Reception();
  c.mutable_receive()->mutable_applicant()->set_name("Lê Văn C");
  auto out = engine->Execute(c, Vn("2024-06-03 10:00"), batch);
  ASSERT_THAT(out, IsOk());
  EXPECT_EQ(out->dossier_code, std::string(kUnit) + "-240603-0003");
  ASSERT_THAT(log->Commit(batch), IsOk());

  Statement counter(log->db(), "SELECT last FROM code_counters WHERE unit = ?1 AND day = '2024-06-03'");
  counter.Bind(1, kUnit);
  ASSERT_TRUE(counter.Step());
  EXPECT_EQ(counter.ColumnInt(0), 3);
}

TEST_F(EventLogTest, AFailedCommitWritesNothing) {
  auto log = OpenLog();
  auto engine = NewEngine();
  Populate(*log, *engine, 20);
  const std::uint64_t last = log->LastSeq();
  // Make the commit fail half-way through the next batch, at its hand-over.
  ASSERT_THAT(log->db().Exec("CREATE TRIGGER fail_second AFTER INSERT ON events "
                             "WHEN NEW.kind = 'handed_over' "
                             "BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;"),
              IsOk());
  engine::CommitBatch batch;
  auto out = engine->Execute(Reception(), Vn("2024-06-03 09:00"), batch);
  ASSERT_THAT(out, IsOk());
  v1::Command h;
  h.set_actor("tiepnhan01");
  h.mutable_hand_over()->set_dossier_code(out->dossier_code);
  h.mutable_hand_over()->set_to_unit("Tư pháp - Hộ tịch");
  ASSERT_THAT(engine->Execute(h, Vn("2024-06-03 09:10"), batch), IsOk());
  EXPECT_THAT(log->Commit(batch), HasError(Error::kStorage));
  engine->Rollback(batch);
  EXPECT_EQ(log->LastSeq(), last);
  EXPECT_EQ(engine->Find(out->dossier_code), nullptr);
  Statement count(log->db(), "SELECT count(*) FROM events WHERE dossier = ?1");
  count.Bind(1, out->dossier_code);
  ASSERT_TRUE(count.Step());
  EXPECT_EQ(count.ColumnInt(0), 0);
  Statement rows(log->db(), "SELECT count(*) FROM dossiers WHERE code = ?1");
  rows.Bind(1, out->dossier_code);
  ASSERT_TRUE(rows.Step());
  EXPECT_EQ(rows.ColumnInt(0), 0);

  // After the fault clears, the log goes on from where it was.
  ASSERT_THAT(log->db().Exec("DROP TRIGGER fail_second"), IsOk());
  engine::CommitBatch retry;
  ASSERT_THAT(engine->Execute(Reception(), Vn("2024-06-03 09:00"), retry), IsOk());
  ASSERT_THAT(log->Commit(retry), IsOk());
  EXPECT_EQ(log->LastSeq(), last + 1);
  IntegrityReport report;
  ASSERT_THAT(Check(*log, report), IsOk());
  EXPECT_TRUE(report.ok());
}

TEST_F(EventLogTest, AnEditBehindTheEnginesBackBreaksTheChainAtThatEvent) {
  auto log = OpenLog();
  auto engine = NewEngine();
  Populate(*log, *engine, 30);
  // Rewrite event 17's time, as someone with the sqlite3 shell might.
  Statement read(log->db(), "SELECT body FROM events WHERE seq = 17");
  ASSERT_TRUE(read.Step());
  v1::Event e;
  ASSERT_TRUE(e.ParseFromString(std::string(read.ColumnBlob(0))));
  e.mutable_at()->set_seconds(e.at().seconds() - 86400);
  Statement write(log->db(), "UPDATE events SET body = ?1 WHERE seq = 17");
  write.BindBlob(1, e.SerializeAsString());
  ASSERT_THAT(write.Run(), IsOk());

  IntegrityReport report;
  ASSERT_THAT(VerifyChain(log->db(), report), IsOk());
  EXPECT_EQ(report.first_bad_seq, 17u);
  EXPECT_FALSE(report.ok());
}

// A dossier's row is updated in only the columns its events changed, so
// that SQLite rewrites no index whose columns stayed (dossier_projection.h).
// Seen from outside: a column edited behind the log's back keeps the edit
// through a withdrawal, which does not touch it, while the columns the
// withdrawal changed are written.
TEST_F(EventLogTest, AnUpdateWritesOnlyTheColumnsTheTransactionChanged) {
  auto log = OpenLog();
  auto engine = NewEngine();
  Populate(*log, *engine, 40, Vn("2024-02-20 12:00"));
  std::string open;
  engine->ForEach([&](const std::string& code, const dossier::DossierState& s) {
    if (open.empty() && s.open() && s.fee_vnd == 0) open = code;
  });
  ASSERT_FALSE(open.empty());
  ASSERT_THAT(log->db().Exec("UPDATE dossiers SET fee_vnd = 777 WHERE code = '" + open + "'"),
              IsOk());
  v1::Command withdraw;
  withdraw.set_actor("tiepnhan01");
  withdraw.mutable_withdraw()->set_dossier_code(open);
  withdraw.mutable_withdraw()->set_reason("Công dân xin rút");
  engine::CommitBatch batch;
  ASSERT_THAT(engine->Execute(withdraw, Vn("2024-02-21 08:00"), batch), IsOk());
  ASSERT_THAT(log->Commit(batch), IsOk());
  engine->Committed(batch);
  Statement st(log->db(), "SELECT fee_vnd, status, last_seq FROM dossiers WHERE code = ?1");
  st.Bind(1, open);
  ASSERT_TRUE(st.Step()) << st.status().ToString();
  EXPECT_EQ(st.ColumnInt(0), 777);  // not in the update: the edit stays
  EXPECT_EQ(st.ColumnInt(1), v1::STATUS_WITHDRAWN);
  EXPECT_EQ(st.ColumnInt(2), static_cast<std::int64_t>(log->LastSeq()));
}

TEST_F(EventLogTest, AProjectionEditedBehindTheEnginesBackIsReported) {
  auto log = OpenLog();
  auto engine = NewEngine();
  Populate(*log, *engine, 30);
  ASSERT_THAT(log->db().Exec("UPDATE dossiers SET status = 10 WHERE rowid IN "
                             "(SELECT rowid FROM dossiers LIMIT 1)"),
              ::testing::Not(IsOk()));  // WITHOUT ROWID: edit by key instead
  ASSERT_THAT(log->db().Exec("UPDATE dossiers SET appointment_at = appointment_at + 86400 "
                             "WHERE code = (SELECT min(code) FROM dossiers)"),
              IsOk());
  IntegrityReport report;
  ASSERT_THAT(Check(*log, report), IsOk());
  EXPECT_EQ(report.first_bad_seq, 0u);
  ASSERT_EQ(report.differences.size(), 1u);
  EXPECT_THAT(report.differences[0], ::testing::HasSubstr("dossiers"));
}

TEST_F(EventLogTest, IdempotencyRecordsAreStoredWithTheirEvents) {
  auto log = OpenLog();
  auto engine = NewEngine();
  engine::CommitBatch batch = ReceptionWithKey(*engine, Vn("2024-06-03 09:00"), "key-1", 0);
  ASSERT_THAT(log->Commit(batch), IsOk());
  auto found = log->FindIdempotency("tiepnhan01", "key-1");
  ASSERT_THAT(found, IsOk());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->response, "response-bytes");
  EXPECT_EQ((*found)->request_fingerprint, "fingerprint");
  auto other_user = log->FindIdempotency("tiepnhan02", "key-1");
  ASSERT_THAT(other_user, IsOk());
  EXPECT_FALSE(other_user->has_value());
}

TEST_F(EventLogTest, PruningDeletesOnlyTheIdempotencyRecordsMadeBeforeTheCutoff) {
  auto log = OpenLog();
  auto engine = NewEngine();
  for (const char* at : {"2024-06-03 09:00", "2024-07-03 09:00"}) {
    engine::CommitBatch batch =
        ReceptionWithKey(*engine, Vn(at), std::string("key ") + at, ToUnixSeconds(Vn(at)));
    ASSERT_THAT(log->Commit(batch), IsOk());
  }
  auto pruned = log->PruneIdempotency(Vn("2024-07-03 09:00"));
  ASSERT_THAT(pruned, IsOk());
  EXPECT_EQ(*pruned, 1);
  auto old = log->FindIdempotency("tiepnhan01", "key 2024-06-03 09:00");
  ASSERT_THAT(old, IsOk());
  EXPECT_FALSE(old->has_value());
  auto recent = log->FindIdempotency("tiepnhan01", "key 2024-07-03 09:00");
  ASSERT_THAT(recent, IsOk());
  ASSERT_TRUE(recent->has_value());
  EXPECT_EQ((*recent)->recorded_at, ToUnixSeconds(Vn("2024-07-03 09:00")));
  EXPECT_EQ(log->LastSeq(), 2u);  // the events stay
}

TEST_F(EventLogTest, RecordsFromBeforeTheirTimeWasKeptTakeTheirLastEventsTime) {
  {
    auto log = OpenLog();
    auto engine = NewEngine();
    engine::CommitBatch batch = ReceptionWithKey(*engine, Vn("2024-06-03 09:00"), "key-1", 0);
    ASSERT_THAT(log->Commit(batch), IsOk());
    // The log as schema version 1 left it: no time column.
    ASSERT_THAT(log->db().Exec("DROP INDEX idempotency_by_time;"
                               "ALTER TABLE idempotency DROP COLUMN recorded_at;"
                               "UPDATE schema_versions SET version = 1 WHERE component = 'events'"),
                IsOk());
  }
  auto log = OpenLog();
  auto found = log->FindIdempotency("tiepnhan01", "key-1");
  ASSERT_THAT(found, IsOk());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->recorded_at, ToUnixSeconds(Vn("2024-06-03 09:00")));
}

}  // namespace
}  // namespace motcua::sqlite
