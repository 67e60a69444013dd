// The integrity check over a real database file (online_check.h,
// integrity.h): SQLite's own check of the file, beside the hash chain and
// the projections, each named when it fails.
#include "adapters/sqlite/integrity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "adapters/crypto/sha256.h"
#include "adapters/projections/all_projections.h"
#include "adapters/sqlite/online_check.h"
#include "adapters/sqlite/sqlite_event_log.h"
#include "engine/engine.h"
#include "motcua/v1/command.pb.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_damage.h"

namespace motcua::sqlite {
namespace {

using ::motcua::testing::IsOk;
using ::motcua::testing::Vn;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr const char* kUnit = "000.00.07.H06";

class IntegrityTest : public ::testing::Test {
 protected:
  // `dossiers` receptions, each handed over: two events a dossier, in
  // dossier order (dossier i holds events 2i + 1 and 2i + 2).
  void Populate(int dossiers) {
    auto log = SqliteEventLog::Open(db_, projections::AllProjections());
    ASSERT_THAT(log, IsOk());
    engine::Engine engine(engine::EngineOptions{kUnit, false},
                          ::motcua::testing::ShippedCatalog(),
                          ::motcua::testing::ShippedCalendar(), secrets_);
    for (int i = 0; i < dossiers; ++i) {
      engine::CommitBatch batch;
      v1::Command receive;
      receive.set_actor("tiepnhan01");
      receive.mutable_receive()->set_procedure_code("1.004873");
      receive.mutable_receive()->mutable_applicant()->set_name("Trần Thị " + std::to_string(i));
      receive.mutable_receive()->set_channel(v1::CHANNEL_COUNTER);
      auto out = engine.Execute(receive, Vn("2024-06-03 09:00"), batch);
      ASSERT_THAT(out, IsOk());
      v1::Command hand_over;
      hand_over.set_actor("tiepnhan01");
      hand_over.mutable_hand_over()->set_dossier_code(out->dossier_code);
      hand_over.mutable_hand_over()->set_to_unit("Tư pháp - Hộ tịch");
      ASSERT_THAT(engine.Execute(hand_over, Vn("2024-06-03 09:10"), batch), IsOk());
      ASSERT_THAT((*log)->Commit(batch), IsOk());
      engine.Committed(batch);
      codes_.push_back(out->dossier_code);
    }
  }

  Result<IntegrityReport> Check() {
    return CheckDatabase(db_, projections::AllProjections, *::motcua::testing::ShippedCatalog(),
                         dir_.File("scratch.db"));
  }

  // How many events of `code` a read through `index` finds ("" reads the
  // table itself).
  std::int64_t EventsOf(const std::string& code, const std::string& index) {
    auto db = Database::Open(db_, Database::Mode::kReadOnly);
    EXPECT_THAT(db, IsOk());
    Statement st(**db, "SELECT count(*) FROM events " +
                           (index.empty() ? std::string("NOT INDEXED") : "INDEXED BY " + index) +
                           " WHERE dossier = ?1");
    st.Bind(1, code);
    EXPECT_TRUE(st.Step()) << st.status().ToString();
    return st.ColumnInt(0);
  }

  ::motcua::testing::TempDir dir_;
  std::string db_ = dir_.File("motcua.db");
  ::motcua::testing::CountingSecrets secrets_;
  std::vector<std::string> codes_;
};

TEST_F(IntegrityTest, AnIndexThatLostAnEntryFailsTheCheck) {
  Populate(4);
  // Event 6 is the second event of the third dossier.
  ASSERT_THAT(::motcua::testing::DropIndexEntry(db_, "events_by_dossier", 6), IsOk());
  auto lines = ::motcua::testing::SqliteIntegrityLines(db_);
  ASSERT_THAT(lines, IsOk());
  EXPECT_THAT(*lines, Contains(HasSubstr("row 6 missing from index events_by_dossier")));
  // What the damage does: the dossier's history, read by the index, lost
  // an event the table still has.
  EXPECT_EQ(EventsOf(codes_[2], ""), 2);
  EXPECT_EQ(EventsOf(codes_[2], "events_by_dossier"), 1);

  auto report = Check();
  ASSERT_THAT(report, IsOk());
  EXPECT_FALSE(report->ok());
  // Named as SQLite's own check, in SQLite's words; the others passed.
  EXPECT_EQ(report->FailedChecks(), std::vector<std::string>{"sqlite integrity"});
  EXPECT_THAT(report->sqlite_problems,
              Contains(HasSubstr("row 6 missing from index events_by_dossier")));
  EXPECT_EQ(report->first_bad_seq, 0u);
  EXPECT_THAT(report->differences, IsEmpty());
}

TEST_F(IntegrityTest, ASoundFilePassesEveryCheck) {
  Populate(3);
  auto report = Check();
  ASSERT_THAT(report, IsOk());
  EXPECT_TRUE(report->ok()) << ::testing::PrintToString(report->FailedChecks());
  EXPECT_THAT(report->sqlite_problems, IsEmpty());
  EXPECT_EQ(report->events, 6u);
}

TEST_F(IntegrityTest, EachFailedCheckIsNamedProjectionsByComponent) {
  Populate(3);
  {
    auto db = Database::Open(db_);
    ASSERT_THAT(db, IsOk());
    ASSERT_THAT((*db)->Exec("UPDATE dossiers SET applicant_name = 'X' WHERE code = '" +
                            codes_[1] + "'; UPDATE events SET actor = 'x' WHERE seq = 5"),
                IsOk());
  }
  auto report = Check();
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->FailedChecks(),
            (std::vector<std::string>{"hash chain", "projection dossiers"}));
  EXPECT_EQ(report->first_bad_seq, 5u);
}

// Event `seq`'s time moved a day earlier, in its body and its column, as
// someone with the sqlite3 shell might: only the hash can tell.
void Backdate(Database& db, std::int64_t seq) {
  Statement read(db, "SELECT body FROM events WHERE seq = ?1");
  read.Bind(1, seq);
  ASSERT_TRUE(read.Step()) << read.status().ToString();
  v1::Event e;
  ASSERT_TRUE(e.ParseFromString(std::string(read.ColumnBlob(0))));
  e.mutable_at()->set_seconds(e.at().seconds() - 86400);
  Statement write(db, "UPDATE events SET body = ?1, at = ?2 WHERE seq = ?3");
  write.BindBlob(1, e.SerializeAsString()).Bind(2, e.at().seconds()).Bind(3, seq);
  ASSERT_THAT(write.Run(), IsOk());
}

// Every stored hash recomputed from the bodies: what anyone who can write
// the file can do after an edit.
void RecomputeChain(Database& db) {
  std::vector<std::pair<std::int64_t, std::string>> hashes;
  {
    Statement all(db, "SELECT seq, body FROM events ORDER BY seq");
    std::string previous = GenesisHash();
    while (all.Step()) {
      previous =
          ChainHash(previous, static_cast<std::uint64_t>(all.ColumnInt(0)), all.ColumnBlob(1));
      hashes.emplace_back(all.ColumnInt(0), previous);
    }
    ASSERT_THAT(all.status(), IsOk());
  }
  for (const auto& [seq, hash] : hashes) {
    Statement write(db, "UPDATE events SET hash = ?1 WHERE seq = ?2");
    write.BindBlob(1, hash).Bind(2, seq);
    ASSERT_THAT(write.Run(), IsOk());
  }
}

// The anchor a daily export would have written with the log at `seq`.
LogAnchor AnchorAt(Database& db, std::int64_t seq, const std::string& name) {
  Statement st(db, "SELECT hash FROM events WHERE seq = ?1");
  st.Bind(1, seq);
  EXPECT_TRUE(st.Step()) << st.status().ToString();
  return LogAnchor{name, static_cast<std::uint64_t>(seq), crypto::Hex(st.ColumnBlob(0))};
}

TEST_F(IntegrityTest, AnchorsPassOnAnUntouchedLogAndCatchARewriteWithARecomputedChain) {
  Populate(3);
  auto db = Database::Open(db_);
  ASSERT_THAT(db, IsOk());
  const LogAnchor empty{"empty.json", 0, crypto::Hex(GenesisHash())};
  const LogAnchor at4 = AnchorAt(**db, 4, "at4.json");
  const LogAnchor at6 = AnchorAt(**db, 6, "at6.json");
  auto head = ReadChainHead(**db);
  ASSERT_THAT(head, IsOk());
  EXPECT_EQ(head->seq, 6u);
  EXPECT_EQ(crypto::Hex(head->hash), at6.hash_hex);
  LogAnchor upper = at4;  // copied by hand in upper case
  upper.name = "upper.json";
  for (char& c : upper.hash_hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  {
    IntegrityReport report;
    ASSERT_THAT(VerifyChain(**db, report, {at6, empty, at4, upper}), IsOk());
    EXPECT_TRUE(report.ok()) << ::testing::PrintToString(report.FailedChecks());
    ASSERT_EQ(report.anchors.size(), 4u);
    EXPECT_EQ(report.anchors[0].anchor.name, "at6.json");  // in the order given
    for (const AnchorFinding& f : report.anchors) {
      EXPECT_EQ(f.outcome, AnchorFinding::Outcome::kOk) << f.anchor.name;
    }
  }

  Backdate(**db, 3);
  RecomputeChain(**db);
  IntegrityReport plain;
  ASSERT_THAT(VerifyChain(**db, plain), IsOk());
  EXPECT_TRUE(plain.ok()) << plain.chain_problem;  // the chain alone cannot tell

  IntegrityReport report;
  ASSERT_THAT(VerifyChain(**db, report, {empty, at4, at6}), IsOk());
  EXPECT_EQ(report.FailedChecks(),
            (std::vector<std::string>{"anchor at4.json", "anchor at6.json"}));
  EXPECT_EQ(report.anchors[0].outcome, AnchorFinding::Outcome::kOk);  // before the edit
  EXPECT_EQ(report.anchors[1].outcome, AnchorFinding::Outcome::kMismatch);
  EXPECT_EQ(report.anchors[1].anchor.hash_hex, at4.hash_hex);
  EXPECT_EQ(report.anchors[1].found_hex, AnchorAt(**db, 4, "").hash_hex);
  EXPECT_NE(report.anchors[1].found_hex, at4.hash_hex);
}

TEST_F(IntegrityTest, AnAnchorBeyondTheEndOrAtADeletedEventFails) {
  Populate(2);
  auto db = Database::Open(db_);
  ASSERT_THAT(db, IsOk());
  const LogAnchor at2 = AnchorAt(**db, 2, "at2.json");
  const LogAnchor at4 = AnchorAt(**db, 4, "at4.json");
  const LogAnchor beyond{"beyond.json", 9, at4.hash_hex};
  {
    IntegrityReport report;
    ASSERT_THAT(VerifyChain(**db, report, {at2, beyond}), IsOk());
    EXPECT_EQ(report.FailedChecks(), std::vector<std::string>{"anchor beyond.json"});
    EXPECT_EQ(report.anchors[1].outcome, AnchorFinding::Outcome::kBeyondEnd);
  }
  ASSERT_THAT((*db)->Exec("DELETE FROM events WHERE seq = 2"), IsOk());
  IntegrityReport report;
  ASSERT_THAT(VerifyChain(**db, report, {at2, at4}), IsOk());
  EXPECT_EQ(report.FailedChecks(),
            (std::vector<std::string>{"hash chain", "anchor at2.json", "anchor at4.json"}));
  EXPECT_EQ(report.first_bad_seq, 2u);
  EXPECT_EQ(report.anchors[0].outcome, AnchorFinding::Outcome::kMismatch);
  EXPECT_EQ(report.anchors[0].found_hex, "");  // no event 2 any more
  // Past the break the chain is recomputed from what is there.
  EXPECT_EQ(report.anchors[1].outcome, AnchorFinding::Outcome::kMismatch);
  EXPECT_EQ(report.anchors[1].found_hex.size(), 64u);
}

TEST_F(IntegrityTest, TheTailCheckVerifiesTheLastEventsOnly) {
  Populate(5);  // events 1 to 10
  auto db = Database::Open(db_);
  ASSERT_THAT(db, IsOk());
  {
    IntegrityReport whole;  // more than the log: every event, from genesis
    ASSERT_THAT(VerifyChainTail(**db, kStartupTailEvents, whole), IsOk());
    EXPECT_TRUE(whole.ok());
    EXPECT_EQ(whole.events, 10u);
  }
  Backdate(**db, 2);
  {
    // Outside the last three: the bound of a tail check (the whole check
    // still sees it).
    IntegrityReport tail;
    ASSERT_THAT(VerifyChainTail(**db, 3, tail), IsOk());
    EXPECT_TRUE(tail.ok());
    EXPECT_EQ(tail.events, 3u);
    IntegrityReport whole;
    ASSERT_THAT(VerifyChain(**db, whole), IsOk());
    EXPECT_EQ(whole.first_bad_seq, 2u);
  }
  Backdate(**db, 9);
  {
    IntegrityReport tail;
    ASSERT_THAT(VerifyChainTail(**db, 3, tail), IsOk());
    EXPECT_EQ(tail.first_bad_seq, 9u);
    EXPECT_EQ(tail.chain_problem_en, "the stored hash of event 9 does not match its content");
  }
  ASSERT_THAT((*db)->Exec("DELETE FROM events WHERE seq = 9"), IsOk());
  {
    IntegrityReport tail;
    ASSERT_THAT(VerifyChainTail(**db, 3, tail), IsOk());
    EXPECT_EQ(tail.first_bad_seq, 9u);
    EXPECT_EQ(tail.chain_problem_en, "event 9 is missing (found 10 next)");
  }
  ASSERT_THAT((*db)->Exec("DELETE FROM events WHERE seq = 7"), IsOk());
  {
    IntegrityReport tail;  // the tail's base itself is gone
    ASSERT_THAT(VerifyChainTail(**db, 3, tail), IsOk());
    EXPECT_EQ(tail.first_bad_seq, 7u);
  }
}

TEST_F(IntegrityTest, TheTailCheckPassesAnEmptyLog) {
  Populate(0);
  auto db = Database::Open(db_);
  ASSERT_THAT(db, IsOk());
  IntegrityReport tail;
  ASSERT_THAT(VerifyChainTail(**db, kStartupTailEvents, tail), IsOk());
  EXPECT_TRUE(tail.ok());
  auto head = ReadChainHead(**db);
  ASSERT_THAT(head, IsOk());
  EXPECT_EQ(head->seq, 0u);
  EXPECT_EQ(head->hash, GenesisHash());
}

}  // namespace
}  // namespace motcua::sqlite
