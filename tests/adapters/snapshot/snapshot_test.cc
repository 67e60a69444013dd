// The engine's snapshot: its bytes, its stamp against the log, and a start
// from it giving exactly the engine a whole replay gives, over a real
// SQLite log of realistic traffic.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "adapters/projections/all_projections.h"
#include "adapters/snapshot/engine_restore.h"
#include "adapters/snapshot/snapshot_codec.h"
#include "adapters/snapshot/snapshot_file.h"
#include "adapters/snapshot/snapshot_stamp.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "tests/support/fixtures.h"
#include "tools/workload/drive.h"
#include "tools/workload/workload.h"

namespace motcua::snapshot {
namespace {

using ::motcua::testing::HasError;
using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;

constexpr const char* kUnit = "000.00.07.H06";

// A state whose every field differs from its default and from the others.
dossier::DossierState EveryFieldSet() {
  dossier::DossierState s;
  std::int64_t v = 1700000000;
  for (std::int64_t* f : {&s.registered_at, &s.received_at, &s.clock_start, &s.appointment_at,
                          &s.original_appointment_at, &s.extended_appointment_at,
                          &s.end_of_processing_at, &s.returned_at, &s.paused_at,
                          &s.last_event_at, &s.fee_vnd, &s.step_due_at}) {
    *f = v += 1001;
  }
  s.procedure = 7;
  s.holder_unit = 2;
  s.holder_user = 1;
  s.citizen_appointment_offset = 86400 * 3 + 5;
  std::uint8_t b = 1;
  for (std::uint8_t* f : {&s.status, &s.resume_status, &s.channel, &s.result_kind,
                          &s.return_method, &s.payment_method, &s.satisfaction,
                          &s.supplement_requests, &s.handovers, &s.alerts_raised,
                          &s.process_version, &s.step}) {
    *f = ++b;
  }
  s.fee_requested = s.fee_pauses_clock = s.apologized = s.complaint = true;
  s.all_handovers_electronic = false;  // true by default
  s.documents_reused = s.documents_digitized = s.appointment_provisional = true;
  s.supplement_requested_late = true;
  return s;
}

Snapshot SmallSnapshot() {
  Snapshot s;
  s.stamp = {.seq = 42, .chain_hash = std::string(32, '\x7f'), .catalog_digest = "digest"};
  s.image.names = {"Tư pháp - Hộ tịch", "tuphap01"};
  s.image.units = {kUnit};
  s.image.counters = {{kUnit, LocalDays(cal::days(20000)), 17}};
  s.image.keys = {(std::uint64_t{1} << 48) | 5, std::uint64_t{1} << 63};
  s.image.foreign_codes = {"H06.99-240101-0001"};
  s.image.states = {EveryFieldSet(), {}};
  return s;
}

TEST(SnapshotCodecTest, EveryFieldOfEveryPartComesBackAsWritten) {
  const Snapshot written = SmallSnapshot();
  auto read = DecodeSnapshot(EncodeSnapshot(written));
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ(read->stamp, written.stamp);
  EXPECT_EQ(read->image.names, written.image.names);
  EXPECT_EQ(read->image.units, written.image.units);
  ASSERT_EQ(read->image.counters.size(), 1u);
  EXPECT_EQ(read->image.counters[0].unit, kUnit);
  EXPECT_EQ(read->image.counters[0].day, LocalDays(cal::days(20000)));
  EXPECT_EQ(read->image.counters[0].last, 17u);
  EXPECT_EQ(read->image.keys, written.image.keys);
  EXPECT_EQ(read->image.foreign_codes, written.image.foreign_codes);
  EXPECT_EQ(read->image.states, written.image.states);  // every field, the bits too
}

TEST(SnapshotCodecTest, ADamagedOrShortenedOrForeignFileIsRefusedAsCorrupt) {
  const std::string bytes = EncodeSnapshot(SmallSnapshot());
  for (std::size_t at : {std::size_t{20}, bytes.size() / 2, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
    EXPECT_THAT(DecodeSnapshot(damaged), HasError(Error::kCorrupt)) << "byte " << at;
  }
  for (std::size_t keep : {std::size_t{0}, std::size_t{8}, bytes.size() - 33, bytes.size() - 1}) {
    EXPECT_THAT(DecodeSnapshot(bytes.substr(0, keep)), HasError(Error::kCorrupt)) << keep;
  }
  std::string other_format = bytes;
  other_format[8] = static_cast<char>(kFormat + 1);
  auto refused = DecodeSnapshot(other_format);
  EXPECT_THAT(refused, HasError(Error::kCorrupt));
  EXPECT_THAT(refused.status().message(), ::testing::HasSubstr("this build reads"));
}

class EngineSnapshotTest : public ::testing::Test {
 protected:
  std::unique_ptr<sqlite::SqliteEventLog> OpenLog(const std::string& name = "motcua.db") {
    auto log = sqlite::SqliteEventLog::Open(dir_.File(name), projections::AllProjections());
    EXPECT_THAT(log, IsOk());
    return log.ok() ? std::move(*log) : nullptr;
  }

  std::unique_ptr<engine::Engine> NewEngine(
      std::shared_ptr<const catalog::Catalog> catalog = ::motcua::testing::ShippedCatalog()) {
    return std::make_unique<engine::Engine>(engine::EngineOptions{kUnit, false},
                                            std::move(catalog),
                                            ::motcua::testing::ShippedCalendar(), secrets_);
  }

  // Realistic lives of `dossiers` dossiers received in the first quarter of
  // 2024, stopped at `stop_at` (those still open stay open).
  void Populate(sqlite::SqliteEventLog& log, engine::Engine& engine, std::size_t dossiers,
                std::uint64_t seed, Instant stop_at) {
    workload::WorkloadOptions options;
    options.seed = seed;
    options.dossiers = dossiers;
    options.first_receipt = Vn("2024-01-02 07:00");
    options.last_receipt = Vn("2024-03-29 17:00");
    options.stop_at = stop_at;
    workload::Workload w(options, *::motcua::testing::ShippedCatalog(),
                         *::motcua::testing::ShippedCalendar());
    auto stats = workload::Drive(w, engine, &log, 64);
    ASSERT_THAT(stats, IsOk());
    ASSERT_EQ(stats->refused, 0u);
  }

  // Withdraws every other open dossier: commands on dossiers the snapshot
  // already holds, so a start must fold them over the loaded state.
  void WithdrawHalfTheOpen(sqlite::SqliteEventLog& log, engine::Engine& engine, Instant at) {
    engine::CommitBatch batch;
    std::vector<std::string> open;
    engine.ForEach([&](const std::string& code, const dossier::DossierState& s) {
      if (s.open()) open.push_back(code);
    });
    ASSERT_GT(open.size(), 10u);
    for (std::size_t i = 0; i < open.size(); i += 2) {
      v1::Command c;
      c.set_actor("tiepnhan01");
      c.mutable_withdraw()->set_dossier_code(open[i]);
      c.mutable_withdraw()->set_reason("Công dân xin rút");
      ASSERT_THAT(engine.Execute(c, at, batch), IsOk()) << open[i];
    }
    ASSERT_THAT(log.Commit(batch), IsOk());
    engine.Committed(batch);
  }

  // Both engines hold the same dossiers under the same codes and ids, with
  // equal states, and give the next receipt the same code.
  void ExpectSameEngine(engine::Engine& restored, engine::Engine& replayed) {
    ASSERT_EQ(restored.size(), replayed.size());
    std::size_t compared = 0;
    replayed.ForEach([&](const std::string& code, const dossier::DossierState& state) {
      const dossier::DossierState* found = restored.Find(code);
      ASSERT_NE(found, nullptr) << code;
      EXPECT_EQ(*found, state) << code;
      EXPECT_EQ(restored.IdOf(code), replayed.IdOf(code)) << code;
      if (state.holder_user != 0) {
        EXPECT_EQ(restored.Name(found->holder_user), replayed.Name(state.holder_user)) << code;
      }
      ++compared;
    });
    EXPECT_EQ(compared, replayed.size());
    v1::Command receive;
    receive.set_actor("tiepnhan01");
    receive.mutable_receive()->set_procedure_code("1.004873");
    receive.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
    receive.mutable_receive()->mutable_applicant()->set_name("Nguyễn Thị Bảo Ngọc");
    engine::CommitBatch a, b;
    auto from_restored = restored.Execute(receive, Vn("2024-02-15 09:00"), a);
    auto from_replayed = replayed.Execute(receive, Vn("2024-02-15 09:00"), b);
    ASSERT_THAT(from_restored, IsOk());
    ASSERT_THAT(from_replayed, IsOk());
    EXPECT_EQ(from_restored->dossier_code, from_replayed->dossier_code);
    restored.Rollback(a);
    replayed.Rollback(b);
  }

  std::unique_ptr<engine::Engine> ReplayWhole(sqlite::SqliteEventLog& log) {
    auto engine = NewEngine();
    EXPECT_THAT(log.ReadAll([&](const v1::Event& e) { return engine->Replay(e); }), IsOk());
    return engine;
  }

  ::motcua::testing::TempDir dir_;
  ::motcua::testing::CountingSecrets secrets_;
  std::filesystem::path path_ = dir_.path() / "motcua.db.snapshot";
};

TEST_F(EngineSnapshotTest, AStartFromASnapshotAndTheEventsAfterItEqualsAWholeReplay) {
  auto log = OpenLog();
  auto live = NewEngine();
  Populate(*log, *live, 400, 11, Vn("2024-02-20 12:00"));
  auto taken = SnapshotOfHead(*log, *live);
  ASSERT_THAT(taken, IsOk());
  ASSERT_THAT(WriteSnapshotFile(path_, *taken), IsOk());
  // Owner-only, also over a file an older version left readable by all.
  using std::filesystem::perms;
  EXPECT_EQ(std::filesystem::status(path_).permissions(), perms::owner_read | perms::owner_write);
  std::filesystem::permissions(
      path_, perms::owner_read | perms::owner_write | perms::group_read | perms::others_read);
  ASSERT_THAT(WriteSnapshotFile(path_, *taken), IsOk());
  EXPECT_EQ(std::filesystem::status(path_).permissions(), perms::owner_read | perms::owner_write);
  const std::uint64_t covered = log->LastSeq();
  // After the snapshot: dossiers it holds change, and new ones come.
  WithdrawHalfTheOpen(*log, *live, Vn("2024-02-21 08:00"));
  Populate(*log, *live, 100, 12, Vn("2024-04-30 17:00"));
  ASSERT_GT(log->LastSeq(), covered);

  auto restored = NewEngine();
  auto start = LoadEngine(path_, *log, *restored);  // as motcuad starts
  ASSERT_THAT(start, IsOk());
  ASSERT_THAT(start->snapshot, IsOk());
  EXPECT_EQ(start->snapshot_seq, covered);
  EXPECT_EQ(start->replayed, log->LastSeq() - covered);
  auto replayed = ReplayWhole(*log);
  ExpectSameEngine(*restored, *replayed);
  ExpectSameEngine(*restored, *live);
}

TEST_F(EngineSnapshotTest, ASnapshotThatDoesNotMatchTheLogOrTheCatalogIsNotLoaded) {
  auto log = OpenLog();
  auto live = NewEngine();
  Populate(*log, *live, 60, 21, Vn("2024-02-20 12:00"));
  auto head = SnapshotOfHead(*log, *live);
  ASSERT_THAT(head, IsOk());
  const Snapshot taken = *head;
  const SnapshotStamp* stamp = &taken.stamp;

  // None yet.
  EXPECT_THAT(RestoreFromSnapshot(path_, *log, *NewEngine()), HasError(Error::kNotFound));

  // Another log of as many events: same seq, another chain.
  {
    auto other_log = OpenLog("other.db");
    auto other = NewEngine();
    Populate(*other_log, *other, 60, 22, Vn("2024-02-20 12:00"));
    auto other_head = SnapshotOfHead(*other_log, *other);
    ASSERT_THAT(other_head, IsOk());
    Snapshot foreign = *other_head;
    foreign.stamp.seq = stamp->seq;
    ASSERT_THAT(WriteSnapshotFile(path_, foreign), IsOk());
    auto refused = RestoreFromSnapshot(path_, *log, *NewEngine());
    EXPECT_THAT(refused, HasError(Error::kConflict));
    EXPECT_THAT(refused.status().message(), ::testing::HasSubstr("chain hash differs"));
  }
  // Ahead of the log (the log restored from an older backup).
  {
    Snapshot ahead = taken;
    ahead.stamp.seq = log->LastSeq() + 1;
    ASSERT_THAT(WriteSnapshotFile(path_, ahead), IsOk());
    EXPECT_THAT(RestoreFromSnapshot(path_, *log, *NewEngine()), HasError(Error::kConflict));
  }
  // Taken with another catalog: states hold procedures by their index in it.
  ASSERT_THAT(WriteSnapshotFile(path_, taken), IsOk());
  auto other_catalog = RestoreFromSnapshot(path_, *log,
                                           *NewEngine(::motcua::testing::CatalogWithoutProcesses()));
  EXPECT_THAT(other_catalog, HasError(Error::kConflict));
  EXPECT_THAT(other_catalog.status().message(), ::testing::HasSubstr("catalog"));
  // A start over it replays the whole log, and says why.
  {
    auto engine = NewEngine(::motcua::testing::CatalogWithoutProcesses());
    auto start = LoadEngine(path_, *log, *engine);
    ASSERT_THAT(start, IsOk());
    EXPECT_THAT(start->snapshot, HasError(Error::kConflict));
    EXPECT_EQ(start->snapshot_seq, 0u);
    EXPECT_EQ(start->replayed, log->LastSeq());
    EXPECT_EQ(engine->size(), live->size());
  }
  // Damaged on disk.
  {
    std::fstream file(path_, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(200);
    const char byte = static_cast<char>(file.get());
    file.seekp(200);
    file.put(static_cast<char>(byte ^ 0x01));
  }
  EXPECT_THAT(RestoreFromSnapshot(path_, *log, *NewEngine()), HasError(Error::kCorrupt));
  // And the one that matches loads.
  ASSERT_THAT(WriteSnapshotFile(path_, taken), IsOk());
  auto restored = NewEngine();
  ASSERT_THAT(RestoreFromSnapshot(path_, *log, *restored), IsOk());
  ExpectSameEngine(*restored, *live);
}

TEST_F(EngineSnapshotTest, AnImageIsRestoredOnlyIntoAnEmptyEngineAndOnlyWhenItHoldsTogether) {
  auto log = OpenLog();
  auto live = NewEngine();
  Populate(*log, *live, 30, 31, Vn("2024-02-20 12:00"));
  EXPECT_THAT(live->Restore(live->Image()), HasError(Error::kInvalidArgument));

  engine::EngineImage repeated_name = live->Image();
  ASSERT_FALSE(repeated_name.names.empty());
  repeated_name.names.push_back(repeated_name.names.front());
  EXPECT_THAT(NewEngine()->Restore(std::move(repeated_name)), HasError(Error::kCorrupt));

  engine::EngineImage unknown_holder = live->Image();
  unknown_holder.states.front().holder_user =
      static_cast<std::uint32_t>(unknown_holder.names.size() + 1);
  EXPECT_THAT(NewEngine()->Restore(std::move(unknown_holder)), HasError(Error::kCorrupt));

  engine::EngineImage repeated_code = live->Image();
  repeated_code.keys.back() = repeated_code.keys.front();
  EXPECT_THAT(NewEngine()->Restore(std::move(repeated_code)), HasError(Error::kCorrupt));

  engine::EngineImage short_states = live->Image();
  short_states.states.pop_back();
  EXPECT_THAT(NewEngine()->Restore(std::move(short_states)), HasError(Error::kCorrupt));

  // A refused image leaves the engine as it was, empty: the same engine
  // then takes a sound one (or a whole replay).
  auto engine = NewEngine();
  engine::EngineImage unknown_unit = live->Image();
  unknown_unit.keys.back() = (std::uint64_t{unknown_unit.units.size() + 1} << 48) | 1;
  EXPECT_THAT(engine->Restore(std::move(unknown_unit)), HasError(Error::kCorrupt));
  EXPECT_EQ(engine->size(), 0u);
  ASSERT_THAT(engine->Restore(live->Image()), IsOk());
  ExpectSameEngine(*engine, *live);
}

TEST_F(EngineSnapshotTest, WritesCutShortByACrashLeaveThePreviousSnapshotAndAreCleanedUp) {
  auto log = OpenLog();
  auto live = NewEngine();
  Populate(*log, *live, 30, 41, Vn("2024-02-20 12:00"));
  auto taken = SnapshotOfHead(*log, *live);
  ASSERT_THAT(taken, IsOk());
  ASSERT_THAT(WriteSnapshotFile(path_, *taken), IsOk());
  // What a kill in the middle of the next write leaves: a temporary beside it.
  const std::string half = EncodeSnapshot(*taken);
  std::ofstream(dir_.path() / ".motcua.db.snapshot.tmp.Ab12Cd", std::ios::binary)
      << half.substr(0, half.size() / 2);
  std::ofstream(dir_.path() / ".motcua.db.tmp.keepme") << "not ours";
  EXPECT_EQ(RemoveInterruptedWrites(path_), 1u);
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / ".motcua.db.snapshot.tmp.Ab12Cd"));
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / ".motcua.db.tmp.keepme"));
  auto restored = NewEngine();
  ASSERT_THAT(RestoreFromSnapshot(path_, *log, *restored), IsOk());
  ExpectSameEngine(*restored, *live);
}

}  // namespace
}  // namespace motcua::snapshot
